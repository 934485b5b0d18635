//! Consistency rules for one year's calendar, checked before it is stored.

use super::{NamedDay, YearCalendar};
use crate::engine::date::Date;
use std::collections::BTreeSet;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarError {
    /// A date listed under another year.
    OutsideYear(Date),
    /// The same date listed twice.
    Duplicate(Date),
    /// A swapped working day that is not a Saturday or Sunday.
    WorkdayNotWeekend(Date),
    /// A day listed with no name.
    Unnamed(Date),
    /// A line that is not "YYYY-MM-DD name".
    BadLine(String),
}

impl CalendarError {
    /// A message the office admin can act on.
    pub fn message(&self) -> String {
        match self {
            CalendarError::OutsideYear(d) => format!("{d} 不属于该年度"),
            CalendarError::Duplicate(d) => format!("{d} 重复出现"),
            CalendarError::WorkdayNotWeekend(d) => {
                format!("{d} 是{}，调休上班日只能是周六或周日", d.weekday().zh())
            }
            CalendarError::Unnamed(d) => format!("{d} 缺少名称"),
            CalendarError::BadLine(l) => format!("无法识别“{l}”，每行应为“日期 名称”，如“2027-01-01 元旦”"),
        }
    }
}

impl YearCalendar {
    pub fn validate(&self) -> Result<(), CalendarError> {
        let mut seen = BTreeSet::new();
        for day in self.holidays.iter().chain(&self.workdays) {
            if day.date.year() != self.year {
                return Err(CalendarError::OutsideYear(day.date));
            }
            if !seen.insert(day.date) {
                return Err(CalendarError::Duplicate(day.date));
            }
            if day.name.trim().is_empty() {
                return Err(CalendarError::Unnamed(day.date));
            }
        }
        if let Some(w) = self.workdays.iter().find(|w| !w.date.weekday().is_weekend()) {
            return Err(CalendarError::WorkdayNotWeekend(w.date));
        }
        Ok(())
    }
}

/// Days typed one per line as "YYYY-MM-DD name" (blank lines ignored), the
/// way the office copies them from the State Council's notice.
pub fn parse_days(text: &str) -> Result<Vec<NamedDay>, CalendarError> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (date, name) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let date = Date::parse(date).map_err(|_| CalendarError::BadLine(line.to_string()))?;
            Ok(NamedDay { date, name: name.trim().to_string() })
        })
        .collect()
}

/// The warning from 1 November while next year's calendar is missing.
pub fn missing_next_year(today: Date, next_year_published: bool) -> Option<String> {
    let (y, m, _) = today.ymd();
    (m >= 11 && !next_year_published)
        .then(|| format!("{}年节假日安排尚未录入：跨年的办理期限将按周一至周五计算，请县府办在国务院办公厅通知发布后及时录入", y + 1))
}
