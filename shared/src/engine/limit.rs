//! Time limits counted in hours or in working days (DOMAIN.md §2, §3).
//! Approvals count working days only; the hotline also has limits in hours
//! (特急 2 hours, water and power 24 hours) that run around the clock. Both
//! give a deadline instant, its explanation, and a standing against it.

use crate::engine::calendar::Calendar;
use crate::engine::instant::Instant;
use crate::engine::ledger::{standing, Standing};
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// The longest limits anyone may configure: a month around the clock, or a
/// quarter of working days.
pub const MAX_HOURS: u32 = 720;
pub const MAX_WORKING_DAYS: u32 = 60;

/// A limit: `{"hours": 24}` or `{"working_days": 3}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// Clock hours from the start, nights and holidays included.
    Hours(u32),
    /// To the end of the N-th working day after the start day (which does
    /// not count), as approvals count them.
    WorkingDays(u32),
}

impl Limit {
    /// How the database keeps it: `24h`, `3wd`.
    pub fn code(self) -> String {
        match self {
            Limit::Hours(h) => format!("{h}h"),
            Limit::WorkingDays(d) => format!("{d}wd"),
        }
    }

    pub fn from_code(s: &str) -> Option<Limit> {
        if let Some(d) = s.strip_suffix("wd") {
            d.parse().ok().map(Limit::WorkingDays)
        } else {
            s.strip_suffix('h').and_then(|h| h.parse().ok()).map(Limit::Hours)
        }
    }

    /// For people: `2小时`, `3个工作日`, `当日`.
    pub fn zh(self) -> String {
        match self {
            Limit::Hours(h) => format!("{h}小时"),
            Limit::WorkingDays(0) => "当日".into(),
            Limit::WorkingDays(d) => format!("{d}个工作日"),
        }
    }

    pub fn amount(self) -> u32 {
        match self {
            Limit::Hours(n) | Limit::WorkingDays(n) => n,
        }
    }

    /// The same kind of limit, `extra` longer (an extension is asked in the
    /// limit's own unit).
    pub fn extended(self, extra: u32) -> Limit {
        match self {
            Limit::Hours(h) => Limit::Hours(h + extra),
            Limit::WorkingDays(d) => Limit::WorkingDays(d + extra),
        }
    }

    /// At least one hour (or the same day: 0 working days), at most the
    /// maxima above.
    pub fn validate(self) -> Result<(), ApiError> {
        let (n, max, unit) = match self {
            Limit::Hours(h) => (h, MAX_HOURS, "小时"),
            Limit::WorkingDays(d) => (d + 1, MAX_WORKING_DAYS + 1, "个工作日"),
        };
        if (1..=max).contains(&n) {
            Ok(())
        } else {
            Err(ApiError::new(
                ErrorCode::InvalidParameter,
                match self {
                    Limit::Hours(_) => format!("时限应为1到{max}{unit}"),
                    Limit::WorkingDays(_) => format!("时限应为当日或1到{MAX_WORKING_DAYS}{unit}"),
                },
            ))
        }
    }

    /// When a limit started at `start` runs out.
    pub fn deadline(self, calendar: &Calendar, start: Instant) -> Instant {
        match self {
            Limit::Hours(h) => start.plus_hours(h),
            Limit::WorkingDays(d) => Instant::end_of_day(calendar.add_working_days(start.date(), d).deadline),
        }
    }

    /// Why the deadline is where it is, in plain Chinese.
    pub fn explain(self, calendar: &Calendar, start: Instant) -> Vec<String> {
        let end = self.deadline(calendar, start);
        match self {
            Limit::Hours(h) => vec![format!("{}起算，限{h}小时（不分昼夜和节假日）", start.short()), format!("期限：{}", end.short())],
            Limit::WorkingDays(d) => {
                let count = calendar.add_working_days(start.date(), d);
                let mut lines = vec![format!("{}起算，当日不计；限{d}个工作日", start.date().zh_full())];
                let holidays = count.skipped.iter().filter(|s| s.kind == crate::engine::calendar::SkipKind::Holiday).count();
                let weekends = count.skipped.len() - holidays;
                if holidays > 0 {
                    lines.push(format!("+{holidays}天：节假日"));
                }
                if weekends > 0 {
                    lines.push(format!("+{weekends}天：周末"));
                }
                lines.push(format!("期限：{}24时前", end.date().zh_full()));
                lines
            }
        }
    }

    /// Where something due at `deadline` under this limit stands at `now`.
    /// Working-day limits use the approvals rule (red after the deadline's
    /// day, yellow with at most `yellow_days` working days left); hour
    /// limits turn red at the deadline and yellow in the last quarter of
    /// the limit, but never with less than an hour's notice.
    pub fn standing(self, calendar: &Calendar, now: Instant, deadline: Instant, yellow_days: u32) -> Standing {
        match self {
            Limit::WorkingDays(_) => standing(calendar, now.date(), deadline.date(), yellow_days).1,
            Limit::Hours(h) => {
                let left = now.seconds_until(deadline);
                let warn = (h as i64 * 3600 / 4).max(3600);
                if left < 0 {
                    Standing::Red
                } else if left <= warn {
                    Standing::Yellow
                } else {
                    Standing::OnTrack
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::calendar::official;

    fn at(s: &str) -> Instant {
        Instant::parse(s).unwrap()
    }

    #[test]
    fn codes_round_trip() {
        for l in [Limit::Hours(2), Limit::Hours(24), Limit::WorkingDays(3), Limit::WorkingDays(13)] {
            assert_eq!(Limit::from_code(&l.code()), Some(l));
        }
        for bad in ["", "h", "wd", "3d", "-2h", "2.5h"] {
            assert_eq!(Limit::from_code(bad), None, "{bad}");
        }
        assert_eq!(serde_json::to_string(&Limit::Hours(2)).unwrap(), r#"{"hours":2}"#);
        assert_eq!(serde_json::from_str::<Limit>(r#"{"working_days":3}"#).unwrap(), Limit::WorkingDays(3));
    }

    #[test]
    fn hour_limits_ignore_nights_and_holidays() {
        let cal = Calendar::new(official::official_years());
        // Spring Festival eve 2026: 2 hours are 2 hours.
        let start = at("2026-02-16T23:00:00+08:00");
        assert_eq!(Limit::Hours(2).deadline(&cal, start).to_string(), "2026-02-17T01:00:00+08:00");
        assert_eq!(Limit::Hours(24).deadline(&cal, start).to_string(), "2026-02-17T23:00:00+08:00");
        assert_eq!(
            Limit::Hours(2).explain(&cal, start),
            vec!["2026-02-16 23:00起算，限2小时（不分昼夜和节假日）", "期限：2026-02-17 01:00"]
        );
    }

    #[test]
    fn working_day_limits_match_the_approvals_rule() {
        let cal = Calendar::new(official::official_years());
        // DOMAIN §2's example: Fri 2026-02-13 + 5 working days → 02-27.
        let start = at("2026-02-13T16:20:00+08:00");
        assert_eq!(Limit::WorkingDays(5).deadline(&cal, start).to_string(), "2026-02-27T23:59:59+08:00");
        let why = Limit::WorkingDays(5).explain(&cal, start);
        assert!(why.iter().any(|l| l.contains("节假日")), "{why:?}");
        assert_eq!(why.last().unwrap(), "期限：2026年2月27日24时前");
    }

    #[test]
    fn standing_by_hours() {
        let cal = Calendar::new(official::official_years());
        let start = at("2026-03-02T08:00:00+08:00");
        let due = Limit::Hours(24).deadline(&cal, start);
        let s = |now: &str| Limit::Hours(24).standing(&cal, at(now), due, 1);
        assert_eq!(s("2026-03-02T09:00:00+08:00"), Standing::OnTrack);
        assert_eq!(s("2026-03-03T02:00:00+08:00"), Standing::Yellow); // 6 h left = a quarter
        assert_eq!(s("2026-03-03T08:00:00+08:00"), Standing::Yellow);
        assert_eq!(s("2026-03-03T08:00:01+08:00"), Standing::Red);
        // Two hours: warned in the last hour, not the last half hour only.
        let due = Limit::Hours(2).deadline(&cal, start);
        assert_eq!(Limit::Hours(2).standing(&cal, at("2026-03-02T09:00:00+08:00"), due, 1), Standing::Yellow);
        assert_eq!(Limit::Hours(2).standing(&cal, at("2026-03-02T08:59:59+08:00"), due, 1), Standing::OnTrack);
    }

    #[test]
    fn standing_by_working_days() {
        let cal = Calendar::new(official::official_years());
        let start = at("2026-03-02T10:00:00+08:00"); // Monday
        let due = Limit::WorkingDays(3).deadline(&cal, start); // Thursday 03-05
        let s = |now: &str| Limit::WorkingDays(3).standing(&cal, at(now), due, 1);
        assert_eq!(s("2026-03-03T10:00:00+08:00"), Standing::OnTrack);
        assert_eq!(s("2026-03-04T10:00:00+08:00"), Standing::Yellow);
        assert_eq!(s("2026-03-05T23:59:00+08:00"), Standing::Yellow);
        assert_eq!(s("2026-03-06T00:00:00+08:00"), Standing::Red);
    }

    #[test]
    fn bounds() {
        assert!(Limit::Hours(0).validate().is_err());
        assert!(Limit::Hours(MAX_HOURS).validate().is_ok());
        assert!(Limit::Hours(MAX_HOURS + 1).validate().is_err());
        assert!(Limit::WorkingDays(MAX_WORKING_DAYS).validate().is_ok());
        assert!(Limit::WorkingDays(MAX_WORKING_DAYS + 1).validate().is_err());
        assert!(Limit::WorkingDays(0).validate().is_ok(), "the same day");
        assert_eq!(Limit::WorkingDays(3).extended(2), Limit::WorkingDays(5));
    }
}
