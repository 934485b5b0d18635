//! What staff see of an item and its tasks: each task's colour, why its
//! deadline is that day, its audit trail and slips, and the actions open
//! to the viewer.

use super::access::Viewer;
use crate::db::supervision::{self as db_sv, ItemRecord, TaskRecord};
use crate::db::{self, Db};
use shared::engine::calendar::Calendar;
use shared::engine::case_action::ExtensionState;
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::engine::ledger::{standing, Standing};
use shared::engine::limit::Limit;
use shared::supervision::forms::{Milestone, Origin, OriginKind};
use shared::supervision::limits::YELLOW_DAYS;
use shared::supervision::task::{available, Side, Situation};
use shared::supervision::views::{ItemView, MilestoneView, ReportView, TaskSummary, TaskView};
use shared::supervision::{Colour, ItemState, TaskRole, TaskState};
use worker::Result;

pub async fn calendar(db: &Db, today: Date) -> Result<Calendar> {
    db::calendar::for_limits_starting_in(db, today.year() - 1).await
}

/// The rules' view of a task today.
pub fn situation(t: &TaskRecord, today: Date) -> Situation {
    let report_late = t.next_report_due.is_some_and(|d| shared::engine::ledger::is_late(today, d));
    let milestones = t.milestones().map(|m| m.len()).unwrap_or(0);
    Situation { state: t.state, extension: t.extension, overdue: today > t.deadline, report_late, milestones, today }
}

/// Red overdue, yellow near its deadline, none otherwise (or once reported).
pub fn colour(cal: &Calendar, state: TaskState, deadline: Date, today: Date) -> Colour {
    if state != TaskState::InProgress {
        return Colour::None;
    }
    match standing(cal, today, deadline, YELLOW_DAYS).1 {
        Standing::Red => Colour::Red,
        Standing::Yellow => Colour::Yellow,
        _ => Colour::None,
    }
}

/// A row of a task list as staff see it.
pub fn summary(cal: &Calendar, today: Date, r: db_sv::lists::TaskRow) -> TaskSummary {
    TaskSummary {
        colour: colour(cal, r.state, r.deadline, today),
        task_no: r.task_no,
        item_no: r.item_no,
        item_title: r.item_title,
        requirement: r.requirement,
        lead_unit_name: r.lead_unit_name,
        state: r.state,
        deadline: r.deadline,
        slips: r.slips,
        my_role: r.my_role,
    }
}

fn deadline_why(cal: &Calendar, t: &TaskRecord) -> Vec<String> {
    let mut lines = match t.limit_days {
        Some(days) => Limit::WorkingDays(days).explain(cal, Instant::start_of_day(t.started_on)),
        None => vec![format!("办结时限由县府办确定：{}24时前", t.deadline.zh_full())],
    };
    if t.extension == ExtensionState::Approved {
        lines.insert(lines.len().saturating_sub(1), format!("经批准延期{}个工作日：{}", t.extension_days, t.extension_reason));
    }
    if t.redone > 0 {
        lines.insert(0, format!("退回重办{}次", t.redone));
    }
    lines
}

fn task_view(cal: &Calendar, t: &TaskRecord, item: &Item<'_>, viewer: Viewer, today: Date) -> Result<TaskView> {
    let parts: Vec<_> = item.parts.iter().filter(|p| p.task_id == t.id).map(|p| p.view()).collect();
    let my_role = match viewer {
        Viewer::Office => None,
        Viewer::Unit(unit) => parts.iter().find(|p| p.unit_id == unit).map(|p| p.role),
    };
    let side = match (viewer, my_role) {
        (Viewer::Office, _) => Some(Side::Office),
        (_, Some(TaskRole::Lead)) => Some(Side::Lead),
        (_, Some(TaskRole::Assist)) => Some(Side::Assist),
        _ => None,
    };
    let actions = side.map(|s| available(s, &situation(t, today))).unwrap_or_default();
    let milestones = t
        .milestones()?
        .into_iter()
        .map(|m| MilestoneView { milestone: Milestone { due: m.due, text: m.text }, reached_at: m.reached_at })
        .collect();
    let report = match (&t.report_text, t.report_at) {
        (Some(text), Some(at)) => Some(ReportView { text: text.clone(), at, late: t.report_late == 1, late_reason: t.late_reason.clone() }),
        _ => None,
    };
    Ok(TaskView {
        task_no: t.task_no.clone(),
        item_no: t.item_no.clone(),
        item_title: t.item_title.clone(),
        requirement: t.requirement.clone(),
        lead_unit_id: t.lead_unit_id,
        lead_unit_name: t.lead_unit_name.clone(),
        parts,
        responsible: t.responsible.clone(),
        supervisor: t.supervisor.clone(),
        assigned_at: t.assigned_at,
        deadline: t.deadline,
        deadline_why: deadline_why(cal, t),
        colour: colour(cal, t.state, t.deadline, today),
        milestones,
        report_day: t.report_day,
        next_report_due: t.next_report_due,
        state: t.state,
        extension: t.extension,
        extension_days: t.extension_days,
        extension_reason: t.extension_reason.clone(),
        report,
        check_note: t.check_note.clone(),
        redone: t.redone,
        leader_note: t.leader_note.clone(),
        closed_on_time: t.closed_on_time.map(|v| v == 1),
        follows: t.follows.clone(),
        followed_by: t.followed_by.clone(),
        events: item.events.iter().filter(|e| e.task_id == Some(t.id)).filter_map(|e| e.view()).collect(),
        slips: item.slips.iter().filter(|s| s.task_no == t.task_no).cloned().collect(),
        version: t.version,
        my_role,
        actions: actions.into_iter().map(String::from).collect(),
    })
}

/// What an item's page reads besides the item.
struct Item<'a> {
    parts: &'a [db_sv::PartRecord],
    events: &'a [db_sv::EventRecord],
    slips: &'a [shared::supervision::views::SlipView],
}

/// The item as `viewer` sees it: a unit only its own tasks and their files.
pub async fn item_view(db: &Db, item: ItemRecord, viewer: Viewer, today: Date) -> Result<ItemView> {
    let cal = calendar(db, today).await?;
    let tasks = db_sv::tasks_of(db, item.id).await?;
    let parts = db_sv::parts_of_item(db, item.id).await?;
    let events = db_sv::events_of_item(db, item.id).await?;
    let slips: Vec<_> = db_sv::slips::of_item(db, item.id).await?.into_iter().map(|s| s.view()).collect();
    let seen = Item { parts: &parts, events: &events, slips: &slips };
    let mine = |t: &&TaskRecord| match viewer {
        Viewer::Office => true,
        Viewer::Unit(unit) => parts.iter().any(|p| p.task_id == t.id && p.unit_id == unit),
    };
    let views = tasks.iter().filter(mine).map(|t| task_view(&cal, t, &seen, viewer, today)).collect::<Result<Vec<_>>>()?;
    let mut files = db_sv::files_of_item(db, item.id).await?;
    if viewer != Viewer::Office {
        // The item's own files (the instruction's papers), and the reports' of its own tasks.
        files.retain(|f| f.task_no.as_ref().is_none_or(|no| views.iter().any(|v| &v.task_no == no)));
    }
    let limits = db_sv::extras::limits(db).await?;
    let origin = item.origin_key.as_deref().and_then(|k| {
        let (kind, reference) = k.split_once(':')?;
        Some(Origin { kind: OriginKind::parse(kind)?, reference: reference.to_string() })
    });
    Ok(ItemView {
        default_days: limits.days(item.source, item.priority, item.difficult == 1),
        can_decompose: viewer == Viewer::Office && item.state != ItemState::Closed,
        publications: db_sv::publications_of_item(db, item.id).await?,
        item_no: item.item_no,
        source: item.source,
        reference: item.reference,
        title: item.title,
        instruction: item.instruction,
        priority: item.priority,
        difficult: item.difficult == 1,
        leader: item.leader,
        origin,
        state: item.state,
        registered_at: item.registered_at,
        registered_by: item.registered_by,
        tasks: views,
        files,
        version: item.version,
    })
}
