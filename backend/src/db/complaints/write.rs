//! One change of a complaint as one batch: the guarded `UPDATE` first, then
//! every other statement only where its nonce landed (the units complained
//! about, evidence, audit, the complainant's timeline, counters).

use crate::db::{num, Db};
use shared::complaints::figures::Increments;
use shared::complaints::ComplaintState;
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::engine::period::keys_of;
use worker::wasm_bindgen::JsValue;
use worker::{D1PreparedStatement, Result};

pub struct Write<'a> {
    db: &'a Db,
    complaint_no: String,
    nonce: String,
    statements: Vec<D1PreparedStatement>,
}

/// `WHERE` of every statement after the first: the complaint this write changed.
const LANDED: &str = "SELECT id FROM complaint WHERE complaint_no = ?1 AND last_change = ?2";

impl<'a> Write<'a> {
    /// Sets `columns` (names from code, never from input) if the complaint
    /// is still at `version`, and moves its version on.
    pub fn update(db: &'a Db, complaint_no: &str, version: i64, nonce: &str, columns: &[(&str, JsValue)]) -> Result<Write<'a>> {
        let mut sets: Vec<String> = columns.iter().enumerate().map(|(i, (c, _))| format!("{c} = ?{}", i + 4)).collect();
        sets.push("version = version + 1, last_change = ?3".into());
        let sql = format!("UPDATE complaint SET {} WHERE complaint_no = ?1 AND version = ?2", sets.join(", "));
        let mut params = vec![complaint_no.into(), num(version), nonce.into()];
        params.extend(columns.iter().map(|(_, v)| v.clone()));
        let first = db.statement(&sql, &params)?;
        Ok(Write { db, complaint_no: complaint_no.into(), nonce: nonce.into(), statements: vec![first] })
    }

    /// A write whose first statement the caller made (the complaint's insert).
    pub fn after(db: &'a Db, complaint_no: &str, nonce: &str, first: D1PreparedStatement) -> Write<'a> {
        Write { db, complaint_no: complaint_no.into(), nonce: nonce.into(), statements: vec![first] }
    }

    /// A statement that runs only if the complaint's change landed: `?1` is
    /// its number, `?2` the change's nonce, `?3…` are `params`.
    pub(super) fn then(&mut self, sql: &str, params: &[JsValue]) -> Result<()> {
        let mut all = vec![JsValue::from(self.complaint_no.as_str()), JsValue::from(self.nonce.as_str())];
        all.extend(params.iter().cloned());
        self.statements.push(self.db.statement(sql, &all)?);
        Ok(())
    }

    /// The audit row; a public one also goes on the complainant's timeline.
    pub fn event(&mut self, e: &Event<'_>) -> Result<()> {
        self.then(
            "INSERT INTO complaint_event (complaint_id, at, actor, staff_id, from_state, to_state, note, public)
             SELECT id, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM complaint WHERE complaint_no = ?1 AND last_change = ?2",
            &[
                e.at.to_string().into(),
                e.actor.into(),
                e.staff_id.map(num).unwrap_or(JsValue::NULL),
                e.from.map(|s| JsValue::from(s.as_str())).unwrap_or(JsValue::NULL),
                e.to.as_str().into(),
                e.note.into(),
                num(e.public.is_some() as i64),
            ],
        )?;
        if let Some(public) = e.public {
            self.then(
                "UPDATE complaint SET public_timeline = json_insert(public_timeline, '$[#]', json_object('at', ?3, 'note', ?4))
                 WHERE complaint_no = ?1 AND last_change = ?2",
                &[e.at.to_string().into(), public.into()],
            )?;
        }
        Ok(())
    }

    /// Records the units complained about (replacing an earlier record: a
    /// redo may name others).
    pub fn subjects(&mut self, unit_ids: &[i64]) -> Result<()> {
        self.then(
            "DELETE FROM complaint_subject WHERE complaint_id = (SELECT id FROM complaint WHERE complaint_no = ?1 AND last_change = ?2)",
            &[],
        )?;
        let ids = serde_json::to_string(unit_ids)?;
        self.then(
            "INSERT OR IGNORE INTO complaint_subject (complaint_id, unit_id)
             SELECT c.id, u.value FROM complaint c, json_each(?3) u WHERE c.complaint_no = ?1 AND c.last_change = ?2",
            &[ids.into()],
        )
    }

    /// An evidence file's row.
    pub fn evidence(&mut self, f: &NewEvidence<'_>) -> Result<()> {
        self.then(
            "INSERT INTO complaint_evidence (complaint_id, r2_key, file_name, content_type, size, at, staff_id)
             SELECT id, ?3, ?4, ?5, ?6, ?7, ?8 FROM complaint WHERE complaint_no = ?1 AND last_change = ?2",
            &[f.r2_key.into(), f.file_name.into(), f.content_type.into(), num(f.size as i64), f.at.to_string().into(), num(f.staff_id)],
        )
    }

    /// Adds `inc` to the day's and month's counters of the county and of
    /// each of `units`.
    pub fn tally(&mut self, day: Date, units: &[i64], county: bool, inc: &Increments) -> Result<()> {
        let units: Vec<i64> = county.then_some(0).into_iter().chain(units.iter().copied()).collect();
        if inc.is_empty() || units.is_empty() {
            return Ok(());
        }
        let columns: Vec<&str> = inc.iter().map(|(c, _)| c.column()).collect();
        let values: Vec<String> = inc.iter().map(|(_, n)| n.to_string()).collect();
        let updates: Vec<String> = columns.iter().map(|c| format!("{c} = {c} + excluded.{c}")).collect();
        let sql = format!(
            "INSERT INTO complaint_tally (key, unit_id, {}) SELECT k.value, u.value, {} FROM json_each(?3) k, json_each(?4) u
             WHERE EXISTS ({LANDED}) ON CONFLICT (key, unit_id) DO UPDATE SET {}",
            columns.join(", "),
            values.join(", "),
            updates.join(", ")
        );
        let (keys, units) = (serde_json::to_string(&keys_of(day))?, serde_json::to_string(&units)?);
        self.then(&sql, &[keys.into(), units.into()])
    }

    /// Runs the batch; `false` if the complaint had changed meanwhile (then
    /// nothing was written).
    pub async fn run(self) -> Result<bool> {
        let results = self.db.batch(self.statements).await?;
        Ok(crate::db::wrote(results.first()))
    }
}

/// An audit row. `public`: what the complainant's timeline says of it.
pub struct Event<'a> {
    pub at: Instant,
    pub actor: &'a str,
    pub staff_id: Option<i64>,
    pub from: Option<ComplaintState>,
    pub to: ComplaintState,
    pub note: &'a str,
    pub public: Option<&'a str>,
}

/// An evidence file stored in R2.
pub struct NewEvidence<'a> {
    pub r2_key: &'a str,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub size: u64,
    pub at: Instant,
    pub staff_id: i64,
}
