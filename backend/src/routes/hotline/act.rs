//! `POST /api/hotline/tickets/{no}/action`: what units and the office do
//! with a dispatched ticket. The rules are in shared::hotline::ticket; each
//! action is one batch naming the version read (`db::hotline::write`).

use super::access::{visible, Seen};
use super::view::{calendar, situation, staff_view};
use crate::auth::require_staff;
use crate::clock;
use crate::db::hotline::changes::PartChange;
use crate::db::hotline::write::{self, Event};
use crate::db::{self, num, Db};
use crate::error::AppError;
use crate::routes::{json, read_json, Cache, Reply};
use shared::engine::case_action::ExtensionState;
use shared::engine::instant::Instant;
use shared::error::{ApiError, ErrorCode};
use shared::hotline::catalogue::check_dispatch;
use shared::hotline::figures::{on_close, on_dispatch, on_reopen, on_sign, Counter, Increments};
use shared::hotline::ticket::{callback_outcome, check, sign_limit, CallbackOutcome, Side, TicketAction, TicketActionRequest};
use shared::hotline::{PartState, TicketState};
use shared::staff::StaffUser;
use worker::wasm_bindgen::JsValue;
use worker::Request;

fn bad(m: impl Into<String>) -> AppError {
    ApiError::new(ErrorCode::InvalidParameter, m).into()
}

fn conflict(state: TicketState, m: &str) -> AppError {
    ApiError { current_state: Some(state.as_str().into()), ..ApiError::new(ErrorCode::Conflict, m) }.into()
}

pub async fn act(req: &mut Request, db: &Db, ticket_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let body: TicketActionRequest = read_json(req).await?;
    let seen = visible(&user, db, ticket_no).await?;
    let now = clock::now();
    let side = seen.side.ok_or_else(|| ApiError::new(ErrorCode::Forbidden, "本单位已退单，只能查看"))?;
    check(side, &situation(&seen, now), &body.action)?;
    if body.version != seen.ticket.version {
        return Err(conflict(seen.ticket.state, "该工单已被他人更新，请刷新后再操作"));
    }
    let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
    let ctx = Ctx { db, user: &user, seen: &seen, now, nonce: &nonce, version: body.version };
    if !ctx.apply(&body.action).await? {
        return Err(conflict(seen.ticket.state, "该工单刚被他人更新，请刷新查看最新情况"));
    }
    let after = visible(&user, db, ticket_no).await?;
    json(&staff_view(db, after, now).await?, Cache::NoStore)
}

struct Ctx<'a> {
    db: &'a Db,
    user: &'a StaffUser,
    seen: &'a Seen,
    now: Instant,
    nonce: &'a str,
    version: i64,
}

/// What one action writes: the ticket's columns, the acting unit's part,
/// the audit note (and whether the caller sees it), counters.
#[derive(Default)]
struct Plan<'a> {
    columns: Vec<(&'static str, JsValue)>,
    /// The change of unit `.0`'s part.
    part: Option<(i64, PartChange<'a>)>,
    note: String,
    public: Option<String>,
    to: Option<TicketState>,
    tally: Vec<(Option<i64>, Increments)>,
    /// The office's decision on a return, as the unit will read it.
    decision: String,
    new_part: Option<(i64, Instant, Instant)>,
}

impl Ctx<'_> {
    fn unit(&self) -> i64 {
        self.user.department_id.unwrap_or(0)
    }

    fn unit_name(&self, id: i64) -> String {
        self.seen.parts.iter().find(|p| p.unit_id == id).map(|p| p.unit_name.clone()).unwrap_or_default()
    }

    async fn apply(&self, action: &TicketAction) -> Result<bool, AppError> {
        let t = &self.seen.ticket;
        let state = t.state;
        let now = self.now;
        let mut plan = Plan::default();
        match action {
            TicketAction::Sign => {
                let part = self.seen.parts.iter().find(|p| p.unit_id == self.unit()).ok_or_else(|| bad("本单位没有这张工单"))?;
                let late = now > part.sign_by;
                plan.part = Some((self.unit(), PartChange::Signed { at: now, late }));
                plan.tally.push((Some(self.unit()), on_sign(!late)));
                let lead = matches!(self.seen.side, Some(Side::Lead { .. }));
                plan.note = format!("{}签收{}", part.unit_name, if late { "（超过签收时限）" } else { "" });
                if lead {
                    plan.to = Some(TicketState::InProgress);
                    plan.public = Some(format!("{}已签收，正在办理", part.unit_name));
                }
            }
            TicketAction::RequestReturn { reason } => {
                plan.part = Some((self.unit(), PartChange::ReturnAsked { reason: reason.trim() }));
                plan.tally.push((Some(self.unit()), vec![(Counter::returns_requested, 1)]));
                plan.note = format!("{}申请退单：{}", self.unit_name(self.unit()), reason.trim());
            }
            TicketAction::ReviewReturn { unit_id, accept, reassign_to, reason } => {
                self.review_return(&mut plan, *unit_id, *accept, *reassign_to, reason).await?;
            }
            TicketAction::RequestExtension { amount, reason } => {
                let limit = t.limit().ok_or_else(|| bad("该工单没有办理时限"))?;
                limit.extended(*amount).validate()?;
                let unit = if matches!(limit, shared::engine::limit::Limit::Hours(_)) { "小时" } else { "个工作日" };
                plan.columns = vec![
                    ("extension", "pending".into()),
                    ("extension_amount", num(*amount as i64)),
                    ("extension_reason", reason.trim().into()),
                ];
                plan.note = format!("申请延期{amount}{unit}：{}", reason.trim());
            }
            TicketAction::DecideExtension { approve, reason } => {
                let limit = t.limit().ok_or_else(|| bad("该工单没有办理时限"))?;
                if *approve {
                    let longer = limit.extended(t.extension_amount);
                    let start = t.started_at.unwrap_or(now);
                    let deadline = longer.deadline(&calendar(self.db, now).await?, start);
                    plan.columns = vec![
                        ("extension", "approved".into()),
                        ("limit_code", longer.code().into()),
                        ("deadline", deadline.to_string().into()),
                    ];
                    plan.tally.push((t.lead_unit_id, vec![(Counter::extended, 1)]));
                    plan.note = format!("同意延期，办理时限改为{}", longer.zh());
                    plan.public =
                        Some(format!("办理单位申请延期，经审核同意，新的答复时限为{}前（理由：{}）", deadline.short(), t.extension_reason));
                } else {
                    plan.columns = vec![("extension", ExtensionState::Refused.as_str().into())];
                    plan.note = format!("不同意延期：{}", reason.trim());
                }
            }
            TicketAction::Note { text, public } => {
                if *public {
                    plan.public = Some(format!("办理进展：{}", text.trim()));
                } else {
                    plan.note = format!("办理进展：{}", text.trim());
                }
            }
            TicketAction::Contribute { text } => {
                plan.part = Some((self.unit(), PartChange::Contributed { text: text.trim() }));
                plan.note = format!("{}反馈协办意见", self.unit_name(self.unit()));
            }
            TicketAction::Reply { text, policy, signed_off_by } => {
                plan.to = Some(TicketState::Replied);
                plan.columns = vec![
                    ("reply_text", text.trim().into()),
                    ("reply_policy", policy.trim().into()),
                    ("reply_signed_off_by", signed_off_by.trim().into()),
                    ("reply_at", now.to_string().into()),
                ];
                plan.note = format!("提交答复（{}审签），待县府办审核", signed_off_by.trim());
            }
            TicketAction::ReviewReply { accept, reason } => {
                if *accept {
                    plan.to = Some(TicketState::Callback);
                    plan.note = "答复审核通过，待回访".into();
                    plan.public = Some(format!("办理单位已答复：{}", t.reply_text.clone().unwrap_or_default()));
                } else {
                    plan.to = Some(TicketState::InProgress);
                    plan.note = format!("答复被退回：{}", reason.trim());
                }
            }
            TicketAction::Callback { result, note } => self.callback(&mut plan, *result, note).await?,
            TicketAction::GrantContact { grant } => {
                plan.columns = vec![("contact_granted", num(*grant as i64))];
                plan.note = if *grant {
                    "同意主办单位查看来电人联系方式"
                } else {
                    "收回主办单位查看来电人联系方式的权限"
                }
                .into();
            }
        }
        self.write(plan, state).await
    }

    async fn review_return(
        &self,
        plan: &mut Plan<'_>,
        unit_id: i64,
        accept: bool,
        reassign_to: Option<i64>,
        reason: &str,
    ) -> Result<(), AppError> {
        let part = self.seen.parts.iter().find(|p| p.unit_id == unit_id && p.state == PartState::ReturnRequested);
        let part = part.ok_or_else(|| bad("该单位没有待审核的退单申请"))?;
        let who = &self.user.name;
        if !accept {
            let back = if part.signed_at.is_some() { PartState::Signed } else { PartState::Sent };
            plan.decision = format!("{who}驳回退单：{}", reason.trim());
            plan.part = Some((unit_id, PartChange::ReturnDecided { state: back, decision: "" }));
            plan.tally.push((Some(unit_id), vec![(Counter::returns_rejected, 1)]));
            plan.note = format!("驳回{}的退单申请，办理时限不变：{}", part.unit_name, reason.trim());
            return Ok(());
        }
        plan.decision = format!("{who}同意退单{}", if reason.trim().is_empty() { String::new() } else { format!("：{}", reason.trim()) });
        plan.part = Some((unit_id, PartChange::ReturnDecided { state: PartState::Returned, decision: "" }));
        if part.role != shared::hotline::Role::Lead {
            plan.note = format!("同意{}退出协办", part.unit_name);
            return Ok(());
        }
        // The lead returned it: it goes to another unit, whose limit starts now.
        let to = reassign_to.ok_or_else(|| bad("同意主办单位退单时，请选择改派的单位"))?;
        if to == unit_id || self.seen.parts.iter().any(|p| p.unit_id == to && p.state != PartState::Returned) {
            return Err(bad("请改派给尚未承办该工单的单位"));
        }
        let (name, kind) = db::admin::units::active_unit(self.db, to).await?.ok_or_else(|| bad("改派的单位不存在或已停用"))?;
        let t = &self.seen.ticket;
        let category = match t.category_id {
            Some(id) => db::hotline::catalogue::category(self.db, id).await?,
            None => None,
        };
        let category = category.ok_or_else(|| bad("该工单没有诉求类别"))?;
        check_dispatch(&category.form, &name, kind)?;
        let limit = category.form.limits.of(t.urgency);
        let calendar = calendar(self.db, self.now).await?;
        let deadline = limit.deadline(&calendar, self.now);
        let sign_by = sign_limit(t.urgency).deadline(&calendar, self.now).min(deadline);
        plan.to = Some(TicketState::Dispatched);
        plan.columns = vec![
            ("lead_unit_id", num(to)),
            ("limit_code", limit.code().into()),
            ("started_at", self.now.to_string().into()),
            ("deadline", deadline.to_string().into()),
            ("extension", "none".into()),
        ];
        plan.new_part = Some((to, sign_by, deadline));
        plan.tally.push((Some(to), on_dispatch()));
        plan.note = format!("同意{}退单，改派{}办理", part.unit_name, name);
        plan.public = Some(format!("改由{name}办理，承诺{}前答复", deadline.short()));
        Ok(())
    }

    async fn callback(&self, plan: &mut Plan<'_>, result: shared::hotline::ticket::CallbackResult, note: &str) -> Result<(), AppError> {
        let t = &self.seen.ticket;
        let tries = t.callback_tries + 1;
        plan.columns = vec![("callback_tries", num(tries as i64)), ("last_callback", result.as_str().into())];
        let extra = if note.trim().is_empty() { String::new() } else { format!("：{}", note.trim()) };
        plan.note = format!("第{tries}次回访，{}{extra}", result.zh());
        match callback_outcome(result, tries) {
            CallbackOutcome::TryAgain => {}
            CallbackOutcome::Close(reason) => {
                let replied = t.reply_at.unwrap_or(self.now);
                let on_time = t.deadline.is_none_or(|d| replied <= d);
                let hours = t.dispatched_at.map(|d| (d.seconds_until(replied).max(0) / 3600) as u64).unwrap_or(0);
                plan.to = Some(TicketState::Closed);
                plan.columns.extend([("close_reason", reason.as_str().into()), ("closed_at", self.now.to_string().into())]);
                plan.tally.push((t.lead_unit_id, on_close(reason, on_time, hours)));
                plan.public = Some(format!("回访结果：{}，工单办结", reason.zh()));
            }
            CallbackOutcome::Reopen => {
                let category = match t.category_id {
                    Some(id) => db::hotline::catalogue::category(self.db, id).await?,
                    None => None,
                };
                let limit = category.map(|c| c.form.limits.of(t.urgency)).or(t.limit()).ok_or_else(|| bad("该工单没有办理时限"))?;
                let deadline = limit.deadline(&calendar(self.db, self.now).await?, self.now);
                plan.to = Some(TicketState::InProgress);
                plan.columns.extend([
                    ("reopened", num(t.reopened as i64 + 1)),
                    ("limit_code", limit.code().into()),
                    ("started_at", self.now.to_string().into()),
                    ("deadline", deadline.to_string().into()),
                    ("extension", "none".into()),
                ]);
                plan.tally.push((t.lead_unit_id, on_reopen()));
                let unit = t.lead_unit_name.clone().unwrap_or_default();
                plan.public = Some(format!("回访不满意，已交{unit}重新办理，承诺{}前答复", deadline.short()));
            }
        }
        Ok(())
    }

    async fn write(&self, plan: Plan<'_>, from: TicketState) -> Result<bool, AppError> {
        let to = plan.to.unwrap_or(from);
        let mut columns = plan.columns;
        if to != from {
            columns.push(("state", to.as_str().into()));
        }
        let no = &self.seen.ticket.ticket_no;
        let mut w = write::update(self.db, no, self.version, self.nonce, &columns)?;
        if let Some((unit, mut change)) = plan.part {
            if let PartChange::ReturnDecided { decision, .. } = &mut change {
                *decision = &plan.decision;
            }
            w.change_part(unit, &change)?;
        }
        if let Some((unit, sign_by, deadline)) = plan.new_part {
            w.add_part(unit, shared::hotline::Role::Lead, self.now, sign_by, deadline)?;
        }
        let (user, now) = (self.user, self.now);
        let internal = Some(plan.note.as_str()).filter(|n| !n.is_empty()).map(|n| (n, false));
        for (note, public) in internal.into_iter().chain(plan.public.as_deref().map(|p| (p, true))) {
            w.event(&Event { at: now, actor: &user.name, staff_id: Some(user.id), from: Some(from), to, note, public })?;
        }
        for (unit, inc) in &plan.tally {
            w.count(now.date(), *unit, inc)?;
        }
        Ok(w.run().await?)
    }
}
