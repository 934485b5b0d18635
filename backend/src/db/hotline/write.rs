//! A ticket's change as one guarded batch (`db::guarded`): the ticket's
//! `UPDATE`, then parts, callers, audit, the caller's timeline, counters.

use crate::db::audit;
use crate::db::guarded::{self, Table};
use crate::db::{num, Db};
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::hotline::figures::Increments;
use shared::hotline::TicketState;
use worker::wasm_bindgen::JsValue;
use worker::{D1PreparedStatement, Result};

pub use guarded::Write;

pub const TICKETS: Table = Table { name: "hotline_ticket", key: "ticket_no", tally: "hotline_tally" };

/// The ticket's guarded update (see [`Write::update`]).
pub fn update<'a>(db: &'a Db, ticket_no: &str, version: i64, nonce: &str, columns: &[(&str, JsValue)]) -> Result<Write<'a>> {
    Write::update(db, &TICKETS, ticket_no, version, nonce, columns)
}

/// A write whose first statement is the ticket's insert.
pub fn after<'a>(db: &'a Db, ticket_no: &str, nonce: &str, first: D1PreparedStatement) -> Write<'a> {
    Write::after(db, &TICKETS, ticket_no, nonce, first)
}

impl Write<'_> {
    /// The audit row; a public one also goes on the caller's timeline.
    pub fn event(&mut self, e: &Event<'_>) -> Result<()> {
        let mut cells = audit::cells(e.at, e.actor, e.staff_id, e.from.map(|s| s.as_str()), e.to.as_str(), e.note);
        cells.push(num(e.public as i64));
        self.then(
            "INSERT INTO hotline_event (ticket_id, at, actor, staff_id, from_state, to_state, note, public)
             SELECT id, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM hotline_ticket WHERE ticket_no = ?1 AND last_change = ?2",
            &cells,
        )?;
        if e.public {
            self.timeline(&e.at.to_string(), e.note)?;
        }
        if let Some(notice) = shared::notify::NoticeEvent::for_ticket_change(e.from, e.to) {
            crate::db::notify::raised_notice(self, notice, "caller_phone", &e.at.to_string())?;
        }
        Ok(())
    }

    /// Adds `inc` to the hotline's counters of the county and `unit`.
    pub fn count(&mut self, day: Date, unit: Option<i64>, inc: &Increments) -> Result<()> {
        let columns: Vec<(&str, u64)> = inc.iter().map(|(c, n)| (c.column(), *n)).collect();
        self.tally(day, unit, &columns)
    }
}

/// An audit row.
pub struct Event<'a> {
    pub at: Instant,
    pub actor: &'a str,
    pub staff_id: Option<i64>,
    pub from: Option<TicketState>,
    pub to: TicketState,
    pub note: &'a str,
    pub public: bool,
}
