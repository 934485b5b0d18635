//! Commissioned topics (约稿): the office's requests to units, and which
//! item answered each unit's part. A year has tens of them, read whole.

use crate::db::{num, opt_int, Db};
use serde::Deserialize;
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use worker::Result;

/// Stores the commission and its units in one batch; answers its id.
pub async fn create(db: &Db, topic: &str, deadline: Date, units: &[i64], at: Instant) -> Result<Option<i64>> {
    let (at, units) = (at.to_string(), serde_json::to_string(units)?);
    let insert = db.statement(
        "INSERT INTO info_commission (year, topic, deadline, created_at) VALUES (?1, ?2, ?3, ?4)",
        &[num(deadline.year() as i64), topic.into(), deadline.to_string().into(), at.as_str().into()],
    )?;
    let parts = db.statement(
        "INSERT OR IGNORE INTO info_commission_unit (commission_id, unit_id)
         SELECT c.id, u.value FROM info_commission c, json_each(?3) u WHERE c.created_at = ?1 AND c.topic = ?2",
        &[at.as_str().into(), topic.into(), units.into()],
    )?;
    db.batch(vec![insert, parts]).await?;
    #[derive(Deserialize)]
    struct Row {
        id: i64,
    }
    let rows: Vec<Row> = db
        .rows("SELECT id FROM info_commission WHERE created_at = ?1 AND topic = ?2 ORDER BY id DESC LIMIT 1", &[at.into(), topic.into()])
        .await?;
    Ok(rows.first().map(|r| r.id))
}

/// One unit's part of a commission as stored.
#[derive(Deserialize)]
pub struct PartRow {
    pub id: i64,
    pub topic: String,
    pub deadline: Date,
    pub unit_id: i64,
    pub unit_name: String,
    pub answered_by: Option<String>,
}

/// The parts of the year's commissions (or those of `id` only), of every
/// unit or of `unit` only, newest commission first.
pub async fn parts(db: &Db, year: i32, unit: Option<i64>, id: Option<i64>) -> Result<Vec<PartRow>> {
    db.rows(
        "SELECT c.id, c.topic, c.deadline, p.unit_id, coalesce(d.name, '') AS unit_name, i.item_no AS answered_by
         FROM info_commission c JOIN info_commission_unit p ON p.commission_id = c.id
         LEFT JOIN department d ON d.id = p.unit_id LEFT JOIN info_item i ON i.id = p.item_id
         WHERE (?3 IS NOT NULL AND c.id = ?3 OR ?3 IS NULL AND c.year = ?1) AND (?2 IS NULL OR p.unit_id = ?2)
         ORDER BY c.id DESC, p.unit_id LIMIT 2000",
        &[num(year as i64), opt_int(unit), opt_int(id)],
    )
    .await
}

/// Whether commission `id` asks `unit` and is still unanswered by it.
pub async fn open_for(db: &Db, id: i64, unit: i64) -> Result<bool> {
    let rows: Vec<serde_json::Value> = db
        .rows(
            "SELECT 1 AS found FROM info_commission_unit WHERE commission_id = ?1 AND unit_id = ?2 AND item_id IS NULL",
            &[num(id), num(unit)],
        )
        .await?;
    Ok(!rows.is_empty())
}
