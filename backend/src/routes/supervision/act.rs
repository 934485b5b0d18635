//! `POST /api/supervision/tasks/{no}/action`: what units and the office do
//! with a task. The rules are in shared::supervision::task; each action is
//! one batch naming the version read (`db::guarded`).

use super::access::{self, viewer};
use super::view::{calendar, item_view, situation};
use crate::auth::require_staff;
use crate::clock;
use crate::db::supervision::create::{self, NewTask};
use crate::db::supervision::write::{self, Event, FollowUp, TASKS};
use crate::db::supervision::{self as db_sv, TaskRecord};
use crate::db::{guarded::Write, num, Db};
use crate::error::AppError;
use crate::routes::{json, read_json, Cache, Reply};
use shared::engine::calendar::Calendar;
use shared::engine::case_action::ExtensionState;
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::error::{ApiError, ErrorCode};
use shared::staff::StaffUser;
use shared::supervision::escalation::Facts;
use shared::supervision::figures::{on_close, on_report, Counter, Increments};
use shared::supervision::task::{check, next_report_due, Side, TaskAction, TaskActionRequest};
use shared::supervision::TaskState;
use worker::wasm_bindgen::JsValue;
use worker::Request;

fn conflict(state: TaskState, m: &str) -> AppError {
    ApiError { current_state: Some(state.as_str().into()), ..ApiError::new(ErrorCode::Conflict, m) }.into()
}

pub async fn act(req: &mut Request, db: &Db, task_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let body: TaskActionRequest = read_json(req).await?;
    let (task, side) = access::task(&user, db, task_no).await?;
    let now = clock::now();
    let today = now.date();
    check(side, &situation(&task, today), &body.action)?;
    if body.version != task.version {
        return Err(conflict(task.state, "该任务已被他人更新，请刷新后再操作"));
    }
    let cal = calendar(db, today).await?;
    let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
    let ctx = Ctx { db, user: &user, task: &task, side, now, cal: &cal, nonce: &nonce };
    let landed = match &body.action {
        TaskAction::FollowUp { instruction, due } => ctx.follow_up(instruction, *due).await?,
        action => ctx.write(ctx.plan(action)?).await?,
    };
    if !landed {
        return Err(conflict(task.state, "该任务刚被他人更新，请刷新查看最新情况"));
    }
    let item = db_sv::item_by_no(db, &task.item_no).await?.ok_or_else(access::no_item)?;
    json(&item_view(db, item, viewer(&user), today).await?, Cache::NoStore)
}

struct Ctx<'a> {
    db: &'a Db,
    user: &'a StaffUser,
    task: &'a TaskRecord,
    side: Side,
    now: Instant,
    cal: &'a Calendar,
    nonce: &'a str,
}

/// What one action writes.
#[derive(Default)]
struct Plan {
    columns: Vec<(&'static str, JsValue)>,
    to: Option<TaskState>,
    note: String,
    /// The acting unit's contribution.
    contribution: Option<String>,
    tally: Increments,
    /// Struck off: the parts close and the item may close.
    closes: bool,
}

impl Ctx<'_> {
    fn unit(&self) -> i64 {
        self.user.department_id.unwrap_or(0)
    }

    fn unit_name(&self) -> String {
        self.user.department_name.clone().unwrap_or_default()
    }

    /// The watch date after a change of deadline, milestones or schedule.
    fn watch(&self, deadline: Date, milestones: &[db_sv::StoredMilestone], report_due: Option<Date>) -> JsValue {
        let open = milestones.iter().enumerate().filter(|(_, m)| m.reached_at.is_none()).map(|(i, m)| (i, m.due)).collect();
        Facts { deadline, open_milestones: open, report_due }.watch_date().to_string().into()
    }

    fn plan(&self, action: &TaskAction) -> Result<Plan, AppError> {
        let t = self.task;
        let today = self.now.date();
        let mut plan = Plan::default();
        match action {
            TaskAction::Progress { text, milestone, late_reason } => {
                let mut milestones = t.milestones()?;
                let mut note = format!("{}报送进展：{}", self.unit_name(), text.trim());
                if let Some(m) = milestone.and_then(|i| milestones.get_mut(i)) {
                    m.reached_at = Some(self.now);
                    note.push_str(&format!("（完成进度节点：{}）", m.text));
                }
                let mut report_due = t.next_report_due;
                if self.side == Side::Lead {
                    if let Some(day) = t.report_day {
                        if report_due.is_some_and(|d| today > d) {
                            note.push_str(&format!("（迟报原因：{}）", late_reason.trim()));
                        }
                        report_due = Some(next_report_due(today, day));
                    }
                }
                plan.columns = vec![
                    ("milestones", serde_json::to_string(&milestones).map_err(worker::Error::from)?.into()),
                    ("next_report_due", report_due.map(|d| JsValue::from(d.to_string())).unwrap_or(JsValue::NULL)),
                    ("watch_date", self.watch(t.deadline, &milestones, report_due)),
                ];
                plan.note = note;
            }
            TaskAction::Contribute { text } => {
                plan.contribution = Some(text.trim().into());
                plan.note = format!("{}提交配合意见：{}", self.unit_name(), text.trim());
            }
            TaskAction::Report { text, late_reason } => {
                let late = today > t.deadline;
                plan.columns = vec![
                    ("report_text", text.trim().into()),
                    ("report_at", self.now.to_string().into()),
                    ("report_late", num(late as i64)),
                    ("late_reason", late_reason.trim().into()),
                ];
                plan.to = Some(TaskState::Reported);
                plan.tally = on_report(late);
                plan.note = match late {
                    true => format!("报送办理结果（逾期，原因：{}）", late_reason.trim()),
                    false => "报送办理结果".into(),
                };
            }
            TaskAction::RequestExtension { days, reason } => {
                plan.columns = vec![
                    ("extension", ExtensionState::Pending.as_str().into()),
                    ("extension_days", num(*days as i64)),
                    ("extension_reason", reason.trim().into()),
                ];
                plan.note = format!("申请延期{days}个工作日：{}", reason.trim());
            }
            TaskAction::DecideExtension { approve: true, .. } => {
                let days = t.extension_days;
                let (limit, deadline) = match t.limit_days {
                    Some(n) => (Some(n + days), self.cal.add_working_days(t.started_on, n + days).deadline),
                    None => (None, self.cal.add_working_days(t.deadline, days).deadline),
                };
                plan.columns = vec![
                    ("extension", ExtensionState::Approved.as_str().into()),
                    ("limit_days", limit.map(|n| num(n as i64)).unwrap_or(JsValue::NULL)),
                    ("deadline", deadline.to_string().into()),
                    ("watch_date", self.watch(deadline, &t.milestones()?, t.next_report_due)),
                ];
                plan.tally = vec![(Counter::extended, 1)];
                plan.note = format!("同意延期{days}个工作日，办结时限改为{}", deadline.zh_full());
            }
            TaskAction::DecideExtension { approve: false, reason } => {
                plan.columns = vec![("extension", ExtensionState::Refused.as_str().into())];
                plan.note = format!("不同意延期：{}", reason.trim());
            }
            TaskAction::Check { pass: true, reason, .. } => {
                plan.columns = vec![("check_note", reason.trim().into())];
                plan.to = Some(TaskState::Passed);
                plan.note = format!("审核通过{}", if reason.trim().is_empty() { String::new() } else { format!("：{}", reason.trim()) });
            }
            TaskAction::Check { pass: false, reason, redo_by } => {
                let deadline = redo_by.unwrap_or(t.deadline);
                plan.columns = vec![
                    ("check_note", reason.trim().into()),
                    ("redone", num(t.redone as i64 + 1)),
                    ("deadline", deadline.to_string().into()),
                    ("watch_date", self.watch(deadline, &t.milestones()?, t.next_report_due)),
                ];
                if redo_by.is_some() {
                    plan.columns.extend([("limit_days", JsValue::NULL), ("started_on", today.to_string().into())]);
                }
                plan.to = Some(TaskState::InProgress);
                plan.tally = vec![(Counter::redone, 1)];
                plan.note = format!("退回重办：{}（{}前重新报送）", reason.trim(), deadline.zh_full());
            }
            TaskAction::ReportToLeader { note } => {
                plan.columns = vec![("leader_note", note.trim().into())];
                plan.to = Some(TaskState::WithLeader);
                plan.note = format!("呈报领导：{}", note.trim());
            }
            TaskAction::StrikeOff { note } => {
                let on_time = t.report_late == 0;
                plan.columns = vec![("closed_at", self.now.to_string().into()), ("closed_on_time", num(on_time as i64))];
                plan.to = Some(TaskState::Closed);
                plan.tally = on_close(on_time);
                plan.closes = true;
                plan.note = format!("领导无新批示，销号：{}", note.trim());
            }
            TaskAction::FollowUp { .. } => unreachable_follow_up()?,
        }
        Ok(plan)
    }

    async fn write(&self, plan: Plan) -> Result<bool, AppError> {
        let t = self.task;
        let to = plan.to.unwrap_or(t.state);
        let mut columns = plan.columns;
        if to != t.state {
            columns.push(("state", to.as_str().into()));
        }
        let mut w = Write::update(self.db, &TASKS, &t.task_no, t.version, self.nonce, &columns)?;
        if let Some(text) = &plan.contribution {
            write::contribution(&mut w, self.unit(), text, self.now)?;
        }
        let event = Event { at: self.now, actor: &self.user.name, staff_id: Some(self.user.id), from: Some(t.state), to, note: &plan.note };
        write::task_event(&mut w, &event)?;
        write::count(&mut w, self.now.date(), Some(t.lead_unit_id), &plan.tally)?;
        if plan.closes {
            write::close_task(&mut w, t.source)?;
        }
        Ok(w.run().await?)
    }

    /// The leader instructed more: the task is struck off and a follow-up
    /// task, linked to it, goes to the same units, in one batch under both
    /// the item's and the task's versions (the item numbers the new task).
    async fn follow_up(&self, instruction: &str, due: Date) -> Result<bool, AppError> {
        let t = self.task;
        let item = db_sv::item_by_no(self.db, &t.item_no).await?.ok_or_else(access::no_item)?;
        let on_time = t.report_late == 0;
        let f = FollowUp {
            item_no: &item.item_no,
            item_version: item.version,
            task_no: &t.task_no,
            task_version: t.version,
            at: self.now,
            on_time,
        };
        let mut w = write::follow_up(self.db, &f, self.nonce)?;
        let note = format!("领导作出新批示，转后续交办并销号：{}", instruction.trim());
        let closed = Event {
            at: self.now,
            actor: &self.user.name,
            staff_id: Some(self.user.id),
            from: Some(t.state),
            to: TaskState::Closed,
            note: &note,
        };
        write::new_task_event(&mut w, &t.task_no, &closed)?;
        write::count(&mut w, self.now.date(), Some(t.lead_unit_id), &on_close(on_time))?;
        let parts = db_sv::parts_of_item(self.db, t.item_id).await?;
        let assists: Vec<i64> = parts.iter().filter(|p| p.task_id == t.id && p.unit_id != t.lead_unit_id).map(|p| p.unit_id).collect();
        let task_no = format!("{}-{}", item.item_no, item.tasks + 1);
        let report_due = t.report_day.map(|d| next_report_due(self.now.date(), d));
        let facts = Facts { deadline: due, open_milestones: vec![], report_due };
        let task = NewTask {
            task_no: &task_no,
            item_id: item.id,
            source: item.source,
            requirement: instruction,
            lead_unit_id: t.lead_unit_id,
            assists: &assists,
            responsible: &t.responsible,
            supervisor: &t.supervisor,
            at: self.now,
            limit_days: None,
            deadline: due,
            milestones: "[]".into(),
            report_day: t.report_day,
            next_report_due: report_due,
            watch_date: facts.watch_date(),
            follows: Some(t.id),
        };
        let note = format!("后续交办（接{}）：{}", t.task_no, instruction.trim());
        create::insert_task(&mut w, &task, &self.user.name, Some(self.user.id), &note)?;
        Ok(w.run().await?)
    }
}

/// `plan` never sees a follow-up (`act` sends it to `follow_up`).
fn unreachable_follow_up() -> Result<(), AppError> {
    Err(ApiError::new(ErrorCode::Internal, "后续交办应由单独的流程处理").into())
}
