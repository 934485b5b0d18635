//! The views of a complaint: what staff see (the complainant's identity
//! for the office only: `shared::complaints::privacy`), and what a named
//! complainant sees (no names, no internal notes).

use super::access::Seen;
use crate::db::{self, complaints, Db};
use shared::complaints::complaint::{available, handling_limit, Side, Situation, ACCEPT_LIMIT, YELLOW_DAYS};
use shared::complaints::privacy::{identity_for, Identity};
use shared::complaints::views::{Accountability, ComplaintView, Investigation, PublicComplaint, UnitRef};
use shared::complaints::{ComplaintCloseReason, ComplaintState};
use shared::engine::calendar::Calendar;
use shared::engine::instant::Instant;
use shared::staff::Role;
use worker::Result;

/// The calendar that can hold any complaint deadline started around `now`.
pub async fn calendar(db: &Db, now: Instant) -> Result<Calendar> {
    db::calendar::for_limits_starting_in(db, now.date().year() - 1).await
}

/// The situation for the rules of `shared::complaints::complaint`.
pub fn situation(c: &complaints::ComplaintRecord, now: Instant) -> Situation {
    Situation {
        state: c.state,
        kind: c.kind,
        mode: c.mode,
        anonymous: c.anonymous == 1,
        extension: c.extension,
        overdue: c.deadline.is_some_and(|d| now > d),
        finding: c.finding,
    }
}

pub async fn staff_view(db: &Db, seen: Seen, role: Role, now: Instant) -> Result<ComplaintView> {
    let calendar = calendar(db, now).await?;
    let c = &seen.complaint;
    let events = complaints::events(db, c.id).await?;
    let evidence = complaints::evidence(db, c.id).await?;
    let subjects = complaints::subjects(db, c.id).await?;
    let actions = available(seen.side, &situation(c, now)).into_iter().map(String::from).collect();
    // The office's complaint staff only; a unit gets `None`, never a mask.
    let stored = Identity { name: c.name.clone(), phone: c.phone.clone(), id_number: c.id_number.clone() };
    let complainant = if seen.side == Side::Office && c.anonymous == 0 { identity_for(role, &stored) } else { None };
    let limit = handling_limit(c.extension);
    let (standing, explanation) = match (c.state, c.started_at, c.deadline) {
        (ComplaintState::Received, ..) => (Some(ACCEPT_LIMIT.standing(&calendar, now, c.accept_by, 1)), Vec::new()),
        (s, Some(start), Some(deadline)) if s.on_the_clock() => {
            (Some(limit.standing(&calendar, now, deadline, YELLOW_DAYS)), limit.explain(&calendar, start))
        }
        _ => (None, Vec::new()),
    };
    let investigation = match (c.finding, c.investigated_at) {
        (Some(finding), Some(at)) => Some(Investigation { finding, units: subjects, people: c.people.clone(), facts: c.facts.clone(), at }),
        _ => None,
    };
    let accountability = (c.held == 1).then_some(Accountability { notice: c.notice, sanction: c.sanction, reward: c.reward == 1 });
    Ok(ComplaintView {
        complaint_no: c.complaint_no.clone(),
        state: c.state,
        close_reason: c.close_reason,
        channel: c.channel,
        kind: c.kind,
        anonymous: c.anonymous == 1,
        complainant,
        subject: c.subject.clone(),
        cause: c.cause.clone(),
        course: c.course.clone(),
        received_at: c.received_at,
        accept_by: c.accept_by,
        mode: c.mode,
        unit: c.unit_id.zip(c.unit_name.clone()).map(|(id, name)| UnitRef { id, name }),
        instruction: c.instruction.clone(),
        decision: c.decision.clone(),
        deadline: c.deadline,
        standing,
        explanation,
        extension: c.extension,
        extension_reason: c.extension_reason.clone(),
        investigation,
        accountability,
        evidence,
        result: c.result.clone(),
        concluded_at: c.concluded_at,
        concluded_late: c.concluded_late == 1,
        last_callback: c.last_callback,
        redone: c.redone,
        events,
        actions,
        version: c.version,
    })
}

/// What the named complainant is told, once told: the answer, the reason
/// not accepted or where it went, or the result.
fn reply(c: &complaints::ComplaintRecord) -> Option<String> {
    match (c.state, c.close_reason) {
        (ComplaintState::Closed, Some(ComplaintCloseReason::Answered)) => Some(c.decision.clone()),
        (ComplaintState::Closed, Some(ComplaintCloseReason::NotAccepted)) => Some(format!("不予受理：{}", c.decision)),
        (ComplaintState::Closed, Some(ComplaintCloseReason::TransferredOut)) => Some(c.decision.clone()),
        (ComplaintState::Replied | ComplaintState::Closed, _) => c.result.clone(),
        _ => None,
    }
}

/// What a named complainant sees: from the complaint's one row.
pub fn public_view(c: &complaints::ComplaintRecord) -> Result<PublicComplaint> {
    Ok(PublicComplaint {
        complaint_no: c.complaint_no.clone(),
        state: c.state,
        close_reason: c.close_reason,
        kind: c.kind,
        cause: c.cause.clone(),
        received_at: c.received_at,
        deadline: c.deadline,
        timeline: c.timeline()?,
        reply: reply(c),
    })
}
