//! `POST /api/hotline/tickets/{no}/disposition`: what the office does with
//! a ticket at intake: answer it from the knowledge base, redirect it,
//! merge it into an open ticket, send it to a leader, or dispatch it.

use super::access::{not_found, visible};
use super::view::{calendar, staff_view};
use crate::auth::require_staff;
use crate::clock;
use crate::db::hotline::catalogue as cat;
use crate::db::hotline::write::{self, Event};
use crate::db::{self, num, Db};
use crate::error::AppError;
use crate::routes::{json, read_json, Cache, Reply};
use shared::engine::instant::Instant;
use shared::error::{ApiError, ErrorCode};
use shared::hotline::catalogue::check_dispatch;
use shared::hotline::figures::{on_close, on_dispatch};
use shared::hotline::intake::{Disposition, DispositionRequest};
use shared::hotline::ticket::sign_limit;
use shared::hotline::{CloseReason, Role, TicketState};
use shared::staff::StaffUser;
use worker::Request;

fn bad(m: impl Into<String>) -> AppError {
    ApiError::new(ErrorCode::InvalidParameter, m).into()
}

fn conflict(state: TicketState, m: &str) -> AppError {
    ApiError { current_state: Some(state.as_str().into()), ..ApiError::new(ErrorCode::Conflict, m) }.into()
}

pub async fn dispose(req: &mut Request, db: &Db, ticket_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let body: DispositionRequest = read_json(req).await?;
    body.disposition.validate()?;
    let seen = visible(&user, db, ticket_no).await?;
    let t = &seen.ticket;
    let from = t.state;
    let escalating = matches!(body.disposition, Disposition::Escalate { .. });
    if !(from == TicketState::Received || (from == TicketState::Escalated && !escalating)) {
        return Err(conflict(from, "只有刚受理（或呈阅后）的工单可以这样处置"));
    }
    if body.version != t.version {
        return Err(conflict(from, "该工单已被他人更新，请刷新后再操作"));
    }
    let now = clock::now();
    let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
    let applied = match &body.disposition {
        Disposition::Dispatch { category_id, urgency, lead_unit_id, assist_unit_ids, instruction } => {
            let dispatch =
                Dispatch { category_id: *category_id, urgency: *urgency, lead: *lead_unit_id, assists: assist_unit_ids, instruction };
            dispatch.write(db, &user, ticket_no, body.version, from, now, &nonce).await?
        }
        other => close_or_escalate(db, &user, ticket_no, body.version, from, other, now, &nonce).await?,
    };
    if !applied {
        return Err(conflict(from, "该工单刚被他人处置，请刷新查看"));
    }
    let seen = visible(&user, db, ticket_no).await?;
    json(&staff_view(db, seen, now).await?, Cache::NoStore)
}

struct Dispatch<'a> {
    category_id: i64,
    urgency: shared::hotline::Urgency,
    lead: i64,
    assists: &'a [i64],
    instruction: &'a str,
}

impl Dispatch<'_> {
    #[allow(clippy::too_many_arguments)]
    async fn write(
        &self,
        db: &Db,
        user: &StaffUser,
        no: &str,
        version: i64,
        from: TicketState,
        now: Instant,
        nonce: &str,
    ) -> Result<bool, AppError> {
        let category = cat::category(db, self.category_id).await?.filter(|c| c.active).ok_or_else(|| bad("请选择有效的诉求类别"))?;
        let mut units = Vec::new();
        for id in std::iter::once(&self.lead).chain(self.assists) {
            let (name, kind) =
                db::admin::units::active_unit(db, *id).await?.ok_or_else(|| bad(format!("单位（编号{id}）不存在或已停用，不能转办")))?;
            check_dispatch(&category.form, &name, kind)?;
            units.push(name);
        }
        let limit = category.form.limits.of(self.urgency);
        let calendar = calendar(db, now).await?;
        let deadline = limit.deadline(&calendar, now);
        let sign_by = sign_limit(self.urgency).deadline(&calendar, now).min(deadline);
        let columns = [
            ("state", TicketState::Dispatched.as_str().into()),
            ("category_id", num(self.category_id)),
            ("urgency", self.urgency.as_str().into()),
            ("lead_unit_id", num(self.lead)),
            ("limit_code", limit.code().into()),
            ("started_at", now.to_string().into()),
            ("deadline", deadline.to_string().into()),
            ("dispatched_at", now.to_string().into()),
        ];
        let mut w = write::update(db, no, version, nonce, &columns)?;
        for (i, id) in std::iter::once(&self.lead).chain(self.assists).enumerate() {
            w.add_part(*id, if i == 0 { Role::Lead } else { Role::Assist }, now, sign_by, deadline)?;
        }
        let assisting = if units.len() > 1 { format!("，{}协办", units[1..].join("、")) } else { String::new() };
        let instruction = if self.instruction.trim().is_empty() { String::new() } else { format!("（{}）", self.instruction.trim()) };
        let note = format!("已转交{}办理{assisting}，办理时限{}，{}前答复{instruction}", units[0], limit.zh(), deadline.short());
        let public = format!("已转交{}办理，承诺{}前答复", units[0], deadline.short());
        w.event(&Event {
            at: now,
            actor: &user.name,
            staff_id: Some(user.id),
            from: Some(from),
            to: TicketState::Dispatched,
            note: &note,
            public: false,
        })?;
        w.event(&Event {
            at: now,
            actor: &user.name,
            staff_id: Some(user.id),
            from: Some(from),
            to: TicketState::Dispatched,
            note: &public,
            public: true,
        })?;
        w.count(now.date(), Some(self.lead), &on_dispatch())?;
        Ok(w.run().await?)
    }
}

#[allow(clippy::too_many_arguments)]
async fn close_or_escalate(
    db: &Db,
    user: &StaffUser,
    no: &str,
    version: i64,
    from: TicketState,
    d: &Disposition,
    now: Instant,
    nonce: &str,
) -> Result<bool, AppError> {
    let closed = TicketState::Closed;
    let (to, reason, reply, note, public): (TicketState, Option<CloseReason>, Option<String>, String, bool) = match d {
        Disposition::Answer { knowledge_id, answer } => {
            let item = cat::knowledge_item(db, *knowledge_id).await?.filter(|k| k.active).ok_or_else(|| bad("请选择有效的知识库条目"))?;
            (
                closed,
                Some(CloseReason::Answered),
                Some(answer.trim().to_string()),
                format!("直接答复（依据知识库“{}”）", item.form.title),
                true,
            )
        }
        Disposition::Redirect { to, explanation } => {
            let text = format!("{}：{}", to.zh(), explanation.trim());
            (closed, Some(CloseReason::Redirected), Some(text.clone()), text, true)
        }
        Disposition::Merge { into } => {
            let target = db::hotline::by_no(db, into.trim()).await?.ok_or_else(|| bad(format!("没有工单“{}”", into.trim())))?;
            if target.ticket_no == no || target.state == TicketState::Closed {
                return Err(bad("只能并入另一张未办结的工单"));
            }
            (closed, Some(CloseReason::Merged), None, format!("已并入工单{}，一并办理答复", target.ticket_no), true)
        }
        Disposition::Escalate { leader, note } => {
            (TicketState::Escalated, None, None, format!("呈{}阅示：{}", leader.trim(), note.trim()), false)
        }
        Disposition::Dispatch { .. } => return Err(not_found().into()),
    };
    let mut columns = vec![("state", to.as_str().into())];
    if let Some(r) = reason {
        columns.extend([("close_reason", r.as_str().into()), ("closed_at", now.to_string().into())]);
    }
    if let Some(text) = &reply {
        columns.extend([("reply_text", text.as_str().into()), ("reply_at", now.to_string().into())]);
    }
    if let Disposition::Answer { knowledge_id, .. } = d {
        columns.push(("knowledge_id", num(*knowledge_id)));
    }
    if let Disposition::Merge { into } = d {
        columns.push(("merged_into", into.trim().into()));
    }
    let mut w = write::update(db, no, version, nonce, &columns)?;
    w.event(&Event { at: now, actor: &user.name, staff_id: Some(user.id), from: Some(from), to, note: &note, public })?;
    match d {
        Disposition::Answer { knowledge_id, .. } => w.count_answer(*knowledge_id)?,
        Disposition::Merge { into } => w.merge_into(into.trim(), now, &user.name, user.id)?,
        _ => {}
    }
    if let Some(r) = reason {
        w.count(now.date(), None, &on_close(r, false, 0))?;
    }
    Ok(w.run().await?)
}
