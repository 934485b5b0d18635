//! Lists of complaints, paged by keyset so the n-th page reads as few rows
//! as the first: the office's queue (open ones by deadline: the acceptance
//! deadline before acceptance, the handling one after), closed ones, every
//! one, a unit's own (assigned or transferred to it) by deadline through
//! its own index, and a look-up by number. The complainant's name is read
//! for the office's rows only; a unit's rows never carry it.

use crate::db::{num, Db};
use serde::Deserialize;
use shared::complaints::{ComplaintKind, ComplaintState};
use shared::engine::instant::Instant;
use shared::page::Cursor;
use worker::Result;

#[derive(Deserialize)]
pub struct ListRow {
    pub id: i64,
    pub complaint_no: String,
    pub state: ComplaintState,
    pub kind: ComplaintKind,
    pub anonymous: u8,
    /// Empty for a unit's lists (never selected for them).
    pub name: String,
    pub subject: String,
    pub cause: String,
    pub unit_name: Option<String>,
    pub received_at: Instant,
    pub accept_by: Instant,
    pub deadline: Option<Instant>,
    pub extension: shared::engine::case_action::ExtensionState,
    /// The row's sort key, for the next page's cursor.
    pub sort: Option<String>,
}

const ROW: &str = "c.id, c.complaint_no, c.state, c.kind, c.anonymous, c.subject, c.cause, d.name AS unit_name, c.received_at,
    c.accept_by, c.deadline, c.extension";
const JOINS: &str = "LEFT JOIN department d ON d.id = c.unit_id";

/// Which list. A search finds by number (among a unit's own, for a unit).
pub type Listing<'a> = shared::page::Listing<'a, ComplaintState>;

/// A page of `size` rows after `after` (and one more, to know if another
/// page follows).
pub async fn page(db: &Db, listing: &Listing<'_>, after: Option<&Cursor>, size: u32) -> Result<Vec<ListRow>> {
    let (key, id) = after.map(|c| (c.key.clone(), c.id)).unwrap_or_default();
    let first = after.is_none() as i64;
    let limit = num(size as i64 + 1);
    let office_name = "c.name";
    let no_name = "'' AS name";
    match listing {
        Listing::Queue(state) => {
            let (filter, state) = match state {
                Some(s) => ("c.is_open = 1 AND c.state = ?5", s.as_str()),
                None => ("c.is_open = 1 AND ?5 = ?5", ""),
            };
            let sql = format!(
                "SELECT {ROW}, {office_name}, c.sort_key AS sort FROM complaint c {JOINS}
                 WHERE {filter} AND (?1 = 1 OR (c.sort_key, c.id) > (?2, ?3))
                 ORDER BY c.sort_key, c.id LIMIT ?4"
            );
            db.rows(&sql, &[num(first), key.into(), num(id), limit, state.into()]).await
        }
        Listing::Closed => {
            let sql = format!(
                "SELECT {ROW}, {office_name}, c.closed_at AS sort FROM complaint c {JOINS}
                 WHERE c.is_open = 0 AND (?1 = 1 OR (c.closed_at, c.id) < (?2, ?3))
                 ORDER BY c.closed_at DESC, c.id DESC LIMIT ?4"
            );
            db.rows(&sql, &[num(first), key.into(), num(id), limit]).await
        }
        Listing::All => {
            let sql = format!(
                "SELECT {ROW}, {office_name}, CAST(c.id AS TEXT) AS sort FROM complaint c {JOINS}
                 WHERE ?1 = 1 OR (c.id < ?3 AND ?2 = ?2) ORDER BY c.id DESC LIMIT ?4"
            );
            db.rows(&sql, &[num(first), key.into(), num(id), limit]).await
        }
        Listing::Unit { unit, open, state } => {
            let sql = format!(
                "SELECT {ROW}, {no_name}, c.sort_key AS sort FROM complaint c {JOINS}
                 WHERE c.unit_id = ?5 AND c.is_open = ?6 AND (?7 = '' OR c.state = ?7)
                   AND (?1 = 1 OR (c.sort_key, c.id) > (?2, ?3))
                 ORDER BY c.sort_key, c.id LIMIT ?4"
            );
            let state = state.map(|s| s.as_str()).unwrap_or("");
            db.rows(&sql, &[num(first), key.into(), num(id), limit, num(*unit), num(*open as i64), state.into()]).await
        }
        Listing::Find { q, unit } => {
            let name = if unit.is_some() { no_name } else { office_name };
            let sql = format!(
                "SELECT {ROW}, {name}, CAST(c.id AS TEXT) AS sort FROM complaint c {JOINS}
                 WHERE c.complaint_no = ?5 AND (?6 IS NULL OR c.unit_id = ?6) AND (?1 = 1 OR (c.id < ?3 AND ?2 = ?2))
                 LIMIT ?4"
            );
            db.rows(&sql, &[num(first), key.into(), num(id), limit, (*q).into(), crate::db::opt_int(*unit)]).await
        }
    }
}
