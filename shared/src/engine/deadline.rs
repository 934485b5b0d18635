//! `GET /api/calendar/deadline?accepted=YYYY-MM-DD&days=N`: the query's
//! validation and the answer's shape.

use crate::engine::calendar::{SkippedDay, WorkingDayCount, MAX_WORKING_DAYS};
use crate::engine::date::Date;
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// A validated deadline question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeadlineQuery {
    pub accepted: Date,
    pub days: u32,
}

impl DeadlineQuery {
    /// Validates the raw query parameters; `None` means absent.
    pub fn parse(accepted: Option<&str>, days: Option<&str>) -> Result<DeadlineQuery, ApiError> {
        let accepted = accepted.ok_or_else(|| ApiError::missing("accepted", "受理日期，格式 YYYY-MM-DD"))?;
        let days = days.ok_or_else(|| ApiError::missing("days", "承诺时限的工作日数"))?;
        let accepted = Date::parse(accepted.trim()).map_err(|_| {
            ApiError::new(ErrorCode::InvalidDate, format!("受理日期“{accepted}”无效，请按 YYYY-MM-DD 填写真实存在的日期，例如 2026-03-09"))
        })?;
        let days = match days.trim().parse::<i64>() {
            Ok(n) if (0..=MAX_WORKING_DAYS as i64).contains(&n) => n as u32,
            _ => {
                return Err(ApiError::new(ErrorCode::InvalidDays, format!("工作日数“{days}”无效，应为 0 到 {MAX_WORKING_DAYS} 之间的整数")))
            }
        };
        Ok(DeadlineQuery { accepted, days })
    }
}

/// Something the reader of a deadline should know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeadlineWarning {
    pub code: String,
    pub message: String,
}

/// The answer: the deadline and every non-working day that moved it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeadlineAnswer {
    pub accepted: Date,
    pub days: u32,
    /// RFC 3339, end of the last working day: `2026-02-27T23:59:59+08:00`.
    pub deadline: crate::engine::instant::Instant,
    pub skipped: Vec<SkippedDay>,
    pub warnings: Vec<DeadlineWarning>,
}

impl From<WorkingDayCount> for DeadlineAnswer {
    fn from(c: WorkingDayCount) -> DeadlineAnswer {
        let warnings = c
            .unpublished_years
            .iter()
            .map(|year| DeadlineWarning {
                code: "calendar_unpublished".into(),
                message: format!("{year}年节假日安排尚未录入，该年按周一至周五计算，实际期限可能因节假日顺延"),
            })
            .collect();
        DeadlineAnswer {
            accepted: c.accepted,
            days: c.days,
            deadline: crate::engine::instant::Instant::end_of_day(c.deadline),
            skipped: c.skipped,
            warnings,
        }
    }
}

impl DeadlineAnswer {
    /// The day the deadline falls on.
    pub fn deadline_date(&self) -> Date {
        self.deadline.date()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::calendar::{official::official_years, Calendar};

    fn code(accepted: Option<&str>, days: Option<&str>) -> ErrorCode {
        DeadlineQuery::parse(accepted, days).unwrap_err().code
    }

    #[test]
    fn accepts_good_queries() {
        let q = DeadlineQuery::parse(Some("2026-02-13"), Some("5")).unwrap();
        assert_eq!((q.accepted.to_string(), q.days), ("2026-02-13".into(), 5));
        assert_eq!(DeadlineQuery::parse(Some("2026-02-13"), Some("0")).unwrap().days, 0);
        assert_eq!(DeadlineQuery::parse(Some("2026-02-13"), Some("365")).unwrap().days, 365);
    }

    #[test]
    fn refuses_bad_queries_with_the_right_code() {
        assert_eq!(code(None, Some("5")), ErrorCode::MissingParameter);
        assert_eq!(code(Some("2026-02-13"), None), ErrorCode::MissingParameter);
        assert_eq!(code(Some("2026-02-30"), Some("5")), ErrorCode::InvalidDate);
        assert_eq!(code(Some("13/02/2026"), Some("5")), ErrorCode::InvalidDate);
        assert_eq!(code(Some(""), Some("5")), ErrorCode::InvalidDate);
        for days in ["-1", "366", "1.5", "abc", "", "99999999999999999999"] {
            assert_eq!(code(Some("2026-02-13"), Some(days)), ErrorCode::InvalidDays, "{days}");
        }
    }

    #[test]
    fn answers_in_the_documented_shape() {
        let cal = Calendar::new(official_years());
        let a = DeadlineAnswer::from(cal.add_working_days(Date::parse("2026-12-30").unwrap(), 3));
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["accepted"], "2026-12-30");
        assert_eq!(json["days"], 3);
        assert_eq!(json["deadline"], "2027-01-04T23:59:59+08:00");
        assert_eq!(json["skipped"][0]["date"], "2027-01-02");
        assert_eq!(json["skipped"][0]["reason"], "周六");
        assert_eq!(json["skipped"][0]["kind"], "weekend");
        assert_eq!(json["warnings"][0]["code"], "calendar_unpublished");
        assert_eq!(Some(a.deadline_date()), Date::parse("2027-01-04").ok());
    }
}
