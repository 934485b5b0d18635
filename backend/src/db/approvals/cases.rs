//! SQL for `case_record`, `case_department`, `case_file` and `case_event`
//! (migrations/0004_cases.sql): creating, reading and changing one case.
//! The inbox's list query is in `inbox.rs`, submission keys in `idempotency.rs`.
//!
//! Writes go in one `batch()` (atomic in D1). A state change names the
//! version it read and a fresh nonce; the audit row is inserted only where
//! that nonce landed, so a lost race writes nothing at all.

use crate::db::{num, opt_int, opt_text, Db};
use serde::Deserialize;
use shared::approvals::case::{CaseEvent, CaseFile, CaseState};
use shared::approvals::matter::HandlingClass;
use worker::{D1PreparedStatement, Result};

pub(super) use crate::db::corrupt;

// ---- creating a case ------------------------------------------------------

pub struct NewCase<'a> {
    pub case_no: &'a str,
    pub query_code_hash: &'a str,
    pub matter_id: i64,
    /// The catalogue version it is submitted under.
    pub matter_version: u32,
    pub department_id: i64,
    pub applicant_kind: &'a str,
    pub applicant_name: &'a str,
    pub id_number: &'a str,
    pub mobile: &'a str,
    pub address: &'a str,
    pub fields_json: &'a str,
    pub now: &'a str,
    /// The day it was received (China Standard Time), for the statistics.
    pub day: shared::engine::date::Date,
    pub nonce: &'a str,
}

pub struct NewFile {
    pub material_id: i64,
    pub r2_key: String,
    pub file_name: String,
    pub content_type: &'static str,
    pub size: u64,
}

/// File rows, written only if the case's last change is `nonce`.
fn insert_files(db: &Db, case_no: &str, nonce: &str, round: u32, files: &[NewFile], now: &str) -> Result<Vec<D1PreparedStatement>> {
    files
        .iter()
        .map(|f| {
            db.statement(
                "INSERT INTO case_file (case_id, material_id, round, r2_key, file_name, content_type, size, uploaded_at)
                 SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8 FROM case_record WHERE case_no = ?1 AND last_change = ?9",
                &[
                    case_no.into(),
                    num(f.material_id),
                    num(round as i64),
                    f.r2_key.as_str().into(),
                    f.file_name.as_str().into(),
                    f.content_type.into(),
                    num(f.size as i64),
                    now.into(),
                    nonce.into(),
                ],
            )
        })
        .collect()
}

/// The case, its lead department, files, first audit event and the stored
/// receipt, in one atomic batch, if this attempt still holds the claim on
/// `idempotency_key` (db/idempotency.rs); `false` if it lost it.
pub async fn create(db: &Db, c: &NewCase<'_>, files: &[NewFile], idempotency_key: &str, receipt_json: &str) -> Result<bool> {
    let mut statements = vec![
        db.statement(
            "INSERT INTO case_record (case_no, query_code_hash, matter_id, department_id, state, applicant_kind,
                 applicant_name, id_number, mobile, address, fields, submitted_at, last_change, matter_version)
             SELECT ?1, ?2, ?3, ?4, 'submitted', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?14
             WHERE EXISTS (SELECT 1 FROM idempotency WHERE key = ?13 AND case_no = ?1 AND receipt IS NULL)",
            &[
                c.case_no.into(),
                c.query_code_hash.into(),
                num(c.matter_id),
                num(c.department_id),
                c.applicant_kind.into(),
                c.applicant_name.into(),
                c.id_number.into(),
                c.mobile.into(),
                c.address.into(),
                c.fields_json.into(),
                c.now.into(),
                c.nonce.into(),
                idempotency_key.into(),
                num(c.matter_version as i64),
            ],
        )?,
        db.statement(
            "INSERT INTO case_department (department_id, case_id, lead) SELECT department_id, id, 1 FROM case_record WHERE case_no = ?1",
            &[c.case_no.into()],
        )?,
        event_statement(db, c.case_no, c.nonce, "申请人", None, None, CaseState::Submitted, "在线提交申请", c.now)?,
        super::idempotency::store_receipt(db, idempotency_key, c.case_no, receipt_json)?,
    ];
    statements.extend(insert_files(db, c.case_no, c.nonce, 0, files, c.now)?);
    statements.extend(super::stats::add(db, c.case_no, c.nonce, c.day, &shared::approvals::stats::on_received())?);
    let results = db.batch(statements).await?;
    Ok(crate::db::wrote(results.first()))
}

/// An audit row, written only if the case's last change is `nonce`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn event_statement(
    db: &Db,
    case_no: &str,
    nonce: &str,
    actor: &str,
    staff_id: Option<i64>,
    from: Option<CaseState>,
    to: CaseState,
    note: &str,
    now: &str,
) -> Result<D1PreparedStatement> {
    db.statement(
        "INSERT INTO case_event (case_id, at, actor, staff_id, from_state, to_state, note)
         SELECT id, ?3, ?4, ?5, ?6, ?7, ?8 FROM case_record WHERE case_no = ?1 AND last_change = ?2",
        &[
            case_no.into(),
            nonce.into(),
            now.into(),
            actor.into(),
            opt_int(staff_id),
            opt_text(from.map(CaseState::as_str)),
            to.as_str().into(),
            note.into(),
        ],
    )
}

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
                    c.assignee_id, s.name AS assignee
             FROM case_record c JOIN matter m ON m.id = c.matter_id JOIN department d ON d.id = c.department_id
                  LEFT JOIN staff s ON s.id = c.assignee_id
             WHERE c.case_no = ?1",
            &[case_no.into()],
        )
        .await?;
    Ok(rows.into_iter().next())
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

// ---- changing a case ------------------------------------------------------

/// A disposition's effect on the case row.
pub struct Change<'a> {
    pub from: CaseState,
    pub to: CaseState,
    pub class: HandlingClass,
    pub accepted_on: Option<shared::engine::date::Date>,
    pub committed_days: Option<u32>,
    pub deadline: Option<shared::engine::instant::Instant>,
    pub supplement_items_json: &'a str,
    pub return_reasons: Option<&'a str>,
    pub report_authority: Option<&'a str>,
    pub co_departments: &'a [i64],
    pub actor: &'a str,
    pub staff_id: i64,
    pub note: &'a str,
    /// What the disposition adds to the day's statistics.
    pub day: shared::engine::date::Date,
    pub stats: shared::approvals::stats::Increments,
}

/// Applies the change if the case is still at `version`; `false` if someone
/// else changed it first (then nothing was written).
pub async fn dispose(db: &Db, case_no: &str, version: i64, c: &Change<'_>, nonce: &str, now: &str) -> Result<bool> {
    let mut statements = vec![db.statement(
        "UPDATE case_record SET state = ?3, class = ?4, accepted_on = ?5, committed_days = ?6, deadline = ?7,
             supplement_items = ?8, return_reasons = ?9, report_authority = ?10,
             assignee_id = coalesce(assignee_id, ?12), version = version + 1, last_change = ?11
         WHERE case_no = ?1 AND version = ?2",
        &[
            case_no.into(),
            num(version),
            c.to.as_str().into(),
            c.class.as_str().into(),
            opt_text(c.accepted_on.map(|d| d.to_string()).as_deref()),
            opt_int(c.committed_days.map(i64::from)),
            opt_text(c.deadline.map(|d| d.to_string()).as_deref()),
            c.supplement_items_json.into(),
            opt_text(c.return_reasons),
            opt_text(c.report_authority),
            nonce.into(),
            num(c.staff_id),
        ],
    )?];
    for d in c.co_departments {
        statements.push(db.statement(
            "INSERT OR IGNORE INTO case_department (department_id, case_id, lead)
             SELECT ?3, id, 0 FROM case_record WHERE case_no = ?1 AND last_change = ?2",
            &[case_no.into(), nonce.into(), num(*d)],
        )?);
    }
    statements.push(event_statement(db, case_no, nonce, c.actor, Some(c.staff_id), Some(c.from), c.to, c.note, now)?);
    statements.extend(super::stats::add(db, case_no, nonce, c.day, &c.stats)?);
    let results = db.batch(statements).await?;
    Ok(crate::db::wrote(results.first()))
}

/// The applicant's supplement: new files, back to `submitted`, if the case
/// is still at `version`.
pub async fn resubmit(db: &Db, case_no: &str, version: i64, round: u32, files: &[NewFile], nonce: &str, now: &str) -> Result<bool> {
    let mut statements = vec![db.statement(
        "UPDATE case_record SET state = 'submitted', class = NULL, version = version + 1, last_change = ?3
         WHERE case_no = ?1 AND version = ?2 AND state = 'awaiting_supplement'",
        &[case_no.into(), num(version), nonce.into()],
    )?];
    let note = format!("申请人补正材料，共{}个文件", files.len());
    statements.push(event_statement(
        db,
        case_no,
        nonce,
        "申请人",
        None,
        Some(CaseState::AwaitingSupplement),
        CaseState::Submitted,
        &note,
        now,
    )?);
    statements.extend(insert_files(db, case_no, nonce, round, files, now)?);
    let results = db.batch(statements).await?;
    Ok(crate::db::wrote(results.first()))
}

/// The number of supplement rounds so far.
pub async fn last_round(db: &Db, case_id: i64) -> Result<u32> {
    #[derive(Deserialize)]
    struct Row {
        round: Option<u32>,
    }
    let rows: Vec<Row> = db.rows("SELECT max(round) AS round FROM case_file WHERE case_id = ?1", &[num(case_id)]).await?;
    Ok(rows.first().and_then(|r| r.round).unwrap_or(0))
}
