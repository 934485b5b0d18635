//! What staff see of items, tasks and slips. A unit sees an item only
//! through its own tasks; nothing here names a member of the public.

use super::forms::{Milestone, Origin};
use super::{Colour, ItemState, Priority, PublicationKind, SlipKind, Source, TaskRole, TaskState};
use crate::engine::case_action::ExtensionState;
use crate::engine::date::Date;
use crate::engine::instant::Instant;
use serde::{Deserialize, Serialize};

/// A row of the office's item list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemSummary {
    pub item_no: String,
    pub source: Source,
    pub title: String,
    pub priority: Priority,
    pub state: ItemState,
    pub tasks: u32,
    pub open_tasks: u32,
    pub registered_at: Instant,
    pub leader: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemList {
    pub items: Vec<ItemSummary>,
    /// The cursor of the next page, if any.
    pub next: Option<String>,
}

/// A file kept with an item or a task's report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FileView {
    pub id: i64,
    pub name: String,
    pub size: u64,
    pub uploaded_at: Instant,
    pub uploaded_by: String,
    /// The task whose report it belongs to; none: the item's own.
    pub task_no: Option<String>,
}

/// A publication an item was reported in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicationRef {
    pub id: i64,
    pub number: String,
    pub title: String,
}

/// An item with the tasks the viewer may see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemView {
    pub item_no: String,
    pub source: Source,
    pub reference: String,
    pub title: String,
    pub instruction: String,
    pub priority: Priority,
    pub difficult: bool,
    pub leader: String,
    pub origin: Option<Origin>,
    pub state: ItemState,
    pub registered_at: Instant,
    pub registered_by: String,
    /// The limit a task gets if the office gives no deadline.
    pub default_days: u32,
    pub tasks: Vec<TaskView>,
    pub files: Vec<FileView>,
    pub publications: Vec<PublicationRef>,
    pub version: i64,
    /// The office may decompose it further and attach files.
    pub can_decompose: bool,
}

/// A planned checkpoint and whether it was reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MilestoneView {
    #[serde(flatten)]
    pub milestone: Milestone,
    pub reached_at: Option<Instant>,
}

/// An assisting unit and its contribution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartView {
    pub unit_id: i64,
    pub unit_name: String,
    pub role: TaskRole,
    pub contribution: String,
    pub contributed_at: Option<Instant>,
}

/// One entry of a task's audit trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskEvent {
    pub at: Instant,
    pub actor: String,
    pub from_state: Option<TaskState>,
    pub to_state: TaskState,
    pub note: String,
}

/// The lead unit's final report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReportView {
    pub text: String,
    pub at: Instant,
    pub late: bool,
    pub late_reason: String,
}

/// A task as staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskView {
    pub task_no: String,
    pub item_no: String,
    pub item_title: String,
    pub requirement: String,
    pub lead_unit_id: i64,
    pub lead_unit_name: String,
    pub parts: Vec<PartView>,
    pub responsible: String,
    pub supervisor: String,
    pub assigned_at: Instant,
    pub deadline: Date,
    /// Why the deadline is that day.
    pub deadline_why: Vec<String>,
    /// Red overdue, yellow near, none on track (closed: none).
    pub colour: Colour,
    pub milestones: Vec<MilestoneView>,
    pub report_day: Option<u32>,
    pub next_report_due: Option<Date>,
    pub state: TaskState,
    pub extension: ExtensionState,
    pub extension_days: u32,
    pub extension_reason: String,
    pub report: Option<ReportView>,
    pub check_note: String,
    pub redone: u32,
    pub leader_note: String,
    pub closed_on_time: Option<bool>,
    /// The task this one follows up on, and the one following it.
    pub follows: Option<String>,
    pub followed_by: Option<String>,
    pub events: Vec<TaskEvent>,
    pub slips: Vec<SlipView>,
    pub version: i64,
    /// The viewer's own part (units only).
    pub my_role: Option<TaskRole>,
    pub actions: Vec<String>,
}

/// A row of an inbox or the overdue list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskSummary {
    pub task_no: String,
    pub item_no: String,
    pub item_title: String,
    pub requirement: String,
    pub lead_unit_name: String,
    pub state: TaskState,
    pub deadline: Date,
    pub colour: Colour,
    pub slips: u32,
    pub my_role: Option<TaskRole>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskList {
    pub tasks: Vec<TaskSummary>,
    pub next: Option<String>,
}

/// A slip (督办单) as issued: what it says is kept as it was that day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SlipView {
    pub id: i64,
    pub slip_no: String,
    pub kind: SlipKind,
    pub colour: Colour,
    pub issued_at: Instant,
    pub task_no: String,
    pub item_no: String,
    pub item_title: String,
    pub requirement: String,
    pub unit_name: String,
    pub responsible: String,
    pub supervisor: String,
    pub deadline: Date,
    /// What is behind (reminders and notices), or the assignment's terms.
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SlipList {
    pub slips: Vec<SlipView>,
    pub next: Option<String>,
}

/// An issue of 《政务督查》 or 督查专报.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Publication {
    pub id: i64,
    pub kind: PublicationKind,
    pub number: String,
    pub title: String,
    pub published_on: Date,
    pub summary: String,
    pub item_nos: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicationList {
    pub publications: Vec<Publication>,
}

/// What registering an item answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemCreated {
    pub item_no: String,
}
