//! Domain types, rules and API types shared by the Worker (`backend`) and the
//! web app (`frontend`).
//!
//! Invariant: no I/O here. Everything compiles natively (fast unit tests) and
//! to wasm; the other crates call these rules instead of restating them.

#[macro_use]
mod named;
#[macro_use]
mod tally;

pub mod admin;
pub mod api;
pub mod approvals;
pub mod complaints;
pub mod csv;
pub mod documents;
pub mod engine;
pub mod error;
pub mod hotline;
pub mod identity;
pub mod information;
pub mod notify;
pub mod page;
pub mod prose;
pub mod report;
pub mod retention;
pub mod second_factor;
pub mod security;
pub mod shell;
pub mod staff;
pub mod staff_app;
pub mod streamline;
pub mod supervision;
