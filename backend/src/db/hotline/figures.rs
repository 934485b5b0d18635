//! Reading the hotline's figures: counter sums over a period's covering
//! keys (whole months as one row each), the bulletin from the notices, and
//! hot spots from the recent days' tickets through their day indexes.

use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::date::Date;
use shared::engine::period::Range;
use shared::hotline::figures::{BulletinEntry, Tally};
use shared::hotline::ticket::BULLETIN_AFTER_NOTICES;
use worker::Result;

/// The tally of the county (unit 0) and of each unit with counters in the
/// range (or of `unit` only), with the units' names.
pub async fn tallies(db: &Db, range: Range, unit: Option<i64>) -> Result<Vec<(i64, String, Tally)>> {
    let rows = crate::db::tally::sums(db, "hotline_tally", &Tally::columns(), range, unit).await?;
    Ok(rows.into_iter().map(|(id, name, values)| (id, name, Tally::from_values(values))).collect())
}

/// Units named in the bulletin: tickets that had their second 催办 notice
/// (or a later one) within the range and had still not been replied to.
pub async fn bulletin(db: &Db, range: Range) -> Result<Vec<BulletinEntry>> {
    #[derive(Deserialize)]
    struct Row {
        unit_id: i64,
        unit_name: String,
        tickets: String,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT n.unit_id, d.name AS unit_name, group_concat(DISTINCT t.ticket_no) AS tickets
             FROM hotline_notice n JOIN hotline_ticket t ON t.id = n.ticket_id JOIN department d ON d.id = n.unit_id
             WHERE n.day BETWEEN ?1 AND ?2 AND n.kind = 'notice'
               AND (SELECT count(*) FROM hotline_notice m WHERE m.ticket_id = n.ticket_id AND m.kind = 'notice' AND m.day <= n.day) >= ?3
             GROUP BY n.unit_id ORDER BY count(DISTINCT t.id) DESC, d.name",
            &[range.from.to_string().into(), range.to.to_string().into(), num(BULLETIN_AFTER_NOTICES as i64)],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| BulletinEntry { unit_id: r.unit_id, unit_name: r.unit_name, tickets: r.tickets.split(',').map(String::from).collect() })
        .collect())
}

/// A repeated key: its label, count and the open tickets among them.
#[derive(Deserialize)]
pub struct Repeat {
    pub label: String,
    pub count: u32,
    pub open_tickets: Option<String>,
}

/// Categories and addresses with at least `min` tickets received since
/// `since` (the day indexes bound the rows read to the window).
pub async fn repeats(db: &Db, since: Date, min: u32) -> Result<(Vec<Repeat>, Vec<Repeat>)> {
    let by_category = db.statement(
        "SELECT c.name AS label, count(*) AS count,
                group_concat(CASE WHEN t.is_open = 1 AND t.state <> 'received' THEN t.ticket_no END) AS open_tickets
         FROM hotline_ticket t JOIN hotline_category c ON c.id = t.category_id
         WHERE t.received_on >= ?1 AND t.category_id IS NOT NULL AND t.close_reason IS NOT 'merged'
         GROUP BY t.category_id HAVING count(*) >= ?2 ORDER BY count(*) DESC LIMIT 20",
        &[since.to_string().into(), num(min as i64)],
    )?;
    let by_address = db.statement(
        "SELECT min(t.address) AS label, count(*) AS count,
                group_concat(CASE WHEN t.is_open = 1 THEN t.ticket_no END) AS open_tickets
         FROM hotline_ticket t
         WHERE t.received_on >= ?1 AND t.address_key <> '' AND t.close_reason IS NOT 'merged'
         GROUP BY t.address_key HAVING count(*) >= ?2 ORDER BY count(*) DESC LIMIT 20",
        &[since.to_string().into(), num(min as i64)],
    )?;
    let results = db.batch(vec![by_category, by_address]).await?;
    let mut lists = results.into_iter().map(|r| r.results::<Repeat>());
    let categories = lists.next().transpose()?.unwrap_or_default();
    let addresses = lists.next().transpose()?.unwrap_or_default();
    Ok((categories, addresses))
}
