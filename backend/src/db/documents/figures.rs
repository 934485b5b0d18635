//! Reading document transmission's counters over a period: the county
//! (unit 0) and each receiving unit, one row per key and unit however many
//! documents there are.

use crate::db::Db;
use shared::documents::figures::Tally;
use shared::engine::period::Range;
use worker::Result;

pub async fn tallies(db: &Db, range: Range, unit: Option<i64>) -> Result<Vec<(i64, String, Tally)>> {
    let rows = crate::db::tally::sums(db, "doc_tally", &Tally::columns(), range, unit).await?;
    Ok(rows.into_iter().map(|(id, name, values)| (id, name, Tally::from_values(values))).collect())
}

/// The county's counters for `range`: what the office's yearly report reads
/// (with `shared::documents::figures::summary`).
pub async fn county(db: &Db, range: Range) -> Result<Tally> {
    Ok(crate::db::tally::county(&tallies(db, range, Some(0)).await?))
}
