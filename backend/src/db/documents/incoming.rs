//! SQL for incoming handling (收文) of a unit's signed copy: its receiving
//! number per unit and year, circulation (传阅) rows, each added to a
//! `chain::Change` so it lands in the same guarded batch.

use super::chain::{Change, LANDED};
use crate::db::{num, Db};
use serde::Deserialize;
use shared::documents::incoming::Circulation;
use shared::engine::instant::Instant;
use worker::Result;

/// Numbers the copy `copy_id` of `unit` for `year` (the next of the unit's
/// sequence) and records the proposed handling.
pub fn register(c: &mut Change, copy_id: i64, unit: i64, year: i32, proposal: &str) {
    c.extra.push((
        format!(
            "INSERT INTO doc_receive_seq (unit_id, year, last) SELECT ?3, ?4, 1 WHERE {LANDED}
             ON CONFLICT (unit_id, year) DO UPDATE SET last = last + 1"
        ),
        vec![num(unit), num(year as i64)],
    ));
    c.extra.push((
        format!(
            "UPDATE doc_recipient SET receive_year = ?4, receive_seq = (SELECT last FROM doc_receive_seq WHERE unit_id = ?5 AND year = ?4),
                 proposal = ?6 WHERE id = ?3 AND {LANDED}"
        ),
        vec![num(copy_id), num(year as i64), num(unit), proposal.into()],
    ));
}

/// Circulation copies to the active staff of `unit` among `staff_ids`.
pub fn circulate(c: &mut Change, copy_id: i64, unit: i64, staff_ids: &[i64], at: Instant) -> Result<()> {
    c.extra.push((
        format!(
            "INSERT INTO doc_circulation (recipient_id, staff_id, reader, sent_at)
             SELECT ?3, s.id, s.name, ?4 FROM staff s
             WHERE s.id IN (SELECT value FROM json_each(?5)) AND s.department_id = ?6 AND s.active = 1 AND {LANDED}"
        ),
        vec![num(copy_id), at.to_string().into(), serde_json::to_string(staff_ids)?.into(), num(unit)],
    ));
    Ok(())
}

/// `staff_id`'s unread copy read (`Some`), or every unread one taken back.
pub fn close(c: &mut Change, copy_id: i64, reader: Option<i64>, at: Instant) {
    let (column, who) = match reader {
        Some(_) => ("read_at", "staff_id = ?5"),
        None => ("recalled_at", "?5 IS NULL"),
    };
    c.extra.push((
        format!(
            "UPDATE doc_circulation SET {column} = ?4
             WHERE recipient_id = ?3 AND {who} AND read_at IS NULL AND recalled_at IS NULL AND {LANDED}"
        ),
        vec![num(copy_id), at.to_string().into(), crate::db::opt_int(reader)],
    ));
}

/// A copy's circulation, in the order sent, with each reader's staff id.
pub async fn circulation(db: &Db, copy_id: i64) -> Result<Vec<(i64, Circulation)>> {
    #[derive(Deserialize)]
    struct Row {
        staff_id: i64,
        reader: String,
        sent_at: Instant,
        read_at: Option<Instant>,
        recalled_at: Option<Instant>,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT staff_id, reader, sent_at, read_at, recalled_at FROM doc_circulation WHERE recipient_id = ?1 ORDER BY id",
            &[num(copy_id)],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.staff_id, Circulation { reader: r.reader, sent_at: r.sent_at, read_at: r.read_at, recalled_at: r.recalled_at }))
        .collect())
}
