//! Emergency information (紧急信息): timed from the event. For an event of
//! grade 较大 or above the first report is due within the rules' hours
//! (configurable, 1–2 hours by default); follow-ups and a final report
//! follow it. A late first report is flagged; so is a first report still
//! missing once its time is up (only the event's own unit knows of an
//! event before reporting it, so "missing" is judged at the report).

use super::scoring::ScoreRules;
use crate::engine::instant::Instant;
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

named_enum! {
/// The event's grade (突发事件分级).
pub enum Grade {
    /// 一般.
    Ordinary = "ordinary",
    /// 较大.
    Major = "major",
    /// 重大.
    Grave = "grave",
    /// 特别重大.
    Extreme = "extreme",
}
}

impl Grade {
    pub fn zh(self) -> &'static str {
        match self {
            Grade::Ordinary => "一般",
            Grade::Major => "较大",
            Grade::Grave => "重大",
            Grade::Extreme => "特别重大",
        }
    }
}

named_enum! {
/// Which report of the event this item is.
pub enum ReportKind {
    /// 首报.
    First = "first",
    /// 续报.
    FollowUp = "follow_up",
    /// 终报.
    Final = "final",
}
}

impl ReportKind {
    pub fn zh(self) -> &'static str {
        match self {
            ReportKind::First => "首报",
            ReportKind::FollowUp => "续报",
            ReportKind::Final => "终报",
        }
    }
}

/// An urgent item's timing: when the event happened, its grade, which
/// report this is, and (for a follow-up or final report) the first
/// report's item number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EmergencyReport {
    pub event_at: Instant,
    pub grade: Grade,
    pub report: ReportKind,
    #[serde(default)]
    pub first_no: Option<String>,
}

/// The hours within which a first report is due (`None`: no limit, an
/// ordinary event).
pub fn first_report_hours(rules: &ScoreRules, grade: Grade) -> Option<u32> {
    match grade {
        Grade::Ordinary => None,
        Grade::Major => Some(rules.first_hours_major),
        Grade::Grave | Grade::Extreme => Some(rules.first_hours_grave),
    }
}

/// Whether a first report made at `at` is late for its event.
pub fn is_late(rules: &ScoreRules, e: &EmergencyReport, at: Instant) -> bool {
    e.report == ReportKind::First && first_report_hours(rules, e.grade).is_some_and(|h| e.event_at.plus_hours(h) < at)
}

/// An urgent item carries its timing (and only an urgent one); the event
/// is not in the future; a follow-up or final report names its first.
pub fn check(urgent: bool, e: Option<&EmergencyReport>, now: Instant) -> Result<(), ApiError> {
    let bad = |m: &str| Err(ApiError::new(ErrorCode::InvalidParameter, m));
    match e {
        None if urgent => bad("紧急信息请填写事件发生时间、等级和报送类别"),
        Some(_) if !urgent => bad("只有紧急类信息填写事件时间"),
        Some(e) if now.seconds_until(e.event_at) > 0 => bad("事件发生时间不能晚于现在"),
        Some(e) if e.report != ReportKind::First && e.first_no.as_deref().is_none_or(|n| n.trim().is_empty()) => {
            bad("续报、终报请填写首报的信息编号")
        }
        _ => Ok(()),
    }
}
