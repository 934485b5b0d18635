//! Dashboard arithmetic for meetings and documents: periods, the same period
//! last year, year-on-year change, year-end projection against the quota.
//!
//! Counts come from maintained counters (per month, and per day for the
//! month the period is cut in), so a dashboard reads a bounded number of
//! rows however many records there are.

use crate::engine::date::Date;
use crate::error::{ApiError, ErrorCode};
use crate::prose::{Prose, Records};
use serde::{Deserialize, Serialize};

/// Months `from..=to` of `year`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Period {
    pub year: i32,
    pub from_month: u32,
    pub to_month: u32,
}

impl Period {
    pub fn parse(year: Option<&str>, from: Option<&str>, to: Option<&str>, today: Date) -> Result<Period, ApiError> {
        let bad = |m: &str| ApiError::new(ErrorCode::InvalidParameter, m);
        let year = match year {
            None | Some("") => today.year(),
            Some(y) => y.parse().ok().filter(|y| (2000..=2100).contains(y)).ok_or_else(|| bad("年份无效"))?,
        };
        let month = |s: Option<&str>, default: u32| match s {
            None | Some("") => Ok(default),
            Some(m) => m.parse().ok().filter(|m| (1..=12).contains(m)).ok_or_else(|| bad("月份应为1到12")),
        };
        let default_to = if year == today.year() { today.ymd().1 } else { 12 };
        let (from_month, to_month) = (month(from, 1)?, month(to, default_to)?);
        if from_month > to_month {
            return Err(bad("起始月份不能晚于截止月份"));
        }
        Ok(Period { year, from_month, to_month })
    }

    /// The day counting stops at: today, if it falls inside the period
    /// (nothing after today has happened yet); `None` for a whole period.
    pub fn cut(&self, today: Date) -> Option<Date> {
        let (y, m, _) = today.ymd();
        (y == self.year && (self.from_month..=self.to_month).contains(&m)).then_some(today)
    }

    /// Whether the period lies wholly after `today`.
    pub fn is_future(&self, today: Date) -> bool {
        let (y, m, _) = today.ymd();
        self.year > y || (self.year == y && self.from_month > m)
    }

    /// What a dashboard says instead of comparing a period that has not
    /// begun with a whole past one (which would read "−100%").
    pub fn not_started(&self, today: Date) -> Option<String> {
        self.is_future(today).then(|| {
            let months = if self.from_month == self.to_month {
                format!("{}月", self.from_month)
            } else {
                format!("{}—{}月", self.from_month, self.to_month)
            };
            format!("{}年{months}尚未开始，暂无数据，不与上年同期比较", self.year)
        })
    }
}

/// The first year the registers hold (the system's first year of use).
pub const FIRST_YEAR: i32 = 2025;

/// The years a period picker offers on `today`: none that has not begun.
pub fn years_offered(today: Date) -> std::ops::RangeInclusive<i32> {
    FIRST_YEAR..=today.year().max(FIRST_YEAR)
}

/// The same calendar day a year earlier; 29 February becomes 28 February.
pub fn same_day_last_year(d: Date) -> Date {
    let (y, m, day) = d.ymd();
    Date::from_ymd(y - 1, m, day).or_else(|| Date::from_ymd(y - 1, m, day - 1)).unwrap_or(d)
}

/// One category's counts in one year: per month, and per day of the month
/// the period is cut in (empty when not cut).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearCounts {
    pub months: [u64; 12],
    pub cut_month_days: Vec<u64>,
}

/// Records in `from..=to`, stopping at `cut` (month, day) if given.
pub fn period_sum(c: &YearCounts, from: u32, to: u32, cut: Option<(u32, u32)>) -> u64 {
    let last_full = match cut {
        Some((m, _)) => m.saturating_sub(1).min(to),
        None => to,
    };
    let full: u64 = (from..=last_full).filter(|m| *m >= 1).map(|m| c.months[(m - 1) as usize]).sum();
    let partial = match cut {
        Some((m, day)) if (from..=to).contains(&m) => c.cut_month_days.iter().take(day as usize).sum(),
        _ => 0,
    };
    full + partial
}

/// Year-on-year change in percent, one decimal: `None` when last year had
/// none (no percentage can be given).
pub fn change_percent(this: u64, last: u64) -> Option<f64> {
    (last > 0).then(|| ((this as f64 - last as f64) * 1000.0 / last as f64).round() / 10.0)
}

/// Year-end count at the pace so far: `count` by day `as_of` of the year.
pub fn projection(count: u64, as_of: Date) -> u64 {
    let (y, _, _) = as_of.ymd();
    let start = Date::from_ymd(y, 1, 1).map(|d| d.days_until(as_of) + 1).unwrap_or(1).max(1) as u64;
    let days_in_year = if Date::from_ymd(y, 2, 29).is_some() { 366 } else { 365 };
    (count * days_in_year + start / 2) / start
}

/// One row of a dashboard table: a meeting class, a document level, or a total.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryRow {
    pub key: String,
    pub label: String,
    pub this_period: u64,
    pub last_period: u64,
    pub change_percent: Option<f64>,
    pub year_to_date: u64,
    pub projected: u64,
    pub quota: Option<u64>,
    /// Set when the year is on pace to exceed its quota.
    pub warning: Option<String>,
}

impl CategoryRow {
    #[allow(clippy::too_many_arguments)]
    pub fn new(key: &str, label: &str, this: u64, last: u64, ytd: u64, as_of: Option<Date>, quota: Option<u64>) -> CategoryRow {
        let projected = as_of.map(|d| projection(ytd, d)).unwrap_or(ytd);
        let warning = quota.filter(|q| projected > *q).map(|q| format!("按当前进度，{label}全年预计{projected}，将超过年度指标{q}"));
        CategoryRow {
            key: key.into(),
            label: label.into(),
            this_period: this,
            last_period: last,
            change_percent: change_percent(this, last),
            year_to_date: ytd,
            projected,
            quota,
            warning,
        }
    }
}

/// Monthly counts of one category, this year and last, for the bar chart
/// and the cumulative line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MonthlySeries {
    pub key: String,
    pub label: String,
    pub this_year: Vec<u64>,
    pub last_year: Vec<u64>,
    pub quota: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Dashboard {
    pub period: Period,
    /// The day counting stopped at, if the period includes today.
    pub cut: Option<Date>,
    /// The same stop a year earlier.
    pub cut_last_year: Option<Date>,
    pub meetings: Vec<CategoryRow>,
    pub documents: Vec<CategoryRow>,
    pub monthly: Vec<MonthlySeries>,
    /// Set for a period that has not begun: there is nothing to compare.
    #[serde(default)]
    pub not_started: Option<String>,
}

impl Dashboard {
    /// The report's sentence: "1—11月份，全县以县政府名义召开的会议N次，比去年
    /// 同期减少了X%；以县政府和县府办名义下发的文件N件，比去年同期下降了Y%。"
    /// from the two total rows (the last of each table).
    pub fn summary(&self) -> Prose {
        let months = if self.period.from_month == self.period.to_month {
            format!("{}年{}月份", self.period.year, self.period.to_month)
        } else {
            format!("{}年{}—{}月份", self.period.year, self.period.from_month, self.period.to_month)
        };
        let mut p = Prose::new().text(&months).text("，");
        let parts = [
            (self.meetings.last(), "全县以县政府名义召开的会议", "次", Records::Meetings, ("减少了", "增加了")),
            (self.documents.last(), "以县政府和县府办名义下发的文件", "件", Records::Documents, ("下降了", "上升了")),
        ];
        for (i, (row, what, unit, records, (down, up))) in parts.into_iter().enumerate() {
            let row = row.cloned().unwrap_or_else(|| CategoryRow::new("total", what, 0, 0, 0, None, None));
            p = p.text(if i == 0 { "" } else { "；" }).text(what).figure(row.this_period, records).text(unit);
            p = match row.change_percent.filter(|_| self.not_started.is_none()) {
                Some(c) if c < 0.0 => p.text(&format!("，比去年同期{down}")).figure(format!("{}%", -c), Records::StreamlineDashboard),
                Some(c) if c > 0.0 => p.text(&format!("，比去年同期{up}")).figure(format!("{c}%"), Records::StreamlineDashboard),
                Some(_) => p.text("，与去年同期持平"),
                None => p.text("，去年同期无记录可比"),
            };
            p = p.text("（去年同期").figure(row.last_period, Records::StreamlineDashboard).text(&format!("{unit}）"));
        }
        p.text("。")
    }
}

#[cfg(test)]
mod tests;
