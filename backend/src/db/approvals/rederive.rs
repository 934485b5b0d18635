//! SQL for `deadline_rederive` (migrations/0012): after a calendar year is
//! saved, the open cases whose deadline it may move, walked in bounded steps
//! by a keyset over (submitted_at, id) that survives between requests.

use super::cases::event_statement;
use crate::db::{num, Db};
use serde::Deserialize;
use shared::approvals::case::CaseState;
use worker::{D1PreparedStatement, Result};

/// One saved year's re-derivation still under way.
#[derive(Deserialize)]
pub struct Job {
    pub year: i32,
    pub after_at: String,
    pub after_id: i64,
    /// Which save of the year this walk is for (the time and a nonce): a
    /// step of an older walk can neither move nor end a newer one.
    pub started_at: String,
}

/// Starts (or restarts) the walk for `year`; goes in the batch that saves it.
pub fn start(db: &Db, year: i32, generation: &str) -> Result<D1PreparedStatement> {
    db.statement(
        "INSERT INTO deadline_rederive (year, after_at, after_id, started_at) VALUES (?1, '', 0, ?2)
         ON CONFLICT (year) DO UPDATE SET after_at = '', after_id = 0, started_at = excluded.started_at",
        &[num(year as i64), generation.into()],
    )
}

/// The years whose walk is under way.
pub async fn years(db: &Db) -> Result<Vec<i32>> {
    #[derive(Deserialize)]
    struct Row {
        year: i32,
    }
    let rows: Vec<Row> = db.rows("SELECT year FROM deadline_rederive ORDER BY year", &[]).await?;
    Ok(rows.into_iter().map(|r| r.year).collect())
}

/// The walk for `year` as it stands now (read again before every chunk).
pub async fn job(db: &Db, year: i32) -> Result<Option<Job>> {
    let rows: Vec<Job> =
        db.rows("SELECT year, after_at, after_id, started_at FROM deadline_rederive WHERE year = ?1", &[num(year as i64)]).await?;
    Ok(rows.into_iter().next())
}

/// A running case whose deadline the year may move: accepted by the year's
/// end and due on or after its start (the walk to the deadline crossed it).
#[derive(Deserialize)]
pub struct OpenCase {
    pub id: i64,
    pub case_no: String,
    pub version: i64,
    pub submitted_at: shared::engine::instant::Instant,
    pub accepted_on: shared::engine::date::Date,
    pub committed_days: u32,
    pub deadline: shared::engine::instant::Instant,
    pub yellow_days: u32,
}

/// The next `limit` such cases after the job's cursor, off the
/// (state, submitted_at) index.
pub async fn next_cases(db: &Db, job: &Job, limit: u32) -> Result<Vec<OpenCase>> {
    db.rows(
        "SELECT c.id, c.case_no, c.version, c.submitted_at, c.accepted_on, c.committed_days, c.deadline, m.yellow_days
         FROM case_record c JOIN matter m ON m.id = c.matter_id
         WHERE c.state = 'in_progress' AND (c.submitted_at, c.id) > (?1, ?2)
           AND c.paused = 0 AND c.deadline >= ?3 AND c.accepted_on <= ?4
         ORDER BY c.submitted_at, c.id LIMIT ?5",
        &[
            job.after_at.as_str().into(),
            num(job.after_id),
            format!("{}-01-01", job.year).into(),
            format!("{}-12-31", job.year).into(),
            num(limit as i64),
        ],
    )
    .await
}

/// Moves one case's stored deadline, with its audit row, if the case is
/// still at the version read; `false` if it changed meanwhile (then that
/// change derived its deadline from the new calendar itself).
pub async fn move_deadline(
    db: &Db,
    c: &OpenCase,
    deadline: shared::engine::instant::Instant,
    note: &str,
    nonce: &str,
    now: &str,
) -> Result<bool> {
    let results = db
        .batch(vec![
            db.statement(
                "UPDATE case_record SET deadline = ?3, version = version + 1, last_change = ?4
                 WHERE case_no = ?1 AND version = ?2 AND state = 'in_progress'",
                &[c.case_no.as_str().into(), num(c.version), deadline.to_string().into(), nonce.into()],
            )?,
            event_statement(db, &c.case_no, nonce, "系统", None, Some(CaseState::InProgress), CaseState::InProgress, note, now)?,
            super::cases::refresh_tracking(db, &c.case_no, nonce)?,
        ])
        .await?;
    Ok(crate::db::wrote(results.first()))
}

/// Records how far the walk got, or ends it: only if it is still the walk
/// `job` was read from.
pub async fn advance(db: &Db, job: &Job, last: Option<(&str, i64)>) -> Result<()> {
    let (year, generation) = (num(job.year as i64), job.started_at.as_str().into());
    match last {
        Some((at, id)) => {
            db.rows::<serde_json::Value>(
                "UPDATE deadline_rederive SET after_at = ?3, after_id = ?4 WHERE year = ?1 AND started_at = ?2",
                &[year, generation, at.into(), num(id)],
            )
            .await?
        }
        None => {
            db.rows::<serde_json::Value>("DELETE FROM deadline_rederive WHERE year = ?1 AND started_at = ?2", &[year, generation]).await?
        }
    };
    Ok(())
}
