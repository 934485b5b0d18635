//! The current time, from the runtime's clock: the only place that reads it.

use shared::date::{rfc3339_cst, Date};

fn now_ms() -> f64 {
    worker::js_sys::Date::now()
}

pub fn today_cst() -> Date {
    Date::from_unix_ms_cst(now_ms())
}

pub fn now_unix() -> i64 {
    (now_ms() / 1000.0) as i64
}

/// RFC 3339 in China Standard Time, for records people read.
pub fn now_rfc3339() -> String {
    rfc3339_cst(now_ms())
}
