//! Information's figures for a period: counter sums over the period's
//! covering keys (`db::tally`), whole months as one row each.

use crate::db::Db;
use shared::engine::period::Range;
use shared::information::figures::InfoTally;
use worker::Result;

/// The county's counters (unit 0) for `range`: what the yearly report's
/// §六 sentence (`shared::information::figures::summary`) is made from.
pub async fn county(db: &Db, range: Range) -> Result<InfoTally> {
    let rows = crate::db::tally::sums(db, "info_tally", &InfoTally::columns(), range, Some(0)).await?;
    Ok(rows.into_iter().find(|(id, _, _)| *id == 0).map(|(_, _, v)| InfoTally::from_values(v)).unwrap_or_default())
}
