//! Reading counter tables (`hotline_tally`, `supervision_tally`, …): sums
//! over a period's covering keys (whole months as one row each) for the
//! county (unit 0) and each unit, with the units' names.

use crate::db::{opt_int, Db};
use shared::engine::period::{cover, Range};
use worker::Result;

/// One row per unit with counters in `range` (or the county and `unit`
/// only): its id, name and the sum of each of `columns`, in order.
pub async fn sums(db: &Db, table: &str, columns: &[&str], range: Range, unit: Option<i64>) -> Result<Vec<(i64, String, Vec<u64>)>> {
    let sums: Vec<String> = columns.iter().map(|c| format!("sum(t.{c}) AS {c}")).collect();
    let sql = format!(
        "SELECT t.unit_id, coalesce(d.name, '') AS unit_name, {} FROM {table} t LEFT JOIN department d ON d.id = t.unit_id
         WHERE t.key IN (SELECT value FROM json_each(?1)) AND (?2 IS NULL OR t.unit_id IN (0, ?2))
         GROUP BY t.unit_id ORDER BY t.unit_id",
        sums.join(", ")
    );
    let keys = serde_json::to_string(&cover(range))?;
    let rows: Vec<serde_json::Map<String, serde_json::Value>> = db.rows(&sql, &[keys.into(), opt_int(unit)]).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let values = columns.iter().map(|c| row.get(*c).and_then(|v| v.as_u64()).unwrap_or(0)).collect();
            let id = row.get("unit_id").and_then(|v| v.as_i64()).unwrap_or(0);
            let name = row.get("unit_name").and_then(|v| v.as_str()).unwrap_or("").to_string();
            (id, name, values)
        })
        .collect())
}

/// The county's row (unit 0) among `rows`; zero when nothing was counted.
pub fn county<T: Default + Copy>(rows: &[(i64, String, T)]) -> T {
    rows.iter().find(|(id, ..)| *id == 0).map(|(.., t)| *t).unwrap_or_default()
}
