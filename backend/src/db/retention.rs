//! Erasing a line of work's personal data past its retention
//! (`shared::retention`) in one statement per table: the rows closed before
//! a day and not yet anonymised, oldest first, a bounded number per run, by
//! a partial index on `closed_at` (migration 0026). Each wing names its
//! table and what it blanks; the daily job (`backend/src/retention.rs`)
//! runs them.

use super::{num, Db};
use worker::{D1PreparedStatement, Result};

/// A table whose closed rows hold someone's personal data.
pub struct Anonymised {
    pub table: &'static str,
    /// The partial index of its closed rows not yet anonymised.
    pub index: &'static str,
    /// The assignments that blank the personal columns; `?4` is
    /// `shared::retention::ANONYMISED`.
    pub set: &'static str,
    /// Other tables' copies of the same people, blanked first: `{due}`
    /// stands for the ids about to be anonymised.
    pub copies: &'static [&'static str],
}

/// Anonymises up to `limit` rows closed before `before` (a day), marking
/// them with `today`, and their copies.
pub fn anonymise(db: &Db, t: &Anonymised, today: &str, before: &str, limit: u32) -> Result<Vec<D1PreparedStatement>> {
    let due = format!(
        "SELECT id FROM {table} INDEXED BY {index}
         WHERE closed_at IS NOT NULL AND anonymised_on IS NULL AND closed_at < ?2 ORDER BY closed_at, id LIMIT ?3",
        table = t.table,
        index = t.index
    );
    let params = [today.into(), before.into(), num(limit.into()), shared::retention::ANONYMISED.into()];
    let mut statements = Vec::new();
    for copies in t.copies {
        // D1 refuses more bindings than the largest `?n`: a copy that
        // blanks without the marker (`?4`) gets only what `{due}` uses.
        let used = if copies.contains("?4") { 4 } else { 3 };
        statements.push(db.statement(&copies.replace("{due}", &due), &params[..used])?);
    }
    let sql = format!("UPDATE {} SET {}, anonymised_on = ?1 WHERE id IN ({due})", t.table, t.set);
    statements.push(db.statement(&sql, &params)?);
    Ok(statements)
}
