//! SQL for document transmission (migrations/0021_documents.sql): outgoing
//! documents, their files, one row per recipient unit, the receipt chain,
//! the sign-for limits and the counters.
//!
//! Every change after registration is one `batch()` whose first statement
//! moves the receipt chain's head on from the head it read (and names the
//! version the caller read), so two changes never fork the chain and a
//! stale one writes nothing (`chain.rs`).

pub mod chain;
pub mod figures;
pub mod incoming;
pub mod lists;

use crate::db::{num, Db};
use serde::Deserialize;
use shared::documents::forms::{OutgoingForm, SignLimits};
use shared::documents::views::{DocCounts, DocFile, RecipientRow};
use shared::documents::{DocState, FileKind, RecipientRole, RecipientState, Urgency};
use shared::engine::instant::Instant;
use shared::streamline::DocLevel;
use worker::Result;

/// An outgoing document as stored.
#[derive(Deserialize)]
pub struct DocRecord {
    pub id: i64,
    pub doc_key: String,
    pub request_id: i64,
    pub title: String,
    pub number: String,
    pub level: DocLevel,
    pub urgency: Urgency,
    pub signer: String,
    pub addressees: String,
    pub state: DocState,
    pub created_at: Instant,
    pub sent_at: Option<Instant>,
    pub recipients: u32,
    pub opened: u32,
    pub signed: u32,
    pub returned: u32,
    pub recalled: u32,
    pub head_hash: String,
    pub receipts: u32,
    pub version: i64,
}

impl DocRecord {
    pub fn counts(&self) -> DocCounts {
        DocCounts {
            recipients: self.recipients,
            opened: self.opened,
            signed: self.signed,
            returned: self.returned,
            recalled: self.recalled,
        }
    }

    /// The recipients as chosen when registered.
    pub fn addressees(&self) -> Result<OutgoingForm> {
        serde_json::from_str(&self.addressees).map_err(|e| crate::db::corrupt("addressees", e))
    }
}

pub(crate) const DOC: &str = "d.id, d.doc_key, d.request_id, d.title, d.number, d.level, d.urgency, d.signer, d.addressees, d.state,
    d.created_at, d.sent_at, d.recipients, d.opened, d.signed, d.returned, d.recalled, d.head_hash, d.receipts, d.version";

pub async fn by_key(db: &Db, doc_key: &str) -> Result<Option<DocRecord>> {
    let sql = format!("SELECT {DOC} FROM doc_outgoing d WHERE d.doc_key = ?1");
    Ok(db.rows(&sql, &[doc_key.into()]).await?.into_iter().next())
}

/// One recipient's copy as stored.
#[derive(Deserialize)]
pub struct CopyRecord {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub role: RecipientRole,
    pub state: RecipientState,
    pub version: i64,
    pub delivered_at: Instant,
    pub due_at: Option<Instant>,
    pub opened_at: Option<Instant>,
    pub opened_by: Option<String>,
    pub signed_at: Option<Instant>,
    pub signed_by: Option<String>,
    pub returned_at: Option<Instant>,
    pub return_reason: Option<String>,
    pub handled_at: Option<Instant>,
    pub handled_note: Option<String>,
    pub recalled_at: Option<Instant>,
    pub chased: u32,
    pub last_chased_at: Option<Instant>,
    pub receive_year: Option<i32>,
    pub receive_seq: Option<u32>,
    pub proposal: Option<String>,
    pub instruction: Option<String>,
    pub instructed_by: Option<String>,
    pub lead: Option<String>,
    pub lead_due: Option<shared::engine::date::Date>,
}

impl CopyRecord {
    pub fn row(self, now: Instant) -> RecipientRow {
        RecipientRow {
            receive_no: self.receive_seq.zip(self.receive_year).map(|(n, y)| shared::documents::incoming::receive_no(y, n)),
            overdue: shared::documents::rules::overdue(self.state, self.due_at, now),
            unit_id: self.unit_id,
            unit_name: self.unit_name,
            role: self.role,
            state: self.state,
            version: self.version,
            delivered_at: self.delivered_at,
            opened_at: self.opened_at,
            opened_by: self.opened_by,
            signed_at: self.signed_at,
            signed_by: self.signed_by,
            returned_at: self.returned_at,
            return_reason: self.return_reason,
            handled_at: self.handled_at,
            handled_note: self.handled_note,
            recalled_at: self.recalled_at,
            chased: self.chased,
            last_chased_at: self.last_chased_at,
            due_at: self.due_at,
        }
    }
}

/// A document's copies (every one, or one unit's), main before copy, by unit:
/// the flat rows of the sender's page, through the (doc_id, unit_id) index.
pub async fn copies(db: &Db, doc_id: i64, unit: Option<i64>) -> Result<Vec<CopyRecord>> {
    db.rows(
        "SELECT r.id, r.unit_id, coalesce(u.name, '') AS unit_name, r.role, r.state, r.version, r.delivered_at, r.due_at,
                r.opened_at, r.opened_by, r.signed_at, r.signed_by, r.returned_at, r.return_reason, r.handled_at, r.handled_note,
                r.recalled_at, r.chased, r.last_chased_at, r.receive_year, r.receive_seq, r.proposal, r.instruction, r.instructed_by,
                r.lead, r.lead_due
         FROM doc_recipient r LEFT JOIN department u ON u.id = r.unit_id
         WHERE r.doc_id = ?1 AND (?2 IS NULL OR r.unit_id = ?2) ORDER BY r.role DESC, r.unit_id",
        &[num(doc_id), crate::db::opt_int(unit)],
    )
    .await
}

pub async fn files(db: &Db, doc_id: i64) -> Result<Vec<DocFile>> {
    db.rows("SELECT id, kind, file_name, content_type, size FROM doc_file WHERE doc_id = ?1 ORDER BY id", &[num(doc_id)]).await
}

/// A file's object key and type, if it belongs to the document.
pub async fn stored_file(db: &Db, doc_id: i64, id: i64) -> Result<Option<(String, String)>> {
    #[derive(Deserialize)]
    struct Row {
        r2_key: String,
        content_type: String,
    }
    let rows: Vec<Row> =
        db.rows("SELECT r2_key, content_type FROM doc_file WHERE id = ?1 AND doc_id = ?2", &[num(id), num(doc_id)]).await?;
    Ok(rows.into_iter().next().map(|r| (r.r2_key, r.content_type)))
}

/// A file stored in R2, to record.
pub struct NewFile<'a> {
    pub doc_id: i64,
    pub kind: FileKind,
    pub key: &'a str,
    pub name: &'a str,
    pub content_type: &'a str,
    pub size: u64,
    pub at: Instant,
}

/// Records a stored file (a new body replaces the old one's row; the
/// caller removes its object). `false` if the document was sent meanwhile.
pub async fn add_file(db: &Db, f: &NewFile<'_>) -> Result<bool> {
    let draft = "EXISTS (SELECT 1 FROM doc_outgoing WHERE id = ?1 AND state = 'draft')";
    let results = db
        .batch(vec![
            db.statement(
                &format!(
                    "INSERT INTO doc_file (doc_id, kind, r2_key, file_name, content_type, size, at) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE {draft}"
                ),
                &[
                    num(f.doc_id),
                    f.kind.as_str().into(),
                    f.key.into(),
                    f.name.into(),
                    f.content_type.into(),
                    num(f.size as i64),
                    f.at.to_string().into(),
                ],
            )?,
            db.statement(
                &format!("DELETE FROM doc_file WHERE doc_id = ?1 AND kind = 'body' AND ?2 = 'body' AND r2_key <> ?3 AND {draft}"),
                &[num(f.doc_id), f.kind.as_str().into(), f.key.into()],
            )?,
        ])
        .await?;
    Ok(crate::db::wrote(results.first()))
}

/// Registers a document from an issued request (one per request: a
/// second answers `None`).
#[allow(clippy::too_many_arguments)]
pub async fn create(
    db: &Db,
    form: &OutgoingForm,
    title: &str,
    number: &str,
    level: DocLevel,
    staff_id: i64,
    now: Instant,
    nonce: &str,
) -> Result<Option<String>> {
    let key = shared::documents::doc_key(form.request_id);
    let addressees = serde_json::to_string(form)?;
    let results = db
        .batch(vec![db.statement(
            "INSERT INTO doc_outgoing (doc_key, request_id, title, number, level, urgency, signer, not_classified, addressees, state,
                 created_at, created_by, last_change)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, 'draft', ?9, ?10, ?11) ON CONFLICT (request_id) DO NOTHING",
            &[
                key.as_str().into(),
                num(form.request_id),
                title.into(),
                number.into(),
                level.as_str().into(),
                form.urgency.as_str().into(),
                form.signer.trim().into(),
                addressees.into(),
                now.to_string().into(),
                num(staff_id),
                nonce.into(),
            ],
        )?])
        .await?;
    Ok(crate::db::wrote(results.first()).then_some(key))
}

/// The units a send reaches: the named ones with their active flag and
/// name, and the active members of the named groups.
#[derive(Deserialize)]
pub struct Unit {
    pub id: i64,
    pub name: String,
    pub active: u8,
}

pub async fn units(db: &Db, ids: &[i64]) -> Result<Vec<Unit>> {
    let ids = serde_json::to_string(ids)?;
    db.rows("SELECT id, name, active FROM department WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id", &[ids.into()]).await
}

pub async fn group_members(db: &Db, groups: &[i64]) -> Result<Vec<Unit>> {
    let ids = serde_json::to_string(groups)?;
    db.rows(
        "SELECT DISTINCT d.id, d.name, d.active FROM unit_group_member m JOIN department d ON d.id = m.department_id
         WHERE m.group_id IN (SELECT value FROM json_each(?1)) ORDER BY d.id",
        &[ids.into()],
    )
    .await
}

pub async fn limits(db: &Db) -> Result<SignLimits> {
    let rows: Vec<SignLimits> = db.rows("SELECT extra_urgent_hours, urgent_days FROM doc_settings WHERE id = 1", &[]).await?;
    Ok(rows.into_iter().next().unwrap_or_default())
}

pub async fn save_limits(db: &Db, l: SignLimits) -> Result<()> {
    db.batch(vec![db.statement(
        "INSERT INTO doc_settings (id, extra_urgent_hours, urgent_days) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET extra_urgent_hours = excluded.extra_urgent_hours, urgent_days = excluded.urgent_days",
        &[num(l.extra_urgent_hours as i64), num(l.urgent_days as i64)],
    )?])
    .await?;
    Ok(())
}
