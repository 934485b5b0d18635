//! Consistency rules for one year's calendar, checked before it is stored.

use super::YearCalendar;
use crate::date::Date;
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
