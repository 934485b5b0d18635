//! Research reports (one per office writer and quarter: a second is
//! refused by the unique key), leaders' decisions on them, and issues of
//! 《工作研究》; each counted for the county in the same batch.

use super::figures::county_tally;
use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::instant::Instant;
use shared::information::figures::Counter;
use shared::information::research::{study_no, DecisionForm, ResearchForm, ResearchView, StudyForm, StudyView};
use worker::Result;

/// Stores the writer's report; `false` if they have one for the quarter.
pub async fn create(db: &Db, f: &ResearchForm, staff_id: i64, writer: &str, at: Instant) -> Result<bool> {
    let (at, nonce) = (at.to_string(), super::nonce()?);
    let insert = db.statement(
        "INSERT OR IGNORE INTO info_research (year, quarter, staff_id, writer, title, submitted_at, last_change)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        &[
            num(f.year as i64),
            num(f.quarter as i64),
            num(staff_id),
            writer.into(),
            f.title.trim().into(),
            at.as_str().into(),
            nonce.as_str().into(),
        ],
    )?;
    let landed = "SELECT 1 FROM info_research WHERE staff_id = ?2 AND last_change = ?3";
    let tally = county_tally(db, &at[..10], &[(Counter::research, 1)], landed, &[num(staff_id), nonce.as_str().into()])?;
    let results = db.batch(vec![insert, tally]).await?;
    Ok(crate::db::wrote(results.first()))
}

/// Records a leader's decision on report `id`; `false` if it has one.
pub async fn decide(db: &Db, id: i64, d: &DecisionForm, at: Instant) -> Result<bool> {
    let (at, nonce) = (at.to_string(), super::nonce()?);
    let update = db.statement(
        "UPDATE info_research SET leader = ?2, instruction = ?3, decided_at = ?4, last_change = ?5 WHERE id = ?1 AND decided_at IS NULL",
        &[num(id), d.leader.trim().into(), d.instruction.trim().into(), at.as_str().into(), nonce.as_str().into()],
    )?;
    let landed = "SELECT 1 FROM info_research WHERE id = ?2 AND last_change = ?3";
    let tally = county_tally(db, &at[..10], &[(Counter::decisions, 1)], landed, &[num(id), nonce.as_str().into()])?;
    let results = db.batch(vec![update, tally]).await?;
    Ok(crate::db::wrote(results.first()))
}

/// Stores an issue of 《工作研究》 under the year's next number; `None` if
/// the number was taken meanwhile.
pub async fn study(db: &Db, f: &StudyForm, at: Instant) -> Result<Option<i64>> {
    #[derive(Deserialize)]
    struct Last {
        last: Option<i64>,
    }
    let year = f.published_on.year();
    let last: Vec<Last> = db.rows("SELECT max(seq) AS last FROM info_study WHERE year = ?1", &[num(year as i64)]).await?;
    let seq = last.first().and_then(|r| r.last).unwrap_or(0) + 1;
    let (number, at, articles) = (study_no(year, seq), at.to_string(), serde_json::to_string(&f.articles)?);
    let nonce = super::nonce()?;
    let insert = db.statement(
        "INSERT OR IGNORE INTO info_study (year, seq, number, title, published_on, articles, created_at, last_change)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        &[
            num(year as i64),
            num(seq),
            number.as_str().into(),
            f.title.trim().into(),
            f.published_on.to_string().into(),
            articles.into(),
            at.as_str().into(),
            nonce.as_str().into(),
        ],
    )?;
    let landed = "SELECT 1 FROM info_study WHERE number = ?2 AND last_change = ?3";
    let day = f.published_on.to_string();
    let inc = [(Counter::studies, 1), (Counter::articles, f.articles.len() as u64)];
    let tally = county_tally(db, &day, &inc, landed, &[number.as_str().into(), nonce.as_str().into()])?;
    let results = db.batch(vec![insert, tally]).await?;
    if !crate::db::wrote(results.first()) {
        return Ok(None);
    }
    Ok(studies(db, year).await?.into_iter().find(|s| s.number == number).map(|s| s.id))
}

pub async fn reports(db: &Db, year: i32) -> Result<Vec<ResearchView>> {
    db.rows(
        "SELECT id, year, quarter, writer, title, submitted_at, leader, instruction FROM info_research WHERE year = ?1 ORDER BY quarter, id",
        &[num(year as i64)],
    )
    .await
}

pub async fn report(db: &Db, id: i64) -> Result<Option<ResearchView>> {
    let rows = db
        .rows("SELECT id, year, quarter, writer, title, submitted_at, leader, instruction FROM info_research WHERE id = ?1", &[num(id)])
        .await?;
    Ok(rows.into_iter().next())
}

pub async fn studies(db: &Db, year: i32) -> Result<Vec<StudyView>> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        number: String,
        title: String,
        published_on: shared::engine::date::Date,
        articles: String,
    }
    let rows: Vec<Row> = db
        .rows("SELECT id, number, title, published_on, articles FROM info_study WHERE year = ?1 ORDER BY seq DESC", &[num(year as i64)])
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| StudyView {
            id: r.id,
            number: r.number,
            title: r.title,
            published_on: r.published_on,
            articles: serde_json::from_str(&r.articles).unwrap_or_default(),
        })
        .collect())
}

/// The office's writers: its active accounts (id, name).
pub async fn writers(db: &Db) -> Result<Vec<(i64, String)>> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        name: String,
    }
    let rows: Vec<Row> = db.rows("SELECT id, name FROM staff WHERE role = 'office_admin' AND active = 1 ORDER BY id", &[]).await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
}

/// Which writers (by staff id) reported in each quarter of `year`.
pub async fn reported(db: &Db, year: i32) -> Result<Vec<(i64, u32)>> {
    #[derive(Deserialize)]
    struct Row {
        staff_id: i64,
        quarter: u32,
    }
    let rows: Vec<Row> = db.rows("SELECT staff_id, quarter FROM info_research WHERE year = ?1", &[num(year as i64)]).await?;
    Ok(rows.into_iter().map(|r| (r.staff_id, r.quarter)).collect())
}
