//! The views of a ticket: what staff see (the caller masked for units
//! without the office's grant), and what the caller sees (no names, no
//! numbers, only public notes).

use super::access::Seen;
use crate::db::{self, hotline, Db};
use shared::engine::calendar::Calendar;
use shared::engine::instant::Instant;
use shared::hotline::privacy::{mask_address, mask_name, mask_phone};
use shared::hotline::ticket::{available, Situation, YELLOW_DAYS};
use shared::hotline::views::{Contact, Part, PublicTicket, ReplyView, TicketView};
use shared::hotline::{CloseReason, TicketState};
use worker::Result;

fn contact(name: &str, phone: &str, address: &str, masked: bool) -> Contact {
    if masked {
        Contact { name: mask_name(name), phone: mask_phone(phone), address: mask_address(address), masked }
    } else {
        Contact { name: name.into(), phone: phone.into(), address: address.into(), masked }
    }
}

/// The calendar that can hold any hotline deadline started around `now`.
pub async fn calendar(db: &Db, now: Instant) -> Result<Calendar> {
    db::calendar::for_limits_starting_in(db, now.date().year() - 1).await
}

/// The situation for the rules of `shared::hotline::ticket`.
pub fn situation(seen: &Seen, now: Instant) -> Situation {
    let t = &seen.ticket;
    Situation {
        state: t.state,
        part: seen.my_part,
        extension: t.extension,
        overdue: t.deadline.is_some_and(|d| now > d),
        return_pending: seen.parts.iter().any(|p| p.state == shared::hotline::PartState::ReturnRequested),
    }
}

pub async fn staff_view(db: &Db, seen: Seen, now: Instant) -> Result<TicketView> {
    let calendar = calendar(db, now).await?;
    let events = hotline::events(db, seen.ticket.id).await?;
    let others = hotline::other_callers(db, seen.ticket.id).await?;
    let office = seen.side == Some(shared::hotline::ticket::Side::Office);
    let lead = matches!(seen.side, Some(shared::hotline::ticket::Side::Lead { .. }));
    let masked = !(office || (lead && seen.ticket.contact_granted == 1));
    let mut actions: Vec<String> = match seen.side {
        Some(side) => available(side, &situation(&seen, now)).into_iter().map(String::from).collect(),
        None => Vec::new(),
    };
    let t = &seen.ticket;
    if office && matches!(t.state, TicketState::Received | TicketState::Escalated) {
        actions.insert(0, "dispose".into());
    }
    let limit = t.limit();
    let (standing, explanation) = match (limit, t.started_at, t.deadline) {
        (Some(l), Some(start), Some(deadline)) if t.state.with_units() || t.state == TicketState::Replied => {
            (Some(l.standing(&calendar, now, deadline, YELLOW_DAYS)), l.explain(&calendar, start))
        }
        _ => (None, Vec::new()),
    };
    let parts = seen
        .parts
        .iter()
        .map(|p| Part {
            unit_id: p.unit_id,
            unit_name: p.unit_name.clone(),
            role: p.role,
            state: p.state,
            sent_at: p.sent_at,
            sign_by: p.sign_by,
            signed_at: p.signed_at,
            signed_late: p.signed_late == 1,
            return_reason: p.return_reason.clone(),
            return_decision: p.return_decision.clone(),
            contribution: p.contribution.clone(),
        })
        .collect();
    let reply = match (&t.reply_text, t.reply_at) {
        (Some(text), Some(at)) => Some(ReplyView {
            text: text.clone(),
            policy: t.reply_policy.clone().unwrap_or_default(),
            signed_off_by: t.reply_signed_off_by.clone().unwrap_or_default(),
            at,
        }),
        _ => None,
    };
    Ok(TicketView {
        ticket_no: t.ticket_no.clone(),
        state: t.state,
        close_reason: t.close_reason,
        channel: t.channel,
        kind: t.kind,
        urgency: t.urgency,
        confidential: t.confidential == 1,
        city_ticket_no: t.city_ticket_no.clone(),
        caller: contact(&t.caller_name, &t.caller_phone, &t.address, masked),
        contact_granted: t.contact_granted == 1,
        other_callers: others.iter().map(|o| contact(&o.name, &o.phone, &o.address, masked)).collect(),
        occurred: t.occurred.clone(),
        cause: t.cause.clone(),
        course: t.course.clone(),
        received_at: t.received_at,
        category_id: t.category_id,
        category_name: t.category_name.clone(),
        limit,
        deadline: t.deadline,
        standing,
        explanation,
        parts,
        extension: t.extension,
        extension_amount: t.extension_amount,
        extension_reason: t.extension_reason.clone(),
        reply,
        reopened: t.reopened,
        notices: t.notices,
        callback_tries: t.callback_tries,
        last_callback: t.last_callback,
        rating: t.rating,
        merged_into: t.merged_into.clone(),
        events,
        actions,
        version: t.version,
    })
}

/// Closes after which the caller may rate on the web: a call-back reached them.
pub fn may_rate(t: &hotline::TicketRecord) -> bool {
    t.rating.is_none() && matches!(t.close_reason, Some(CloseReason::Satisfied | CloseReason::BasicallySatisfied | CloseReason::Explained))
}

/// What the caller sees: from the ticket's one row.
pub fn public_view(t: &hotline::TicketRecord) -> Result<PublicTicket> {
    let reply_public = matches!(t.state, TicketState::Callback | TicketState::Closed);
    Ok(PublicTicket {
        ticket_no: t.ticket_no.clone(),
        state: t.state,
        close_reason: t.close_reason,
        kind: t.kind,
        cause: t.cause.clone(),
        received_at: t.received_at,
        deadline: t.deadline,
        unit_name: t.lead_unit_name.clone(),
        timeline: t.timeline()?,
        reply: t.reply_text.clone().filter(|_| reply_public),
        can_rate: may_rate(t),
        rating: t.rating,
    })
}
