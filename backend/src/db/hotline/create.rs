//! Taking a ticket in: the ticket, its first audit row and the day's
//! counter in one batch. A submission's `Idempotency-Key` is unique on the
//! ticket itself, so a retry finds the ticket instead of making another.

use super::write::{self, Event};
use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::instant::Instant;
use shared::hotline::intake::IntakeForm;
use shared::hotline::TicketState;
use worker::Result;

pub struct NewTicket<'a> {
    pub ticket_no: &'a str,
    pub code_check: &'a str,
    pub client_key: Option<&'a str>,
    pub request_hash: &'a str,
    pub form: &'a IntakeForm,
    pub address_key: &'a str,
    pub now: Instant,
    pub actor: &'a str,
    pub staff_id: Option<i64>,
    pub note: &'a str,
    pub nonce: &'a str,
}

/// Stores the ticket; `false` if the number or the key was taken first.
pub async fn create(db: &Db, t: &NewTicket<'_>) -> Result<bool> {
    let f = &t.form;
    let c = &f.caller;
    let kind = c.kind.map(|k| k.as_str()).unwrap_or("consultation");
    let insert = db.statement(
        "INSERT INTO hotline_ticket (ticket_no, code_check, client_key, request_hash, channel, kind, urgency, confidential,
             city_ticket_no, caller_name, caller_phone, address, address_key, occurred, cause, course, received_at,
             received_on, state, last_change)
         VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, 'received', ?2)
         ON CONFLICT DO NOTHING",
        &[
            t.ticket_no.into(),
            t.nonce.into(),
            t.code_check.into(),
            t.client_key.map(Into::into).unwrap_or(worker::wasm_bindgen::JsValue::NULL),
            t.request_hash.into(),
            f.channel.as_str().into(),
            kind.into(),
            f.urgency.as_str().into(),
            num(c.confidential as i64),
            f.city_ticket_no.trim().into(),
            c.caller_name.trim().into(),
            c.caller_phone.trim().into(),
            c.address.trim().into(),
            t.address_key.into(),
            c.occurred.trim().into(),
            c.cause.trim().into(),
            c.course.trim().into(),
            t.now.to_string().into(),
            t.now.date().to_string().into(),
        ],
    )?;
    let mut w = write::after(db, t.ticket_no, t.nonce, insert);
    let received = TicketState::Received;
    w.event(&Event { at: t.now, actor: t.actor, staff_id: t.staff_id, from: None, to: received, note: t.note, public: true })?;
    w.count(t.now.date(), None, &shared::hotline::figures::on_received())?;
    w.run().await
}

/// The ticket a key was first used for, and what was sent with it.
pub struct Claimed {
    pub ticket_no: String,
    pub request_hash: String,
    pub received_at: Instant,
}

pub async fn by_client_key(db: &Db, key: &str) -> Result<Option<Claimed>> {
    #[derive(Deserialize)]
    struct Row {
        ticket_no: String,
        request_hash: Option<String>,
        received_at: Instant,
    }
    let rows: Vec<Row> =
        db.rows("SELECT ticket_no, request_hash, received_at FROM hotline_ticket WHERE client_key = ?1", &[key.into()]).await?;
    Ok(rows.into_iter().next().map(|r| Claimed {
        ticket_no: r.ticket_no,
        request_hash: r.request_hash.unwrap_or_default(),
        received_at: r.received_at,
    }))
}
