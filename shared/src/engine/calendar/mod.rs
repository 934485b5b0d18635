//! Working days and deadlines (DOMAIN.md §2).
//!
//! A day is a working day if it is Monday–Friday and not an official holiday,
//! or a Saturday/Sunday officially swapped into a working day. The day of
//! acceptance is not counted; the deadline is the end of the N-th working day
//! after it, China Standard Time. A year without a published calendar is
//! counted as plain Monday–Friday, and the answer says so.

pub mod official;
mod validate;

use crate::engine::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use validate::{missing_next_year, parse_days, CalendarError};

/// The longest time limit the system computes, in working days. Statutory
/// limits are far shorter (20, 45, 60 days); a larger number is a mistake.
pub const MAX_WORKING_DAYS: u32 = 365;

/// A date with the name people know it by ("春节", "春节调休上班").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NamedDay {
    pub date: Date,
    pub name: String,
}

/// One year's official arrangement. Stored as one D1 row per year, so a
/// deadline look-up reads a handful of rows, not one per holiday.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct YearCalendar {
    pub year: i32,
    /// Days off although they may fall Monday–Friday.
    pub holidays: Vec<NamedDay>,
    /// Saturdays and Sundays that are working days.
    pub workdays: Vec<NamedDay>,
}

/// A year's calendar as the office edits it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CalendarYearView {
    pub year: i32,
    pub published: bool,
    pub calendar: YearCalendar,
    /// Set from 1 November while next year is missing.
    pub warning: Option<String>,
}

/// The answer to saving a year: how many open cases' stored deadlines moved
/// so far, and whether any remain to re-derive (`POST
/// /api/office/calendar/rederive` continues).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RederiveProgress {
    pub moved: u32,
    pub done: bool,
}

/// What kind of day a date is, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DayKind<'a> {
    Working,
    SwappedWorkday(&'a str),
    Weekend,
    Holiday(&'a str),
}

impl DayKind<'_> {
    pub fn is_working(&self) -> bool {
        matches!(self, DayKind::Working | DayKind::SwappedWorkday(_))
    }
}

/// The calendars of the years that have been published.
#[derive(Clone, Debug, Default)]
pub struct Calendar {
    years: BTreeMap<i32, YearCalendar>,
}

/// A non-working day passed over while counting, and why it was skipped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SkippedDay {
    pub date: Date,
    pub kind: SkipKind,
    /// "周六", "周日", or the holiday's name.
    pub reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SkipKind {
    Weekend,
    Holiday,
}

/// The result of counting working days from an acceptance date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkingDayCount {
    pub accepted: Date,
    pub days: u32,
    /// The last working day; the deadline is its end (23:59:59 +08:00).
    pub deadline: Date,
    pub skipped: Vec<SkippedDay>,
    /// Years the count ran through whose calendar is not published, so
    /// holidays there are unknown and only weekends were skipped.
    pub unpublished_years: Vec<i32>,
}

impl Calendar {
    pub fn new(years: impl IntoIterator<Item = YearCalendar>) -> Calendar {
        Calendar { years: years.into_iter().map(|y| (y.year, y)).collect() }
    }

    pub fn year(&self, year: i32) -> Option<&YearCalendar> {
        self.years.get(&year)
    }

    pub fn is_published(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    pub fn day_kind(&self, date: Date) -> DayKind<'_> {
        if let Some(year) = self.years.get(&date.year()) {
            if let Some(h) = year.holidays.iter().find(|h| h.date == date) {
                return DayKind::Holiday(&h.name);
            }
            if let Some(w) = year.workdays.iter().find(|w| w.date == date) {
                return DayKind::SwappedWorkday(&w.name);
            }
        }
        if date.weekday().is_weekend() {
            DayKind::Weekend
        } else {
            DayKind::Working
        }
    }

    /// Counts `days` working days after `accepted` (which itself is not
    /// counted). With `days == 0` the deadline is the acceptance day itself:
    /// an immediate item is completed on the spot.
    pub fn add_working_days(&self, accepted: Date, days: u32) -> WorkingDayCount {
        let mut date = accepted;
        let mut counted = 0;
        let mut skipped = Vec::new();
        while counted < days {
            date = date.next();
            match self.day_kind(date) {
                DayKind::Working | DayKind::SwappedWorkday(_) => counted += 1,
                DayKind::Weekend => skipped.push(SkippedDay { date, kind: SkipKind::Weekend, reason: date.weekday().zh().to_string() }),
                DayKind::Holiday(name) => skipped.push(SkippedDay { date, kind: SkipKind::Holiday, reason: name.to_string() }),
            }
        }
        let unpublished_years = (accepted.year()..=date.year()).filter(|y| !self.is_published(*y)).collect();
        WorkingDayCount { accepted, days, deadline: date, skipped, unpublished_years }
    }
}

#[cfg(test)]
mod tests;
