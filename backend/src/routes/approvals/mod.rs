//! The approvals wing's routes: the catalogue, applications and tracking,
//! the staff's cases and what they do with them, evaluations, statistics.

pub mod applicant_data;
pub mod apply;
pub mod case_actions;
pub mod catalogue;
pub mod evaluation;
pub mod staff_cases;
pub mod statistics;
pub mod track;
