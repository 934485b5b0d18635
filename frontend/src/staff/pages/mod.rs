//! One module per page.

pub mod admin;
pub mod approvals;
pub mod calendar;
pub mod hotline;
pub mod login;
pub mod pager;
pub mod streamline;
