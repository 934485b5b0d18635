//! Domain types, rules and API types shared by the Worker (`backend`) and the
//! web app (`frontend`).
//!
//! Invariant: no I/O here. Everything compiles natively (fast unit tests) and
//! to wasm; the other crates call these rules instead of restating them.

#[macro_use]
mod named;

pub mod admin;
pub mod api;
pub mod application;
pub mod calendar;
pub mod case;
pub mod case_action;
pub mod csv;
pub mod date;
pub mod deadline;
pub mod error;
pub mod evaluation;
pub mod identity;
pub mod ledger;
pub mod matter;
pub mod page;
pub mod quota;
pub mod staff;
pub mod stats;
pub mod streamline;
