//! Reading supervision's figures: the counters over a period, items by
//! source and state (kept counts), and open tasks by colour through the
//! (state, deadline) index: rows read follow the open tasks, never the
//! history.

use crate::db::Db;
use serde::Deserialize;
use shared::engine::date::Date;
use shared::engine::period::Range;
use shared::supervision::figures::{SourceRow, Tally};
use shared::supervision::{ItemState, Source};
use worker::Result;

pub async fn tallies(db: &Db, range: Range, unit: Option<i64>) -> Result<Vec<(i64, String, Tally)>> {
    let rows = crate::db::tally::sums(db, "supervision_tally", &Tally::columns(), range, unit).await?;
    Ok(rows.into_iter().map(|(id, name, values)| (id, name, Tally::from_values(values))).collect())
}

/// Each source with items: its items by state and its tasks in progress
/// by colour (red before `today`, yellow by `horizon`).
pub async fn sources(db: &Db, today: Date, horizon: Date) -> Result<Vec<SourceRow>> {
    #[derive(Deserialize)]
    struct Count {
        source: Source,
        state: ItemState,
        items: u64,
    }
    #[derive(Deserialize)]
    struct Colours {
        source: Source,
        red: u64,
        yellow: u64,
        open: u64,
    }
    let counts = db.statement("SELECT source, state, items FROM supervision_count WHERE items > 0", &[])?;
    let colours = db.statement(
        "SELECT source, sum(deadline < ?1) AS red, sum(deadline >= ?1 AND deadline <= ?2) AS yellow, count(*) AS open
         FROM supervision_task WHERE state = 'in_progress' GROUP BY source",
        &[today.to_string().into(), horizon.to_string().into()],
    )?;
    let results = db.batch(vec![counts, colours]).await?;
    let mut results = results.into_iter();
    let counts: Vec<Count> = results.next().map(|r| r.results()).transpose()?.unwrap_or_default();
    let colours: Vec<Colours> = results.next().map(|r| r.results()).transpose()?.unwrap_or_default();
    let mut rows: Vec<SourceRow> = Vec::new();
    let mut row = |source: Source| -> usize {
        match rows.iter().position(|r| r.source == Some(source)) {
            Some(i) => i,
            None => {
                rows.push(SourceRow { source: Some(source), ..Default::default() });
                rows.len() - 1
            }
        }
    };
    let mut at: Vec<(usize, Count)> = counts.into_iter().map(|c| (row(c.source), c)).collect();
    let colour_rows: Vec<(usize, Colours)> = colours.into_iter().map(|c| (row(c.source), c)).collect();
    for (i, c) in at.drain(..) {
        let r = &mut rows[i];
        match c.state {
            ItemState::Registered => r.registered = c.items,
            ItemState::InProgress => r.in_progress = c.items,
            ItemState::Closed => r.closed = c.items,
        }
    }
    for (i, c) in colour_rows {
        let r = &mut rows[i];
        (r.red, r.yellow, r.green) = (c.red, c.yellow, c.open - c.red - c.yellow);
    }
    rows.sort_by_key(|r| r.source.map(|s| Source::ALL.iter().position(|x| *x == s)));
    Ok(rows)
}
