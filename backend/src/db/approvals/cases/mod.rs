//! SQL for `case_record`, `case_department`, `case_file` and `case_event`
//! (migrations/0004_cases.sql): creating, reading and changing one case;
//! the applicant's stored view of it in `tracking.rs`.
//! The inbox's list query is in `inbox.rs`, submission keys in `idempotency.rs`.
//!
//! Writes go in one `batch()` (atomic in D1). A state change names the
//! version it read and a fresh nonce; the audit row is inserted only where
//! that nonce landed, so a lost race writes nothing at all.

use crate::db::{num, Db};
use serde::Deserialize;
use shared::approvals::case::{CaseEvent, CaseFile, CaseState};
use shared::approvals::matter::HandlingClass;
use worker::Result;

pub(super) use crate::db::corrupt;

mod change;
mod create;
mod tracking;
pub use change::*;
pub use create::*;
pub use tracking::*;

// ---- reading a case -------------------------------------------------------

#[derive(Deserialize)]
pub struct CaseRow {
    pub id: i64,
    pub case_no: String,
    pub matter_id: i64,
    pub matter_version: u32,
    /// The matter's name in the version the case was submitted under.
    pub matter_name: String,
    pub department_id: i64,
    pub department_name: String,
    pub co_departments: Option<String>,
    pub state: String,
    pub class: Option<HandlingClass>,
    pub applicant_kind: String,
    pub applicant_name: String,
    pub id_number: String,
    pub mobile: String,
    pub address: String,
    pub fields: String,
    pub submitted_at: shared::engine::instant::Instant,
    pub accepted_on: Option<shared::engine::date::Date>,
    pub committed_days: Option<u32>,
    pub deadline: Option<shared::engine::instant::Instant>,
    pub supplement_items: String,
    pub return_reasons: Option<String>,
    pub report_authority: Option<String>,
    pub version: i64,
    pub paused: u8,
    pub result: Option<String>,
    /// The matter's yellow-card threshold.
    pub yellow_days: u32,
    pub assignee_id: Option<i64>,
    pub assignee: Option<String>,
    pub sms_opt_out: u8,
}

impl CaseRow {
    pub fn state(&self) -> Result<CaseState> {
        CaseState::parse(&self.state).ok_or_else(|| corrupt("case state", &self.state))
    }

    pub fn co_departments(&self) -> Vec<i64> {
        self.co_departments.as_deref().unwrap_or("").split(',').filter_map(|s| s.parse().ok()).collect()
    }

    pub fn supplement_items(&self) -> Result<Vec<String>> {
        serde_json::from_str(&self.supplement_items).map_err(|e| corrupt("supplement_items", e))
    }
}

pub async fn by_case_no(db: &Db, case_no: &str) -> Result<Option<CaseRow>> {
    let rows: Vec<CaseRow> = db
        .rows(
            "SELECT c.id, c.case_no, c.matter_id, c.matter_version,
                    coalesce((SELECT json_extract(v.content, '$.name') FROM matter_version v
                              WHERE v.matter_id = c.matter_id AND v.number = c.matter_version), m.name) AS matter_name,
                    c.department_id,
                    d.name AS department_name,
                    (SELECT group_concat(department_id) FROM case_department cd
                      WHERE cd.case_id = c.id AND cd.lead = 0) AS co_departments,
                    c.state, c.class, c.applicant_kind, c.applicant_name, c.id_number, c.mobile, c.address,
                    c.fields, c.submitted_at, c.accepted_on, c.committed_days, c.deadline, c.supplement_items,
                    c.return_reasons, c.report_authority, c.version, c.paused, c.result, m.yellow_days,
                    c.assignee_id, s.name AS assignee, c.sms_opt_out
             FROM case_record c JOIN matter m ON m.id = c.matter_id JOIN department d ON d.id = c.department_id
                  LEFT JOIN staff s ON s.id = c.assignee_id
             WHERE c.case_no = ?1",
            &[case_no.into()],
        )
        .await?;
    Ok(rows.into_iter().next())
}

/// The case numbers an applicant (by identity number or credit code) has,
/// oldest first, at most `limit` (through `case_by_id_number`, migration 0024).
pub async fn numbers_of_applicant(db: &Db, id_number: &str, limit: u32) -> Result<Vec<String>> {
    #[derive(Deserialize)]
    struct Row {
        case_no: String,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT case_no FROM case_record WHERE id_number = ?1 ORDER BY submitted_at, id LIMIT ?2",
            &[id_number.into(), num(i64::from(limit))],
        )
        .await?;
    Ok(rows.into_iter().map(|r| r.case_no).collect())
}

/// The stored check of a case's query code (the only thing kept of the
/// code), by the unique index on the case number. An unknown number reads
/// the first case's check instead, which cannot match (the check includes
/// the case number): a miss reads as many rows as a hit, so the rows read
/// do not tell an unknown case from a wrong code.
pub async fn code_check(db: &Db, case_no: &str) -> Result<Option<String>> {
    #[derive(Deserialize)]
    struct Row {
        check: Option<String>,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT coalesce((SELECT query_code_hash FROM case_record WHERE case_no = ?1),
                             (SELECT query_code_hash FROM case_record ORDER BY id LIMIT 1)) AS \"check\"",
            &[case_no.into()],
        )
        .await?;
    Ok(rows.into_iter().next().and_then(|r| r.check))
}

pub async fn events(db: &Db, case_id: i64) -> Result<Vec<CaseEvent>> {
    #[derive(Deserialize)]
    struct Row {
        at: shared::engine::instant::Instant,
        actor: String,
        from_state: Option<String>,
        to_state: String,
        note: String,
    }
    let rows: Vec<Row> =
        db.rows("SELECT at, actor, from_state, to_state, note FROM case_event WHERE case_id = ?1 ORDER BY id", &[num(case_id)]).await?;
    rows.into_iter()
        .map(|r| {
            Ok(CaseEvent {
                at: r.at,
                actor: r.actor,
                from_state: r.from_state.as_deref().and_then(CaseState::parse),
                to_state: CaseState::parse(&r.to_state).ok_or_else(|| corrupt("event state", &r.to_state))?,
                note: r.note,
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct FileRow {
    id: i64,
    material_id: i64,
    round: u32,
    file_name: String,
    content_type: String,
    size: u64,
}

impl From<FileRow> for CaseFile {
    fn from(r: FileRow) -> CaseFile {
        CaseFile {
            id: r.id,
            material_id: r.material_id,
            round: r.round,
            file_name: r.file_name,
            content_type: r.content_type,
            size: r.size,
        }
    }
}

pub async fn files(db: &Db, case_id: i64) -> Result<Vec<CaseFile>> {
    let rows: Vec<FileRow> = db
        .rows("SELECT id, material_id, round, file_name, content_type, size FROM case_file WHERE case_id = ?1 ORDER BY id", &[num(case_id)])
        .await?;
    Ok(rows.into_iter().map(CaseFile::from).collect())
}

/// Where a stored file lives, and which case it belongs to.
#[derive(Deserialize)]
pub struct StoredFile {
    pub content_type: String,
    pub r2_key: String,
    pub case_no: String,
}

pub async fn stored_file(db: &Db, id: i64) -> Result<Option<StoredFile>> {
    let rows: Vec<StoredFile> = db
        .rows(
            "SELECT f.content_type, f.r2_key, c.case_no
             FROM case_file f JOIN case_record c ON c.id = f.case_id WHERE f.id = ?1",
            &[num(id)],
        )
        .await?;
    Ok(rows.into_iter().next())
}
