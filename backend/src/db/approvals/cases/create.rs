//! Creating a case: the submission's one batch (case, links, files, first
//! event, stored receipt).

use crate::db::{num, opt_int, opt_text, Db};
use shared::approvals::case::CaseState;
use worker::{D1PreparedStatement, Result};
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
    /// The applicant chose not to receive SMS.
    pub sms_opt_out: bool,
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
pub(super) fn insert_files(
    db: &Db,
    case_no: &str,
    nonce: &str,
    round: u32,
    files: &[NewFile],
    now: &str,
) -> Result<Vec<D1PreparedStatement>> {
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
                 applicant_name, id_number, mobile, address, fields, submitted_at, last_change, matter_version, sms_opt_out)
             SELECT ?1, ?2, ?3, ?4, 'submitted', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?14, ?15
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
                num(c.sms_opt_out as i64),
            ],
        )?,
        db.statement(
            "INSERT INTO case_department (department_id, case_id, lead) SELECT department_id, id, 1 FROM case_record WHERE case_no = ?1",
            &[c.case_no.into()],
        )?,
        event_statement(
            db,
            c.case_no,
            c.nonce,
            "申请人",
            None,
            None,
            CaseState::Submitted,
            "在线提交申请（已同意个人信息收集说明）",
            c.now,
        )?,
        crate::db::approvals::idempotency::store_receipt(db, idempotency_key, c.case_no, receipt_json)?,
    ];
    statements.extend(insert_files(db, c.case_no, c.nonce, 0, files, c.now)?);
    statements.extend(crate::db::approvals::stats::add(db, c.case_no, c.nonce, c.day, &shared::approvals::stats::on_received())?);
    statements.extend(crate::db::notify::case_notice(db, c.case_no, 0, c.nonce, None, CaseState::Submitted, None, c.now)?);
    statements.push(super::refresh_tracking(db, c.case_no, c.nonce)?);
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
