//! SQL for Open311 GeoReport v2 (`routes/open311/`): tickets as service
//! requests, read through indexes only, and never the caller's name, phone
//! or address beyond what the mapping masks (the row has no column for
//! name or phone at all).
//!
//! `GET requests` walks an index that starts with `received_on` (the
//! ticket's day) over the query's window, newest day first; within a day SQLite sorts only
//! that day's rows and stops once the page is full, so a page costs its
//! offset and size plus one day's tickets, and every filter (category,
//! status) is checked on rows of the window only. The window is at most 90
//! days and a query at most its first 1,000 requests (the spec's volume).

use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::instant::Instant;
use shared::engine::limit::Limit;
use shared::hotline::open311::TicketFacts;
use shared::hotline::TicketState;
use worker::wasm_bindgen::JsValue;
use worker::Result;

/// A ticket as Open311 reads it: one row and its category's and unit's names.
#[derive(Deserialize)]
pub struct RequestRow {
    pub ticket_no: String,
    pub state: TicketState,
    pub service_code: Option<String>,
    pub service_name: Option<String>,
    pub course: String,
    pub address: String,
    pub agency: Option<String>,
    pub received_at: Instant,
    pub deadline: Option<Instant>,
    /// The limit that runs (after dispatch).
    pub limit_code: Option<String>,
    /// The category's limit for the ticket's urgency (before dispatch).
    pub category_limit: Option<String>,
    pub public_timeline: String,
    pub closed_at: Option<Instant>,
}

impl RequestRow {
    pub fn facts(self) -> Result<TicketFacts> {
        let limit = self.limit_code.as_deref().or(self.category_limit.as_deref()).and_then(Limit::from_code);
        Ok(TicketFacts {
            timeline: serde_json::from_str(&self.public_timeline).map_err(|e| crate::db::corrupt("public_timeline", e))?,
            ticket_no: self.ticket_no,
            state: self.state,
            service_code: self.service_code,
            service_name: self.service_name,
            course: self.course,
            address: self.address,
            agency: self.agency,
            received_at: self.received_at,
            deadline: self.deadline,
            limit,
            closed_at: self.closed_at,
        })
    }
}

const ROW: &str = "SELECT t.ticket_no, t.state, c.code AS service_code, c.name AS service_name, t.course, t.address,
    d.name AS agency, t.received_at, t.deadline, t.limit_code,
    CASE t.urgency WHEN 'critical' THEN c.limit_critical WHEN 'urgent' THEN c.limit_urgent ELSE c.limit_normal END AS category_limit,
    t.public_timeline, t.closed_at
    FROM hotline_ticket t LEFT JOIN hotline_category c ON c.id = t.category_id LEFT JOIN department d ON d.id = t.lead_unit_id";

/// Tickets by number (the unique index), in the order asked, each once.
pub async fn by_numbers(db: &Db, numbers: &[String]) -> Result<Vec<RequestRow>> {
    let list = serde_json::to_string(numbers)?;
    let mut rows: Vec<RequestRow> =
        db.rows(&format!("{ROW} WHERE t.ticket_no IN (SELECT value FROM json_each(?1))"), &[list.into()]).await?;
    rows.sort_by_key(|r| numbers.iter().position(|n| *n == r.ticket_no));
    Ok(rows)
}

/// What `GET requests` filters on, already checked.
pub struct Window<'a> {
    pub start: Instant,
    pub end: Instant,
    /// Categories (any of them), or every ticket.
    pub categories: Option<&'a [i64]>,
    /// Open only, closed only, or both.
    pub open: Option<bool>,
    pub limit: u32,
    pub offset: u32,
}

/// A page of tickets received in the window, newest first.
pub async fn page(db: &Db, w: &Window<'_>) -> Result<Vec<RequestRow>> {
    // `+` keeps SQLite from walking another index for the filters: the
    // window's own index bounds what is read.
    let sql = format!(
        "{ROW} WHERE t.received_on BETWEEN ?1 AND ?2 AND t.received_at BETWEEN ?3 AND ?4
           AND (?5 IS NULL OR +t.category_id IN (SELECT value FROM json_each(?5)))
           AND (?6 IS NULL OR +t.is_open = ?6)
         ORDER BY t.received_on DESC, t.received_at DESC, t.id DESC LIMIT ?7 OFFSET ?8"
    );
    let categories = match w.categories {
        Some(ids) => JsValue::from(serde_json::to_string(ids)?),
        None => JsValue::NULL,
    };
    let params = [
        w.start.date().to_string().into(),
        w.end.date().to_string().into(),
        w.start.to_string().into(),
        w.end.to_string().into(),
        categories,
        w.open.map(|o| num(o as i64)).unwrap_or(JsValue::NULL),
        num(w.limit as i64),
        num(w.offset as i64),
    ];
    db.rows(&sql, &params).await
}

/// Files a request posted through Open311 under the service it was posted
/// for, so `service_code` finds it before the office dispatches it (the
/// dispatch sets the category for good). Only a fresh Open311 ticket that
/// has none yet is touched: a retry or a ticket already handled is left
/// as it is.
pub async fn file_under(db: &Db, ticket_no: &str, category_id: i64) -> Result<()> {
    db.batch(vec![db.statement(
        "UPDATE hotline_ticket SET category_id = ?2
         WHERE ticket_no = ?1 AND category_id IS NULL AND state = 'received' AND channel = 'open311'",
        &[ticket_no.into(), num(category_id)],
    )?])
    .await?;
    Ok(())
}
