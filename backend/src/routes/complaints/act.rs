//! `POST /api/complaints/{no}/action`: what the office and the handling
//! unit do with a complaint. The rules are in shared::complaints::complaint;
//! each action is one batch naming the version read (`db::complaints::write`),
//! so a stale or lost write changes nothing and answers 409.

use super::access::{visible, Seen};
use super::view::{calendar, situation, staff_view};
use crate::auth::require_staff;
use crate::clock;
use crate::db::complaints::write::{Event, Write};
use crate::db::{complaints, num, opt_int, opt_text, Db};
use crate::error::AppError;
use crate::routes::{json, read_json, Cache, Reply};
use shared::complaints::complaint::{
    after_callback, after_conclusion, check, ComplaintAction, ComplaintActionRequest, EXTENDED_LIMIT, HANDLING_LIMIT,
};
use shared::complaints::figures::{on_accepted, on_answered, on_assigned, on_concluded, on_investigated, Counter, Increments};
use shared::complaints::{ComplaintCloseReason, ComplaintState};
use shared::engine::case_action::ExtensionState;
use shared::engine::instant::Instant;
use shared::error::{ApiError, ErrorCode};
use shared::staff::StaffUser;
use worker::wasm_bindgen::JsValue;
use worker::Request;

fn bad(m: impl Into<String>) -> AppError {
    ApiError::new(ErrorCode::InvalidParameter, m).into()
}

fn conflict(state: ComplaintState, m: &str) -> AppError {
    ApiError { current_state: Some(state.as_str().into()), ..ApiError::new(ErrorCode::Conflict, m) }.into()
}

pub async fn act(req: &mut Request, db: &Db, complaint_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let body: ComplaintActionRequest = read_json(req).await?;
    let seen = visible(&user, db, complaint_no).await?;
    let now = clock::now();
    check(seen.side, &situation(&seen.complaint, now), &body.action)?;
    if body.version != seen.complaint.version {
        return Err(conflict(seen.complaint.state, "该投诉已被他人更新，请刷新后再操作"));
    }
    let plan = plan(db, &seen, &body.action, now).await?;
    let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
    if !write(db, &user, &seen, plan, body.version, &nonce, now).await? {
        return Err(conflict(seen.complaint.state, "该投诉刚被他人更新，请刷新查看最新情况"));
    }
    let after = visible(&user, db, complaint_no).await?;
    json(&staff_view(db, after, user.role, now).await?, Cache::NoStore)
}

/// What one action writes: the complaint's columns, the audit note (and
/// what the complainant's timeline says), counters, the units complained
/// about.
#[derive(Default)]
struct Plan {
    columns: Vec<(&'static str, JsValue)>,
    note: String,
    public: Option<String>,
    to: Option<ComplaintState>,
    /// (units, with the county, increments)
    tally: Vec<(Vec<i64>, bool, Increments)>,
    subjects: Option<Vec<i64>>,
}

impl Plan {
    fn close(&mut self, reason: ComplaintCloseReason, now: Instant) {
        self.to = Some(ComplaintState::Closed);
        self.columns.push(("close_reason", reason.as_str().into()));
        self.columns.push(("closed_at", now.to_string().into()));
    }
}

async fn plan(db: &Db, seen: &Seen, action: &ComplaintAction, now: Instant) -> Result<Plan, AppError> {
    let c = &seen.complaint;
    let handling_unit: Vec<i64> = c.unit_id.into_iter().collect();
    let mut p = Plan::default();
    match action {
        ComplaintAction::Answer { text } => {
            p.columns.push(("decision", text.trim().into()));
            p.close(ComplaintCloseReason::Answered, now);
            p.note = format!("咨询已答复：{}", text.trim());
            p.public = Some("咨询已答复".into());
            p.tally.push((vec![], true, on_answered()));
        }
        ComplaintAction::Accept { mode, unit_id, instruction } => {
            let unit = match unit_id {
                Some(id) => {
                    Some(complaints::active_units(db, &[*id]).await?.into_iter().next().ok_or_else(|| bad("承办单位不存在或已停用"))?)
                }
                None => None,
            };
            let calendar = calendar(db, now).await?;
            p.columns.extend([
                ("mode", JsValue::from(mode.as_str())),
                ("unit_id", opt_int(*unit_id)),
                ("instruction", instruction.trim().into()),
                ("started_at", now.to_string().into()),
                ("deadline", HANDLING_LIMIT.deadline(&calendar, now).to_string().into()),
            ]);
            p.to = Some(ComplaintState::Handling);
            let to_unit = unit.as_ref().map(|u| format!("：{}", u.name)).unwrap_or_default();
            p.note = format!("受理，{}{to_unit}（限{}）", mode.zh(), HANDLING_LIMIT.zh());
            p.public = Some(format!("已受理，{}个工作日内办结", HANDLING_LIMIT.amount()));
            p.tally.push((vec![], true, on_accepted()));
            if let Some(u) = unit {
                p.tally.push((vec![u.id], true, on_assigned()));
            }
        }
        ComplaintAction::Reject { reason } => {
            p.columns.push(("decision", reason.trim().into()));
            p.close(ComplaintCloseReason::NotAccepted, now);
            p.note = format!("不予受理：{}", reason.trim());
            p.public = Some("不予受理".into());
            p.tally.push((vec![], true, vec![(Counter::not_accepted, 1)]));
        }
        ComplaintAction::TransferOut { body, reason } => {
            let decision = format!("已转送{}处理：{}", body.trim(), reason.trim());
            p.columns.push(("decision", decision.as_str().into()));
            p.close(ComplaintCloseReason::TransferredOut, now);
            p.public = Some(format!("已转送{}处理", body.trim()));
            p.note = decision;
            p.tally.push((vec![], true, vec![(Counter::transferred_out, 1)]));
        }
        ComplaintAction::RequestExtension { reason } => {
            p.columns.extend([("extension", JsValue::from("pending")), ("extension_reason", reason.trim().into())]);
            p.note = format!("申请延期至{}：{}", EXTENDED_LIMIT.zh(), reason.trim());
        }
        ComplaintAction::DecideExtension { approve, reason } => {
            if *approve {
                let start = c.started_at.ok_or_else(|| bad("该投诉没有起算时间"))?;
                let calendar = calendar(db, now).await?;
                let deadline = EXTENDED_LIMIT.deadline(&calendar, start);
                p.columns.extend([("extension", JsValue::from("approved")), ("deadline", deadline.to_string().into())]);
                p.note = format!("批准延期至{}，新期限{}", EXTENDED_LIMIT.zh(), deadline.date().zh_full());
                p.public = Some(format!("办理期限延长至{}", deadline.date().zh_full()));
                p.tally.push((handling_unit.clone(), true, vec![(Counter::extended, 1)]));
            } else {
                p.columns.push(("extension", "refused".into()));
                p.note = format!("不同意延期：{}", reason.trim());
            }
        }
        ComplaintAction::Investigate { finding, unit_ids, people, facts } => {
            let mut ids = unit_ids.clone();
            ids.sort_unstable();
            ids.dedup();
            let units = complaints::active_units(db, &ids).await?;
            if units.len() != ids.len() {
                return Err(bad("被投诉单位不存在或已停用，请重新选择"));
            }
            p.columns.extend([
                ("finding", JsValue::from(finding.as_str())),
                ("people", people.trim().into()),
                ("facts", facts.trim().into()),
                ("investigated_at", now.to_string().into()),
            ]);
            p.to = Some(ComplaintState::Investigated);
            let names: Vec<&str> = units.iter().map(|u| u.name.as_str()).collect();
            p.note = format!("调查结论：{}；被投诉单位：{}", finding.zh(), names.join("、"));
            p.public = Some("调查完毕，正在作出处理".into());
            p.tally.push((ids.clone(), true, on_investigated(*finding)));
            p.subjects = Some(ids);
        }
        ComplaintAction::Hold { notice, sanction, reward } => {
            p.columns.extend([
                ("notice", opt_text(notice.map(|n| n.as_str()))),
                ("sanction", opt_text(sanction.map(|s| s.as_str()))),
                ("reward", num(*reward as i64)),
                ("held", num(1)),
            ]);
            let parts: Vec<&str> =
                [notice.map(|n| n.zh()), sanction.map(|s| s.zh()), reward.then_some("有奖举报")].into_iter().flatten().collect();
            p.note = format!("追责处理：{}", parts.join("，"));
            if *reward && c.reward == 0 {
                p.tally.push((vec![], true, vec![(Counter::rewarded, 1)]));
            }
        }
        ComplaintAction::Conclude { result } => {
            let late = c.deadline.is_some_and(|d| now > d);
            p.columns.extend([
                ("result", JsValue::from(result.trim())),
                ("concluded_at", now.to_string().into()),
                ("concluded_late", num(late as i64)),
            ]);
            let (to, close) = after_conclusion(c.anonymous == 1);
            p.to = Some(to);
            if let Some(reason) = close {
                p.close(reason, now);
            }
            p.note = format!("办结{}：{}", if late { "（超过期限）" } else { "" }, result.trim());
            // An anonymous complainant has no timeline to read.
            p.public = (c.anonymous == 0).then(|| "已办结，答复如下".to_string());
            p.tally.push((handling_unit.clone(), true, on_concluded(!late)));
        }
        ComplaintAction::Callback { result, note } => {
            let (to, close) = after_callback(*result);
            p.columns.push(("last_callback", result.as_str().into()));
            if let Some(reason) = close {
                p.close(reason, now);
                p.public = Some(format!("回访：{}", result.zh()));
            } else {
                let calendar = calendar(db, now).await?;
                p.to = Some(to);
                p.columns.extend([
                    ("redone", num(c.redone as i64 + 1)),
                    ("result", JsValue::NULL),
                    ("concluded_at", JsValue::NULL),
                    ("started_at", now.to_string().into()),
                    ("deadline", HANDLING_LIMIT.deadline(&calendar, now).to_string().into()),
                    ("extension", ExtensionState::None.as_str().into()),
                    ("extension_reason", "".into()),
                ]);
                p.public = Some("回访不满意，重新办理".into());
                p.tally.push((handling_unit.clone(), true, vec![(Counter::redone, 1)]));
            }
            let note = note.trim();
            p.note = format!("回访：{}{}", result.zh(), if note.is_empty() { String::new() } else { format!("（{note}）") });
        }
        ComplaintAction::Note { text } => {
            p.note = format!("办理进展：{}", text.trim());
        }
    }
    Ok(p)
}

async fn write(db: &Db, user: &StaffUser, seen: &Seen, p: Plan, version: i64, nonce: &str, now: Instant) -> Result<bool, AppError> {
    let c = &seen.complaint;
    let mut columns = p.columns;
    if let Some(to) = p.to {
        columns.push(("state", to.as_str().into()));
    }
    let mut w = Write::update(db, &c.complaint_no, version, nonce, &columns)?;
    let to = p.to.unwrap_or(c.state);
    let event =
        Event { at: now, actor: &user.name, staff_id: Some(user.id), from: Some(c.state), to, note: &p.note, public: p.public.as_deref() };
    w.event(&event)?;
    if let Some(ids) = &p.subjects {
        w.subjects(ids)?;
    }
    for (units, county, inc) in &p.tally {
        w.tally(now.date(), units, *county, inc)?;
    }
    Ok(w.run().await?)
}
