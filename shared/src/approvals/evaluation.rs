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
mod tests;
