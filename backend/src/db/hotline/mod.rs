//! SQL for the hotline (migrations/0015_hotline.sql): tickets, units'
//! parts, merged callers, the audit trail, notices, counters, the dispatch
//! catalogue, the knowledge base and Open311 keys.
//!
//! Every change of a ticket is one `batch()`: a guarded `UPDATE` naming the
//! version it read and a fresh nonce, then statements that run only where
//! that nonce landed (`write.rs`), so a lost race writes nothing at all.

pub mod catalogue;
pub mod changes;
pub mod create;
pub mod figures;
pub mod keys;
pub mod lists;
pub mod notices;
pub mod open311;
pub mod write;

/// Callers' names and phones, and those of callers merged into a ticket,
/// past their retention (`db::retention`).
pub const CALLERS: crate::db::retention::Anonymised = crate::db::retention::Anonymised {
    table: "hotline_ticket",
    index: "hotline_ticket_anonymise_due",
    set: "caller_name = ?4, caller_phone = ''",
    copies: &[
        "UPDATE hotline_caller SET name = ?4, phone = '' WHERE ticket_id IN ({due})",
        // The caller's SMS (db/notify.rs::raised_notice) and the log provider's copies.
        "UPDATE notice_log SET phone = '' WHERE outbox_id IN
             (SELECT id FROM notice_outbox WHERE case_no IN (SELECT ticket_no FROM hotline_ticket WHERE id IN ({due})))",
        "UPDATE notice_outbox SET phone = '' WHERE case_no IN (SELECT ticket_no FROM hotline_ticket WHERE id IN ({due}))",
    ],
};

use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::case_action::ExtensionState;
use shared::engine::instant::Instant;
use shared::engine::limit::Limit;
use shared::hotline::ticket::{CallbackResult, Rating};
use shared::hotline::views::{PublicNote, TicketEvent};
use shared::hotline::{Channel, CloseReason, Kind, PartState, Role, TicketState, Urgency};
use worker::Result;

/// A ticket as stored, with its category's and lead unit's names.
#[derive(Deserialize)]
pub struct TicketRecord {
    pub id: i64,
    pub ticket_no: String,
    pub channel: Channel,
    pub kind: Kind,
    pub urgency: Urgency,
    pub confidential: u8,
    pub city_ticket_no: String,
    pub caller_name: String,
    pub caller_phone: String,
    pub address: String,
    pub occurred: String,
    pub cause: String,
    pub course: String,
    pub received_at: Instant,
    pub state: TicketState,
    pub close_reason: Option<CloseReason>,
    pub category_id: Option<i64>,
    pub category_name: Option<String>,
    pub lead_unit_id: Option<i64>,
    pub lead_unit_name: Option<String>,
    pub limit_code: Option<String>,
    pub started_at: Option<Instant>,
    pub deadline: Option<Instant>,
    pub dispatched_at: Option<Instant>,
    pub extension: ExtensionState,
    pub extension_amount: u32,
    pub extension_reason: String,
    pub reply_text: Option<String>,
    pub reply_policy: Option<String>,
    pub reply_signed_off_by: Option<String>,
    pub reply_at: Option<Instant>,
    pub reopened: u32,
    pub notices: u32,
    pub callback_tries: u32,
    pub last_callback: Option<CallbackResult>,
    pub rating: Option<Rating>,
    pub merged_into: Option<String>,
    pub contact_granted: u8,
    pub public_timeline: String,
    pub version: i64,
}

impl TicketRecord {
    /// The limit that runs (extensions included), once dispatched.
    pub fn limit(&self) -> Option<Limit> {
        self.limit_code.as_deref().and_then(Limit::from_code)
    }

    pub fn timeline(&self) -> Result<Vec<PublicNote>> {
        serde_json::from_str(&self.public_timeline).map_err(|e| crate::db::corrupt("public_timeline", e))
    }
}

const TICKET_COLUMNS: &str = "t.id, t.ticket_no, t.channel, t.kind, t.urgency, t.confidential, t.city_ticket_no, t.caller_name,
    t.caller_phone, t.address, t.occurred, t.cause, t.course, t.received_at, t.state, t.close_reason, t.category_id,
    c.name AS category_name, t.lead_unit_id, d.name AS lead_unit_name, t.limit_code, t.started_at, t.deadline,
    t.dispatched_at, t.extension, t.extension_amount, t.extension_reason, t.reply_text, t.reply_policy,
    t.reply_signed_off_by, t.reply_at, t.reopened, t.notices, t.callback_tries, t.last_callback, t.rating,
    t.merged_into, t.contact_granted, t.public_timeline, t.version";

/// One ticket by number: one row (and its category's and unit's).
pub async fn by_no(db: &Db, ticket_no: &str) -> Result<Option<TicketRecord>> {
    let sql = format!(
        "SELECT {TICKET_COLUMNS} FROM hotline_ticket t
         LEFT JOIN hotline_category c ON c.id = t.category_id LEFT JOIN department d ON d.id = t.lead_unit_id
         WHERE t.ticket_no = ?1"
    );
    Ok(db.rows(&sql, &[ticket_no.into()]).await?.into_iter().next())
}

/// The keyed check of a ticket's query code (one row by its unique index).
pub async fn code_check(db: &Db, ticket_no: &str) -> Result<Option<String>> {
    #[derive(Deserialize)]
    struct Row {
        code_check: String,
    }
    let rows: Vec<Row> = db.rows("SELECT code_check FROM hotline_ticket WHERE ticket_no = ?1", &[ticket_no.into()]).await?;
    Ok(rows.into_iter().next().map(|r| r.code_check))
}

/// A unit's part, with the unit's name and kind.
#[derive(Deserialize)]
pub struct PartRecord {
    pub unit_id: i64,
    pub unit_name: String,
    pub role: Role,
    pub state: PartState,
    pub sent_at: Instant,
    pub sign_by: Instant,
    pub signed_at: Option<Instant>,
    pub signed_late: u8,
    pub return_reason: String,
    pub return_decision: String,
    pub contribution: String,
}

pub async fn parts(db: &Db, ticket_id: i64) -> Result<Vec<PartRecord>> {
    db.rows(
        "SELECT p.unit_id, d.name AS unit_name, p.role, p.state, p.sent_at, p.sign_by, p.signed_at,
                p.signed_late, p.return_reason, p.return_decision, p.contribution
         FROM hotline_part p JOIN department d ON d.id = p.unit_id
         WHERE p.ticket_id = ?1 ORDER BY p.role DESC, p.sent_at",
        &[num(ticket_id)],
    )
    .await
}

pub async fn events(db: &Db, ticket_id: i64) -> Result<Vec<TicketEvent>> {
    let rows = crate::db::audit::trail(db, "hotline_event", "ticket_id", ticket_id).await?;
    Ok(rows.into_iter().map(|r| TicketEvent { at: r.at, actor: r.actor, note: r.note, public: r.public == 1 }).collect())
}

/// Callers of tickets merged into this one.
#[derive(Deserialize)]
pub struct OtherCaller {
    pub name: String,
    pub phone: String,
    pub address: String,
}

pub async fn other_callers(db: &Db, ticket_id: i64) -> Result<Vec<OtherCaller>> {
    db.rows("SELECT name, phone, address FROM hotline_caller WHERE ticket_id = ?1 ORDER BY from_ticket", &[num(ticket_id)]).await
}
