//! What the sender and a recipient unit may do when, each recipient's next
//! state, and the sign-for limit of urgent documents in working hours
//! (特急) or working days (加急).

use super::forms::{DocAction, SignLimits};
use super::{DocState, RecipientState, Urgency};
use crate::engine::calendar::Calendar;
use crate::engine::instant::Instant;
use crate::engine::limit::Limit;
use crate::error::{ApiError, ErrorCode};

/// Which side of a document the person acting is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The office, which sent it.
    Sender,
    /// A unit it was sent to.
    Recipient,
}

fn conflict(state: &str, m: &str) -> ApiError {
    ApiError { current_state: Some(state.into()), ..ApiError::new(ErrorCode::Conflict, m) }
}

/// Whether `action` is allowed: the document in `doc`, the recipient's copy
/// (the unit's own, or the one a recall or chase names) in `copy`.
pub fn check(side: Side, doc: DocState, copy: Option<RecipientState>, action: &DocAction) -> Result<(), ApiError> {
    action.validate()?;
    if action.by_sender() != (side == Side::Sender) {
        let m = if side == Side::Sender {
            "签收、退文和办理由收文单位操作"
        } else {
            "发送、撤回和催收由发文单位操作"
        };
        return Err(ApiError::new(ErrorCode::Forbidden, m));
    }
    match (action, doc) {
        (DocAction::Send, DocState::Sent) => return Err(conflict(doc.as_str(), "该公文已经发送")),
        (DocAction::Send, DocState::Draft) => return Ok(()),
        (_, DocState::Draft) => return Err(conflict(doc.as_str(), "该公文尚未发送")),
        _ => {}
    }
    let Some(state) = copy else { return Ok(()) };
    let ok = match action {
        DocAction::Recall { .. } | DocAction::Chase { .. } | DocAction::Sign | DocAction::Return { .. } => state.awaiting(),
        DocAction::Open => state == RecipientState::Delivered,
        DocAction::Handle { .. } => state == RecipientState::Signed,
        // Incoming handling has its own rules (incoming.rs).
        _ => false,
    };
    if ok {
        return Ok(());
    }
    let m = match (action, state) {
        (DocAction::Recall { .. }, RecipientState::Signed | RecipientState::Handled) => "该单位已签收，不能撤回",
        (DocAction::Sign, RecipientState::Signed | RecipientState::Handled) => "该公文已签收，不能重复签收",
        (DocAction::Handle { .. }, RecipientState::Handled) => "该公文已登记办理情况",
        (DocAction::Handle { .. }, _) => "请先签收再登记办理情况",
        (_, RecipientState::Recalled) => "该公文已被发文单位撤回",
        (_, RecipientState::Returned) => "该公文已退文",
        (DocAction::Open, _) => "该公文已打开过",
        _ => "该单位已签收",
    };
    Err(conflict(state.as_str(), m))
}

/// The state a recipient's copy moves to.
pub fn next_state(action: &DocAction) -> Option<RecipientState> {
    match action {
        DocAction::Open => Some(RecipientState::Opened),
        DocAction::Sign => Some(RecipientState::Signed),
        DocAction::Return { .. } => Some(RecipientState::Returned),
        DocAction::Handle { .. } => Some(RecipientState::Handled),
        DocAction::Recall { .. } => Some(RecipientState::Recalled),
        _ => None,
    }
}

/// Office hours on a working day, as seconds since midnight: the
/// working hours a 特急 limit counts.
pub const OFFICE_HOURS: [(i64, i64); 2] = [(9 * 3600, 12 * 3600), (13 * 3600 + 1800, 17 * 3600 + 1800)];

/// `hours` working hours after `start`: only office hours on working days
/// count (a document sent at 17:00 on Friday is due on Monday morning).
pub fn working_hours_deadline(calendar: &Calendar, start: Instant, hours: u32) -> Instant {
    let mut left = hours as i64 * 3600;
    let mut day = start.date();
    let mut from = Instant::start_of_day(day).seconds_until(start);
    // A year has at most ~250 working days; a limit is at most 40 hours.
    for _ in 0..800 {
        if calendar.day_kind(day).is_working() {
            for (a, b) in OFFICE_HOURS {
                let begin = from.max(a);
                if begin >= b {
                    continue;
                }
                if left <= b - begin {
                    return Instant::start_of_day(day).plus_seconds(begin + left);
                }
                left -= b - begin;
            }
        }
        day = day.next();
        from = 0;
    }
    Instant::end_of_day(day)
}

/// When a unit must have signed for a document sent at `sent`: none for 平件.
pub fn sign_due(calendar: &Calendar, limits: SignLimits, urgency: Urgency, sent: Instant) -> Option<Instant> {
    match urgency {
        Urgency::ExtraUrgent => Some(working_hours_deadline(calendar, sent, limits.extra_urgent_hours)),
        Urgency::Urgent => Some(Limit::WorkingDays(limits.urgent_days).deadline(calendar, sent)),
        Urgency::Ordinary => None,
    }
}

/// Flagged: still unsigned after its limit.
pub fn overdue(state: RecipientState, due: Option<Instant>, now: Instant) -> bool {
    state.awaiting() && due.is_some_and(|d| now > d)
}

/// The limit in words (`2个工作小时`, `1个工作日`).
pub fn limit_zh(limits: SignLimits, urgency: Urgency) -> Option<String> {
    match urgency {
        Urgency::ExtraUrgent => Some(format!("{}个工作小时", limits.extra_urgent_hours)),
        Urgency::Urgent => Some(format!("{}个工作日", limits.urgent_days)),
        Urgency::Ordinary => None,
    }
}
