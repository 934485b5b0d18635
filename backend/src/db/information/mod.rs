//! SQL for information (migrations/0022_information.sql): items and their
//! units' shares, the audit trail, issues, score events and the per-unit
//! yearly totals recomputed from them, the rules table and counters.
//!
//! An item's change is one guarded batch (`db::guarded`): the item's
//! `UPDATE` naming the version read, then the rest only where it landed.

pub mod commissions;
pub mod emergencies;
pub mod figures;
pub mod issues;
pub mod league;
pub mod research;
pub mod write;

use crate::db::{num, opt_int, opt_text, Db};
use serde::Deserialize;
use shared::engine::instant::Instant;
use shared::information::{Category, InfoState};
use worker::Result;

/// An item as stored, with its unit's and issue's names.
#[derive(Deserialize)]
pub struct ItemRecord {
    pub id: i64,
    pub item_no: String,
    pub unit_id: i64,
    pub unit_name: String,
    pub title: String,
    pub body: String,
    pub category: Category,
    pub writer: String,
    pub writer_phone: String,
    pub signed_off_by: String,
    pub submitted_at: Instant,
    pub state: InfoState,
    pub issue_id: Option<i64>,
    pub issue_no: Option<String>,
    pub score_year: Option<i32>,
    pub reason: String,
    pub forwarded: String,
    pub adopted_by: String,
    pub version: i64,
}

const ITEM_COLUMNS: &str = "i.id, i.item_no, i.unit_id, coalesce(d.name, '') AS unit_name, i.title, i.body, i.category, i.writer,
    i.writer_phone, i.signed_off_by, i.submitted_at, i.state, i.issue_id, s.number AS issue_no, i.score_year, i.reason,
    i.forwarded, i.adopted_by, i.version";

/// The item's unit and issue, joined after `FROM info_item i`.
const ITEM_JOINS: &str = "LEFT JOIN department d ON d.id = i.unit_id LEFT JOIN info_issue s ON s.id = i.issue_id";

pub async fn item_by_no(db: &Db, item_no: &str) -> Result<Option<ItemRecord>> {
    let rows = db.rows(&format!("SELECT {ITEM_COLUMNS} FROM info_item i {ITEM_JOINS} WHERE i.item_no = ?1"), &[item_no.into()]).await?;
    Ok(rows.into_iter().next())
}

/// A unit's share of an item, with the unit's name and the points the item
/// has earned it so far (hundredths).
#[derive(Deserialize)]
pub struct ShareRow {
    pub unit_id: i64,
    pub unit_name: String,
    pub percent: u32,
    pub points: i64,
}

pub async fn shares(db: &Db, item_id: i64) -> Result<Vec<ShareRow>> {
    db.rows(
        "SELECT s.unit_id, coalesce(d.name, '') AS unit_name, s.percent,
                (SELECT coalesce(sum(e.points), 0) FROM info_score_event e WHERE e.item_id = s.item_id AND e.unit_id = s.unit_id) AS points
         FROM info_share s LEFT JOIN department d ON d.id = s.unit_id WHERE s.item_id = ?1 ORDER BY s.percent DESC, s.unit_id",
        &[num(item_id)],
    )
    .await
}

/// Whether `unit` has a share of the item (a unit sees only those).
pub async fn unit_in_item(db: &Db, item_id: i64, unit: i64) -> Result<bool> {
    let rows: Vec<serde_json::Value> =
        db.rows("SELECT 1 AS found FROM info_share WHERE item_id = ?1 AND unit_id = ?2", &[num(item_id), num(unit)]).await?;
    Ok(!rows.is_empty())
}

/// One page of items, newest first: every unit's (`unit` none) or those
/// `unit` has a share of; `before` the cursor's id.
pub async fn items(db: &Db, unit: Option<i64>, state: Option<InfoState>, before: Option<i64>, size: u32) -> Result<Vec<ItemRecord>> {
    let sql = match unit {
        None => format!(
            "SELECT {ITEM_COLUMNS} FROM info_item i {ITEM_JOINS}
             WHERE (?1 IS NULL OR i.state = ?1) AND (?2 IS NULL OR i.id < ?2) AND ?3 IS NULL ORDER BY i.id DESC LIMIT ?4"
        ),
        // The unit's shares walk (unit_id, item_id) newest first.
        Some(_) => format!(
            "SELECT {ITEM_COLUMNS} FROM info_share sh JOIN info_item i ON i.id = sh.item_id {ITEM_JOINS}
             WHERE sh.unit_id = ?3 AND (?2 IS NULL OR sh.item_id < ?2) AND (?1 IS NULL OR i.state = ?1) ORDER BY sh.item_id DESC LIMIT ?4"
        ),
    };
    let params = [opt_text(state.map(|s| s.as_str())), opt_int(before), opt_int(unit), num(size as i64 + 1)];
    db.rows(&sql, &params).await
}

/// The year's next item sequence number.
pub async fn next_item_seq(db: &Db, year: i32) -> Result<i64> {
    #[derive(Deserialize)]
    struct Row {
        last: Option<i64>,
    }
    let rows: Vec<Row> = db.rows("SELECT max(seq) AS last FROM info_item WHERE year = ?1", &[num(year as i64)]).await?;
    Ok(rows.first().and_then(|r| r.last).unwrap_or(0) + 1)
}

/// The nonce a write stamps on its row, so that only its own counters land
/// (two requests in the same second share a timestamp, never a nonce).
fn nonce() -> worker::Result<String> {
    Ok(crate::crypto::hex(&crate::crypto::random_bytes::<16>()?))
}
