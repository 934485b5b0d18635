//! Reading the complaints' figures: counter sums over a period's covering
//! keys (`db::tally`), for the county (unit 0) and each unit with counters
//! in the range.

use crate::db::Db;
use shared::complaints::figures::ComplaintTally;
use shared::engine::period::Range;
use worker::Result;

pub async fn tallies(db: &Db, range: Range) -> Result<Vec<(i64, String, ComplaintTally)>> {
    let rows = crate::db::tally::sums(db, "complaint_tally", &ComplaintTally::columns(), range, None).await?;
    Ok(rows.into_iter().map(|(id, name, values)| (id, name, ComplaintTally::from_values(values))).collect())
}
