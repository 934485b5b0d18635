//! The current date, from the runtime's clock, in China Standard Time.

use shared::date::Date;

pub fn today_cst() -> Date {
    Date::from_unix_ms_cst(worker::js_sys::Date::now())
}
