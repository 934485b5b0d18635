//! The approvals wing's pages: the inbox, a case, its notice, the office's
//! overview and statistics, negative reviews.

pub mod case;
pub mod case_actions;
pub mod inbox;
pub mod notice;
pub mod overview;
pub mod review;
pub mod statistics;
