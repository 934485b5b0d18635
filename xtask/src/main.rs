//! `cargo xtask <command>`: chores that need the project's Rust types.
//!
//! - `calendar-sql`: the official calendar (shared::engine::calendar::official) as
//!   SQL; its output is committed as backend/migrations/0003_official_calendar.sql.
//! - `demo-sql`: the demo county's departments, intermediaries, matters and
//!   staff accounts (local use only).
//! - `staff-sql`: a real staff account, for a deployment's first admin.
//! - `counters-sql`: rebuilds the meeting and document counters after a bulk load.
//! - `totp`: the demo office administrators' current second-factor code.

mod complaints_demo;
mod demo;
mod documents_demo;
mod hotline_demo;
mod information_demo;
mod names;
mod openapi;
mod sql;
mod staff;
mod streamline_demo;
mod supervision_demo;
mod tidy;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("calendar-sql") => print!("{}", sql::calendar()),
        Some("demo-sql") => print!("{}", sql::demo()),
        Some("counters-sql") => print!("{}", streamline_demo::COUNTERS_SQL),
        Some("openapi") => print!("{}", openapi::document()),
        Some("totp") => println!("{}", staff::demo_totp_code()),
        Some("staff-sql") => match staff::account_sql(&args[1..]) {
            Ok(sql) => print!("{sql}"),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        },
        _ => {
            eprintln!("usage: cargo xtask (calendar-sql | demo-sql | staff-sql … | counters-sql | openapi | totp)");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
