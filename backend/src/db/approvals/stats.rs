//! SQL for `case_stats` (migrations/0010_evaluation_stats_assignee.sql):
//! counters per day and month, added to in the same batch as the event they
//! count, and summed over a range's covering keys (shared::approvals::stats::cover).

use crate::db::Db;
use shared::approvals::stats::{keys_of, Counter, Establishment, Increments, Range, Totals};
use shared::engine::date::Date;
use worker::{D1PreparedStatement, Result};

/// Adds `inc` to the day's and the month's counters, only if the case's
/// last change is `nonce` (so a change that lost its race counts nothing).
pub fn add(db: &Db, case_no: &str, nonce: &str, day: Date, inc: &Increments) -> Result<Option<D1PreparedStatement>> {
    if inc.is_empty() {
        return Ok(None);
    }
    let columns: Vec<String> = inc.iter().map(|(c, _)| c.column()).collect();
    let values: Vec<String> = inc.iter().map(|(_, n)| n.to_string()).collect();
    let updates: Vec<String> = columns.iter().map(|c| format!("{c} = {c} + excluded.{c}")).collect();
    let sql = format!(
        "INSERT INTO case_stats (period, {}) SELECT k.value, {} FROM json_each(?3) k
         WHERE EXISTS (SELECT 1 FROM case_record WHERE case_no = ?1 AND last_change = ?2)
         ON CONFLICT (period) DO UPDATE SET {}",
        columns.join(", "),
        values.join(", "),
        updates.join(", ")
    );
    let keys = serde_json::to_string(&keys_of(day))?;
    Ok(Some(db.statement(&sql, &[case_no.into(), nonce.into(), keys.into()])?))
}

/// Every counter summed over the range: one row per covering key.
pub async fn totals(db: &Db, range: Range) -> Result<Totals> {
    let all = Counter::all();
    let sums: Vec<String> = all.iter().map(|c| format!("coalesce(sum({0}), 0) AS {0}", c.column())).collect();
    let sql = format!("SELECT {} FROM case_stats WHERE period IN (SELECT value FROM json_each(?1))", sums.join(", "));
    let keys = serde_json::to_string(&shared::approvals::stats::cover(range))?;
    let rows: Vec<serde_json::Map<String, serde_json::Value>> = db.rows(&sql, &[keys.into()]).await?;
    let row = rows.into_iter().next().unwrap_or_default();
    Ok(Totals(all.iter().map(|c| row.get(&c.column()).and_then(|v| v.as_u64()).unwrap_or(0)).collect()))
}

/// Departments with windows in the Center (active), window staff, intermediaries and their staff,
/// active matters, and the catalogue's compression: a few aggregate rows
/// over the catalogue (tens of rows), never the cases.
pub async fn establishment(db: &Db) -> Result<Establishment> {
    #[derive(serde::Deserialize)]
    struct Row {
        departments: u64,
        window_staff: u64,
        intermediaries: u64,
        intermediary_staff: u64,
        matters: u64,
        statutory: u64,
        committed: u64,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT (SELECT count(*) FROM department WHERE active = 1 AND window <> '') AS departments,
                    (SELECT coalesce(sum(window_staff), 0) FROM department WHERE active = 1) AS window_staff,
                    (SELECT count(*) FROM intermediary WHERE active = 1) AS intermediaries,
                    (SELECT coalesce(sum(staff), 0) FROM intermediary WHERE active = 1) AS intermediary_staff,
                    count(*) AS matters, coalesce(sum(statutory_days), 0) AS statutory,
                    coalesce(sum(committed_days), 0) AS committed
             FROM matter WHERE active = 1",
            &[],
        )
        .await?;
    let r = rows.into_iter().next();
    Ok(r.map(|r| Establishment {
        departments: r.departments,
        window_staff: r.window_staff,
        intermediaries: r.intermediaries,
        intermediary_staff: r.intermediary_staff,
        matters: r.matters,
        catalogue_compression: shared::approvals::stats::percent(r.statutory.saturating_sub(r.committed), r.statutory),
    })
    .unwrap_or_default())
}
