//! Calendar dates (no time of day) in China Standard Time.
//!
//! A tiny civil-date type instead of `chrono`: the web app ships to phones and
//! every kilobyte of wasm counts. Measured (2026-11-26): `Date` over
//! `chrono::NaiveDate` added 1.45 KB brotli to the form page's wasm
//! (142,844 → 144,296 B) and took its first load to 154,876 B, over the
//! 150 KB budget. Dates are stored as days since 1970-01-01, which makes
//! "next day" and weekday arithmetic trivial; one implementation serves the
//! phone and the Worker.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// China Standard Time is UTC+08:00 all year (no daylight saving).
pub const CST_OFFSET_SECONDS: i64 = 8 * 3600;

/// The oldest and newest dates the system accepts. Outside this range a date is
/// surely a typing mistake, and the bounds keep the arithmetic far from overflow.
const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2199;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }

    /// 周一 … 周日
    pub fn zh(self) -> &'static str {
        match self {
            Weekday::Monday => "周一",
            Weekday::Tuesday => "周二",
            Weekday::Wednesday => "周三",
            Weekday::Thursday => "周四",
            Weekday::Friday => "周五",
            Weekday::Saturday => "周六",
            Weekday::Sunday => "周日",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateParseError;

impl Date {
    /// A valid date, or `None` for impossible ones (Feb 30) and years outside
    /// the supported range.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { days: days_from_civil(year, month, day) })
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, DateParseError> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateParseError);
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateParseError> {
            let part = &s[r];
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(DateParseError);
            }
            part.parse().map_err(|_| DateParseError)
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::from_ymd(y as i32, m, d).ok_or(DateParseError)
    }

    /// The date in China Standard Time at the given instant (milliseconds
    /// since the Unix epoch, as `Date.now()` gives it).
    pub fn from_unix_ms_cst(ms: f64) -> Date {
        let secs = (ms / 1000.0).floor() as i64 + CST_OFFSET_SECONDS;
        Date { days: secs.div_euclid(86_400) as i32 }
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        match self.days.rem_euclid(7) {
            0 => Weekday::Thursday,
            1 => Weekday::Friday,
            2 => Weekday::Saturday,
            3 => Weekday::Sunday,
            4 => Weekday::Monday,
            5 => Weekday::Tuesday,
            _ => Weekday::Wednesday,
        }
    }

    /// Days from `self` to `other` (negative if `other` is earlier).
    pub fn days_until(self, other: Date) -> i32 {
        other.days - self.days
    }

    /// `n` days later (earlier if negative).
    pub fn add_days(self, n: i32) -> Date {
        Date { days: self.days + n }
    }

    pub fn next(self) -> Date {
        Date { days: self.days + 1 }
    }

    /// "3月9日", the way dates are written in notices.
    pub fn zh_month_day(self) -> String {
        let (_, m, d) = self.ymd();
        format!("{m}月{d}日")
    }

    /// "2026年3月9日"
    pub fn zh_full(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y}年{m}月{d}日")
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days, proleptic Gregorian.
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// In the API a date is `YYYY-MM-DD` (a calendar day in China Standard Time).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "description": "A calendar day in China Standard Time (UTC+08:00), YYYY-MM-DD"
        })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(|_| serde::de::Error::custom("expected a date YYYY-MM-DD"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_day_of_two_centuries() {
        let mut d = Date::from_ymd(1900, 1, 1).unwrap();
        let end = Date::from_ymd(2100, 12, 31).unwrap();
        while d <= end {
            let (y, m, day) = d.ymd();
            assert_eq!(Date::from_ymd(y, m, day), Some(d));
            assert_eq!(Date::parse(&d.to_string()), Ok(d));
            d = d.next();
        }
    }

    #[test]
    fn knows_weekdays() {
        assert_eq!(Date::parse("2026-02-13").unwrap().weekday(), Weekday::Friday);
        assert_eq!(Date::parse("2026-02-14").unwrap().weekday(), Weekday::Saturday);
        assert_eq!(Date::parse("1970-01-01").unwrap().weekday(), Weekday::Thursday);
        assert_eq!(Date::parse("1969-12-31").unwrap().weekday(), Weekday::Wednesday);
    }

    #[test]
    fn refuses_malformed_and_impossible_dates() {
        for bad in [
            "",
            "2026-2-13",
            "2026/02/13",
            "2026-02-30",
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "+026-01-01",
            "2026-01-0a",
            "20260-1-01",
            "1899-12-31",
            "2200-01-01",
            "２０２６-01-01",
        ] {
            assert_eq!(Date::parse(bad), Err(DateParseError), "{bad:?}");
        }
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
    }

    #[test]
    fn today_is_taken_in_china_standard_time() {
        // 2026-02-13T16:00:00Z is midnight of the 14th in Beijing.
        let ms = 1_771_000_000_000.0_f64; // 2026-02-13T16:26:40Z
        assert_eq!(Date::from_unix_ms_cst(ms).to_string(), "2026-02-14");
        assert_eq!(Date::from_unix_ms_cst(ms - 1_600_001.0).to_string(), "2026-02-13");
    }

    #[test]
    fn formats_for_people_and_machines() {
        let d = Date::parse("2026-03-09").unwrap();
        assert_eq!(d.zh_month_day(), "3月9日");
        assert_eq!(d.zh_full(), "2026年3月9日");
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-03-09\"");
    }
}
