//! SQL for `case_pause` and `case_extension` (migrations/0006_ledger.sql),
//! and the case changes they bring. Like dispositions, every change names
//! the case version it read and a nonce; rows beside the case and the audit
//! event are written only where that change landed.

use super::cases::event_statement;
use crate::db::{num, opt_int, opt_text, Db};
use serde::Deserialize;
use shared::approvals::case::{CaseState, ExtensionInfo};
use shared::engine::case_action::ExtensionState;
use shared::engine::date::Date;
use shared::engine::ledger::{Extension, Ledger, Pause, PauseReason};
use worker::{D1PreparedStatement, Result};

#[derive(Deserialize)]
pub struct PauseRow {
    reason: PauseReason,
    from_date: Date,
    resumed_on: Option<Date>,
}

/// The latest extension request, with its approver's name.
#[derive(Deserialize)]
pub struct ExtensionRow {
    days: u32,
    reason: String,
    state: ExtensionState,
    approver: Option<String>,
}

/// The ledger from its rows (read here, or kept in a case's tracking row),
/// and the extension request as people see it.
pub fn ledger_of(
    accepted_on: Date,
    committed_days: u32,
    pauses: Vec<PauseRow>,
    extension: Option<ExtensionRow>,
) -> (Ledger, Option<ExtensionInfo>) {
    let ledger = Ledger {
        accepted_on,
        committed_days,
        pauses: pauses.into_iter().map(|p| Pause { reason: p.reason, from: p.from_date, resumed: p.resumed_on }).collect(),
        extensions: extension
            .iter()
            .filter(|e| e.state == ExtensionState::Approved)
            .map(|e| Extension { days: e.days, approver: e.approver.clone().unwrap_or_default(), reason: e.reason.clone() })
            .collect(),
    };
    let info = extension.map(|e| ExtensionInfo { days: e.days, reason: e.reason, state: e.state });
    (ledger, info)
}

/// The ledger of an accepted case, and its extension request if any.
pub async fn load(db: &Db, case_id: i64, accepted_on: Date, committed_days: u32) -> Result<(Ledger, Option<ExtensionInfo>)> {
    let results = db
        .batch(vec![
            db.statement("SELECT reason, from_date, resumed_on FROM case_pause WHERE case_id = ?1 ORDER BY id", &[num(case_id)])?,
            db.statement(
                "SELECT e.days, e.reason, e.state, s.name AS approver FROM case_extension e LEFT JOIN staff s ON s.id = e.decided_by
                 WHERE e.case_id = ?1 ORDER BY e.id DESC LIMIT 1",
                &[num(case_id)],
            )?,
        ])
        .await?;
    let pauses: Vec<PauseRow> = match results.first() {
        Some(r) => r.results()?,
        None => Vec::new(),
    };
    let extension: Option<ExtensionRow> = match results.get(1) {
        Some(r) => r.results::<ExtensionRow>()?.into_iter().next(),
        None => None,
    };
    Ok(ledger_of(accepted_on, committed_days, pauses, extension))
}

/// The case row's side of a change.
pub struct CaseChange<'a> {
    pub state: CaseState,
    pub paused: bool,
    pub deadline: Option<shared::engine::instant::Instant>,
    pub completed: Option<(Date, bool, &'a str)>,
    /// A new handler (the department head's assignment).
    pub assignee: Option<i64>,
    /// What the change adds to the day's statistics.
    pub day: Date,
    pub stats: shared::approvals::stats::Increments,
}

/// What else the change writes, each guarded by the nonce.
pub enum Side<'a> {
    Pause { reason: PauseReason, from: Date, staff_id: i64 },
    Resume { on: Date, staff_id: i64 },
    RequestExtension { days: u32, reason: &'a str, staff_id: i64, now: &'a str },
    DecideExtension { approve: bool, staff_id: i64, now: &'a str },
    None,
}

fn side_statement(db: &Db, case_no: &str, nonce: &str, side: &Side<'_>) -> Result<Option<D1PreparedStatement>> {
    let guard = "FROM case_record WHERE case_no = ?1 AND last_change = ?2";
    Ok(Some(match side {
        Side::Pause { reason, from, staff_id } => db.statement(
            &format!("INSERT INTO case_pause (case_id, reason, from_date, paused_by) SELECT id, ?3, ?4, ?5 {guard}"),
            &[case_no.into(), nonce.into(), reason.as_str().into(), from.to_string().into(), num(*staff_id)],
        )?,
        Side::Resume { on, staff_id } => db.statement(
            &format!("UPDATE case_pause SET resumed_on = ?3, resumed_by = ?4 WHERE resumed_on IS NULL AND case_id = (SELECT id {guard})"),
            &[case_no.into(), nonce.into(), on.to_string().into(), num(*staff_id)],
        )?,
        Side::RequestExtension { days, reason, staff_id, now } => db.statement(
            &format!("INSERT INTO case_extension (case_id, days, reason, requested_by, requested_at, state) SELECT id, ?3, ?4, ?5, ?6, 'pending' {guard}"),
            &[case_no.into(), nonce.into(), num(*days as i64), (*reason).into(), num(*staff_id), (*now).into()],
        )?,
        Side::DecideExtension { approve, staff_id, now } => db.statement(
            &format!("UPDATE case_extension SET state = ?3, decided_by = ?4, decided_at = ?5 WHERE state = 'pending' AND case_id = (SELECT id {guard})"),
            &[case_no.into(), nonce.into(), if *approve { "approved" } else { "refused" }.into(), num(*staff_id), (*now).into()],
        )?,
        Side::None => return Ok(None),
    }))
}

/// Applies a change if the case is still at `version`; `false` if someone
/// else changed it first (then nothing was written).
#[allow(clippy::too_many_arguments)]
pub async fn change(
    db: &Db,
    case_no: &str,
    version: i64,
    from: CaseState,
    c: &CaseChange<'_>,
    side: &Side<'_>,
    actor: (&str, i64),
    note: &str,
    now: &str,
    nonce: &str,
) -> Result<bool> {
    let (completed_on, late, result) = match c.completed {
        Some((on, late, result)) => (Some(on.to_string()), Some(late as i64), Some(result)),
        None => (None, None, None),
    };
    let mut statements = vec![db.statement(
        "UPDATE case_record SET state = ?3, paused = ?4, deadline = ?5,
             completed_on = coalesce(?6, completed_on), closed_on = coalesce(?6, closed_on), completed_late = coalesce(?7, completed_late), result = coalesce(?8, result),
             assignee_id = coalesce(?10, assignee_id), version = version + 1, last_change = ?9
         WHERE case_no = ?1 AND version = ?2",
        &[
            case_no.into(),
            num(version),
            c.state.as_str().into(),
            num(c.paused as i64),
            opt_text(c.deadline.map(|d| d.to_string()).as_deref()),
            opt_text(completed_on.as_deref()),
            opt_int(late),
            opt_text(result),
            nonce.into(),
            opt_int(c.assignee),
        ],
    )?];
    if let Some(s) = side_statement(db, case_no, nonce, side)? {
        statements.push(s);
    }
    if let Some((_, late, _)) = c.completed {
        statements.push(db.statement(
            "INSERT INTO department_stats (department_id, completed, on_time)
             SELECT department_id, 1, ?3 FROM case_record WHERE case_no = ?1 AND last_change = ?2
             ON CONFLICT (department_id) DO UPDATE SET completed = completed + 1, on_time = on_time + excluded.on_time",
            &[case_no.into(), nonce.into(), num(!late as i64)],
        )?);
    }
    statements.push(event_statement(db, case_no, nonce, actor.0, Some(actor.1), Some(from), c.state, note, now)?);
    statements.extend(super::stats::add(db, case_no, nonce, c.day, &c.stats)?);
    statements.extend(crate::db::notify::case_notice(db, case_no, version, nonce, Some(from), c.state, c.deadline, now)?);
    statements.push(super::cases::refresh_tracking(db, case_no, nonce)?);
    let results = db.batch(statements).await?;
    Ok(crate::db::wrote(results.first()))
}

/// Completed and on-time counts per department (one row each).
pub async fn department_stats(db: &Db) -> Result<Vec<shared::approvals::case::DepartmentRate>> {
    #[derive(Deserialize)]
    struct Row {
        name: String,
        completed: u64,
        on_time: u64,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT d.name, coalesce(s.completed, 0) AS completed, coalesce(s.on_time, 0) AS on_time
             FROM department d LEFT JOIN department_stats s ON s.department_id = d.id ORDER BY d.sort, d.id",
            &[],
        )
        .await?;
    Ok(rows.into_iter().map(|r| shared::approvals::case::DepartmentRate::new(r.name, r.completed, r.on_time)).collect())
}
