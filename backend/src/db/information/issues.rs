//! Issues (《政务信息》, 专报, 增刊): numbered per kind and year (a second
//! issue racing for a number fails on the unique number and takes the
//! next), their lists and the articles of one issue as printed.

use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::information::views::{IssueArticle, IssueSummary};
use shared::information::IssueKind;
use worker::Result;

const SUMMARY: &str = "SELECT s.id, s.kind, s.number, s.title, s.published_on,
    (SELECT count(*) FROM info_item i WHERE i.issue_id = s.id) AS items FROM info_issue s";

pub async fn list(db: &Db, year: i32) -> Result<Vec<IssueSummary>> {
    db.rows(&format!("{SUMMARY} WHERE s.year = ?1 ORDER BY s.id DESC"), &[num(year as i64)]).await
}

pub async fn get(db: &Db, id: i64) -> Result<Option<IssueSummary>> {
    Ok(db.rows(&format!("{SUMMARY} WHERE s.id = ?1"), &[num(id)]).await?.into_iter().next())
}

/// The issue's year (its points count in it).
pub async fn year_of(db: &Db, id: i64) -> Result<Option<i32>> {
    #[derive(Deserialize)]
    struct Row {
        year: i32,
    }
    let rows: Vec<Row> = db.rows("SELECT year FROM info_issue WHERE id = ?1", &[num(id)]).await?;
    Ok(rows.first().map(|r| r.year))
}

/// The year's next number of `kind`.
pub async fn next_seq(db: &Db, kind: IssueKind, year: i32) -> Result<i64> {
    #[derive(Deserialize)]
    struct Row {
        last: Option<i64>,
    }
    let rows: Vec<Row> =
        db.rows("SELECT max(seq) AS last FROM info_issue WHERE kind = ?1 AND year = ?2", &[kind.as_str().into(), num(year as i64)]).await?;
    Ok(rows.first().and_then(|r| r.last).unwrap_or(0) + 1)
}

pub struct NewIssue<'a> {
    pub kind: IssueKind,
    pub year: i32,
    pub seq: i64,
    pub number: &'a str,
    pub title: &'a str,
    pub published_on: Date,
    pub at: Instant,
}

/// Stores the issue and counts it; `None` if its number was taken meanwhile.
pub async fn create(db: &Db, n: &NewIssue<'_>, inc: &[(shared::information::figures::Counter, u64)]) -> Result<Option<i64>> {
    let nonce = super::nonce()?;
    let insert = db.statement(
        "INSERT OR IGNORE INTO info_issue (kind, year, seq, number, title, published_on, created_at, last_change)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        &[
            n.kind.as_str().into(),
            num(n.year as i64),
            num(n.seq),
            n.number.into(),
            n.title.into(),
            n.published_on.to_string().into(),
            n.at.to_string().into(),
            nonce.as_str().into(),
        ],
    )?;
    // Counted only where this write's row landed (the county's row).
    let landed = "SELECT 1 FROM info_issue WHERE number = ?2 AND last_change = ?3";
    let day = n.published_on.to_string();
    let tally = super::figures::county_tally(db, &day, inc, landed, &[n.number.into(), nonce.as_str().into()])?;
    let results = db.batch(vec![insert, tally]).await?;
    if !crate::db::wrote(results.first()) {
        return Ok(None);
    }
    #[derive(Deserialize)]
    struct Row {
        id: i64,
    }
    let rows: Vec<Row> = db.rows("SELECT id FROM info_issue WHERE number = ?1", &[n.number.into()]).await?;
    Ok(rows.first().map(|r| r.id))
}

/// The articles of issue `id` in the order they were adopted, each with its
/// units joined by 、 (the submitting unit first).
pub async fn articles(db: &Db, id: i64) -> Result<Vec<IssueArticle>> {
    db.rows(
        "SELECT i.item_no, i.title, i.body, i.writer,
                (SELECT group_concat(name, '、') FROM (SELECT d.name FROM info_share sh JOIN department d ON d.id = sh.unit_id
                     WHERE sh.item_id = i.id ORDER BY sh.unit_id <> i.unit_id, sh.percent DESC)) AS units
         FROM info_item i WHERE i.issue_id = ?1 ORDER BY i.id",
        &[num(id)],
    )
    .await
}
