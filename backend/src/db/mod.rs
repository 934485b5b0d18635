//! D1 access. Each table's SQL lives in the module named after it; this file
//! only runs statements and counts the rows D1 reports as read, so every
//! response can say what it cost (`X-D1-Rows-Read`).

pub mod admin;
pub mod approvals;
pub mod audit;
pub mod calendar;
pub mod complaints;
pub mod documents;
pub mod guarded;
pub mod hotline;
pub mod information;
pub mod retention;
pub mod second_factor;
pub mod security_events;
pub mod staff;
pub mod streamline;
pub mod supervision;
pub mod tally;
pub mod throttle;

use serde::de::DeserializeOwned;
use std::cell::Cell;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, D1Result, Env, Result};

pub struct Db {
    inner: D1Database,
    rows_read: Cell<usize>,
}

impl Db {
    pub fn from_env(env: &Env) -> Result<Db> {
        Ok(Db { inner: env.d1("DB")?, rows_read: Cell::new(0) })
    }

    pub fn statement(&self, sql: &str, params: &[JsValue]) -> Result<D1PreparedStatement> {
        self.inner.prepare(sql).bind(params)
    }

    /// Runs one query and returns its rows.
    pub async fn rows<T: DeserializeOwned>(&self, sql: &str, params: &[JsValue]) -> Result<Vec<T>> {
        let result = self.statement(sql, params)?.all().await.inspect_err(|e| log_failure(sql, e))?;
        self.count(&result)?;
        result.results()
    }

    /// Runs several statements in one round trip (atomically, for writes).
    pub async fn batch(&self, statements: Vec<D1PreparedStatement>) -> Result<Vec<D1Result>> {
        let results = self.inner.batch(statements).await.inspect_err(|e| log_failure("batch", e))?;
        for r in &results {
            self.count(r)?;
        }
        Ok(results)
    }

    /// Rows read by every statement this request has run so far.
    pub fn rows_read(&self) -> usize {
        self.rows_read.get()
    }

    fn count(&self, result: &D1Result) -> Result<()> {
        let read = result.meta()?.and_then(|m| m.rows_read).unwrap_or(0);
        self.rows_read.set(self.rows_read.get() + read);
        Ok(())
    }
}

/// A stored value the code cannot read back (a bug or a hand edit).
pub(crate) fn corrupt(what: &str, e: impl std::fmt::Display) -> worker::Error {
    worker::Error::RustError(format!("{what}: {e}"))
}

/// Logs a failed statement by its first words (`SELECT c.id, c.case_no…`),
/// beside the operation the router logs.
fn log_failure(sql: &str, e: &worker::Error) {
    let head: String = sql.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    worker::console_error!("D1 failed: {head}…: {e}");
}

/// Whether a guarded write (the first statement of a batch, usually) took
/// effect. D1 counts the rows triggers change too (`case_tally`), so a write
/// that landed reports one or more, and one that lost its race none.
pub fn wrote(result: Option<&D1Result>) -> bool {
    result.and_then(|r| r.meta().ok().flatten()).and_then(|m| m.changes).unwrap_or(0) > 0
}

/// An integer as a bound parameter (D1 takes JavaScript numbers).
pub fn num(n: i64) -> JsValue {
    JsValue::from_f64(n as f64)
}

/// Optional text as a bound parameter (`NULL` when absent).
pub fn opt_text(s: Option<&str>) -> JsValue {
    s.map(JsValue::from).unwrap_or(JsValue::NULL)
}

/// An optional integer as a bound parameter (`NULL` when absent).
pub fn opt_int(v: Option<i64>) -> JsValue {
    v.map(num).unwrap_or(JsValue::NULL)
}
