//! Changing a case: a disposition, a supplement's files.

// ---- changing a case ------------------------------------------------------

use super::create::{event_statement, NewFile};
use crate::db::{num, opt_int, opt_text, Db};
use serde::Deserialize;
use shared::approvals::case::CaseState;
use shared::approvals::matter::HandlingClass;
use worker::Result;

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
             assignee_id = coalesce(assignee_id, ?12), version = version + 1, last_change = ?11,
             closed_on = CASE WHEN ?3 IN ('completed', 'returned') THEN ?13 ELSE closed_on END
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
            c.day.to_string().into(),
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
    statements.extend(crate::db::approvals::stats::add(db, case_no, nonce, c.day, &c.stats)?);
    statements.extend(crate::db::notify::case_notice(db, case_no, version, nonce, Some(c.from), c.to, c.deadline, now)?);
    statements.push(super::refresh_tracking(db, case_no, nonce)?);
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
    statements.extend(super::create::insert_files(db, case_no, nonce, round, files, now)?);
    statements.push(super::refresh_tracking(db, case_no, nonce)?);
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

/// The applicant's SMS choice, with its audit note and the tracking row, in
/// one batch; only if it changes something (a repeated choice writes
/// nothing). The case's version stays: staff working on the case are not
/// interrupted by it.
pub async fn choose_sms(db: &Db, case_no: &str, state: CaseState, opt_out: bool, nonce: &str, now: &str) -> Result<bool> {
    let mut statements = vec![
        db.statement(
            "UPDATE case_record SET sms_opt_out = ?2, last_change = ?3 WHERE case_no = ?1 AND sms_opt_out <> ?2",
            &[case_no.into(), num(opt_out as i64), nonce.into()],
        )?,
        event_statement(db, case_no, nonce, "申请人", None, Some(state), state, shared::notify::sms_choice_note(opt_out), now)?,
    ];
    if opt_out {
        statements.push(crate::db::notify::skip_waiting(db, case_no, nonce, now)?);
    }
    // Last: every case batch ends with the tracking row (refresh_tracking).
    statements.push(super::refresh_tracking(db, case_no, nonce)?);
    let results = db.batch(statements).await?;
    Ok(crate::db::wrote(results.first()))
}
