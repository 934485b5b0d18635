//! What may happen to a ticket once taken in, and by whom (DOMAIN.md §3).
//! The Worker works out the person's side (the office, the lead unit, an
//! assisting unit) and the ticket's situation, then asks `check`; the staff
//! page shows the actions `available` says are open.

use super::{PartState, TicketState, Urgency};
use crate::engine::case_action::ExtensionState;
use crate::engine::limit::Limit;
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// Tries before a caller who cannot be reached is closed as not visited.
pub const CALLBACK_TRIES: u32 = 3;
/// 催办 notices after which a unit still not replying is named in the bulletin.
pub const BULLETIN_AFTER_NOTICES: u32 = 2;
/// Working days of warning the hotline gives before a deadline in days.
pub const YELLOW_DAYS: u32 = 1;

/// How long a unit has to sign for its part.
pub fn sign_limit(urgency: Urgency) -> Limit {
    match urgency {
        Urgency::Critical => Limit::Hours(1),
        Urgency::Urgent => Limit::Hours(4),
        Urgency::Normal => Limit::WorkingDays(1),
    }
}

named_enum! {
/// What the daily job sends a unit about a ticket.
pub enum NoticeKind {
    /// On the last working day before the deadline.
    Reminder = "reminder",
    /// 催办: on each working day after it until the unit replies.
    Notice = "notice",
}
}

named_enum! {
/// What the office hears when it calls the caller back.
pub enum CallbackResult {
    Satisfied = "satisfied",
    BasicallySatisfied = "basically_satisfied",
    /// Dissatisfied for reasons the unit can act on: reopened (重办).
    Dissatisfied = "dissatisfied",
    /// Dissatisfied for objective reasons (policy limits): closed as explained.
    DissatisfiedObjective = "dissatisfied_objective",
    /// Nobody answered this try.
    NoAnswer = "no_answer",
}
}

impl CallbackResult {
    pub fn zh(self) -> &'static str {
        match self {
            CallbackResult::Satisfied => "满意",
            CallbackResult::BasicallySatisfied => "基本满意",
            CallbackResult::Dissatisfied => "不满意（可重办）",
            CallbackResult::DissatisfiedObjective => "不满意（客观原因，解释说明）",
            CallbackResult::NoAnswer => "未接通",
        }
    }
}

named_enum! {
/// The caller's own rating on the web, after the call-back.
pub enum Rating {
    Satisfied = "satisfied",
    BasicallySatisfied = "basically_satisfied",
    Dissatisfied = "dissatisfied",
}
}

impl Rating {
    pub fn zh(self) -> &'static str {
        match self {
            Rating::Satisfied => "满意",
            Rating::BasicallySatisfied => "基本满意",
            Rating::Dissatisfied => "不满意",
        }
    }
}

/// What staff do with a dispatched ticket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum TicketAction {
    /// A unit signs for its part (签收).
    Sign,
    /// A unit that believes it is not responsible asks to return it (退单).
    RequestReturn {
        reason: String,
    },
    /// The office decides a return: accepted (the lead's part goes to
    /// `reassign_to`) or rejected with a reason (the deadline stays).
    ReviewReturn {
        unit_id: i64,
        accept: bool,
        reassign_to: Option<i64>,
        reason: String,
    },
    /// The lead unit asks for more time, before the deadline, once.
    RequestExtension {
        amount: u32,
        reason: String,
    },
    DecideExtension {
        approve: bool,
        reason: String,
    },
    /// A progress note; a public one is shown to the caller.
    Note {
        text: String,
        public: bool,
    },
    /// An assisting unit's contribution to the lead's reply.
    Contribute {
        text: String,
    },
    /// The lead unit's reply, signed off by its responsible leader, citing
    /// the policy or law relied on.
    Reply {
        text: String,
        policy: String,
        signed_off_by: String,
    },
    /// The office accepts the reply (on to the call-back) or sends it back.
    ReviewReply {
        accept: bool,
        reason: String,
    },
    Callback {
        result: CallbackResult,
        note: String,
    },
    /// The office lets the lead unit see the caller's contact (or not).
    GrantContact {
        grant: bool,
    },
}

impl TicketAction {
    pub fn name(&self) -> &'static str {
        match self {
            TicketAction::Sign => "sign",
            TicketAction::RequestReturn { .. } => "request_return",
            TicketAction::ReviewReturn { .. } => "review_return",
            TicketAction::RequestExtension { .. } => "request_extension",
            TicketAction::DecideExtension { .. } => "decide_extension",
            TicketAction::Note { .. } => "note",
            TicketAction::Contribute { .. } => "contribute",
            TicketAction::Reply { .. } => "reply",
            TicketAction::ReviewReply { .. } => "review_reply",
            TicketAction::Callback { .. } => "callback",
            TicketAction::GrantContact { .. } => "grant_contact",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketActionRequest {
    pub version: i64,
    #[serde(flatten)]
    pub action: TicketAction,
}

/// Which side of a ticket the person acting is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Office,
    /// The lead unit's staff; `head` if the unit's head.
    Lead {
        head: bool,
    },
    Assist,
}

/// The ticket as it stands, for the checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Situation {
    pub state: TicketState,
    /// The acting unit's part (none for the office).
    pub part: Option<PartState>,
    pub extension: ExtensionState,
    /// Past the deadline now.
    pub overdue: bool,
    /// Some unit's return request awaits the office.
    pub return_pending: bool,
}

fn conflict(state: TicketState, why: &str) -> ApiError {
    ApiError { current_state: Some(state.as_str().to_string()), ..ApiError::new(ErrorCode::Conflict, why) }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Whether `side` may take `action` on a ticket in situation `s`: a
/// `forbidden` for the wrong side, a `conflict` for the wrong moment, an
/// `invalid_parameter` for what is missing.
pub fn check(side: Side, s: &Situation, action: &TicketAction) -> Result<(), ApiError> {
    use TicketAction::*;
    let office = side == Side::Office;
    let unit = matches!(side, Side::Lead { .. } | Side::Assist);
    let lead = matches!(side, Side::Lead { .. });
    let forbidden = |m: &str| Err(ApiError::new(ErrorCode::Forbidden, m));
    let not_now = |m: &str| Err(conflict(s.state, m));
    let bad = |m: &str| Err(ApiError::new(ErrorCode::InvalidParameter, m));
    let handling = s.state.with_units();
    match action {
        Sign | RequestReturn { .. } | Contribute { .. } if !unit => forbidden("只有承办单位可以签收、退单或反馈"),
        RequestExtension { .. } | Reply { .. } if !lead => forbidden("只有主办单位可以申请延期或答复"),
        ReviewReturn { .. } | DecideExtension { .. } | ReviewReply { .. } | Callback { .. } | GrantContact { .. } if !office => {
            forbidden("只有县府办可以审核、回访和授权")
        }
        Sign if !handling || s.part != Some(PartState::Sent) => not_now("没有待签收的工单"),
        RequestReturn { .. } if !handling || !matches!(s.part, Some(PartState::Sent | PartState::Signed)) => {
            not_now("该工单现在不能申请退单")
        }
        RequestReturn { reason } if blank(reason) => bad("请写明退单理由（为何不属于本单位职责）"),
        ReviewReturn { .. } if !s.return_pending => not_now("没有待审核的退单申请"),
        ReviewReturn { accept: false, reason, .. } if blank(reason) => bad("驳回退单请写明理由，承办单位将看到"),
        RequestExtension { .. } if s.state != TicketState::InProgress || s.part != Some(PartState::Signed) => {
            not_now("签收后办理中的工单才能申请延期")
        }
        RequestExtension { .. } if s.extension != ExtensionState::None => not_now("每张工单只能申请一次延期"),
        RequestExtension { .. } if s.overdue => not_now("已超过办理时限，不能再申请延期，请尽快办理答复"),
        RequestExtension { amount: 0, .. } => bad("请填写延长的时长"),
        RequestExtension { reason, .. } if blank(reason) => bad("请写明延期理由，该理由将告知来电人"),
        DecideExtension { .. } if s.extension != ExtensionState::Pending => not_now("没有待审批的延期申请"),
        DecideExtension { approve: false, reason } if blank(reason) => bad("不同意延期请写明理由"),
        Note { .. } if s.state == TicketState::Closed => not_now("工单已办结"),
        Note { text, .. } if blank(text) => bad("请填写办理进展"),
        Contribute { .. } if side != Side::Assist || !handling || s.part != Some(PartState::Signed) => {
            not_now("签收后的协办单位才能反馈协办意见")
        }
        Contribute { text } if blank(text) => bad("请填写协办意见"),
        Reply { .. } if s.state != TicketState::InProgress || s.part != Some(PartState::Signed) => not_now("签收后办理中的工单才能答复"),
        Reply { .. } if s.return_pending => not_now("退单申请审核中，不能答复"),
        Reply { .. } if side != (Side::Lead { head: true }) => forbidden("答复须由本单位负责人审签后提交"),
        Reply { text, .. } if blank(text) => bad("请填写答复内容"),
        Reply { policy, .. } if blank(policy) => bad("请写明答复所依据的政策或法规"),
        Reply { signed_off_by, .. } if blank(signed_off_by) => bad("请填写审签的分管负责人"),
        ReviewReply { .. } if s.state != TicketState::Replied => not_now("没有待审核的答复"),
        ReviewReply { accept: false, reason } if blank(reason) => bad("退回答复请写明理由"),
        Callback { .. } if s.state != TicketState::Callback => not_now("该工单不在待回访状态"),
        GrantContact { .. } if s.state == TicketState::Closed => not_now("工单已办结"),
        _ => Ok(()),
    }
}

/// The actions open to `side` now (the staff page shows only these).
/// Refused only for the wrong side or moment, not for what is yet to be
/// filled in.
pub fn available(side: Side, s: &Situation) -> Vec<&'static str> {
    let samples = [
        TicketAction::Sign,
        TicketAction::RequestReturn { reason: "x".into() },
        TicketAction::ReviewReturn { unit_id: 0, accept: true, reassign_to: None, reason: "x".into() },
        TicketAction::RequestExtension { amount: 1, reason: "x".into() },
        TicketAction::DecideExtension { approve: true, reason: "x".into() },
        TicketAction::Note { text: "x".into(), public: false },
        TicketAction::Contribute { text: "x".into() },
        TicketAction::Reply { text: "x".into(), policy: "x".into(), signed_off_by: "x".into() },
        TicketAction::ReviewReply { accept: true, reason: "x".into() },
        TicketAction::Callback { result: CallbackResult::Satisfied, note: String::new() },
        TicketAction::GrantContact { grant: true },
    ];
    samples.iter().filter(|a| check(side, s, a).is_ok()).map(|a| a.name()).collect()
}

/// Where a call-back leaves the ticket: closed for a reason, reopened, or
/// still waiting for another try.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallbackOutcome {
    Close(super::CloseReason),
    Reopen,
    TryAgain,
}

/// The outcome of a call-back `result`, `tries` tries (this one included).
pub fn callback_outcome(result: CallbackResult, tries: u32) -> CallbackOutcome {
    use super::CloseReason as C;
    match result {
        CallbackResult::Satisfied => CallbackOutcome::Close(C::Satisfied),
        CallbackResult::BasicallySatisfied => CallbackOutcome::Close(C::BasicallySatisfied),
        CallbackResult::Dissatisfied => CallbackOutcome::Reopen,
        CallbackResult::DissatisfiedObjective => CallbackOutcome::Close(C::Explained),
        CallbackResult::NoAnswer if tries >= CALLBACK_TRIES => CallbackOutcome::Close(C::Unreachable),
        CallbackResult::NoAnswer => CallbackOutcome::TryAgain,
    }
}

#[cfg(test)]
mod tests;
