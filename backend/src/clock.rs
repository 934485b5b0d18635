//! The current time, from the runtime's clock: the only place that reads it.

use shared::engine::date::Date;
use shared::engine::instant::Instant;

fn now_ms() -> f64 {
    worker::js_sys::Date::now()
}

pub fn today_cst() -> Date {
    Date::from_unix_ms_cst(now_ms())
}

pub fn now_unix() -> i64 {
    (now_ms() / 1000.0) as i64
}

pub fn now_unix_ms() -> i64 {
    now_ms() as i64
}

/// Now, in China Standard Time.
pub fn now() -> Instant {
    Instant::from_unix_ms(now_ms())
}

/// The instant `days` ago, RFC 3339 in China Standard Time (as stored).
pub fn rfc3339_days_ago(days: u32) -> String {
    Instant::from_unix_ms(now_ms() - f64::from(days) * 86_400_000.0).to_string()
}

/// Now as stored: RFC 3339 in China Standard Time.
pub fn now_rfc3339() -> String {
    now().to_string()
}
