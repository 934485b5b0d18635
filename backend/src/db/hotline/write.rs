//! One change of a ticket as one batch: the guarded `UPDATE` first, then
//! every other statement only where its nonce landed (parts, callers,
//! audit, the caller's timeline, counters).

use crate::db::{num, Db};
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::engine::period::keys_of;
use shared::hotline::figures::Increments;
use shared::hotline::TicketState;
use worker::wasm_bindgen::JsValue;
use worker::{D1PreparedStatement, Result};

pub struct Write<'a> {
    db: &'a Db,
    ticket_no: String,
    nonce: String,
    statements: Vec<D1PreparedStatement>,
}

/// `WHERE` of every statement after the first: the ticket this write changed.
const LANDED: &str = "SELECT id FROM hotline_ticket WHERE ticket_no = ?1 AND last_change = ?2";

impl<'a> Write<'a> {
    /// Sets `columns` (names from code, never from input) if the ticket is
    /// still at `version`, and moves its version on.
    pub fn update(db: &'a Db, ticket_no: &str, version: i64, nonce: &str, columns: &[(&str, JsValue)]) -> Result<Write<'a>> {
        let mut sets: Vec<String> = columns.iter().enumerate().map(|(i, (c, _))| format!("{c} = ?{}", i + 4)).collect();
        sets.push("version = version + 1, last_change = ?3".into());
        let sql = format!("UPDATE hotline_ticket SET {} WHERE ticket_no = ?1 AND version = ?2", sets.join(", "));
        let mut params = vec![ticket_no.into(), num(version), nonce.into()];
        params.extend(columns.iter().map(|(_, v)| v.clone()));
        let first = db.statement(&sql, &params)?;
        Ok(Write { db, ticket_no: ticket_no.into(), nonce: nonce.into(), statements: vec![first] })
    }

    /// A write whose first statement the caller made (the ticket's insert).
    pub fn after(db: &'a Db, ticket_no: &str, nonce: &str, first: D1PreparedStatement) -> Write<'a> {
        Write { db, ticket_no: ticket_no.into(), nonce: nonce.into(), statements: vec![first] }
    }

    /// A statement that runs only if the ticket's change landed: `?1` is
    /// the ticket's number, `?2` the change's nonce, `?3…` are `params`.
    pub(super) fn then(&mut self, sql: &str, params: &[JsValue]) -> Result<()> {
        let mut all = vec![JsValue::from(self.ticket_no.as_str()), JsValue::from(self.nonce.as_str())];
        all.extend(params.iter().cloned());
        self.statements.push(self.db.statement(sql, &all)?);
        Ok(())
    }

    /// The audit row; a public one also goes on the caller's timeline.
    pub fn event(&mut self, e: &Event<'_>) -> Result<()> {
        self.then(
            "INSERT INTO hotline_event (ticket_id, at, actor, staff_id, from_state, to_state, note, public)
             SELECT id, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM hotline_ticket WHERE ticket_no = ?1 AND last_change = ?2",
            &[
                e.at.to_string().into(),
                e.actor.into(),
                e.staff_id.map(num).unwrap_or(JsValue::NULL),
                e.from.map(|s| JsValue::from(s.as_str())).unwrap_or(JsValue::NULL),
                e.to.as_str().into(),
                e.note.into(),
                num(e.public as i64),
            ],
        )?;
        if e.public {
            self.then(
                "UPDATE hotline_ticket SET public_timeline = json_insert(public_timeline, '$[#]', json_object('at', ?3, 'note', ?4))
                 WHERE ticket_no = ?1 AND last_change = ?2",
                &[e.at.to_string().into(), e.note.into()],
            )?;
        }
        Ok(())
    }

    /// Adds `inc` to the day's and month's counters of the county and of
    /// `unit` (if any).
    pub fn tally(&mut self, day: Date, unit: Option<i64>, inc: &Increments) -> Result<()> {
        if inc.is_empty() {
            return Ok(());
        }
        let columns: Vec<&str> = inc.iter().map(|(c, _)| c.column()).collect();
        let values: Vec<String> = inc.iter().map(|(_, n)| n.to_string()).collect();
        let updates: Vec<String> = columns.iter().map(|c| format!("{c} = {c} + excluded.{c}")).collect();
        let sql = format!(
            "INSERT INTO hotline_tally (key, unit_id, {}) SELECT k.value, u.value, {} FROM json_each(?3) k, json_each(?4) u
             WHERE EXISTS ({LANDED}) ON CONFLICT (key, unit_id) DO UPDATE SET {}",
            columns.join(", "),
            values.join(", "),
            updates.join(", ")
        );
        let units: Vec<i64> = std::iter::once(0).chain(unit).collect();
        let (keys, units) = (serde_json::to_string(&keys_of(day))?, serde_json::to_string(&units)?);
        self.then(&sql, &[keys.into(), units.into()])
    }

    /// Runs the batch; `false` if the ticket had changed meanwhile (then
    /// nothing was written).
    pub async fn run(self) -> Result<bool> {
        let results = self.db.batch(self.statements).await?;
        Ok(crate::db::wrote(results.first()))
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
