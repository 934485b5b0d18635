//! Reading the complaints' figures: counter sums over a period's covering
//! keys (whole months as one row each), for the county (unit 0) and each
//! unit with counters in the range.

use crate::db::Db;
use shared::complaints::figures::{ComplaintTally, Counter};
use shared::engine::period::{cover, Range};
use worker::Result;

pub async fn tallies(db: &Db, range: Range) -> Result<Vec<(i64, String, ComplaintTally)>> {
    let sums: Vec<String> = Counter::ALL.iter().map(|c| format!("sum(t.{0}) AS {0}", c.column())).collect();
    let sql = format!(
        "SELECT t.unit_id, coalesce(d.name, '') AS unit_name, {} FROM complaint_tally t LEFT JOIN department d ON d.id = t.unit_id
         WHERE t.key IN (SELECT value FROM json_each(?1)) GROUP BY t.unit_id ORDER BY t.unit_id",
        sums.join(", ")
    );
    let keys = serde_json::to_string(&cover(range))?;
    let rows: Vec<serde_json::Map<String, serde_json::Value>> = db.rows(&sql, &[keys.into()]).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let mut tally = ComplaintTally::default();
            for c in Counter::ALL {
                tally.set(*c, row.get(c.column()).and_then(|v| v.as_u64()).unwrap_or(0));
            }
            let id = row.get("unit_id").and_then(|v| v.as_i64()).unwrap_or(0);
            let name = row.get("unit_name").and_then(|v| v.as_str()).unwrap_or("").to_string();
            (id, name, tally)
        })
        .collect())
}
