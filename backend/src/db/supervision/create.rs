//! New items and tasks. An item's number is the year's next (a second
//! registration racing for it fails on the unique number and is retried
//! by the office); a task's number is its item's next, under the item's
//! version.

use super::slips::{self, NewSlip};
use super::write::{self, Event, ITEMS};
use crate::db::guarded::Write;
use crate::db::{num, opt_int, opt_text, Db};
use serde::Deserialize;
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::supervision::figures::Counter;
use shared::supervision::forms::ItemForm;
use shared::supervision::{ItemState, Source, TaskState};
use worker::Result;

/// The number of the year's item `seq`: DC2026-0007.
pub fn item_no(year: i32, seq: i64) -> String {
    format!("DC{year}-{seq:04}")
}

/// The year's next item sequence number.
pub async fn next_item_seq(db: &Db, year: i32) -> Result<i64> {
    #[derive(Deserialize)]
    struct Row {
        last: i64,
    }
    let rows: Vec<Row> = db.rows("SELECT last FROM supervision_seq WHERE name = 'item' AND year = ?1", &[num(year as i64)]).await?;
    Ok(rows.first().map(|r| r.last).unwrap_or(0) + 1)
}

/// Who registers it, when, under which number.
pub struct Registration<'a> {
    pub item_no: &'a str,
    pub year: i32,
    pub seq: i64,
    pub nonce: &'a str,
    pub at: Instant,
    pub by: &'a str,
    pub staff_id: i64,
}

/// Registers an item: the item, its audit row, the counts. `false` if its
/// number was taken meanwhile.
pub async fn register(db: &Db, f: &ItemForm, r: &Registration<'_>) -> Result<bool> {
    let insert = db.statement(
        "INSERT OR IGNORE INTO supervision_item (item_no, source, reference, title, instruction, priority, difficult, leader,
             origin_key, state, registered_at, registered_by, last_change)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'registered', ?10, ?11, ?12)",
        &[
            r.item_no.into(),
            f.source.as_str().into(),
            f.reference.trim().into(),
            f.title.trim().into(),
            f.instruction.trim().into(),
            f.priority.as_str().into(),
            num(f.difficult as i64),
            f.leader.trim().into(),
            opt_text(f.origin.as_ref().map(|o| o.key()).as_deref()),
            r.at.to_string().into(),
            r.by.into(),
            r.nonce.into(),
        ],
    )?;
    let mut w = Write::after(db, &ITEMS, r.item_no, r.nonce, insert);
    let landed = w.landed();
    w.then(
        &format!(
            "INSERT INTO supervision_seq (name, year, last) SELECT 'item', ?3, ?4 WHERE EXISTS ({landed})
             ON CONFLICT (name, year) DO UPDATE SET last = excluded.last"
        ),
        &[num(r.year as i64), num(r.seq)],
    )?;
    w.then(
        &format!(
            "INSERT INTO supervision_event (item_id, task_id, at, actor, staff_id, from_state, to_state, note)
             SELECT id, NULL, ?3, ?4, ?5, NULL, 'registered', ?6 FROM ({landed})"
        ),
        &[r.at.to_string().into(), r.by.into(), num(r.staff_id), format!("立项：{}（{}）", f.title.trim(), f.source.zh()).into()],
    )?;
    write::move_item(&mut w, f.source, None, ItemState::Registered)?;
    write::count(&mut w, r.at.date(), None, &vec![(Counter::items, 1)])?;
    w.run().await
}

/// A task to insert.
pub struct NewTask<'a> {
    pub task_no: &'a str,
    pub item_id: i64,
    pub source: Source,
    pub requirement: &'a str,
    pub lead_unit_id: i64,
    pub assists: &'a [i64],
    pub responsible: &'a str,
    pub supervisor: &'a str,
    pub at: Instant,
    pub limit_days: Option<u32>,
    pub deadline: Date,
    /// `[{due, text, reached_at}]`.
    pub milestones: String,
    pub report_day: Option<u32>,
    pub next_report_due: Option<Date>,
    pub watch_date: Date,
    pub follows: Option<i64>,
}

/// Inserts the task and its parts, its audit row and assignment slip, in
/// `w` (the item's write, or the task's it follows up), each only where
/// `w` landed.
pub fn insert_task(w: &mut Write<'_>, t: &NewTask<'_>, actor: &str, staff_id: Option<i64>, note: &str) -> Result<()> {
    let landed = w.landed();
    w.then(
        &format!(
            "INSERT INTO supervision_task (task_no, item_id, source, requirement, lead_unit_id, responsible, supervisor, assigned_at,
                 started_on, limit_days, deadline, milestones, report_day, next_report_due, watch_date, state, follows_task_id,
                 last_change)
             SELECT ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 'in_progress', ?18, ?2
             WHERE EXISTS ({landed})"
        ),
        &[
            t.task_no.into(),
            num(t.item_id),
            t.source.as_str().into(),
            t.requirement.trim().into(),
            num(t.lead_unit_id),
            t.responsible.trim().into(),
            t.supervisor.trim().into(),
            t.at.to_string().into(),
            t.at.date().to_string().into(),
            opt_int(t.limit_days.map(i64::from)),
            t.deadline.to_string().into(),
            t.milestones.as_str().into(),
            opt_int(t.report_day.map(i64::from)),
            opt_text(t.next_report_due.map(|d| d.to_string()).as_deref()),
            t.watch_date.to_string().into(),
            opt_int(t.follows),
        ],
    )?;
    let units: Vec<(i64, &str)> = std::iter::once((t.lead_unit_id, "lead")).chain(t.assists.iter().map(|u| (*u, "assist"))).collect();
    w.then(
        "INSERT INTO supervision_part (task_id, unit_id, role)
         SELECT t.id, json_extract(u.value, '$[0]'), json_extract(u.value, '$[1]') FROM supervision_task t, json_each(?4) u
         WHERE t.task_no = ?3 AND t.last_change = ?2",
        &[t.task_no.into(), serde_json::to_string(&units)?.into()],
    )?;
    let event = Event { at: t.at, actor, staff_id, from: None, to: TaskState::InProgress, note };
    write::new_task_event(w, t.task_no, &event)?;
    for s in slips::issue(w.db(), &NewSlip::assignment(t.task_no, t.at, t.deadline))? {
        w.push(s);
    }
    Ok(())
}
