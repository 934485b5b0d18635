//! SQL for supervision (migrations/0017_supervision.sql): items, tasks and
//! units' parts, the audit trail, slips, files, publications, the limit
//! table and counters.
//!
//! A task's change is one guarded batch (`db::guarded`): the task's
//! `UPDATE` naming the version read, then the rest only where it landed.

pub mod create;
pub mod extras;
pub mod figures;
pub mod lists;
pub mod slips;
pub mod write;

use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::case_action::ExtensionState;
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::supervision::views::{FileView, PartView, PublicationRef, TaskEvent};
use shared::supervision::{ItemState, Priority, Source, TaskState};
use worker::Result;

/// An item as stored.
#[derive(Deserialize)]
pub struct ItemRecord {
    pub id: i64,
    pub item_no: String,
    pub source: Source,
    pub reference: String,
    pub title: String,
    pub instruction: String,
    pub priority: Priority,
    pub difficult: u8,
    pub leader: String,
    pub origin_key: Option<String>,
    pub state: ItemState,
    pub tasks: u32,
    pub open_tasks: u32,
    pub registered_at: Instant,
    pub registered_by: String,
    pub version: i64,
}

pub async fn item_by_no(db: &Db, item_no: &str) -> Result<Option<ItemRecord>> {
    let rows = db
        .rows(
            "SELECT id, item_no, source, reference, title, instruction, priority, difficult, leader, origin_key, state, tasks,
                    open_tasks, registered_at, registered_by, version
             FROM supervision_item WHERE item_no = ?1",
            &[item_no.into()],
        )
        .await?;
    Ok(rows.into_iter().next())
}

/// A planned checkpoint as stored (in the task's JSON).
#[derive(Clone, serde::Serialize, Deserialize)]
pub struct StoredMilestone {
    pub due: Date,
    pub text: String,
    pub reached_at: Option<Instant>,
}

/// A task as stored, with its item's number and title and its lead
/// unit's name.
#[derive(Deserialize)]
pub struct TaskRecord {
    pub id: i64,
    pub task_no: String,
    pub item_id: i64,
    pub item_no: String,
    pub item_title: String,
    pub source: Source,
    pub requirement: String,
    pub lead_unit_id: i64,
    pub lead_unit_name: String,
    pub responsible: String,
    pub supervisor: String,
    pub assigned_at: Instant,
    pub started_on: Date,
    pub limit_days: Option<u32>,
    pub deadline: Date,
    pub milestones: String,
    pub report_day: Option<u32>,
    pub next_report_due: Option<Date>,
    pub state: TaskState,
    pub extension: ExtensionState,
    pub extension_days: u32,
    pub extension_reason: String,
    pub report_text: Option<String>,
    pub report_at: Option<Instant>,
    pub report_late: u8,
    pub late_reason: String,
    pub check_note: String,
    pub redone: u32,
    pub leader_note: String,
    pub closed_on_time: Option<u8>,
    pub follows: Option<String>,
    pub followed_by: Option<String>,
    pub version: i64,
}

impl TaskRecord {
    pub fn milestones(&self) -> Result<Vec<StoredMilestone>> {
        serde_json::from_str(&self.milestones).map_err(|e| crate::db::corrupt("milestones", e))
    }
}

const TASK_COLUMNS: &str = "t.id, t.task_no, t.item_id, i.item_no, i.title AS item_title, t.source, t.requirement, t.lead_unit_id,
    d.name AS lead_unit_name, t.responsible, t.supervisor, t.assigned_at, t.started_on, t.limit_days, t.deadline, t.milestones,
    t.report_day, t.next_report_due, t.state, t.extension, t.extension_days, t.extension_reason, t.report_text, t.report_at,
    t.report_late, t.late_reason, t.check_note, t.redone, t.leader_note, t.closed_on_time,
    (SELECT f.task_no FROM supervision_task f WHERE f.id = t.follows_task_id) AS follows,
    (SELECT n.task_no FROM supervision_task n WHERE n.follows_task_id = t.id) AS followed_by, t.version";

const TASK_FROM: &str = "FROM supervision_task t JOIN supervision_item i ON i.id = t.item_id JOIN department d ON d.id = t.lead_unit_id";

pub async fn task_by_no(db: &Db, task_no: &str) -> Result<Option<TaskRecord>> {
    let sql = format!("SELECT {TASK_COLUMNS} {TASK_FROM} WHERE t.task_no = ?1");
    Ok(db.rows(&sql, &[task_no.into()]).await?.into_iter().next())
}

pub async fn tasks_of(db: &Db, item_id: i64) -> Result<Vec<TaskRecord>> {
    let sql = format!("SELECT {TASK_COLUMNS} {TASK_FROM} WHERE t.item_id = ?1 ORDER BY t.id");
    db.rows(&sql, &[num(item_id)]).await
}

/// Every unit's part in the tasks of an item (lead first).
#[derive(Deserialize)]
pub struct PartRecord {
    pub task_id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub role: shared::supervision::TaskRole,
    pub contribution: String,
    pub contributed_at: Option<Instant>,
}

impl PartRecord {
    pub fn view(&self) -> PartView {
        PartView {
            unit_id: self.unit_id,
            unit_name: self.unit_name.clone(),
            role: self.role,
            contribution: self.contribution.clone(),
            contributed_at: self.contributed_at,
        }
    }
}

pub async fn parts_of_item(db: &Db, item_id: i64) -> Result<Vec<PartRecord>> {
    db.rows(
        "SELECT p.task_id, p.unit_id, d.name AS unit_name, p.role, p.contribution, p.contributed_at
         FROM supervision_part p JOIN supervision_task t ON t.id = p.task_id JOIN department d ON d.id = p.unit_id
         WHERE t.item_id = ?1 ORDER BY p.task_id, p.role DESC, p.unit_id",
        &[num(item_id)],
    )
    .await
}

/// The audit trail of an item's tasks (and its registration: task none).
#[derive(Deserialize)]
pub struct EventRecord {
    pub task_id: Option<i64>,
    pub at: Instant,
    pub actor: String,
    pub from_state: Option<TaskState>,
    pub to_state: String,
    pub note: String,
}

impl EventRecord {
    /// A task's event (the item's own events have item states).
    pub fn view(&self) -> Option<TaskEvent> {
        let to_state = TaskState::parse(&self.to_state)?;
        Some(TaskEvent { at: self.at, actor: self.actor.clone(), from_state: self.from_state, to_state, note: self.note.clone() })
    }
}

pub async fn events_of_item(db: &Db, item_id: i64) -> Result<Vec<EventRecord>> {
    db.rows("SELECT task_id, at, actor, from_state, to_state, note FROM supervision_event WHERE item_id = ?1 ORDER BY id", &[num(item_id)])
        .await
}

pub async fn files_of_item(db: &Db, item_id: i64) -> Result<Vec<FileView>> {
    db.rows(
        "SELECT f.id, f.file_name AS name, f.size, f.uploaded_at, f.uploaded_by, t.task_no
         FROM supervision_file f LEFT JOIN supervision_task t ON t.id = f.task_id WHERE f.item_id = ?1 ORDER BY f.id",
        &[num(item_id)],
    )
    .await
}

/// The publications that reported on an item.
pub async fn publications_of_item(db: &Db, item_id: i64) -> Result<Vec<PublicationRef>> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        kind: shared::supervision::PublicationKind,
        year: i32,
        seq: i64,
        title: String,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT p.id, p.kind, p.year, p.seq, p.title FROM supervision_publication_item x
             JOIN supervision_publication p ON p.id = x.publication_id WHERE x.item_id = ?1 ORDER BY p.published_on",
            &[num(item_id)],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| PublicationRef { id: r.id, number: shared::supervision::publication_no(r.kind, r.year, r.seq), title: r.title })
        .collect())
}
