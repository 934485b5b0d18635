//! When a message may go out: quiet hours (22:00–08:00 China time) hold a
//! message that is not urgent until 08:00, and a number gets at most
//! `DAILY_CAP` messages a day (China's day); the rest wait for the next
//! morning. Held messages are sent later, never dropped.

use super::NoticeEvent;
use crate::engine::instant::Instant;

/// Messages one number may be sent in a day.
pub const DAILY_CAP: u32 = 10;
/// Quiet hours: from 22:00 to 08:00 China time.
const QUIET_FROM_SECONDS: i64 = 22 * 3600;
const QUIET_UNTIL_SECONDS: i64 = 8 * 3600;

impl NoticeEvent {
    /// Whether the message may wake someone at night. A caller's and a
    /// complainant's acknowledgement may: DOMAIN §3 wants it within 3
    /// minutes of the message, day or night. The rest can wait for the
    /// morning (the daily cap holds for every message).
    pub fn urgent(self) -> bool {
        match self {
            NoticeEvent::HotlineReceived | NoticeEvent::ComplaintReceived => true,
            NoticeEvent::CaseReceived
            | NoticeEvent::CaseSupplement
            | NoticeEvent::CaseAccepted
            | NoticeEvent::CaseCompleted
            | NoticeEvent::CaseEvaluate
            | NoticeEvent::HotlineReplied
            | NoticeEvent::HotlineCallback
            | NoticeEvent::ComplaintReplied
            | NoticeEvent::ComplaintCallback => false,
        }
    }
}

/// Why and for how many seconds a message waits, or `None` to send it now.
/// `sent_today`: messages the number has had since midnight (China time);
/// `quiet_hours`: whether they are kept (a local stack may turn them off,
/// its tests running at any hour).
pub fn hold(now: Instant, event: NoticeEvent, sent_today: u32, quiet_hours: bool) -> Option<(Hold, i64)> {
    let midnight = Instant::start_of_day(now.date());
    let into_day = midnight.seconds_until(now);
    let next_morning = midnight.plus_seconds(86_400 + QUIET_UNTIL_SECONDS);
    if sent_today >= DAILY_CAP {
        return Some((Hold::DailyCap, now.seconds_until(next_morning)));
    }
    if event.urgent() || !quiet_hours {
        return None;
    }
    if into_day < QUIET_UNTIL_SECONDS {
        Some((Hold::QuietHours, QUIET_UNTIL_SECONDS - into_day))
    } else if into_day >= QUIET_FROM_SECONDS {
        Some((Hold::QuietHours, now.seconds_until(next_morning)))
    } else {
        None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hold {
    QuietHours,
    DailyCap,
}

impl Hold {
    /// Recorded on the message while it waits (the office's page shows it).
    pub fn zh(self) -> &'static str {
        match self {
            Hold::QuietHours => "夜间免打扰（22:00–08:00），8:00后发送",
            Hold::DailyCap => "该号码今日短信已达上限，次日8:00后发送",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Instant {
        Instant::parse(s).unwrap()
    }

    #[test]
    fn quiet_hours_hold_until_eight() {
        let e = NoticeEvent::CaseAccepted;
        assert_eq!(hold(at("2026-11-26T21:59:59+08:00"), e, 0, true), None);
        assert_eq!(hold(at("2026-11-26T22:00:00+08:00"), e, 0, true), Some((Hold::QuietHours, 10 * 3600)));
        assert_eq!(hold(at("2026-11-27T07:30:00+08:00"), e, 0, true), Some((Hold::QuietHours, 1800)));
        assert_eq!(hold(at("2026-11-27T08:00:00+08:00"), e, 0, true), None);
        assert_eq!(hold(at("2026-11-26T23:00:00+08:00"), e, 0, false), None);
        // 23:00 UTC is 07:00 the next day in China.
        assert_eq!(hold(at("2026-11-26T23:00:00Z"), e, 0, true), Some((Hold::QuietHours, 3600)));
    }

    #[test]
    fn acknowledgements_go_at_night_but_keep_the_cap() {
        for e in [NoticeEvent::HotlineReceived, NoticeEvent::ComplaintReceived] {
            assert_eq!(hold(at("2026-11-26T23:00:00+08:00"), e, 0, true), None);
            assert_eq!(hold(at("2026-11-26T23:00:00+08:00"), e, DAILY_CAP, true), Some((Hold::DailyCap, 9 * 3600)));
        }
        assert!(hold(at("2026-11-26T23:00:00+08:00"), NoticeEvent::HotlineReplied, 0, true).is_some());
    }

    #[test]
    fn the_daily_cap_waits_for_the_next_morning() {
        let e = NoticeEvent::CaseReceived;
        assert_eq!(hold(at("2026-11-26T10:00:00+08:00"), e, DAILY_CAP - 1, true), None);
        assert_eq!(hold(at("2026-11-26T10:00:00+08:00"), e, DAILY_CAP, false), Some((Hold::DailyCap, 22 * 3600)));
        assert_eq!(hold(at("2026-11-26T23:00:00+08:00"), e, DAILY_CAP, false), Some((Hold::DailyCap, 9 * 3600)));
    }
}
