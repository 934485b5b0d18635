//! Instants in China Standard Time, to the second: when something was
//! submitted, changed or falls due. Stored and sent as RFC 3339 with
//! `+08:00` (`2026-02-27T23:59:59+08:00`), parsed once at the edge; the
//! code works with the type (its day, its time for people), never with
//! slices of the text.

use crate::engine::date::{Date, CST_OFFSET_SECONDS};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant {
    date: Date,
    /// Seconds since midnight in China.
    secs: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InstantParseError;

impl Instant {
    /// `YYYY-MM-DDTHH:MM:SS+08:00` (how every instant is stored), or with
    /// `Z` or another offset, converted to China Standard Time.
    pub fn parse(s: &str) -> Result<Instant, InstantParseError> {
        let (date, rest) = s.split_at_checked(10).ok_or(InstantParseError)?;
        let date = Date::parse(date).map_err(|_| InstantParseError)?;
        let rest = rest.strip_prefix('T').ok_or(InstantParseError)?;
        let (time, offset) = rest.split_at_checked(8).ok_or(InstantParseError)?;
        let t = time.as_bytes();
        if t[2] != b':' || t[5] != b':' {
            return Err(InstantParseError);
        }
        let num = |s: &str| {
            if s.bytes().all(|c| c.is_ascii_digit()) {
                s.parse::<i64>().map_err(|_| InstantParseError)
            } else {
                Err(InstantParseError)
            }
        };
        let (h, m, sec) = (num(&time[0..2])?, num(&time[3..5])?, num(&time[6..8])?);
        if h > 23 || m > 59 || sec > 59 {
            return Err(InstantParseError);
        }
        // Fractions of a second are dropped.
        let offset = match offset.strip_prefix('.') {
            Some(frac) => frac.trim_start_matches(|c: char| c.is_ascii_digit()),
            None => offset,
        };
        let offset_secs = match offset {
            "Z" => 0,
            o if o.len() == 6 && (o.starts_with('+') || o.starts_with('-')) && o.as_bytes()[3] == b':' => {
                let part = |r: std::ops::Range<usize>| o.get(r).ok_or(InstantParseError);
                let v = num(part(1..3)?)? * 3600 + num(part(4..6)?)? * 60;
                if o.starts_with('-') {
                    -v
                } else {
                    v
                }
            }
            _ => return Err(InstantParseError),
        };
        let local = h * 3600 + m * 60 + sec - offset_secs + CST_OFFSET_SECONDS;
        let date = date.add_days(local.div_euclid(86_400) as i32);
        Ok(Instant { date, secs: local.rem_euclid(86_400) as u32 })
    }

    /// The instant `ms` milliseconds after the Unix epoch.
    pub fn from_unix_ms(ms: f64) -> Instant {
        let secs = (ms / 1000.0).floor() as i64 + CST_OFFSET_SECONDS;
        let date = Date::from_unix_ms_cst(ms);
        Instant { date, secs: secs.rem_euclid(86_400) as u32 }
    }

    /// The first second of `date` in China.
    pub fn start_of_day(date: Date) -> Instant {
        Instant { date, secs: 0 }
    }

    /// The last second of `date` in China: when a deadline on that day runs out.
    pub fn end_of_day(date: Date) -> Instant {
        Instant { date, secs: 86_399 }
    }

    /// `hours` later: hour limits run around the clock (a burst water main
    /// does not wait for Monday).
    pub fn plus_hours(self, hours: u32) -> Instant {
        let total = self.secs as i64 + hours as i64 * 3600;
        Instant { date: self.date.add_days(total.div_euclid(86_400) as i32), secs: total.rem_euclid(86_400) as u32 }
    }

    /// `secs` seconds later (or earlier, if negative): working-hour limits
    /// count to the second inside office hours.
    pub fn plus_seconds(self, secs: i64) -> Instant {
        let total = self.secs as i64 + secs;
        Instant { date: self.date.add_days(total.div_euclid(86_400) as i32), secs: total.rem_euclid(86_400) as u32 }
    }

    /// Seconds from `self` to `later` (negative if `later` is earlier).
    pub fn seconds_until(self, later: Instant) -> i64 {
        self.date.days_until(later.date) as i64 * 86_400 + later.secs as i64 - self.secs as i64
    }

    /// The day in China.
    pub fn date(self) -> Date {
        self.date
    }

    /// For people: `2026-11-26 09:30`.
    pub fn short(self) -> String {
        format!("{} {:02}:{:02}", self.date, self.secs / 3600, self.secs / 60 % 60)
    }

    /// For people, to the second (a log): `2026-11-26 09:30:05`.
    pub fn to_second(self) -> String {
        format!("{} {:02}:{:02}:{:02}", self.date, self.secs / 3600, self.secs / 60 % 60, self.secs % 60)
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{:02}:{:02}:{:02}+08:00", self.date, self.secs / 3600, self.secs / 60 % 60, self.secs % 60)
    }
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Instant, D::Error> {
        let s = String::deserialize(d)?;
        Instant::parse(&s).map_err(|_| serde::de::Error::custom("expected an RFC 3339 instant, e.g. 2026-02-27T23:59:59+08:00"))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Instant {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Instant".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date-time",
            "description": "An instant in China Standard Time, RFC 3339 with +08:00, e.g. 2026-02-27T23:59:59+08:00"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_the_stored_form() {
        let s = "2026-02-27T23:59:59+08:00";
        let i = Instant::parse(s).unwrap();
        assert_eq!(i.to_string(), s);
        assert_eq!(i.date().to_string(), "2026-02-27");
        assert_eq!(i.short(), "2026-02-27 23:59");
        assert_eq!(i.to_second(), "2026-02-27 23:59:59");
        assert_eq!(i, Instant::end_of_day(Date::parse("2026-02-27").unwrap()));
        assert_eq!(serde_json::to_string(&i).unwrap(), format!("\"{s}\""));
        assert_eq!(serde_json::from_str::<Instant>(&format!("\"{s}\"")).unwrap(), i);
    }

    #[test]
    fn other_offsets_become_china_time() {
        assert_eq!(Instant::parse("2026-02-27T16:30:00Z").unwrap().to_string(), "2026-02-28T00:30:00+08:00");
        assert_eq!(Instant::parse("2026-02-27T16:30:00.123Z").unwrap().to_string(), "2026-02-28T00:30:00+08:00");
        assert_eq!(Instant::parse("2026-03-01T01:00:00+09:00").unwrap().to_string(), "2026-03-01T00:00:00+08:00");
        assert_eq!(Instant::parse("2026-03-01T01:00:00-02:00").unwrap().to_string(), "2026-03-01T11:00:00+08:00");
    }

    #[test]
    fn refuses_what_is_not_an_instant() {
        for bad in [
            "",
            "2026-02-27",
            "2026-02-27 10:00:00+08:00",
            "2026-02-30T10:00:00+08:00",
            "2026-02-27T24:00:00+08:00",
            "2026-02-27T10:00:00",
            "2026-02-27T10:00:00+0800",
            "2026-02-27T1a:00:00+08:00",
        ] {
            assert!(Instant::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn hours_run_across_midnight() {
        let i = Instant::parse("2026-02-27T23:30:00+08:00").unwrap();
        assert_eq!(i.plus_hours(2).to_string(), "2026-02-28T01:30:00+08:00");
        assert_eq!(i.plus_hours(48).to_string(), "2026-03-01T23:30:00+08:00");
        assert_eq!(i.seconds_until(i.plus_hours(2)), 7200);
        assert_eq!(i.plus_hours(2).seconds_until(i), -7200);
    }

    #[test]
    fn from_the_clock() {
        assert_eq!(Instant::from_unix_ms(1_771_000_000_000.0).to_string(), "2026-02-14T00:26:40+08:00");
        assert_eq!(Instant::from_unix_ms(0.0).to_string(), "1970-01-01T08:00:00+08:00");
        assert!(Instant::from_unix_ms(1000.0) > Instant::from_unix_ms(0.0));
    }
}
