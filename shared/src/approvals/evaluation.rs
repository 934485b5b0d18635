//! The applicant's evaluation of a completed case (好差评, DOMAIN.md §2) and
//! what follows a negative one: the office verifies it, the department
//! rectifies (整改) within a deadline in working days, and the applicant
//! sees the outcome on the tracking page.
//!
//! ```text
//!  (completed case) --rate 1..3--> closed (positive)
//!                   --rate 4..5--> PendingVerification
//!  PendingVerification --office: not upheld (reason)--> Dismissed
//!  PendingVerification --office: upheld (days, instructions)--> Rectifying
//!  Rectifying --department: report--> Rectified (on time or late)
//! ```

use crate::approvals::case::{conflict, CaseState};
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// The five levels, best first, as the national 好差评 system names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    VerySatisfied,
    Satisfied,
    FairlySatisfied,
    Dissatisfied,
    VeryDissatisfied,
}

impl Level {
    pub const ALL: [Level; 5] =
        [Level::VerySatisfied, Level::Satisfied, Level::FairlySatisfied, Level::Dissatisfied, Level::VeryDissatisfied];

    pub fn zh(self) -> &'static str {
        match self {
            Level::VerySatisfied => "非常满意",
            Level::Satisfied => "满意",
            Level::FairlySatisfied => "基本满意",
            Level::Dissatisfied => "不满意",
            Level::VeryDissatisfied => "非常不满意",
        }
    }

    /// 1 (非常满意) to 5 (非常不满意), as stored.
    pub fn rank(self) -> u8 {
        Level::ALL.iter().position(|l| *l == self).map_or(0, |i| i as u8 + 1)
    }

    pub fn from_rank(rank: u8) -> Option<Level> {
        Level::ALL.get(usize::from(rank).checked_sub(1)?).copied()
    }

    /// 不满意 and 非常不满意 are negative reviews (差评).
    pub fn is_negative(self) -> bool {
        matches!(self, Level::Dissatisfied | Level::VeryDissatisfied)
    }
}

named_enum! {
/// Where a negative review stands.
pub enum ReviewState {
    /// Waiting for the office to verify it.
    PendingVerification = "pending_verification",
    /// Verified as not upheld; the reason is told to the applicant.
    Dismissed = "dismissed",
    /// Upheld: the department must rectify by the deadline.
    Rectifying = "rectifying",
    /// The department reported its rectification.
    Rectified = "rectified",
}
}

impl ReviewState {
    pub fn zh(self) -> &'static str {
        match self {
            ReviewState::PendingVerification => "县府办核实中",
            ReviewState::Dismissed => "经核实不属实",
            ReviewState::Rectifying => "部门整改中",
            ReviewState::Rectified => "已整改",
        }
    }
}

/// Working days the office may give a department to rectify.
pub const MAX_RECTIFY_DAYS: u32 = 20;
/// Longest comment an applicant may leave.
pub const MAX_COMMENT_CHARS: usize = 500;

/// The applicant's rating, sent with the query code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EvaluationRequest {
    pub code: String,
    pub level: Level,
    #[serde(default)]
    pub comment: String,
}

/// The office's verification, naming the case version it read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VerificationRequest {
    pub version: i64,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// The office's verification of a negative review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    /// The complaint holds: rectify within `days` working days.
    Upheld { days: u32, instructions: String },
    /// It does not: `reason` is what the applicant reads.
    Dismissed { reason: String },
}

/// The department's rectification report, naming the case version it read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RectificationRequest {
    pub version: i64,
    pub report: String,
}

/// An evaluation as the applicant, the department and the office see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EvaluationView {
    pub level: Level,
    pub comment: String,
    pub at: crate::engine::instant::Instant,
    /// For negative reviews only.
    pub review: Option<ReviewView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReviewView {
    pub state: ReviewState,
    /// The office's verdict: instructions if upheld, the reason if dismissed.
    pub office_note: Option<String>,
    /// RFC 3339 end of the rectification's last working day.
    pub rectify_by: Option<crate::engine::instant::Instant>,
    pub report: Option<String>,
    pub rectified_on: Option<crate::engine::date::Date>,
    pub late: Option<bool>,
}

/// One line of the office's list of negative reviews.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReviewItem {
    pub case_no: String,
    pub matter_name: String,
    pub department_name: String,
    pub level: Level,
    pub comment: String,
    pub at: crate::engine::instant::Instant,
    pub state: ReviewState,
    pub rectify_by: Option<crate::engine::instant::Instant>,
    /// Still being rectified after its deadline.
    pub overdue: bool,
}

/// A rectification is overdue once the day after its deadline has begun and
/// the department has not reported.
pub fn rectification_overdue(
    state: ReviewState,
    rectify_by: Option<crate::engine::instant::Instant>,
    today: crate::engine::date::Date,
) -> bool {
    let due = rectify_by.map(crate::engine::instant::Instant::date);
    state == ReviewState::Rectifying && due.is_some_and(|d| crate::engine::ledger::is_late(today, d))
}

/// The rating is allowed once, after completion, with a comment that says
/// what went wrong if it is negative.
pub fn check_rating(state: CaseState, already: bool, level: Level, comment: &str) -> Result<(), ApiError> {
    if state != CaseState::Completed {
        return Err(conflict(state, "办结后才能评价".into()));
    }
    if already {
        return Err(conflict(state, "该办件已评价，每件只能评价一次".into()));
    }
    let chars = comment.trim().chars().count();
    if level.is_negative() && chars == 0 {
        return Err(ApiError::new(ErrorCode::InvalidParameter, "差评请写明不满意的原因，便于核实和整改"));
    }
    if chars > MAX_COMMENT_CHARS {
        return Err(ApiError::new(ErrorCode::InvalidParameter, format!("评价内容不超过{MAX_COMMENT_CHARS}字")));
    }
    Ok(())
}

/// The office verifies only a review waiting for it, with its particulars.
/// Returns the state the review moves to.
pub fn check_verdict(review: Option<ReviewState>, verdict: &Verdict) -> Result<ReviewState, ApiError> {
    let bad = |m: String| Err(ApiError::new(ErrorCode::InvalidParameter, m));
    match review {
        Some(ReviewState::PendingVerification) => {}
        Some(s) => return Err(review_conflict(s, "该差评已核实，不能重复核实")),
        None => return Err(ApiError::not_found("该差评")),
    }
    match verdict {
        Verdict::Upheld { days, .. } if !(1..=MAX_RECTIFY_DAYS).contains(days) => bad(format!("整改期限应为1到{MAX_RECTIFY_DAYS}个工作日")),
        Verdict::Upheld { instructions, .. } if instructions.trim().is_empty() => bad("请写明整改要求".into()),
        Verdict::Dismissed { reason } if reason.trim().is_empty() => bad("请写明核实情况，该说明将告知申请人".into()),
        Verdict::Upheld { .. } => Ok(ReviewState::Rectifying),
        Verdict::Dismissed { .. } => Ok(ReviewState::Dismissed),
    }
}

/// The department reports only on a review it was told to rectify.
pub fn check_rectification(review: Option<ReviewState>, report: &str) -> Result<(), ApiError> {
    match review {
        Some(ReviewState::Rectifying) if report.trim().is_empty() => {
            Err(ApiError::new(ErrorCode::InvalidParameter, "请填写整改情况，该内容将告知申请人"))
        }
        Some(ReviewState::Rectifying) => Ok(()),
        Some(s) => Err(review_conflict(s, "该差评当前无需整改")),
        None => Err(ApiError::not_found("该差评")),
    }
}

fn review_conflict(s: ReviewState, why: &str) -> ApiError {
    ApiError {
        current_state: Some(s.as_str().to_string()), ..ApiError::new(ErrorCode::Conflict, format!("{why}（当前：{}）", s.zh()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_levels_round_trip_and_the_last_two_are_negative() {
        for (i, l) in Level::ALL.into_iter().enumerate() {
            assert_eq!(l.rank() as usize, i + 1);
            assert_eq!(Level::from_rank(l.rank()), Some(l));
        }
        assert_eq!(Level::from_rank(0), None);
        assert_eq!(Level::from_rank(6), None);
        let negative: Vec<_> = Level::ALL.into_iter().filter(|l| l.is_negative()).map(Level::zh).collect();
        assert_eq!(negative, ["不满意", "非常不满意"]);
        for r in ReviewState::ALL {
            assert_eq!(ReviewState::parse(r.as_str()), Some(r));
        }
    }

    #[test]
    fn rating_only_once_after_completion() {
        assert!(check_rating(CaseState::Completed, false, Level::Satisfied, "").is_ok());
        assert!(check_rating(CaseState::Completed, false, Level::Dissatisfied, "等了很久").is_ok());
        for s in CaseState::ALL.into_iter().filter(|s| *s != CaseState::Completed) {
            let e = check_rating(s, false, Level::Satisfied, "").unwrap_err();
            assert_eq!((e.code, e.current_state.as_deref()), (ErrorCode::Conflict, Some(s.as_str())));
        }
        assert_eq!(check_rating(CaseState::Completed, true, Level::Satisfied, "").unwrap_err().code, ErrorCode::Conflict);
    }

    #[test]
    fn a_negative_rating_needs_a_reason_and_comments_are_bounded() {
        for l in [Level::Dissatisfied, Level::VeryDissatisfied] {
            assert_eq!(check_rating(CaseState::Completed, false, l, "  ").unwrap_err().code, ErrorCode::InvalidParameter);
        }
        let long = "慢".repeat(MAX_COMMENT_CHARS + 1);
        assert_eq!(check_rating(CaseState::Completed, false, Level::Satisfied, &long).unwrap_err().code, ErrorCode::InvalidParameter);
        assert!(check_rating(CaseState::Completed, false, Level::Satisfied, &long[..MAX_COMMENT_CHARS * 3]).is_ok());
    }

    #[test]
    fn verification_only_once_with_particulars() {
        let pending = Some(ReviewState::PendingVerification);
        let upheld = |days, text: &str| Verdict::Upheld { days, instructions: text.into() };
        assert_eq!(check_verdict(pending, &upheld(5, "加强窗口告知")), Ok(ReviewState::Rectifying));
        assert_eq!(check_verdict(pending, &Verdict::Dismissed { reason: "经调阅录像，窗口按规定办理".into() }), Ok(ReviewState::Dismissed));
        for bad in [upheld(0, "x"), upheld(MAX_RECTIFY_DAYS + 1, "x"), upheld(5, " "), Verdict::Dismissed { reason: "".into() }] {
            assert_eq!(check_verdict(pending, &bad).unwrap_err().code, ErrorCode::InvalidParameter, "{bad:?}");
        }
        for done in [ReviewState::Dismissed, ReviewState::Rectifying, ReviewState::Rectified] {
            let e = check_verdict(Some(done), &upheld(5, "x")).unwrap_err();
            assert_eq!((e.code, e.current_state.as_deref()), (ErrorCode::Conflict, Some(done.as_str())));
        }
        assert_eq!(check_verdict(None, &upheld(5, "x")).unwrap_err().code, ErrorCode::NotFound);
    }

    #[test]
    fn rectification_only_when_told_to() {
        assert!(check_rectification(Some(ReviewState::Rectifying), "已对窗口人员开展培训").is_ok());
        assert_eq!(check_rectification(Some(ReviewState::Rectifying), " ").unwrap_err().code, ErrorCode::InvalidParameter);
        for s in [ReviewState::PendingVerification, ReviewState::Dismissed, ReviewState::Rectified] {
            assert_eq!(check_rectification(Some(s), "x").unwrap_err().code, ErrorCode::Conflict);
        }
        assert_eq!(check_rectification(None, "x").unwrap_err().code, ErrorCode::NotFound);
    }

    #[test]
    fn a_rectification_is_overdue_only_after_its_last_day_while_unreported() {
        let d = |s| crate::engine::date::Date::parse(s).unwrap();
        let by = crate::engine::instant::Instant::parse("2026-12-02T23:59:59+08:00").ok();
        assert!(!rectification_overdue(ReviewState::Rectifying, by, d("2026-12-02")));
        assert!(rectification_overdue(ReviewState::Rectifying, by, d("2026-12-03")));
        assert!(!rectification_overdue(ReviewState::Rectified, by, d("2026-12-03")));
        assert!(!rectification_overdue(ReviewState::Rectifying, None, d("2026-12-03")));
    }

    #[test]
    fn requests_read_the_documented_json() {
        let v: VerificationRequest = serde_json::from_str(r#"{"version":7,"verdict":"upheld","days":5,"instructions":"整改"}"#).unwrap();
        assert_eq!(v.verdict, Verdict::Upheld { days: 5, instructions: "整改".into() });
        let r: EvaluationRequest = serde_json::from_str(r#"{"code":"AB12","level":"very_dissatisfied","comment":"慢"}"#).unwrap();
        assert_eq!(r.level, Level::VeryDissatisfied);
    }
}
