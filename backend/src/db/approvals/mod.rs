//! SQL of the approvals wing: cases and their departments, files, events,
//! the ledger, the inbox, evaluations, counters, warnings, re-derived
//! deadlines, idempotent submission, and the catalogue.

pub mod cases;
pub mod catalogue;
pub mod evaluation;
pub mod idempotency;
pub mod inbox;
pub mod ledger;
pub mod rederive;
pub mod retention;
pub mod stats;
pub mod warnings;
