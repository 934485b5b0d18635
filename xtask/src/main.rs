//! `cargo xtask <command>`: chores that need the project's Rust types.
//!
//! - `calendar-sql`: the official calendar (shared::calendar::official) as
//!   SQL; its output is committed as backend/migrations/0003_official_calendar.sql.
//! - `demo-sql`: the demo county's departments, intermediaries and matters.

mod demo;
mod sql;
mod staff;

use std::process::ExitCode;

fn main() -> ExitCode {
    match std::env::args().nth(1).as_deref() {
        Some("calendar-sql") => print!("{}", sql::calendar()),
        Some("demo-sql") => print!("{}", sql::demo()),
        _ => {
            eprintln!("usage: cargo xtask (calendar-sql | demo-sql)");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
