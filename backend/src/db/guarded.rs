//! One change of a record as one `batch()` (D1 has no interactive
//! transactions): a guarded `UPDATE` naming the version the caller read and
//! a fresh nonce first, then every other statement only where that nonce
//! landed, so a lost race writes nothing at all. Each line of work that
//! keeps records this way (hotline tickets, supervision tasks, complaints) describes
//! its table once in a [`Table`] and adds its own statements with `then`.

use crate::db::{num, Db};
use shared::engine::date::Date;
use shared::engine::period::keys_of;
use worker::wasm_bindgen::JsValue;
use worker::{D1PreparedStatement, Result};

/// A table written this way: it has `version` and `last_change` columns
/// and a unique text key; its counters (if any) are a table keyed by
/// (`key`, `unit_id`) with one column per counter.
pub struct Table {
    pub name: &'static str,
    /// The unique text column records are addressed by (`ticket_no`).
    pub key: &'static str,
    /// The counter table, day and month keys by unit (0: the county).
    pub tally: &'static str,
}

pub struct Write<'a> {
    db: &'a Db,
    table: &'static Table,
    key: String,
    nonce: String,
    statements: Vec<D1PreparedStatement>,
}

impl<'a> Write<'a> {
    /// Sets `columns` (names from code, never from input) if the record is
    /// still at `version`, and moves its version on.
    pub fn update(
        db: &'a Db,
        table: &'static Table,
        key: &str,
        version: i64,
        nonce: &str,
        columns: &[(&str, JsValue)],
    ) -> Result<Write<'a>> {
        let mut sets: Vec<String> = columns.iter().enumerate().map(|(i, (c, _))| format!("{c} = ?{}", i + 4)).collect();
        sets.push("version = version + 1, last_change = ?3".into());
        let sql = format!("UPDATE {} SET {} WHERE {} = ?1 AND version = ?2", table.name, sets.join(", "), table.key);
        let mut params = vec![key.into(), num(version), nonce.into()];
        params.extend(columns.iter().map(|(_, v)| v.clone()));
        let first = db.statement(&sql, &params)?;
        Ok(Write { db, table, key: key.into(), nonce: nonce.into(), statements: vec![first] })
    }

    /// A write whose first statement the caller made (the record's insert,
    /// which sets `last_change` to `nonce`).
    pub fn after(db: &'a Db, table: &'static Table, key: &str, nonce: &str, first: D1PreparedStatement) -> Write<'a> {
        Write { db, table, key: key.into(), nonce: nonce.into(), statements: vec![first] }
    }

    /// `SELECT id FROM <table> WHERE <key> = ?1 AND last_change = ?2`: the
    /// record this write changed, for the `WHERE` of later statements.
    pub fn landed(&self) -> String {
        format!("SELECT id FROM {} WHERE {} = ?1 AND last_change = ?2", self.table.name, self.table.key)
    }

    /// A statement that runs only if the record's change landed: `?1` is
    /// the record's key, `?2` the change's nonce, `?3…` are `params`.
    pub fn then(&mut self, sql: &str, params: &[JsValue]) -> Result<()> {
        let mut all = vec![JsValue::from(self.key.as_str()), JsValue::from(self.nonce.as_str())];
        all.extend(params.iter().cloned());
        self.statements.push(self.db.statement(sql, &all)?);
        Ok(())
    }

    pub fn db(&self) -> &'a Db {
        self.db
    }

    /// The record's table and key column.
    pub fn table(&self) -> (&'static str, &'static str) {
        (self.table.name, self.table.key)
    }

    /// The record's key and the change's nonce (`?1`, `?2` of `then`).
    pub fn key_and_nonce(&self) -> (&str, &str) {
        (&self.key, &self.nonce)
    }

    /// A statement of the caller's own making, guarded as it sees fit.
    pub fn push(&mut self, statement: D1PreparedStatement) {
        self.statements.push(statement);
    }

    /// Adds `counters` (column, amount) to the day's and month's rows of
    /// the county and of `unit` (if any).
    pub fn tally(&mut self, day: Date, unit: Option<i64>, counters: &[(&str, u64)]) -> Result<()> {
        let units: Vec<i64> = std::iter::once(0).chain(unit).collect();
        self.tally_units(day, &units, counters)
    }

    /// Adds `counters` (column, amount) to the day's and month's rows of
    /// each of `units` (0: the county).
    pub fn tally_units(&mut self, day: Date, units: &[i64], counters: &[(&str, u64)]) -> Result<()> {
        if counters.is_empty() || units.is_empty() {
            return Ok(());
        }
        let columns: Vec<&str> = counters.iter().map(|(c, _)| *c).collect();
        let values: Vec<String> = counters.iter().map(|(_, n)| n.to_string()).collect();
        let updates: Vec<String> = columns.iter().map(|c| format!("{c} = {c} + excluded.{c}")).collect();
        let sql = format!(
            "INSERT INTO {} (key, unit_id, {}) SELECT k.value, u.value, {} FROM json_each(?3) k, json_each(?4) u
             WHERE EXISTS ({}) ON CONFLICT (key, unit_id) DO UPDATE SET {}",
            self.table.tally,
            columns.join(", "),
            values.join(", "),
            self.landed(),
            updates.join(", ")
        );
        let (keys, units) = (serde_json::to_string(&keys_of(day))?, serde_json::to_string(units)?);
        self.then(&sql, &[keys.into(), units.into()])
    }

    /// Adds a line to the record's public timeline (the `public_timeline`
    /// JSON array of tickets and complaints, which the look-up reads).
    pub fn timeline(&mut self, at: &str, note: &str) -> Result<()> {
        let sql = format!(
            "UPDATE {} SET public_timeline = json_insert(public_timeline, '$[#]', json_object('at', ?3, 'note', ?4))
             WHERE {} = ?1 AND last_change = ?2",
            self.table.name, self.table.key
        );
        self.then(&sql, &[at.into(), note.into()])
    }

    /// Runs the batch; `false` if the record had changed meanwhile (then
    /// nothing was written).
    pub async fn run(self) -> Result<bool> {
        let results = self.db.batch(self.statements).await?;
        Ok(crate::db::wrote(results.first()))
    }
}
