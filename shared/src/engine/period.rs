//! Periods for figures: a validated date range, and rates in percent.
//! Every line of work reports over the same kind of period.

use crate::engine::date::{days_in_month, Date};
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// The longest range one request may ask for.
pub const MAX_RANGE_YEARS: i32 = 5;

/// A validated date range, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Range {
    pub from: Date,
    pub to: Date,
}

impl Range {
    /// `from`/`to` as `YYYY-MM-DD`; by default this year up to today.
    pub fn parse(from: Option<&str>, to: Option<&str>, today: Date) -> Result<Range, ApiError> {
        let date = |s: Option<&str>, default: Date| match s {
            None | Some("") => Ok(default),
            Some(s) => Date::parse(s).map_err(|_| ApiError::new(ErrorCode::InvalidDate, format!("日期“{s}”应为 YYYY-MM-DD"))),
        };
        let start_of_year = Date::from_ymd(today.year(), 1, 1).unwrap_or(today);
        let range = Range { from: date(from, start_of_year)?, to: date(to, today)? };
        if range.from > range.to {
            return Err(ApiError::new(ErrorCode::InvalidParameter, "起始日期不能晚于截止日期"));
        }
        if range.to.year() - range.from.year() >= MAX_RANGE_YEARS {
            return Err(ApiError::new(ErrorCode::InvalidParameter, format!("统计区间不超过{MAX_RANGE_YEARS}年")));
        }
        Ok(range)
    }
}

/// A rate, with how it is computed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rate {
    pub name: String,
    /// Percent with one decimal; `None` when the denominator is 0.
    pub value: Option<f64>,
    pub formula: String,
}

impl Rate {
    pub fn new(name: &str, part: u64, whole: u64, formula: &str) -> Rate {
        Rate { name: name.into(), value: percent(part, whole), formula: formula.into() }
    }
}

/// The value of the rate called `name` among `rates` as the report's
/// sentence gives it: `75%`, or `—` when there is none.
pub fn percent_text(rates: &[Rate], name: &str) -> String {
    percent_figure(rates.iter().find(|r| r.name == name).and_then(|r| r.value))
}

/// A percent as the report writes it: `75%`, or `—` without a denominator.
pub fn percent_figure(value: Option<f64>) -> String {
    value.map(|v| format!("{v}%")).unwrap_or_else(|| "—".into())
}

/// `part / whole` in percent with one decimal; `None` when `whole` is 0.
pub fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// The day and month keys a counter table (`case_stats`, `hotline_tally`)
/// adds an event on `day` to, so a period reads whole months as one row.
pub fn keys_of(day: Date) -> [String; 2] {
    [day.to_string(), day.to_string()[..7].to_string()]
}

/// The keys that exactly cover `range`: `YYYY-MM` for each whole month in
/// it, `YYYY-MM-DD` for the days of partial months.
pub fn cover(range: Range) -> Vec<String> {
    let mut keys = Vec::new();
    let mut d = range.from;
    while d <= range.to {
        let (y, m, day) = d.ymd();
        let last = Date::from_ymd(y, m, days_in_month(y, m)).unwrap_or(d);
        if day == 1 && last <= range.to {
            keys.push(d.to_string()[..7].to_string());
            d = last.next();
        } else {
            keys.push(d.to_string());
            d = d.next();
        }
    }
    keys
}
