//! SQL for administration (migrations/0013_administration.sql): the
//! county's settings, units and groups, intermediaries, staff accounts and
//! the versioned catalogue. Every change goes in one `batch()` with its
//! audit row in `office_event`.

pub mod accounts;
pub mod catalogue;
pub mod catalogue_import;
pub mod settings;
pub mod units;

use super::{num, Db};
use worker::{D1PreparedStatement, Result};

/// The audit row of a change. With `guard` (table, id, nonce) it is written
/// only where the guarded UPDATE of that row landed (its `last_change` is
/// the nonce); without, it stands or falls with its batch (a create).
pub fn audit(
    db: &Db,
    staff_id: i64,
    action: &str,
    subject: &str,
    detail: &str,
    now: &str,
    guard: Option<(&'static str, i64, &str)>,
) -> Result<D1PreparedStatement> {
    match guard {
        None => db.statement(
            "INSERT INTO office_event (at, staff_id, action, subject, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
            &[now.into(), num(staff_id), action.into(), subject.into(), detail.into()],
        ),
        Some((table, id, nonce)) => db.statement(
            &format!(
                "INSERT INTO office_event (at, staff_id, action, subject, detail) SELECT ?1, ?2, ?3, ?4, ?5
                 WHERE EXISTS (SELECT 1 FROM {table} WHERE id = ?6 AND last_change = ?7)"
            ),
            &[now.into(), num(staff_id), action.into(), subject.into(), detail.into(), num(id), nonce.into()],
        ),
    }
}

/// The id a batch's `INSERT … RETURNING id` gave.
pub fn returned_id(result: Option<&worker::D1Result>) -> Result<i64> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: i64,
    }
    let rows: Vec<Id> = result.map(|r| r.results()).transpose()?.unwrap_or_default();
    rows.first().map(|r| r.id).ok_or_else(|| worker::Error::RustError("INSERT … RETURNING gave no id".into()))
}
