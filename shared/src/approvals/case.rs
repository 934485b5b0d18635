//! A case (办件) from submission to disposition: its states, the six
//! dispositions a window may make, and what each changes (DOMAIN.md §1).

use crate::approvals::matter::HandlingClass;
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

mod view;
pub use view::*;

named_enum! {
pub enum CaseState {
    /// Submitted online, waiting for the window.
    Submitted = "submitted",
    /// The applicant was told, once, everything missing; the clock is stopped.
    AwaitingSupplement = "awaiting_supplement",
    /// Accepted as a commitment or joint item; the deadline runs.
    InProgress = "in_progress",
    /// Pre-reviewed and forwarded to a higher authority.
    ReportedUp = "reported_up",
    Completed = "completed",
    Returned = "returned",
}
}

impl CaseState {
    /// The states a window still has work in (the inbox's default).
    pub const OPEN: [CaseState; 4] = [CaseState::Submitted, CaseState::AwaitingSupplement, CaseState::InProgress, CaseState::ReportedUp];

    pub fn zh(self) -> &'static str {
        match self {
            CaseState::Submitted => "已提交，待受理",
            CaseState::AwaitingSupplement => "待补正材料",
            CaseState::InProgress => "已受理，办理中",
            CaseState::ReportedUp => "已上报上级审批",
            CaseState::Completed => "已办结",
            CaseState::Returned => "已退回",
        }
    }
}

/// What the window decides for a submitted case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "class", rename_all = "snake_case")]
pub enum Disposition {
    /// Accepted and completed on the spot.
    Immediate,
    /// Accepted; deadline from the matter's committed working days.
    Commitment,
    /// Accepted; this department leads, the others assist; one deadline.
    Joint { co_departments: Vec<i64> },
    /// Forwarded to a named higher authority.
    ReportUp { authority: String },
    /// One notice listing every missing or defective material.
    Supplement { items: Vec<String> },
    /// Not acceptable, with written reasons.
    Returned { reasons: String },
}

/// A disposition request from the staff page. `version` is the case version
/// the staff member saw: if it changed meanwhile, the request is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DispositionRequest {
    pub version: i64,
    #[serde(flatten)]
    pub disposition: Disposition,
    #[serde(default)]
    pub note: String,
}

impl Disposition {
    pub fn class(&self) -> HandlingClass {
        match self {
            Disposition::Immediate => HandlingClass::Immediate,
            Disposition::Commitment => HandlingClass::Commitment,
            Disposition::Joint { .. } => HandlingClass::Joint,
            Disposition::ReportUp { .. } => HandlingClass::ReportUp,
            Disposition::Supplement { .. } => HandlingClass::Supplement,
            Disposition::Returned { .. } => HandlingClass::Returned,
        }
    }

    /// The state a submitted case moves to.
    pub fn target(&self) -> CaseState {
        match self {
            Disposition::Immediate => CaseState::Completed,
            Disposition::Commitment | Disposition::Joint { .. } => CaseState::InProgress,
            Disposition::ReportUp { .. } => CaseState::ReportedUp,
            Disposition::Supplement { .. } => CaseState::AwaitingSupplement,
            Disposition::Returned { .. } => CaseState::Returned,
        }
    }

    /// Whether accepting starts the working-day clock.
    pub fn starts_clock(&self) -> bool {
        matches!(self, Disposition::Commitment | Disposition::Joint { .. })
    }

    /// The content checks, independent of state.
    pub fn validate(&self, own_department: i64) -> Result<(), ApiError> {
        let bad = |m: &str| Err(ApiError::new(ErrorCode::InvalidParameter, m));
        match self {
            Disposition::Joint { co_departments } => {
                if co_departments.is_empty() {
                    return bad("联办件须至少选择一个协办部门");
                }
                if co_departments.contains(&own_department) {
                    return bad("协办部门不能是牵头部门本身");
                }
            }
            Disposition::ReportUp { authority } if authority.trim().is_empty() => {
                return bad("上报件须填写上报的上级机关名称");
            }
            Disposition::Supplement { items } if items.iter().all(|i| i.trim().is_empty()) => {
                return bad("补正通知须逐项列明需补正的全部材料（一次性告知）");
            }
            Disposition::Returned { reasons } if reasons.trim().is_empty() => {
                return bad("退回件须书面写明退回理由");
            }
            _ => {}
        }
        Ok(())
    }
}

/// The disposition is allowed only from `Submitted`; otherwise the answer is
/// 409 with the state the case is in.
pub fn check_transition(from: CaseState, d: &Disposition) -> Result<CaseState, ApiError> {
    if from == CaseState::Submitted {
        Ok(d.target())
    } else {
        Err(conflict(from, format!("该办件当前状态为“{}”，不能再作“{}”处理", from.zh(), d.class().zh())))
    }
}

/// A resubmission after a supplement notice is allowed only then.
pub fn check_resubmission(from: CaseState) -> Result<CaseState, ApiError> {
    if from == CaseState::AwaitingSupplement {
        Ok(CaseState::Submitted)
    } else {
        Err(conflict(from, format!("该办件当前状态为“{}”，无需补正材料", from.zh())))
    }
}

pub fn conflict(current: CaseState, message: String) -> ApiError {
    ApiError { current_state: Some(current.as_str().to_string()), ..ApiError::new(ErrorCode::Conflict, message) }
}

/// Working days within which an applicant must be told materials are
/// incomplete; after that the application counts as accepted on the day it
/// was received (Administrative Licensing Law, art. 32).
pub const DEEMED_ACCEPTANCE_DAYS: u32 = 5;

/// The warning for a submission left `elapsed` working days without a
/// disposition: from two days before the limit.
pub fn deemed_acceptance_warning(elapsed: u32) -> Option<String> {
    let left = DEEMED_ACCEPTANCE_DAYS.saturating_sub(elapsed);
    match elapsed {
        e if e >= DEEMED_ACCEPTANCE_DAYS => Some(format!("已满{DEEMED_ACCEPTANCE_DAYS}个工作日未处理，依法视为自收到之日起受理")),
        e if e + 2 >= DEEMED_ACCEPTANCE_DAYS => Some(format!("还有{left}个工作日将依法视为受理，请尽快受理或一次性告知补正")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Disposition> {
        vec![
            Disposition::Immediate,
            Disposition::Commitment,
            Disposition::Joint { co_departments: vec![2] },
            Disposition::ReportUp { authority: "市市场监督管理局".into() },
            Disposition::Supplement { items: vec!["营业执照复印件未加盖公章".into()] },
            Disposition::Returned { reasons: "不属于本部门职权范围".into() },
        ]
    }

    #[test]
    fn every_disposition_only_from_submitted() {
        for d in all() {
            assert_eq!(check_transition(CaseState::Submitted, &d), Ok(d.target()));
            for from in
                [CaseState::AwaitingSupplement, CaseState::InProgress, CaseState::ReportedUp, CaseState::Completed, CaseState::Returned]
            {
                let e = check_transition(from, &d).unwrap_err();
                assert_eq!(e.code, ErrorCode::Conflict);
                assert_eq!(e.current_state.as_deref(), Some(from.as_str()));
            }
        }
    }

    #[test]
    fn targets_and_clock() {
        let targets: Vec<_> = all().iter().map(|d| (d.target(), d.starts_clock())).collect();
        assert_eq!(
            targets,
            vec![
                (CaseState::Completed, false),
                (CaseState::InProgress, true),
                (CaseState::InProgress, true),
                (CaseState::ReportedUp, false),
                (CaseState::AwaitingSupplement, false),
                (CaseState::Returned, false),
            ]
        );
    }

    #[test]
    fn deemed_acceptance_is_warned_two_working_days_ahead() {
        assert_eq!(deemed_acceptance_warning(0), None);
        assert_eq!(deemed_acceptance_warning(2), None);
        assert_eq!(deemed_acceptance_warning(3).unwrap(), "还有2个工作日将依法视为受理，请尽快受理或一次性告知补正");
        assert_eq!(deemed_acceptance_warning(4).unwrap(), "还有1个工作日将依法视为受理，请尽快受理或一次性告知补正");
        assert!(deemed_acceptance_warning(5).unwrap().starts_with("已满5个工作日"));
        assert!(deemed_acceptance_warning(9).unwrap().starts_with("已满5个工作日"));
    }

    #[test]
    fn on_time_rate() {
        assert_eq!(DepartmentRate::new("x".into(), 0, 0).on_time_rate, None);
        assert_eq!(DepartmentRate::new("x".into(), 3, 2).on_time_rate, Some(66.7));
        assert_eq!(DepartmentRate::new("x".into(), 4, 4).on_time_rate, Some(100.0));
    }

    #[test]
    fn resubmission_only_after_a_supplement_notice() {
        assert_eq!(check_resubmission(CaseState::AwaitingSupplement), Ok(CaseState::Submitted));
        assert_eq!(check_resubmission(CaseState::Submitted).unwrap_err().code, ErrorCode::Conflict);
    }

    #[test]
    fn dispositions_need_their_particulars() {
        for d in all() {
            assert_eq!(d.validate(1), Ok(()), "{d:?}");
        }
        let refused = [
            Disposition::Joint { co_departments: vec![] },
            Disposition::Joint { co_departments: vec![1] },
            Disposition::ReportUp { authority: " ".into() },
            Disposition::Supplement { items: vec![" ".into()] },
            Disposition::Returned { reasons: "".into() },
        ];
        for d in refused {
            assert_eq!(d.validate(1).unwrap_err().code, ErrorCode::InvalidParameter, "{d:?}");
        }
    }

    #[test]
    fn requests_read_the_documented_json() {
        let r: DispositionRequest = serde_json::from_str(r#"{"version":3,"class":"report_up","authority":"市局","note":""}"#).unwrap();
        assert_eq!(r.version, 3);
        assert_eq!(r.disposition, Disposition::ReportUp { authority: "市局".into() });
        for s in ["submitted", "awaiting_supplement", "in_progress", "reported_up", "completed", "returned"] {
            assert_eq!(CaseState::parse(s).unwrap().as_str(), s);
        }
    }
}
