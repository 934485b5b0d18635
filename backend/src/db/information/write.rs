//! One change of an item as one guarded batch (`db::guarded`): the item's
//! `UPDATE` (or insert) first, then every other statement only where its
//! nonce landed: the audit row, shares, score events, the units' yearly
//! totals recomputed from those events, counters.

use crate::db::audit;
use crate::db::guarded::{self, Table};
use crate::db::{num, opt_text, Db};
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::information::emergency::ReportKind;
use shared::information::figures::Increments;
use shared::information::item::{Share, SubmissionForm};
use shared::information::{InfoState, ScoreReason};
use worker::wasm_bindgen::JsValue;
use worker::Result;

pub const ITEMS: Table = Table { name: "info_item", key: "item_no", tally: "info_tally" };

/// The item (in `?1`/`?2`'s change) as a `WHERE` on `info_item i`.
const LANDED: &str = "i.item_no = ?1 AND i.last_change = ?2";

pub struct Write<'a>(guarded::Write<'a>);

impl<'a> Write<'a> {
    /// The item's guarded update (see [`guarded::Write::update`]).
    pub fn update(db: &'a Db, item_no: &str, version: i64, nonce: &str, columns: &[(&str, JsValue)]) -> Result<Write<'a>> {
        Ok(Write(guarded::Write::update(db, &ITEMS, item_no, version, nonce, columns)?))
    }

    /// A new item: its row (refused if its number was taken meanwhile)
    /// and its units' shares.
    pub fn insert(db: &'a Db, n: &NewItem<'_>) -> Result<Write<'a>> {
        let f = n.form;
        let e = f.emergency.as_ref();
        let first = db.statement(
            "INSERT OR IGNORE INTO info_item (item_no, year, seq, unit_id, title, body, category, writer, writer_phone,
                 signed_off_by, submitted_at, state, last_change, event_at, grade, report_kind, first_no, late)
             VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'submitted', ?2, ?13, ?14, ?15, ?16, ?17)",
            &[
                n.item_no.into(),
                n.nonce.into(),
                num(n.year as i64),
                num(n.seq),
                num(n.unit_id),
                f.title.trim().into(),
                f.body.trim().into(),
                f.category.map(|c| c.as_str()).unwrap_or("news").into(),
                f.writer.trim().into(),
                f.writer_phone.trim().into(),
                n.signed_off_by.into(),
                n.at.to_string().into(),
                opt_text(e.map(|e| e.event_at.to_string()).as_deref()),
                opt_text(e.map(|e| e.grade.as_str())),
                opt_text(e.map(|e| e.report.as_str())),
                // A first report is its own event's first.
                opt_text(
                    e.map(|e| e.first_no.clone().filter(|_| e.report != ReportKind::First).unwrap_or_else(|| n.item_no.into())).as_deref(),
                ),
                num(n.late as i64),
            ],
        )?;
        let mut w = Write(guarded::Write::after(db, &ITEMS, n.item_no, n.nonce, first));
        let shares = serde_json::to_string(&n.shares.iter().map(|s| (s.unit_id, s.percent)).collect::<Vec<_>>())?;
        w.0.then(
            &format!(
                "INSERT INTO info_share (item_id, unit_id, percent) SELECT i.id, s.value ->> 0, s.value ->> 1
                 FROM info_item i, json_each(?3) s WHERE {LANDED}"
            ),
            &[shares.into()],
        )?;
        Ok(w)
    }

    /// The audit row.
    pub fn event(
        &mut self,
        at: Instant,
        actor: &str,
        staff_id: Option<i64>,
        from: Option<InfoState>,
        to: InfoState,
        note: &str,
    ) -> Result<()> {
        let cells = audit::cells(at, actor, staff_id, from.map(|s| s.as_str()), to.as_str(), note);
        self.0.then(
            &format!(
                "INSERT INTO info_event (item_id, at, actor, staff_id, from_state, to_state, note)
                 SELECT i.id, ?3, ?4, ?5, ?6, ?7, ?8 FROM info_item i WHERE {LANDED}"
            ),
            &cells,
        )
    }

    /// Score events: each (unit, hundredths) of `split`, counted once.
    pub fn score(&mut self, year: i32, reason: ScoreReason, split: &[(i64, i64)], at: Instant) -> Result<()> {
        let split = serde_json::to_string(split)?;
        self.0.then(
            &format!(
                "INSERT INTO info_score_event (item_id, unit_id, year, reason, points, n, at)
                 SELECT i.id, s.value ->> 0, ?3, ?4, s.value ->> 1, 1, ?5 FROM info_item i, json_each(?6) s WHERE {LANDED}"
            ),
            &[num(year as i64), reason.as_str().into(), at.to_string().into(), split.into()],
        )
    }

    /// Takes back everything the item has earned (un-adopting): for each
    /// unit and reason with a net total, the opposite events.
    pub fn withdraw(&mut self, at: Instant) -> Result<()> {
        self.0.then(
            &format!(
                "INSERT INTO info_score_event (item_id, unit_id, year, reason, points, n, at)
                 SELECT e.item_id, e.unit_id, e.year, e.reason, -sum(e.points), -sum(e.n), ?3
                 FROM info_score_event e JOIN info_item i ON i.id = e.item_id WHERE {LANDED}
                 GROUP BY e.unit_id, e.year, e.reason HAVING sum(e.points) <> 0 OR sum(e.n) <> 0"
            ),
            &[at.to_string().into()],
        )
    }

    /// Records the item as `unit`'s answer to commission `id`.
    pub fn answer(&mut self, id: i64, unit: i64) -> Result<()> {
        self.0.then(
            &format!(
                "UPDATE info_commission_unit SET item_id = (SELECT i.id FROM info_item i WHERE {LANDED})
                 WHERE commission_id = ?3 AND unit_id = ?4 AND item_id IS NULL AND EXISTS (SELECT 1 FROM info_item i WHERE {LANDED})"
            ),
            &[num(id), num(unit)],
        )
    }

    /// Counts the submission in the submitting unit's year.
    pub fn submitted(&mut self, year: i32, unit: i64) -> Result<()> {
        self.0.then(
            &format!(
                "INSERT INTO info_score (year, unit_id, submitted) SELECT ?3, ?4, 1 FROM info_item i WHERE {LANDED}
                 ON CONFLICT (year, unit_id) DO UPDATE SET submitted = submitted + 1"
            ),
            &[num(year as i64), num(unit)],
        )
    }

    /// Recomputes `year`'s totals of the item's units from their score
    /// events (one unit's year: its own events by index).
    pub fn recompute(&mut self, year: i32) -> Result<()> {
        let sum = |what: &str, reason: &str| {
            format!("(SELECT coalesce(sum({what}), 0) FROM info_score_event e WHERE e.year = ?3 AND e.unit_id = s.unit_id{reason})")
        };
        let sql = format!(
            "INSERT INTO info_score (year, unit_id, points, adopted, higher, instructions)
             SELECT ?3, s.unit_id, {}, {}, {}, {} FROM info_share s JOIN info_item i ON i.id = s.item_id WHERE {LANDED}
             ON CONFLICT (year, unit_id) DO UPDATE SET points = excluded.points, adopted = excluded.adopted,
                 higher = excluded.higher, instructions = excluded.instructions",
            sum("e.points", ""),
            sum("e.n", " AND e.reason = 'issue'"),
            sum("e.n", " AND e.reason = 'higher'"),
            sum("e.n", " AND e.reason = 'instruction'"),
        );
        self.0.then(&sql, &[num(year as i64)])
    }

    /// Adds `inc` to the day's and month's counters of the county (if
    /// `county`) and of each of `units`.
    pub fn tally(&mut self, day: Date, units: &[i64], county: bool, inc: &Increments) -> Result<()> {
        let units: Vec<i64> = county.then_some(0).into_iter().chain(units.iter().copied()).collect();
        let counters: Vec<(&str, u64)> = inc.iter().map(|(c, n)| (c.column(), *n)).collect();
        self.0.tally_units(day, &units, &counters)
    }

    /// Runs the batch; `false` if the item had changed meanwhile (or its
    /// number was taken): then nothing was written.
    pub async fn run(self) -> Result<bool> {
        self.0.run().await
    }
}

/// A new item as stored.
pub struct NewItem<'a> {
    pub item_no: &'a str,
    pub nonce: &'a str,
    pub year: i32,
    pub seq: i64,
    pub unit_id: i64,
    pub form: &'a SubmissionForm,
    pub signed_off_by: &'a str,
    pub shares: &'a [Share],
    pub at: Instant,
    /// An urgent first report after its hours.
    pub late: bool,
}
