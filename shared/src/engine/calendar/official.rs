//! The official working-day calendars published by the State Council General
//! Office (2025: notice of 2024-11-12; 2026: notice of 2025-11-04).
//!
//! This is the project's one copy of that data. `cargo xtask calendar-sql`
//! turns it into the SQL that loads it into D1, where the office maintains
//! later years; the unit tests compute against it directly.

use super::{NamedDay, YearCalendar};
use crate::engine::date::Date;

/// One holiday block: its name, the days off, and the weekend days swapped
/// into working days to make up for it (调休上班).
struct Block {
    name: &'static str,
    holidays: &'static [&'static str],
    workdays: &'static [&'static str],
}

const Y2025: &[Block] = &[
    Block { name: "元旦", holidays: &["2025-01-01"], workdays: &[] },
    Block {
        name: "春节",
        holidays: &["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04"],
        workdays: &["2025-01-26", "2025-02-08"],
    },
    Block { name: "清明节", holidays: &["2025-04-04", "2025-04-05", "2025-04-06"], workdays: &[] },
    Block {
        name: "劳动节", holidays: &["2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05"], workdays: &["2025-04-27"]
    },
    Block { name: "端午节", holidays: &["2025-05-31", "2025-06-01", "2025-06-02"], workdays: &[] },
    Block {
        name: "国庆节、中秋节",
        holidays: &["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08"],
        workdays: &["2025-09-28", "2025-10-11"],
    },
];

const Y2026: &[Block] = &[
    Block { name: "元旦", holidays: &["2026-01-01", "2026-01-02", "2026-01-03"], workdays: &["2026-01-04"] },
    Block {
        name: "春节",
        holidays: &[
            "2026-02-15",
            "2026-02-16",
            "2026-02-17",
            "2026-02-18",
            "2026-02-19",
            "2026-02-20",
            "2026-02-21",
            "2026-02-22",
            "2026-02-23",
        ],
        workdays: &["2026-02-14", "2026-02-28"],
    },
    Block { name: "清明节", holidays: &["2026-04-04", "2026-04-05", "2026-04-06"], workdays: &[] },
    Block {
        name: "劳动节", holidays: &["2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05"], workdays: &["2026-05-09"]
    },
    Block { name: "端午节", holidays: &["2026-06-19", "2026-06-20", "2026-06-21"], workdays: &[] },
    Block { name: "中秋节", holidays: &["2026-09-25", "2026-09-26", "2026-09-27"], workdays: &[] },
    Block {
        name: "国庆节",
        holidays: &["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
        workdays: &["2026-09-20", "2026-10-10"],
    },
];

/// The published years, ready to load into D1 or to build a `Calendar`.
pub fn official_years() -> Vec<YearCalendar> {
    [(2025, Y2025), (2026, Y2026)].into_iter().map(|(year, blocks)| to_year(year, blocks)).collect()
}

fn to_year(year: i32, blocks: &[Block]) -> YearCalendar {
    let day = |date: &&str, name: String| NamedDay { date: Date::parse(date).expect("official calendar dates are valid"), name };
    let mut holidays = Vec::new();
    let mut workdays = Vec::new();
    for b in blocks {
        holidays.extend(b.holidays.iter().map(|d| day(d, b.name.to_string())));
        workdays.extend(b.workdays.iter().map(|d| day(d, format!("{}调休上班", b.name))));
    }
    YearCalendar { year, holidays, workdays }
}
