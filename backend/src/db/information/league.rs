//! The year's rules, the league table (flat rows of `info_score`, kept in
//! the batch of each score event), the units still short of their monthly
//! quota, and the items' CSV rows.

use crate::db::{corrupt, num, Db};
use serde::Deserialize;
use shared::admin::units::UnitKind;
use shared::information::scoring::ScoreRules;
use worker::Result;

pub async fn rules(db: &Db, year: i32) -> Result<ScoreRules> {
    #[derive(Deserialize)]
    struct Row {
        rules: String,
    }
    let rows: Vec<Row> = db.rows("SELECT rules FROM info_rules WHERE year = ?1", &[num(year as i64)]).await?;
    match rows.first() {
        Some(r) => serde_json::from_str(&r.rules).map_err(|e| corrupt("info_rules.rules", e)),
        None => Ok(ScoreRules::default_for(year)),
    }
}

pub async fn save_rules(db: &Db, rules: &ScoreRules) -> Result<()> {
    let json = serde_json::to_string(rules)?;
    db.batch(vec![db.statement(
        "INSERT INTO info_rules (year, rules) VALUES (?1, ?2) ON CONFLICT (year) DO UPDATE SET rules = excluded.rules",
        &[num(rules.year as i64), json.into()],
    )?])
    .await?;
    Ok(())
}

/// A unit's year as kept.
#[derive(Deserialize)]
pub struct ScoreRow {
    pub unit_id: i64,
    pub unit_name: String,
    pub submitted: u64,
    pub points: i64,
    pub adopted: i64,
    pub higher: i64,
    pub instructions: i64,
}

/// The year's totals, highest first: one row per unit that submitted or scored.
pub async fn scores(db: &Db, year: i32) -> Result<Vec<ScoreRow>> {
    db.rows(
        "SELECT s.unit_id, coalesce(d.name, '') AS unit_name, s.submitted, s.points, s.adopted, s.higher, s.instructions
         FROM info_score s LEFT JOIN department d ON d.id = s.unit_id WHERE s.year = ?1 ORDER BY s.points DESC, s.unit_id",
        &[num(year as i64)],
    )
    .await
}

/// Each active unit's kind and items submitted in `month` (`YYYY-MM`).
#[derive(Deserialize)]
pub struct MonthRow {
    pub unit_id: i64,
    pub unit_name: String,
    pub kind: UnitKind,
    pub submitted: u64,
}

pub async fn month(db: &Db, month: &str) -> Result<Vec<MonthRow>> {
    db.rows(
        "SELECT d.id AS unit_id, d.name AS unit_name, d.kind, coalesce(t.submitted, 0) AS submitted
         FROM department d LEFT JOIN info_tally t ON t.key = ?1 AND t.unit_id = d.id WHERE d.active = 1 ORDER BY d.sort, d.id",
        &[month.into()],
    )
    .await
}

/// One line of the items' CSV.
#[derive(Deserialize)]
pub struct CsvRow {
    pub item_no: String,
    pub unit_name: String,
    pub title: String,
    pub category: String,
    pub state: String,
    pub issue_no: Option<String>,
    pub submitted_at: String,
    pub adopted_by: String,
}

/// The year's items, oldest first.
pub async fn csv_rows(db: &Db, year: i32) -> Result<Vec<CsvRow>> {
    db.rows(
        "SELECT i.item_no, coalesce(d.name, '') AS unit_name, i.title, i.category, i.state, s.number AS issue_no, i.submitted_at,
                i.adopted_by
         FROM info_item i LEFT JOIN department d ON d.id = i.unit_id LEFT JOIN info_issue s ON s.id = i.issue_id
         WHERE i.year = ?1 ORDER BY i.id LIMIT 10000",
        &[num(year as i64)],
    )
    .await
}
