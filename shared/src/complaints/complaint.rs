//! What may happen to a complaint once taken in, and by whom (DOMAIN.md
//! §6). The Worker works out the person's side (the office's complaint
//! staff, or the unit a complaint is assigned or transferred to) and the
//! complaint's situation, then asks `check`; the staff page shows the
//! actions `available` says are open.

use super::{ComplaintKind, ComplaintState, FaultNotice, Finding, HandlingMode, Sanction};
use crate::engine::case_action::ExtensionState;
use crate::engine::limit::Limit;
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// The office decides on acceptance within this limit.
pub const ACCEPT_LIMIT: Limit = Limit::WorkingDays(5);
/// A complaint is handled within 30 working days …
pub const HANDLING_LIMIT: Limit = Limit::WorkingDays(30);
/// … extendable once, with approval asked before expiry, to 60.
pub const EXTENDED_LIMIT: Limit = Limit::WorkingDays(60);
/// Working days of warning (yellow) before a deadline.
pub const YELLOW_DAYS: u32 = 3;
/// The longest text an action takes, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

named_enum! {
/// What the office hears when it calls a named complainant back.
pub enum ComplaintCallback {
    Satisfied = "satisfied",
    /// Poor handling: sent back to be handled again (重办).
    Redo = "redo",
    /// Not reached (or no opinion): closed, not visited.
    Unreachable = "unreachable",
}
}

impl ComplaintCallback {
    pub fn zh(self) -> &'static str {
        match self {
            ComplaintCallback::Satisfied => "满意",
            ComplaintCallback::Redo => "不满意，重新办理",
            ComplaintCallback::Unreachable => "未接通",
        }
    }
}

/// What staff do with a complaint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum ComplaintAction {
    /// A consultation answered and closed.
    Answer {
        text: String,
    },
    /// A complaint accepted, handled by the office, assigned or transferred
    /// to `unit_id` (required unless the office handles it).
    Accept {
        mode: HandlingMode,
        unit_id: Option<i64>,
        #[serde(default)]
        instruction: String,
    },
    /// Not accepted, with the reason the complainant is told.
    Reject {
        reason: String,
    },
    /// Transferred to the competent body (转送有权处理机关), then closed here.
    TransferOut {
        body: String,
        reason: String,
    },
    /// More time (to 60 working days), asked before the deadline, once.
    RequestExtension {
        reason: String,
    },
    DecideExtension {
        approve: bool,
        reason: String,
    },
    /// The investigation record: finding, the units and people complained
    /// about, what was established.
    Investigate {
        finding: Finding,
        unit_ids: Vec<i64>,
        #[serde(default)]
        people: String,
        facts: String,
    },
    /// Accountability for an upheld complaint: the fault notice, the
    /// sanction recommended, and the reward marker for a valid report.
    Hold {
        notice: Option<FaultNotice>,
        sanction: Option<Sanction>,
        reward: bool,
    },
    /// The result: told to a named complainant (then the call-back), kept
    /// on file for an anonymous one (then closed).
    Conclude {
        result: String,
    },
    /// The call-back of a named complainant.
    Callback {
        result: ComplaintCallback,
        #[serde(default)]
        note: String,
    },
    /// A note in the audit trail.
    Note {
        text: String,
    },
}

impl ComplaintAction {
    pub fn name(&self) -> &'static str {
        use ComplaintAction::*;
        match self {
            Answer { .. } => "answer",
            Accept { .. } => "accept",
            Reject { .. } => "reject",
            TransferOut { .. } => "transfer_out",
            RequestExtension { .. } => "request_extension",
            DecideExtension { .. } => "decide_extension",
            Investigate { .. } => "investigate",
            Hold { .. } => "hold",
            Conclude { .. } => "conclude",
            Callback { .. } => "callback",
            Note { .. } => "note",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComplaintActionRequest {
    /// The version read; a stale one is refused (409).
    pub version: i64,
    #[serde(flatten)]
    pub action: ComplaintAction,
}

/// Which side of a complaint the person acting is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The office's complaint staff (office admins).
    Office,
    /// Staff of the unit the complaint is assigned or transferred to.
    Unit,
}

/// The complaint as it stands, for the checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Situation {
    pub state: ComplaintState,
    pub kind: ComplaintKind,
    /// How it is handled, once accepted.
    pub mode: Option<HandlingMode>,
    pub anonymous: bool,
    pub extension: ExtensionState,
    /// Past the deadline now.
    pub overdue: bool,
    /// The investigation's finding, once recorded.
    pub finding: Option<Finding>,
}

fn conflict(state: ComplaintState, why: &str) -> ApiError {
    ApiError { current_state: Some(state.as_str().to_string()), ..ApiError::new(ErrorCode::Conflict, why) }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn long(s: &str) -> bool {
    s.chars().count() > MAX_TEXT_CHARS
}

/// Whether `side` may take `action` on a complaint in situation `s`: a
/// `forbidden` for the wrong side, a `conflict` for the wrong moment, an
/// `invalid_parameter` for what is missing.
pub fn check(side: Side, s: &Situation, action: &ComplaintAction) -> Result<(), ApiError> {
    use ComplaintAction::*;
    use ComplaintState as S;
    let office = side == Side::Office;
    // Who investigates and asks for time: the office for what it handles
    // itself, the unit for what is assigned or transferred to it.
    let handler = match s.mode {
        Some(mode) if mode.has_unit() => side == Side::Unit,
        _ => office,
    };
    let forbidden = |m: &str| Err(ApiError::new(ErrorCode::Forbidden, m));
    let not_now = |m: &str| Err(conflict(s.state, m));
    let bad = |m: &str| Err(ApiError::new(ErrorCode::InvalidParameter, m));
    match action {
        Answer { .. }
        | Accept { .. }
        | Reject { .. }
        | TransferOut { .. }
        | DecideExtension { .. }
        | Hold { .. }
        | Conclude { .. }
        | Callback { .. }
            if !office =>
        {
            forbidden("只有县府办投诉受理人员可以受理、审批、追责、办结和回访")
        }
        Answer { .. } if s.state != S::Received || s.kind != ComplaintKind::Consultation => not_now("只有待受理的咨询可以直接答复"),
        Answer { text } if blank(text) => bad("请填写答复内容"),
        Accept { .. } | Reject { .. } | TransferOut { .. } if s.state != S::Received || s.kind != ComplaintKind::Complaint => {
            not_now("只有待受理的投诉可以作出受理决定")
        }
        Accept { mode, unit_id: None, .. } if mode.has_unit() => bad("交办或转办请选择承办单位"),
        Accept { mode: HandlingMode::Office, unit_id: Some(_), .. } => bad("自办的投诉不选承办单位"),
        Reject { reason } if blank(reason) => bad("不予受理请写明理由，该理由将告知投诉人"),
        TransferOut { body, .. } if blank(body) => bad("请填写有权处理的机关"),
        TransferOut { reason, .. } if blank(reason) => bad("请写明转送理由"),
        RequestExtension { .. } if s.state != S::Handling => not_now("办理中的投诉才能申请延期"),
        RequestExtension { .. } if !handler => forbidden("只有承办方可以申请延期"),
        RequestExtension { .. } if s.extension != ExtensionState::None => not_now("每件投诉只能申请一次延期"),
        RequestExtension { .. } if s.overdue => not_now("已超过办理时限，不能再申请延期：延期须在期限届满前申请"),
        RequestExtension { reason } if blank(reason) => bad("请写明延期理由"),
        DecideExtension { .. } if s.extension != ExtensionState::Pending || !s.state.on_the_clock() => not_now("没有待审批的延期申请"),
        DecideExtension { approve: false, reason } if blank(reason) => bad("不同意延期请写明理由"),
        Investigate { .. } if s.state != S::Handling => not_now("办理中的投诉才能填写调查记录"),
        Investigate { .. } if !handler => forbidden("只有承办方可以填写调查记录"),
        Investigate { unit_ids, .. } if unit_ids.is_empty() => bad("请选择被投诉单位"),
        Investigate { unit_ids, .. } if unit_ids.len() > 10 => bad("被投诉单位最多10个"),
        Investigate { facts, .. } if blank(facts) => bad("请写明调查认定的事实"),
        Hold { .. } if s.state != S::Investigated => not_now("调查后、办结前才能作出追责处理"),
        Hold { .. } if !s.finding.is_some_and(Finding::upheld) => not_now("调查结论为不属实，不追究责任"),
        Hold { notice: None, sanction: None, reward: false } => bad("请选择过失通知单、建议处理或有奖举报"),
        Conclude { .. } if s.state != S::Investigated => not_now("调查后才能办结"),
        Conclude { result } if blank(result) => bad("请填写办理结果"),
        Callback { .. } if s.state != S::Replied => not_now("该投诉不在待回访状态"),
        Note { .. } if s.state == S::Closed => not_now("投诉已办结"),
        Note { text } if blank(text) => bad("请填写办理进展"),
        Accept { instruction: t, .. } | TransferOut { body: t, .. } | Investigate { people: t, .. } if t.chars().count() > 200 => {
            bad("交办要求、机关名称或被投诉人最长200个字")
        }
        Answer { text: t }
        | Reject { reason: t }
        | TransferOut { reason: t, .. }
        | RequestExtension { reason: t }
        | DecideExtension { reason: t, .. }
        | Investigate { facts: t, .. }
        | Conclude { result: t }
        | Callback { note: t, .. }
        | Note { text: t }
            if long(t) =>
        {
            bad("内容最长2000个字")
        }
        _ => Ok(()),
    }
}

/// The actions open to `side` now (the staff page shows only these).
/// Refused only for the wrong side or moment, not for what is yet to be
/// filled in.
pub fn available(side: Side, s: &Situation) -> Vec<&'static str> {
    let samples = [
        ComplaintAction::Answer { text: "x".into() },
        ComplaintAction::Accept { mode: HandlingMode::Office, unit_id: None, instruction: String::new() },
        ComplaintAction::Reject { reason: "x".into() },
        ComplaintAction::TransferOut { body: "x".into(), reason: "x".into() },
        ComplaintAction::RequestExtension { reason: "x".into() },
        ComplaintAction::DecideExtension { approve: true, reason: "x".into() },
        ComplaintAction::Investigate { finding: Finding::True, unit_ids: vec![1], people: String::new(), facts: "x".into() },
        ComplaintAction::Hold { notice: None, sanction: None, reward: true },
        ComplaintAction::Conclude { result: "x".into() },
        ComplaintAction::Callback { result: ComplaintCallback::Satisfied, note: String::new() },
        ComplaintAction::Note { text: "x".into() },
    ];
    samples.iter().filter(|a| check(side, s, a).is_ok()).map(|a| a.name()).collect()
}

/// Whether `side` may add evidence files now: the handler, while the
/// complaint is being handled or before it is concluded.
pub fn check_evidence(side: Side, s: &Situation) -> Result<(), ApiError> {
    let handler = match s.mode {
        Some(mode) if mode.has_unit() => side == Side::Unit,
        _ => side == Side::Office,
    };
    if !s.state.on_the_clock() {
        return Err(conflict(s.state, "办理中或调查后、办结前才能上传证据"));
    }
    if !handler {
        return Err(ApiError::new(ErrorCode::Forbidden, "只有承办方可以上传调查证据"));
    }
    Ok(())
}

/// Where concluding leaves a complaint: a named complainant is told the
/// result and called back; an anonymous one gets no reply, so it closes.
pub fn after_conclusion(anonymous: bool) -> (ComplaintState, Option<super::ComplaintCloseReason>) {
    if anonymous {
        (ComplaintState::Closed, Some(super::ComplaintCloseReason::Concluded))
    } else {
        (ComplaintState::Replied, None)
    }
}

/// Where a call-back leaves it: closed, or back to handling (重办) with a
/// fresh handling limit.
pub fn after_callback(result: ComplaintCallback) -> (ComplaintState, Option<super::ComplaintCloseReason>) {
    match result {
        ComplaintCallback::Satisfied => (ComplaintState::Closed, Some(super::ComplaintCloseReason::Satisfied)),
        ComplaintCallback::Unreachable => (ComplaintState::Closed, Some(super::ComplaintCloseReason::NotVisited)),
        ComplaintCallback::Redo => (ComplaintState::Handling, None),
    }
}

/// The limit that runs for a complaint being handled.
pub fn handling_limit(extension: ExtensionState) -> Limit {
    if extension == ExtensionState::Approved {
        EXTENDED_LIMIT
    } else {
        HANDLING_LIMIT
    }
}

#[cfg(test)]
mod tests;
