//! One change of a complaint as one guarded batch (`db::guarded`): the
//! complaint's `UPDATE` first, then every other statement only where its
//! nonce landed (the units complained about, evidence, audit, the
//! complainant's timeline, counters).

use crate::db::audit;
use crate::db::guarded::{self, Table};
use crate::db::{num, Db};
use shared::complaints::figures::Increments;
use shared::complaints::ComplaintState;
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use worker::wasm_bindgen::JsValue;
use worker::{D1PreparedStatement, Result};

pub const COMPLAINTS: Table = Table { name: "complaint", key: "complaint_no", tally: "complaint_tally" };

/// A complaint's guarded write (`db::guarded::Write`) with the complaint's
/// own statements.
pub struct Write<'a>(guarded::Write<'a>);

impl<'a> Write<'a> {
    /// The complaint's guarded update (see [`guarded::Write::update`]).
    pub fn update(db: &'a Db, complaint_no: &str, version: i64, nonce: &str, columns: &[(&str, JsValue)]) -> Result<Write<'a>> {
        Ok(Write(guarded::Write::update(db, &COMPLAINTS, complaint_no, version, nonce, columns)?))
    }

    /// A write whose first statement the caller made (the complaint's insert).
    pub fn after(db: &'a Db, complaint_no: &str, nonce: &str, first: D1PreparedStatement) -> Write<'a> {
        Write(guarded::Write::after(db, &COMPLAINTS, complaint_no, nonce, first))
    }

    /// The audit row; a public one also goes on the complainant's timeline.
    pub fn event(&mut self, e: &Event<'_>) -> Result<()> {
        let mut cells = audit::cells(e.at, e.actor, e.staff_id, e.from.map(|s| s.as_str()), e.to.as_str(), e.note);
        cells.push(num(e.public.is_some() as i64));
        self.0.then(
            "INSERT INTO complaint_event (complaint_id, at, actor, staff_id, from_state, to_state, note, public)
             SELECT id, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM complaint WHERE complaint_no = ?1 AND last_change = ?2",
            &cells,
        )?;
        if let Some(public) = e.public {
            self.0.timeline(&e.at.to_string(), public)?;
        }
        if let Some(notice) = shared::notify::NoticeEvent::for_complaint_change(e.from, e.to) {
            crate::db::notify::raised_notice(&mut self.0, notice, "phone", &e.at.to_string())?;
        }
        Ok(())
    }

    /// Records the units complained about (replacing an earlier record: a
    /// redo may name others).
    pub fn subjects(&mut self, unit_ids: &[i64]) -> Result<()> {
        self.0.then(
            "DELETE FROM complaint_subject WHERE complaint_id = (SELECT id FROM complaint WHERE complaint_no = ?1 AND last_change = ?2)",
            &[],
        )?;
        let ids = serde_json::to_string(unit_ids)?;
        self.0.then(
            "INSERT OR IGNORE INTO complaint_subject (complaint_id, unit_id)
             SELECT c.id, u.value FROM complaint c, json_each(?3) u WHERE c.complaint_no = ?1 AND c.last_change = ?2",
            &[ids.into()],
        )
    }

    /// An evidence file's row.
    pub fn evidence(&mut self, f: &NewEvidence<'_>) -> Result<()> {
        self.0.then(
            "INSERT INTO complaint_evidence (complaint_id, r2_key, file_name, content_type, size, at, staff_id)
             SELECT id, ?3, ?4, ?5, ?6, ?7, ?8 FROM complaint WHERE complaint_no = ?1 AND last_change = ?2",
            &[f.r2_key.into(), f.file_name.into(), f.content_type.into(), num(f.size as i64), f.at.to_string().into(), num(f.staff_id)],
        )
    }

    /// Adds `inc` to the day's and month's counters of the county (if
    /// `county`) and of each of `units`.
    pub fn tally(&mut self, day: Date, units: &[i64], county: bool, inc: &Increments) -> Result<()> {
        let units: Vec<i64> = county.then_some(0).into_iter().chain(units.iter().copied()).collect();
        let counters: Vec<(&str, u64)> = inc.iter().map(|(c, n)| (c.column(), *n)).collect();
        self.0.tally_units(day, &units, &counters)
    }

    /// Runs the batch; `false` if the complaint had changed meanwhile (then
    /// nothing was written).
    pub async fn run(self) -> Result<bool> {
        self.0.run().await
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
