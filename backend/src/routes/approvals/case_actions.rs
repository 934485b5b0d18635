//! `POST /api/staff/cases/{case_no}/action`: pause and resume the clock,
//! request and decide an extension, complete. The rules are in
//! shared::engine::case_action; the deadline is re-derived from the ledger
//! (shared::engine::ledger) and stored, so the inbox can sort by it.

use crate::auth::require_staff;
use crate::clock;
use crate::crypto;
use crate::db::approvals::ledger::{CaseChange, Side};
use crate::db::{self, Db};
use crate::routes::{json, read_json, Cache, Reply};
use shared::approvals::case::{conflict, CaseState};
use shared::engine::case_action::{check_action, CaseAction, CaseActionRequest, ExtensionState};
use shared::engine::ledger::{Extension, Pause};
use shared::error::ApiError;
use worker::Request;

pub async fn act(req: &mut Request, db: &Db, case_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let body: CaseActionRequest = read_json(req).await?;
    let not_found = || ApiError::not_found("该办件");
    let case = crate::case_access::visible_case(&user, db, case_no).await?;
    match body.action {
        CaseAction::DecideExtension { .. } => user.check_can_approve_extension(case.department_id)?,
        CaseAction::Assign { .. } => user.check_can_assign(case.department_id)?,
        _ => user.check_can_dispose(case.department_id)?,
    }
    let state = case.state()?;
    let today = clock::today_cst();
    let (mut ledger, extension) = match (case.accepted_on, case.committed_days) {
        (Some(accepted), Some(days)) => {
            let (l, e) = db::approvals::ledger::load(db, case.id, accepted, days).await?;
            (Some(l), e)
        }
        _ => (None, None),
    };
    let ext_state = extension.as_ref().map(|e| e.state).unwrap_or(ExtensionState::None);
    check_action(state, case.paused == 1, ext_state, &body.action)?;
    if body.version != case.version {
        return Err(conflict(state, "该办件已被他人更新，请刷新后再操作".into()).into());
    }

    // The ledger after the action, and what it means for the case row.
    let now = clock::now_rfc3339();
    let actor = (user.name.as_str(), user.id);
    let (mut next_state, mut paused, mut completed) = (state, case.paused == 1, None);
    let (mut assignee, mut stats) = (None, Vec::new());
    let (side, note) = match &body.action {
        CaseAction::Pause { reason } => {
            if let Some(l) = ledger.as_mut() {
                l.pauses.push(Pause { reason: *reason, from: today, resumed: None });
            }
            paused = true;
            (Side::Pause { reason: *reason, from: today, staff_id: user.id }, format!("暂停计时：{}", reason.zh()))
        }
        CaseAction::Resume => {
            if let Some(p) = ledger.as_mut().and_then(|l| l.pauses.iter_mut().find(|p| p.resumed.is_none())) {
                p.resumed = Some(today);
            }
            paused = false;
            (Side::Resume { on: today, staff_id: user.id }, "恢复计时".to_string())
        }
        CaseAction::RequestExtension { days, reason } => (
            Side::RequestExtension { days: *days, reason: reason.trim(), staff_id: user.id, now: &now },
            format!("申请延期{days}个工作日：{}", reason.trim()),
        ),
        CaseAction::DecideExtension { approve } => {
            if let (true, Some(l), Some(e)) = (*approve, ledger.as_mut(), extension.as_ref()) {
                l.extensions.push(Extension { days: e.days, approver: user.name.clone(), reason: e.reason.clone() });
            }
            let note = if *approve { "批准延期" } else { "不予延期" };
            (Side::DecideExtension { approve: *approve, staff_id: user.id, now: &now }, note.to_string())
        }
        CaseAction::Complete { result } => {
            next_state = CaseState::Completed;
            let late = case.deadline.map(|d| d.date()).is_some_and(|d| shared::engine::ledger::is_late(today, d));
            completed = Some((today, late, result.trim()));
            if let Some(class) = case.class {
                stats = shared::approvals::stats::on_completion(class, late);
            }
            let when = if late { "逾期办结" } else { "按期办结" };
            (Side::None, format!("{when}：{}", result.trim()))
        }
        CaseAction::Assign { staff_id } => {
            let colleagues = db::staff::colleagues(db, case.department_id).await?;
            let to = colleagues
                .into_iter()
                .find(|c| c.id == *staff_id)
                .ok_or_else(|| ApiError::new(shared::error::ErrorCode::InvalidParameter, "只能分派给本部门在岗的工作人员"))?;
            assignee = Some(to.id);
            (Side::None, format!("分派给{}办理", to.name))
        }
    };
    let deadline = match (&ledger, next_state) {
        (Some(l), CaseState::InProgress) => {
            let calendar = db::calendar::for_limits_starting_in(db, l.accepted_on.year()).await?;
            l.derive(&calendar, today, case.yellow_days).deadline.map(shared::engine::instant::Instant::end_of_day)
        }
        _ => case.deadline,
    };
    let change = CaseChange { state: next_state, paused, deadline, completed, assignee, day: today, stats };
    let nonce = crypto::hex(&crypto::random_bytes::<16>()?);
    let applied = db::approvals::ledger::change(db, case_no, body.version, state, &change, &side, actor, &note, &now, &nonce).await?;
    let after = db::approvals::cases::by_case_no(db, case_no).await?.ok_or_else(not_found)?;
    if !applied {
        let current = after.state()?;
        return Err(conflict(current, format!("该办件刚被他人更新，当前状态为“{}”", current.zh())).into());
    }
    json(&crate::case_views::staff_view(db, after).await?, Cache::NoStore)
}
