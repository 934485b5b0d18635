//! The engine every line of work runs on: dates and instants in China
//! Standard Time, the working-day calendar, deadlines, the deadline ledger
//! (pauses, extensions, standing, lateness) and when a clock may be paused,
//! resumed, extended or stopped. It knows nothing of any one line of work.

pub mod calendar;
pub mod case_action;
pub mod date;
pub mod deadline;
pub mod instant;
pub mod ledger;
pub mod limit;
pub mod period;
