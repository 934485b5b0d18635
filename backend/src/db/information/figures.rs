//! Information's figures for a period: counter sums over the period's
//! covering keys (`db::tally`), whole months as one row each.

use crate::db::Db;
use shared::engine::period::Range;
use shared::information::figures::{Counter, InfoTally};
use worker::wasm_bindgen::JsValue;
use worker::{D1PreparedStatement, Result};

/// The county's counters (unit 0) for `range`: what the yearly report's
/// §六 sentence (`shared::information::figures::summary`) is made from.
pub async fn county(db: &Db, range: Range) -> Result<InfoTally> {
    let rows = crate::db::tally::sums(db, "info_tally", &InfoTally::columns(), range, Some(0)).await?;
    Ok(rows.into_iter().find(|(id, _, _)| *id == 0).map(|(_, _, v)| InfoTally::from_values(v)).unwrap_or_default())
}

/// A statement adding `inc` to the county's day and month rows of `day`
/// (`YYYY-MM-DD`), only where `landed` (a `SELECT` whose parameters are
/// `?2…`, from `params`) finds the record the batch wrote.
pub fn county_tally(db: &Db, day: &str, inc: &[(Counter, u64)], landed: &str, params: &[JsValue]) -> Result<D1PreparedStatement> {
    let columns: Vec<&str> = inc.iter().map(|(c, _)| c.column()).collect();
    let values: Vec<String> = inc.iter().map(|(_, v)| v.to_string()).collect();
    let updates: Vec<String> = columns.iter().map(|c| format!("{c} = {c} + excluded.{c}")).collect();
    let sql = format!(
        "INSERT INTO info_tally (key, unit_id, {}) SELECT k.value, 0, {} FROM json_each(?1) k WHERE EXISTS ({landed})
         ON CONFLICT (key, unit_id) DO UPDATE SET {}",
        columns.join(", "),
        values.join(", "),
        updates.join(", ")
    );
    let keys = serde_json::to_string(&[day, &day[..7.min(day.len())]])?;
    let mut all = vec![JsValue::from(keys)];
    all.extend(params.iter().cloned());
    db.statement(&sql, &all)
}
