//! What staff do with an accepted case (DOMAIN.md §2): pause and resume the
//! clock, request and decide an extension, complete it. The rules of when
//! each is allowed live here; the Worker applies them.

use crate::approvals::case::{conflict, CaseState};
use crate::engine::ledger::PauseReason;
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// A single department extends once, by at most 10 working days.
pub const MAX_EXTENSION_DAYS: u32 = 10;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum CaseAction {
    Pause {
        reason: PauseReason,
    },
    Resume,
    RequestExtension {
        days: u32,
        reason: String,
    },
    DecideExtension {
        approve: bool,
    },
    Complete {
        result: String,
    },
    /// Hand an open case to a member of the lead department (its head only).
    Assign {
        staff_id: i64,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseActionRequest {
    pub version: i64,
    #[serde(flatten)]
    pub action: CaseAction,
}

named_enum! {
/// An extension's progress on a case.
pub enum ExtensionState {
    None = "none",
    Pending = "pending",
    Approved = "approved",
    Refused = "refused",
}
}

/// Whether `action` is allowed for a case in `state`, `paused` or not, with
/// its extension in `extension`.
/// Whether `action` is open to the case as it stands (the staff page shows
/// only these): refused only for a conflict with the case's state, not for
/// what the person has yet to fill in.
pub fn action_available(state: CaseState, paused: bool, extension: ExtensionState, action: &CaseAction) -> bool {
    !matches!(check_action(state, paused, extension, action), Err(e) if e.code == ErrorCode::Conflict)
}

pub fn check_action(state: CaseState, paused: bool, extension: ExtensionState, action: &CaseAction) -> Result<(), ApiError> {
    let not_now = |why: &str| Err(conflict(state, why.to_string()));
    let bad = |why: String| Err(ApiError::new(ErrorCode::InvalidParameter, why));
    let running = state == CaseState::InProgress;
    match action {
        CaseAction::Pause { .. } if !running => not_now("只有办理中的承诺件、联办件可以暂停计时"),
        CaseAction::Pause { .. } if paused => not_now("该办件已在暂停计时中"),
        CaseAction::Resume if !paused => not_now("该办件没有暂停计时"),
        CaseAction::RequestExtension { .. } if !running => not_now("只有办理中的办件可以申请延期"),
        CaseAction::RequestExtension { .. } if extension != ExtensionState::None => not_now("单一部门办理的事项只能延期一次"),
        CaseAction::RequestExtension { days, .. } if !(1..=MAX_EXTENSION_DAYS).contains(days) => {
            bad(format!("延期天数应为1到{MAX_EXTENSION_DAYS}个工作日"))
        }
        CaseAction::RequestExtension { reason, .. } if reason.trim().is_empty() => bad("请写明延期理由，该理由将告知申请人".into()),
        CaseAction::DecideExtension { .. } if extension != ExtensionState::Pending => not_now("没有待审批的延期申请"),
        CaseAction::Complete { .. } if !matches!(state, CaseState::InProgress | CaseState::ReportedUp) => {
            not_now("只有办理中或已上报的办件可以办结")
        }
        CaseAction::Complete { .. } if paused => not_now("暂停计时中的办件请先恢复计时再办结"),
        CaseAction::Complete { result } if result.trim().is_empty() => bad("请填写办理结果（如证照编号、上级批复文号）".into()),
        CaseAction::Assign { .. } if matches!(state, CaseState::Completed | CaseState::Returned) => not_now("已办结或已退回的办件无需分派"),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseState::*;

    fn ok(state: CaseState, paused: bool, ext: ExtensionState, a: &CaseAction) -> bool {
        check_action(state, paused, ext, a).is_ok()
    }

    #[test]
    fn pause_and_resume() {
        let pause = CaseAction::Pause { reason: PauseReason::ExpertReview };
        assert!(ok(InProgress, false, ExtensionState::None, &pause));
        assert!(!ok(InProgress, true, ExtensionState::None, &pause));
        for s in [Submitted, AwaitingSupplement, ReportedUp, Completed, Returned] {
            let e = check_action(s, false, ExtensionState::None, &pause).unwrap_err();
            assert_eq!((e.code, e.current_state.as_deref()), (ErrorCode::Conflict, Some(s.as_str())));
        }
        assert!(ok(InProgress, true, ExtensionState::None, &CaseAction::Resume));
        assert!(!ok(InProgress, false, ExtensionState::None, &CaseAction::Resume));
    }

    #[test]
    fn one_extension_of_at_most_ten_days_with_a_reason() {
        let req = |days, reason: &str| CaseAction::RequestExtension { days, reason: reason.into() };
        assert!(ok(InProgress, false, ExtensionState::None, &req(10, "需专家论证")));
        assert!(ok(InProgress, true, ExtensionState::None, &req(3, "需专家论证")));
        assert_eq!(check_action(InProgress, false, ExtensionState::None, &req(11, "x")).unwrap_err().code, ErrorCode::InvalidParameter);
        assert_eq!(check_action(InProgress, false, ExtensionState::None, &req(0, "x")).unwrap_err().code, ErrorCode::InvalidParameter);
        assert_eq!(check_action(InProgress, false, ExtensionState::None, &req(5, " ")).unwrap_err().code, ErrorCode::InvalidParameter);
        for ext in [ExtensionState::Pending, ExtensionState::Approved, ExtensionState::Refused] {
            assert_eq!(check_action(InProgress, false, ext, &req(5, "x")).unwrap_err().code, ErrorCode::Conflict);
        }
        let decide = CaseAction::DecideExtension { approve: true };
        assert!(ok(InProgress, false, ExtensionState::Pending, &decide));
        assert!(!ok(InProgress, false, ExtensionState::None, &decide));
        assert!(!ok(InProgress, false, ExtensionState::Approved, &decide));
    }

    #[test]
    fn completion() {
        let done = CaseAction::Complete { result: "食品经营许可证 JY123".into() };
        assert!(ok(InProgress, false, ExtensionState::None, &done));
        assert!(ok(ReportedUp, false, ExtensionState::None, &done));
        assert!(!ok(InProgress, true, ExtensionState::None, &done));
        assert!(!ok(Submitted, false, ExtensionState::None, &done));
        assert!(!ok(Completed, false, ExtensionState::None, &done));
        let empty = CaseAction::Complete { result: " ".into() };
        assert_eq!(check_action(InProgress, false, ExtensionState::None, &empty).unwrap_err().code, ErrorCode::InvalidParameter);
    }

    #[test]
    fn open_cases_can_be_assigned() {
        let assign = CaseAction::Assign { staff_id: 3 };
        for s in CaseState::ALL {
            let open = !matches!(s, Completed | Returned);
            assert_eq!(ok(s, false, ExtensionState::None, &assign), open, "{s:?}");
        }
    }

    #[test]
    fn reads_the_documented_json() {
        let r: CaseActionRequest = serde_json::from_str(r#"{"version":4,"action":"pause","reason":"site_survey"}"#).unwrap();
        assert_eq!(r.action, CaseAction::Pause { reason: PauseReason::SiteSurvey });
        let r: CaseActionRequest = serde_json::from_str(r#"{"version":4,"action":"decide_extension","approve":false}"#).unwrap();
        assert_eq!(r.action, CaseAction::DecideExtension { approve: false });
    }
}
