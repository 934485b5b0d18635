//! SQL for efficiency complaints (migrations/0018_complaints.sql):
//! complaints, the units complained about, evidence, the audit trail and
//! counters.
//!
//! Every change of a complaint is one `batch()`: a guarded `UPDATE` naming
//! the version it read and a fresh nonce, then statements that run only
//! where that nonce landed (`write.rs`), so a lost race writes nothing.
//! The complainant's identity columns are read by `by_no` only; lists read
//! the name alone, and the routes drop it for anyone but the office.

pub mod create;
pub mod figures;
pub mod lists;
pub mod write;

/// Complainants' names, phones and identity numbers past their retention
/// (`db::retention`); an anonymous complaint has none to blank.
pub const COMPLAINANTS: crate::db::retention::Anonymised = crate::db::retention::Anonymised {
    table: "complaint",
    index: "complaint_anonymise_due",
    set: "name = CASE anonymous WHEN 1 THEN '' ELSE ?4 END, phone = '', id_number = ''",
    // The complainant's SMS (db/notify.rs::raised_notice) and the log provider's copies.
    copies: &[
        "UPDATE notice_log SET phone = '' WHERE outbox_id IN
             (SELECT id FROM notice_outbox WHERE case_no IN (SELECT complaint_no FROM complaint WHERE id IN ({due})))",
        "UPDATE notice_outbox SET phone = '' WHERE case_no IN (SELECT complaint_no FROM complaint WHERE id IN ({due}))",
    ],
};

use crate::db::{num, Db};
use serde::Deserialize;
use shared::complaints::complaint::ComplaintCallback;
use shared::complaints::views::{ComplaintEvent, ComplaintNote, Evidence, UnitRef};
use shared::complaints::{
    ComplaintChannel, ComplaintCloseReason, ComplaintKind, ComplaintState, FaultNotice, Finding, HandlingMode, Sanction,
};
use shared::engine::case_action::ExtensionState;
use shared::engine::instant::Instant;
use worker::Result;

/// A complaint as stored, with its handling unit's name.
#[derive(Deserialize)]
pub struct ComplaintRecord {
    pub id: i64,
    pub complaint_no: String,
    pub channel: ComplaintChannel,
    pub kind: ComplaintKind,
    pub anonymous: u8,
    pub name: String,
    pub phone: String,
    pub id_number: String,
    pub subject: String,
    pub cause: String,
    pub course: String,
    pub received_at: Instant,
    pub accept_by: Instant,
    pub state: ComplaintState,
    pub close_reason: Option<ComplaintCloseReason>,
    pub mode: Option<HandlingMode>,
    pub unit_id: Option<i64>,
    pub unit_name: Option<String>,
    pub instruction: String,
    pub decision: String,
    pub started_at: Option<Instant>,
    pub deadline: Option<Instant>,
    pub extension: ExtensionState,
    pub extension_reason: String,
    pub finding: Option<Finding>,
    pub people: String,
    pub facts: String,
    pub investigated_at: Option<Instant>,
    pub notice: Option<FaultNotice>,
    pub sanction: Option<Sanction>,
    pub reward: u8,
    pub held: u8,
    pub result: Option<String>,
    pub concluded_at: Option<Instant>,
    pub concluded_late: u8,
    pub last_callback: Option<ComplaintCallback>,
    pub redone: u32,
    pub public_timeline: String,
    pub version: i64,
}

impl ComplaintRecord {
    pub fn timeline(&self) -> Result<Vec<ComplaintNote>> {
        serde_json::from_str(&self.public_timeline).map_err(|e| crate::db::corrupt("public_timeline", e))
    }
}

/// One complaint by number: one row (and its unit's).
pub async fn by_no(db: &Db, complaint_no: &str) -> Result<Option<ComplaintRecord>> {
    let sql = "SELECT c.id, c.complaint_no, c.channel, c.kind, c.anonymous, c.name, c.phone, c.id_number, c.subject, c.cause,
            c.course, c.received_at, c.accept_by, c.state, c.close_reason, c.mode, c.unit_id, d.name AS unit_name,
            c.instruction, c.decision, c.started_at, c.deadline, c.extension, c.extension_reason, c.finding, c.people,
            c.facts, c.investigated_at, c.notice, c.sanction, c.reward, c.held, c.result, c.concluded_at,
            c.concluded_late, c.last_callback, c.redone, c.public_timeline, c.version
         FROM complaint c LEFT JOIN department d ON d.id = c.unit_id WHERE c.complaint_no = ?1";
    Ok(db.rows(sql, &[complaint_no.into()]).await?.into_iter().next())
}

/// The keyed check of a complaint's query code (none for an anonymous one).
pub async fn code_check(db: &Db, complaint_no: &str) -> Result<Option<String>> {
    #[derive(Deserialize)]
    struct Row {
        code_check: Option<String>,
    }
    let rows: Vec<Row> = db.rows("SELECT code_check FROM complaint WHERE complaint_no = ?1", &[complaint_no.into()]).await?;
    Ok(rows.into_iter().next().and_then(|r| r.code_check))
}

pub async fn events(db: &Db, complaint_id: i64) -> Result<Vec<ComplaintEvent>> {
    let rows = crate::db::audit::trail(db, "complaint_event", "complaint_id", complaint_id).await?;
    Ok(rows.into_iter().map(|r| ComplaintEvent { at: r.at, actor: r.actor, note: r.note, public: r.public == 1 }).collect())
}

/// The units complained about, as the investigation names them.
pub async fn subjects(db: &Db, complaint_id: i64) -> Result<Vec<UnitRef>> {
    db.rows(
        "SELECT d.id, d.name FROM complaint_subject s JOIN department d ON d.id = s.unit_id WHERE s.complaint_id = ?1 ORDER BY d.id",
        &[num(complaint_id)],
    )
    .await
}

pub async fn evidence(db: &Db, complaint_id: i64) -> Result<Vec<Evidence>> {
    db.rows(
        "SELECT id, file_name, content_type, size, at FROM complaint_evidence WHERE complaint_id = ?1 ORDER BY id",
        &[num(complaint_id)],
    )
    .await
}

/// An evidence file's object key and type, if it belongs to the complaint.
pub struct StoredEvidence {
    pub r2_key: String,
    pub content_type: String,
}

pub async fn stored_evidence(db: &Db, complaint_id: i64, id: i64) -> Result<Option<StoredEvidence>> {
    #[derive(Deserialize)]
    struct Row {
        r2_key: String,
        content_type: String,
    }
    let rows: Vec<Row> = db
        .rows("SELECT r2_key, content_type FROM complaint_evidence WHERE id = ?1 AND complaint_id = ?2", &[num(id), num(complaint_id)])
        .await?;
    Ok(rows.into_iter().next().map(|r| StoredEvidence { r2_key: r.r2_key, content_type: r.content_type }))
}

/// The names of the active units among `ids` (unknown or inactive ones left out).
pub async fn active_units(db: &Db, ids: &[i64]) -> Result<Vec<UnitRef>> {
    let ids = serde_json::to_string(ids)?;
    db.rows("SELECT id, name FROM department WHERE active = 1 AND id IN (SELECT value FROM json_each(?1)) ORDER BY id", &[ids.into()]).await
}
