//! Lists of tickets, paged by keyset so the n-th page reads as few rows as
//! the first: the office's queue (open tickets by deadline, or by arrival
//! before dispatch), closed tickets, a unit's inbox by deadline through its
//! own index, and look-ups by number, city number or phone.

use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::instant::Instant;
use shared::hotline::{Kind, PartState, TicketState, Urgency};
use shared::page::Cursor;
use worker::Result;

#[derive(Deserialize)]
pub struct ListRow {
    pub id: i64,
    pub ticket_no: String,
    pub state: TicketState,
    pub kind: Kind,
    pub urgency: Urgency,
    pub cause: String,
    pub category_name: Option<String>,
    pub lead_unit_name: Option<String>,
    pub received_at: Instant,
    pub deadline: Option<Instant>,
    pub limit_code: Option<String>,
    pub my_part: Option<PartState>,
    pub reopened: u32,
    pub confidential: u8,
    /// The row's sort key, for the next page's cursor.
    pub sort: Option<String>,
}

const ROW: &str = "t.id, t.ticket_no, t.state, t.kind, t.urgency, t.cause, c.name AS category_name, d.name AS lead_unit_name,
    t.received_at, t.deadline, t.limit_code, t.reopened, t.confidential";
const JOINS: &str = "LEFT JOIN hotline_category c ON c.id = t.category_id LEFT JOIN department d ON d.id = t.lead_unit_id";

/// Which list. A search finds by ticket number, city number or caller's
/// phone (the office), or by number among a unit's own (a unit).
pub type Listing<'a> = shared::page::Listing<'a, TicketState>;

/// A page of `size` rows after `after` (and one more, to know if another
/// page follows).
pub async fn page(db: &Db, listing: &Listing<'_>, after: Option<&Cursor>, size: u32) -> Result<Vec<ListRow>> {
    let (key, id) = after.map(|c| (c.key.clone(), c.id)).unwrap_or_default();
    let first = after.is_none() as i64;
    let limit = num(size as i64 + 1);
    match listing {
        Listing::Queue(state) => {
            let (filter, state) = match state {
                Some(s) => ("t.state = ?5", s.as_str()),
                None => ("t.is_open = 1 AND ?5 = ?5", ""),
            };
            let sql = format!(
                "SELECT {ROW}, NULL AS my_part, t.sort_key AS sort FROM hotline_ticket t {JOINS}
                 WHERE {filter} AND (?1 = 1 OR (t.sort_key, t.id) > (?2, ?3))
                 ORDER BY t.sort_key, t.id LIMIT ?4"
            );
            db.rows(&sql, &[num(first), key.into(), num(id), limit, state.into()]).await
        }
        Listing::Closed => {
            let sql = format!(
                "SELECT {ROW}, NULL AS my_part, t.closed_at AS sort FROM hotline_ticket t {JOINS}
                 WHERE t.is_open = 0 AND (?1 = 1 OR (t.closed_at, t.id) < (?2, ?3))
                 ORDER BY t.closed_at DESC, t.id DESC LIMIT ?4"
            );
            db.rows(&sql, &[num(first), key.into(), num(id), limit]).await
        }
        Listing::All => {
            let sql = format!(
                "SELECT {ROW}, NULL AS my_part, CAST(t.id AS TEXT) AS sort FROM hotline_ticket t {JOINS}
                 WHERE ?1 = 1 OR (t.id < ?3 AND ?2 = ?2) ORDER BY t.id DESC LIMIT ?4"
            );
            db.rows(&sql, &[num(first), key.into(), num(id), limit]).await
        }
        Listing::Unit { unit, open, state } => {
            // An assisting unit never sees a confidential ticket (DOMAIN §3).
            let sql = format!(
                "SELECT {ROW}, p.state AS my_part, p.deadline AS sort FROM hotline_part p
                 JOIN hotline_ticket t ON t.id = p.ticket_id {JOINS}
                 WHERE p.unit_id = ?5 AND p.ticket_open = ?6 AND p.state <> 'returned'
                   AND NOT (t.confidential = 1 AND p.role = 'assist') AND (?7 = '' OR t.state = ?7)
                   AND (?1 = 1 OR (p.deadline, p.ticket_id) > (?2, ?3))
                 ORDER BY p.deadline, p.ticket_id LIMIT ?4"
            );
            let state = state.map(|s| s.as_str()).unwrap_or("");
            db.rows(&sql, &[num(first), key.into(), num(id), limit, num(*unit), num(*open as i64), state.into()]).await
        }
        Listing::Find { q, unit: None } => {
            let sql = format!(
                "SELECT {ROW}, NULL AS my_part, CAST(t.id AS TEXT) AS sort FROM hotline_ticket t {JOINS}
                 WHERE (t.ticket_no = ?5 OR t.caller_phone = ?5 OR (t.city_ticket_no = ?5 AND t.city_ticket_no <> ''))
                   AND (?1 = 1 OR (t.id < ?3 AND ?2 = ?2))
                 ORDER BY t.id DESC LIMIT ?4"
            );
            db.rows(&sql, &[num(first), key.into(), num(id), limit, (*q).into()]).await
        }
        Listing::Find { q, unit: Some(unit) } => {
            let sql = format!(
                "SELECT {ROW}, p.state AS my_part, CAST(t.id AS TEXT) AS sort FROM hotline_ticket t
                 JOIN hotline_part p ON p.ticket_id = t.id AND p.unit_id = ?6 {JOINS}
                 WHERE t.ticket_no = ?5 AND NOT (t.confidential = 1 AND p.role = 'assist')
                   AND (?1 = 1 OR (t.id < ?3 AND ?2 = ?2))
                 LIMIT ?4"
            );
            db.rows(&sql, &[num(first), key.into(), num(id), limit, (*q).into(), num(*unit)]).await
        }
    }
}
