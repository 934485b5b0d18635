//! The year's scoring rules (信息工作考核): points per publication and
//! level, a bonus per leader's instruction, monthly minimum quotas per unit
//! kind; how an event's points split among a joint item's units.
//! Points are kept in hundredths (a 15-point item split 50/50 gives each
//! unit 750), so a split never rounds.

use super::item::Share;
use super::{IssueKind, Level};
use crate::admin::units::UnitKind;
use crate::error::{ApiError, ErrorCode, FieldError};
use serde::{Deserialize, Serialize};

/// One year's rules, in whole points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScoreRules {
    pub year: i32,
    /// Adopted into 《政务信息》.
    pub bulletin: u32,
    /// Adopted into 增刊.
    pub supplement: u32,
    /// Adopted into 专报.
    pub special: u32,
    pub city: u32,
    pub province: u32,
    pub state_council: u32,
    /// Per leader's instruction.
    pub instruction: u32,
    /// Items a township owes each month.
    pub township_quota: u32,
    /// Items a county department (or other unit) owes each month.
    pub department_quota: u32,
    /// Hours to an emergency's first report: 较大, and 重大 or above.
    #[serde(default = "two")]
    pub first_hours_major: u32,
    #[serde(default = "one")]
    pub first_hours_grave: u32,
}

fn two() -> u32 {
    2
}

fn one() -> u32 {
    1
}

pub const MAX_POINTS: u32 = 500;

impl ScoreRules {
    /// The rules a year starts with (the county's 2026 table).
    pub fn default_for(year: i32) -> ScoreRules {
        ScoreRules {
            year,
            bulletin: 5,
            supplement: 8,
            special: 10,
            city: 30,
            province: 40,
            state_council: 80,
            instruction: 20,
            township_quota: 8,
            department_quota: 2,
            first_hours_major: 2,
            first_hours_grave: 1,
        }
    }

    pub fn issue(&self, kind: IssueKind) -> u32 {
        match kind {
            IssueKind::Bulletin => self.bulletin,
            IssueKind::Supplement => self.supplement,
            IssueKind::Special => self.special,
        }
    }

    pub fn higher(&self, level: Level) -> u32 {
        match level {
            Level::City => self.city,
            Level::Province => self.province,
            Level::StateCouncil => self.state_council,
        }
    }

    pub fn quota(&self, kind: UnitKind) -> u32 {
        match kind {
            UnitKind::Township => self.township_quota,
            _ => self.department_quota,
        }
    }

    /// A table that adds up: every value within bounds, and each level
    /// worth at least the one below it (a 专报 no less than an issue, the
    /// city no less than a 专报, the province no less than the city, the
    /// State Council office no less than the province). Each problem names
    /// its field.
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut e = Vec::new();
        let mut say = |f: &str, m: String| e.push(FieldError { field: f.into(), message: m });
        if !(2000..=2100).contains(&self.year) {
            say("year", "年度无效".into());
        }
        let values = [
            ("bulletin", self.bulletin),
            ("supplement", self.supplement),
            ("special", self.special),
            ("city", self.city),
            ("province", self.province),
            ("state_council", self.state_council),
            ("instruction", self.instruction),
        ];
        for (f, v) in values {
            if v > MAX_POINTS {
                say(f, format!("分值应在0到{MAX_POINTS}之间"));
            }
        }
        let order = [
            ("supplement", self.supplement, "增刊", self.bulletin, "《政务信息》"),
            ("special", self.special, "专报", self.supplement, "增刊"),
            ("city", self.city, "市级采用", self.special, "专报"),
            ("province", self.province, "省级采用", self.city, "市级采用"),
            ("state_council", self.state_council, "国办采用", self.province, "省级采用"),
        ];
        for (f, v, zh, below, below_zh) in order {
            if v < below {
                say(f, format!("{zh}的分值（{v}）不应低于{below_zh}（{below}）"));
            }
        }
        if !(1..=24).contains(&self.first_hours_grave) || !(self.first_hours_grave..=24).contains(&self.first_hours_major) {
            say("first_hours_major", "紧急信息首报时限应在1到24小时之间，较大事件不短于重大事件".into());
        }
        if self.township_quota > 100 || self.department_quota > 100 {
            say("township_quota", "每月最低报送条数应在0到100之间".into());
        }
        if e.is_empty() {
            Ok(())
        } else {
            let m = e.iter().map(|f| f.message.as_str()).collect::<Vec<_>>().join("；");
            Err(ApiError::with_fields(ErrorCode::InvalidParameter, format!("计分规则不成立：{m}"), e))
        }
    }

    /// The formula the league table shows.
    pub fn formula(&self) -> String {
        format!(
            "得分 = 县级采用（《政务信息》{}分、增刊{}分、专报{}分）+ 上级采用（市{}分、省{}分、国办{}分）+ 领导批示每条{}分；联合报送按约定比例分得；撤销采用即扣回。",
            self.bulletin, self.supplement, self.special, self.city, self.province, self.state_council, self.instruction
        )
    }
}

/// `points` split among `shares`, in hundredths of a point.
pub fn split(points: u32, shares: &[Share]) -> Vec<(i64, i64)> {
    shares.iter().map(|s| (s.unit_id, points as i64 * s.percent as i64)).collect()
}

/// Hundredths of a point as people read them: 7.5, 10, 0.33.
pub fn points_text(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let (whole, frac) = (hundredths.abs() / 100, hundredths.abs() % 100);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// The year a query names (2000–2100), this year by default.
pub fn year_of(q: Option<&str>, today: crate::engine::date::Date) -> Result<i32, ApiError> {
    match q.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(today.year()),
        Some(y) => {
            y.parse().ok().filter(|y| (2000..=2100).contains(y)).ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, "年份无效"))
        }
    }
}

/// Missed commissions (约稿) from which a unit's year may be zeroed.
pub const ZERO_AFTER_MISSES: u32 = 2;

/// A unit missed a commission: no answer and the deadline's day is over.
pub fn missed(deadline: crate::engine::date::Date, today: crate::engine::date::Date, answered: bool) -> bool {
    !answered && today > deadline
}

/// A commission's form: a topic, a deadline not before `today`, 1–50 units.
pub fn check_commission(
    topic: &str,
    deadline: crate::engine::date::Date,
    units: &[i64],
    today: crate::engine::date::Date,
) -> Result<(), ApiError> {
    let bad = |m: &str| Err(ApiError::new(ErrorCode::InvalidParameter, m));
    if topic.trim().is_empty() || topic.trim().chars().count() > 200 {
        return bad("请填写约稿主题（200字以内）");
    }
    if deadline < today {
        return bad("报送期限不能早于今天");
    }
    if units.is_empty() || units.len() > 50 {
        return bad("请选择约稿单位（1到50个）");
    }
    Ok(())
}
