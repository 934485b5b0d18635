//! SQL for `case_evaluation` (migrations/0010_evaluation_stats_assignee.sql):
//! the applicant's rating and the negative-review loop. Like every case
//! change, each step bumps the case version with a nonce, and the evaluation
//! row, audit event and statistics are written only where that landed.

use super::cases::event_statement;
use crate::db::{num, opt_int, opt_text, Db};
use serde::Deserialize;
use shared::approvals::case::CaseState;
use shared::approvals::evaluation::{EvaluationView, Level, ReviewItem, ReviewState, ReviewView};
use shared::engine::date::Date;
use worker::{Error, Result};

#[derive(Deserialize)]
struct Row {
    level: u8,
    comment: String,
    at: shared::engine::instant::Instant,
    review: Option<String>,
    office_note: Option<String>,
    rectify_by: Option<shared::engine::instant::Instant>,
    report: Option<String>,
    rectified_on: Option<Date>,
    late: Option<u8>,
}

fn level(rank: u8) -> Result<Level> {
    Level::from_rank(rank).ok_or_else(|| Error::RustError(format!("evaluation level {rank}")))
}

fn review_state(s: &str) -> Result<ReviewState> {
    ReviewState::parse(s).ok_or_else(|| Error::RustError(format!("review state {s}")))
}

pub async fn of_case(db: &Db, case_id: i64) -> Result<Option<EvaluationView>> {
    let rows: Vec<Row> = db
        .rows(
            "SELECT level, comment, at, review, office_note, rectify_by, report, rectified_on, late
             FROM case_evaluation WHERE case_id = ?1",
            &[num(case_id)],
        )
        .await?;
    let Some(r) = rows.into_iter().next() else { return Ok(None) };
    let review = match r.review.as_deref() {
        Some(s) => Some(ReviewView {
            state: review_state(s)?,
            office_note: r.office_note,
            rectify_by: r.rectify_by,
            report: r.report,
            rectified_on: r.rectified_on,
            late: r.late.map(|l| l == 1),
        }),
        None => None,
    };
    Ok(Some(EvaluationView { level: level(r.level)?, comment: r.comment, at: r.at, review }))
}

/// The bump that every step starts with: the case must still be completed
/// and at `version`.
fn bump(db: &Db, case_no: &str, version: i64, nonce: &str) -> Result<worker::D1PreparedStatement> {
    db.statement(
        "UPDATE case_record SET version = version + 1, last_change = ?3 WHERE case_no = ?1 AND version = ?2 AND state = 'completed'",
        &[case_no.into(), num(version), nonce.into()],
    )
}

/// Who does a step, when, and what the audit trail says.
pub struct Step<'a> {
    pub case_no: &'a str,
    pub version: i64,
    pub nonce: &'a str,
    pub actor: &'a str,
    pub staff_id: Option<i64>,
    pub note: &'a str,
    pub now: &'a str,
    pub day: Date,
}

async fn run(db: &Db, s: &Step<'_>, middle: Vec<worker::D1PreparedStatement>) -> Result<bool> {
    let mut statements = vec![bump(db, s.case_no, s.version, s.nonce)?];
    statements.extend(middle);
    let done = CaseState::Completed;
    statements.push(event_statement(db, s.case_no, s.nonce, s.actor, s.staff_id, Some(done), done, s.note, s.now)?);
    statements.push(super::cases::refresh_tracking(db, s.case_no, s.nonce)?);
    let results = db.batch(statements).await?;
    Ok(crate::db::wrote(results.first()))
}

/// The applicant's rating; `false` if the case changed meanwhile (or was
/// rated by a concurrent request).
pub async fn rate(db: &Db, s: &Step<'_>, level: Level, comment: &str) -> Result<bool> {
    let review = level.is_negative().then_some(ReviewState::PendingVerification.as_str());
    let mut middle = vec![db.statement(
        "INSERT INTO case_evaluation (case_id, level, comment, at, review)
         SELECT id, ?3, ?4, ?5, ?6 FROM case_record WHERE case_no = ?1 AND last_change = ?2",
        &[s.case_no.into(), s.nonce.into(), num(level.rank().into()), comment.into(), s.now.into(), opt_text(review)],
    )?];
    middle.extend(super::stats::add(db, s.case_no, s.nonce, s.day, &shared::approvals::stats::on_evaluation(level))?);
    run(db, s, middle).await
}

/// What a review step sets.
pub enum ReviewChange<'a> {
    Verified { to: ReviewState, office_note: &'a str, rectify_by: Option<&'a str> },
    Rectified { report: &'a str, late: bool },
}

/// Moves the review on from `from`; `false` if someone else moved it first.
pub async fn review(db: &Db, s: &Step<'_>, from: ReviewState, change: &ReviewChange<'_>) -> Result<bool> {
    let guard = "review = ?3 AND case_id = (SELECT id FROM case_record WHERE case_no = ?1 AND last_change = ?2)";
    let (sql, params) = match change {
        ReviewChange::Verified { to, office_note, rectify_by } => (
            format!("UPDATE case_evaluation SET review = ?4, office_note = ?5, rectify_by = ?6, verified_by = ?7, verified_at = ?8 WHERE {guard}"),
            vec![to.as_str().into(), (*office_note).into(), opt_text(*rectify_by), opt_int(s.staff_id), s.now.into()],
        ),
        ReviewChange::Rectified { report, late } => (
            format!("UPDATE case_evaluation SET review = 'rectified', report = ?4, late = ?5, reported_by = ?6, rectified_on = ?7 WHERE {guard}"),
            vec![(*report).into(), num(*late as i64), opt_int(s.staff_id), s.day.to_string().into()],
        ),
    };
    let mut all = vec![s.case_no.into(), s.nonce.into(), from.as_str().into()];
    all.extend(params);
    run(db, s, vec![db.statement(&sql, &all)?]).await
}

/// Negative reviews in `states`, newest first; one department's (as the
/// lead department) or, for the office, all.
pub async fn reviews(db: &Db, department: Option<i64>, states: &[ReviewState], today: Date) -> Result<Vec<ReviewItem>> {
    #[derive(Deserialize)]
    struct ItemRow {
        case_no: String,
        matter_name: String,
        department_name: String,
        level: u8,
        comment: String,
        at: shared::engine::instant::Instant,
        review: String,
        rectify_by: Option<shared::engine::instant::Instant>,
    }
    let states = serde_json::to_string(&states.iter().map(|s| s.as_str()).collect::<Vec<_>>())?;
    let rows: Vec<ItemRow> = db
        .rows(
            "SELECT c.case_no, m.name AS matter_name, d.name AS department_name, e.level, e.comment, e.at, e.review, e.rectify_by
             FROM case_evaluation e JOIN case_record c ON c.id = e.case_id
                  JOIN matter m ON m.id = c.matter_id JOIN department d ON d.id = c.department_id
             WHERE e.review IS NOT NULL AND e.review IN (SELECT value FROM json_each(?1)) AND (?2 IS NULL OR c.department_id = ?2)
             ORDER BY e.at DESC LIMIT 200",
            &[states.into(), opt_int(department)],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            let state = review_state(&r.review)?;
            Ok(ReviewItem {
                overdue: shared::approvals::evaluation::rectification_overdue(state, r.rectify_by, today),
                level: level(r.level)?,
                state,
                case_no: r.case_no,
                matter_name: r.matter_name,
                department_name: r.department_name,
                comment: r.comment,
                at: r.at,
                rectify_by: r.rectify_by,
            })
        })
        .collect()
}

/// Where a case's negative review stands (none: no negative review), for
/// the hand-off of an upheld one to supervision.
pub async fn review_of(db: &Db, case_no: &str) -> Result<Option<ReviewState>> {
    #[derive(serde::Deserialize)]
    struct Row {
        review: Option<ReviewState>,
    }
    let rows: Vec<Row> = db
        .rows("SELECT e.review FROM case_evaluation e JOIN case_record c ON c.id = e.case_id WHERE c.case_no = ?1", &[case_no.into()])
        .await?;
    Ok(rows.into_iter().next().and_then(|r| r.review))
}
