//! The streamlining wing's pages: the dashboard, meetings, documents,
//! quotas and the meeting plan.

pub mod charts;
pub mod dashboard;
pub mod documents;
pub mod meetings;
pub mod period;
pub mod quotas;
