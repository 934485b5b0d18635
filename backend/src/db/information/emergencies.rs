//! Urgent items grouped by their event (the first report's number): a
//! year has tens of them, read whole.

use crate::db::{num, opt_int, Db};
use serde::Deserialize;
use shared::engine::instant::Instant;
use shared::information::emergency::{Grade, ReportKind};
use worker::Result;

/// An urgent item as listed.
#[derive(Deserialize)]
pub struct UrgentRow {
    pub item_no: String,
    pub title: String,
    pub unit_name: String,
    pub submitted_at: Instant,
    pub event_at: Instant,
    pub grade: Grade,
    pub report_kind: ReportKind,
    pub first_no: String,
    pub late: u8,
}

/// The year's urgent items (of `unit` only, if given), by event, oldest
/// report first.
pub async fn urgent(db: &Db, year: i32, unit: Option<i64>) -> Result<Vec<UrgentRow>> {
    db.rows(
        "SELECT i.item_no, i.title, coalesce(d.name, '') AS unit_name, i.submitted_at, i.event_at, i.grade, i.report_kind,
                i.first_no, i.late
         FROM info_item i LEFT JOIN department d ON d.id = i.unit_id
         WHERE i.year = ?1 AND i.first_no IS NOT NULL AND (?2 IS NULL OR i.unit_id = ?2) ORDER BY i.first_no DESC, i.id LIMIT 2000",
        &[num(year as i64), opt_int(unit)],
    )
    .await
}

/// The unit of first report `item_no`, if it is one.
pub async fn first_report_unit(db: &Db, item_no: &str) -> Result<Option<i64>> {
    #[derive(Deserialize)]
    struct Row {
        unit_id: i64,
    }
    let rows: Vec<Row> = db.rows("SELECT unit_id FROM info_item WHERE item_no = ?1 AND report_kind = 'first'", &[item_no.into()]).await?;
    Ok(rows.first().map(|r| r.unit_id))
}
