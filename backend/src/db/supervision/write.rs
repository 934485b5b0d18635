//! Supervision's guarded writes (`db::guarded`): the item and task tables,
//! the audit row, counters, and the item counts by source and state.

use crate::db::guarded::{Table, Write};
use crate::db::{num, Db};
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::supervision::figures::Increments;
use shared::supervision::{ItemState, Source, TaskState};
use worker::wasm_bindgen::JsValue;
use worker::Result;

pub const ITEMS: Table = Table { name: "supervision_item", key: "item_no", tally: "supervision_tally" };
pub const TASKS: Table = Table { name: "supervision_task", key: "task_no", tally: "supervision_tally" };

/// An audit row of a task.
pub struct Event<'a> {
    pub at: Instant,
    pub actor: &'a str,
    pub staff_id: Option<i64>,
    pub from: Option<TaskState>,
    pub to: TaskState,
    pub note: &'a str,
}

fn event_params(e: &Event<'_>) -> Vec<JsValue> {
    crate::db::audit::cells(e.at, e.actor, e.staff_id, e.from.map(|s| s.as_str()), e.to.as_str(), e.note)
}

/// Adds `inc` to the counters of the county and `unit`.
pub fn count(w: &mut Write<'_>, day: Date, unit: Option<i64>, inc: &Increments) -> Result<()> {
    let columns: Vec<(&str, u64)> = inc.iter().map(|(c, n)| (c.column(), *n)).collect();
    w.tally(day, unit, &columns)
}

/// The audit row of the task a task write changed.
pub fn task_event(w: &mut Write<'_>, e: &Event<'_>) -> Result<()> {
    w.then(
        "INSERT INTO supervision_event (item_id, task_id, at, actor, staff_id, from_state, to_state, note)
         SELECT item_id, id, ?3, ?4, ?5, ?6, ?7, ?8 FROM supervision_task WHERE task_no = ?1 AND last_change = ?2",
        &event_params(e),
    )
}

/// The audit row of task `task_no`, written in its item's write.
pub fn new_task_event(w: &mut Write<'_>, task_no: &str, e: &Event<'_>) -> Result<()> {
    let mut params = event_params(e);
    params.push(task_no.into());
    let sql = format!(
        "INSERT INTO supervision_event (item_id, task_id, at, actor, staff_id, from_state, to_state, note)
         SELECT item_id, id, ?3, ?4, ?5, ?6, ?7, ?8 FROM supervision_task WHERE task_no = ?9 AND EXISTS ({})",
        w.landed()
    );
    w.then(&sql, &params)
}

/// An item moved from `from` (none: new) to `to`, in the counts by source
/// and state.
pub fn move_item(w: &mut Write<'_>, source: Source, from: Option<ItemState>, to: ItemState) -> Result<()> {
    let landed = w.landed();
    if let Some(from) = from {
        w.then(
            &format!("UPDATE supervision_count SET items = items - 1 WHERE source = ?3 AND state = ?4 AND EXISTS ({landed})"),
            &[source.as_str().into(), from.as_str().into()],
        )?;
    }
    w.then(
        &format!(
            "INSERT INTO supervision_count (source, state, items) SELECT ?3, ?4, 1 WHERE EXISTS ({landed})
             ON CONFLICT (source, state) DO UPDATE SET items = items + 1"
        ),
        &[source.as_str().into(), to.as_str().into()],
    )
}

/// The task a task write changed was struck off: its parts leave the
/// units' inboxes, its item has one task fewer open (a new version, so a
/// decomposition read before this waits for a refresh), and the item
/// closes (and moves in the counts) with its last open task.
pub fn close_task(w: &mut Write<'_>, source: Source) -> Result<()> {
    let landed = w.landed();
    w.then(&format!("UPDATE supervision_part SET open = 0 WHERE task_id IN ({landed})"), &[])?;
    w.then(
        &format!(
            "UPDATE supervision_item SET open_tasks = open_tasks - 1, state = CASE WHEN open_tasks = 1 THEN 'closed' ELSE state END,
                 version = version + 1
             WHERE id IN (SELECT item_id FROM supervision_task WHERE id IN ({landed}))"
        ),
        &[],
    )?;
    let closed_now = format!(
        "EXISTS (SELECT 1 FROM supervision_item WHERE state = 'closed' AND open_tasks = 0
                 AND id IN (SELECT item_id FROM supervision_task WHERE id IN ({landed})))"
    );
    w.then(
        &format!("UPDATE supervision_count SET items = items - 1 WHERE source = ?3 AND state = 'in_progress' AND {closed_now}"),
        &[source.as_str().into()],
    )?;
    w.then(
        &format!(
            "INSERT INTO supervision_count (source, state, items) SELECT ?3, 'closed', 1 WHERE {closed_now}
             ON CONFLICT (source, state) DO UPDATE SET items = items + 1"
        ),
        &[source.as_str().into()],
    )
}

/// An assisting unit's contribution to the task a task write changed.
pub fn contribution(w: &mut Write<'_>, unit: i64, text: &str, at: Instant) -> Result<()> {
    w.then(
        "UPDATE supervision_part SET contribution = ?3, contributed_at = ?4
         WHERE unit_id = ?5 AND task_id IN (SELECT id FROM supervision_task WHERE task_no = ?1 AND last_change = ?2)",
        &[text.into(), at.to_string().into(), num(unit)],
    )
}

/// Which task a follow-up closes, at which versions.
pub struct FollowUp<'a> {
    pub item_no: &'a str,
    pub item_version: i64,
    pub task_no: &'a str,
    pub task_version: i64,
    pub at: Instant,
    pub on_time: bool,
}

/// A follow-up's write: the item numbers one more task under its version
/// and the old task's (both or neither), then the old task is struck off
/// and leaves the units' inboxes. The new task goes in after this.
pub fn follow_up<'a>(db: &'a Db, f: &FollowUp<'_>, nonce: &str) -> Result<Write<'a>> {
    let first = db.statement(
        "UPDATE supervision_item SET tasks = tasks + 1, version = version + 1, last_change = ?3
         WHERE item_no = ?1 AND version = ?2 AND EXISTS (SELECT 1 FROM supervision_task WHERE task_no = ?4 AND version = ?5)",
        &[f.item_no.into(), num(f.item_version), nonce.into(), f.task_no.into(), num(f.task_version)],
    )?;
    let mut w = Write::after(db, &ITEMS, f.item_no, nonce, first);
    w.then(
        &format!(
            "UPDATE supervision_task SET state = 'closed', closed_at = ?4, closed_on_time = ?5, version = version + 1, last_change = ?2
             WHERE task_no = ?3 AND EXISTS ({})",
            w.landed()
        ),
        &[f.task_no.into(), f.at.to_string().into(), num(f.on_time as i64)],
    )?;
    w.then(
        "UPDATE supervision_part SET open = 0 WHERE task_id IN (SELECT id FROM supervision_task WHERE task_no = ?3 AND last_change = ?2)",
        &[f.task_no.into()],
    )?;
    Ok(w)
}
