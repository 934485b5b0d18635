//! Taking a complaint in: the complaint, its first audit row and the day's
//! counters in one batch. A submission's `Idempotency-Key` is unique on the
//! complaint itself, so a retry finds it instead of making another.

use super::write::{Event, Write};
use crate::db::{num, opt_text, Db};
use serde::Deserialize;
use shared::complaints::intake::StaffIntakeForm;
use shared::complaints::{ComplaintKind, ComplaintState};
use shared::engine::instant::Instant;
use worker::Result;

pub struct NewComplaint<'a> {
    pub complaint_no: &'a str,
    /// `None`: anonymous, no code.
    pub code_check: Option<&'a str>,
    pub client_key: Option<&'a str>,
    pub request_hash: &'a str,
    pub form: &'a StaffIntakeForm,
    pub now: Instant,
    pub accept_by: Instant,
    pub actor: &'a str,
    pub staff_id: Option<i64>,
    pub note: &'a str,
    pub nonce: &'a str,
}

/// Stores the complaint; `false` if the number or the key was taken first.
pub async fn create(db: &Db, c: &NewComplaint<'_>) -> Result<bool> {
    let f = &c.form.form;
    let kind = f.kind.unwrap_or(ComplaintKind::Complaint);
    let insert = db.statement(
        "INSERT INTO complaint (complaint_no, code_check, client_key, request_hash, channel, kind, anonymous, name, phone,
             id_number, subject, cause, course, received_at, received_on, accept_by, state, last_change)
         VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 'received', ?2)
         ON CONFLICT DO NOTHING",
        &[
            c.complaint_no.into(),
            c.nonce.into(),
            opt_text(c.code_check),
            opt_text(c.client_key),
            c.request_hash.into(),
            c.form.channel.as_str().into(),
            kind.as_str().into(),
            num(f.anonymous as i64),
            f.name.trim().into(),
            f.phone.trim().into(),
            f.id_number.trim().to_ascii_uppercase().into(),
            f.subject.trim().into(),
            f.cause.trim().into(),
            f.course.trim().into(),
            c.now.to_string().into(),
            c.now.date().to_string().into(),
            c.accept_by.to_string().into(),
        ],
    )?;
    let mut w = Write::after(db, c.complaint_no, c.nonce, insert);
    let to = ComplaintState::Received;
    w.event(&Event { at: c.now, actor: c.actor, staff_id: c.staff_id, from: None, to, note: c.note, public: Some("已收到") })?;
    w.tally(c.now.date(), &[], true, &shared::complaints::figures::on_received(kind))?;
    w.run().await
}

/// The complaint a key was first used for, and what was sent with it.
pub struct Claimed {
    pub complaint_no: String,
    pub request_hash: String,
    pub received_at: Instant,
    pub anonymous: bool,
}

pub async fn by_client_key(db: &Db, key: &str) -> Result<Option<Claimed>> {
    #[derive(Deserialize)]
    struct Row {
        complaint_no: String,
        request_hash: Option<String>,
        received_at: Instant,
        anonymous: u8,
    }
    let rows: Vec<Row> =
        db.rows("SELECT complaint_no, request_hash, received_at, anonymous FROM complaint WHERE client_key = ?1", &[key.into()]).await?;
    Ok(rows.into_iter().next().map(|r| Claimed {
        complaint_no: r.complaint_no,
        request_hash: r.request_hash.unwrap_or_default(),
        received_at: r.received_at,
        anonymous: r.anonymous == 1,
    }))
}
