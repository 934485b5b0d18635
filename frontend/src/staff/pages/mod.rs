//! One module per page.

pub mod admin;
pub mod calendar;
pub mod case;
pub mod charts;
pub mod dashboard;
pub mod documents;
pub mod inbox;
pub mod login;
pub mod meetings;
pub mod notice;
pub mod overview;
pub mod pager;
pub mod period;
pub mod quotas;
pub mod review;
pub mod statistics;
