//! Information (信息调研, DOMAIN §7): units' items and the editors'
//! decisions, numbered issues and their print view, the year's rules, the
//! league table with the units short of their quota, figures and CSVs.
//! The rules are in shared::information.

mod access;
pub mod act;
pub mod commissions;
pub mod emergencies;
pub mod issues;
pub mod items;
pub mod league;
pub mod research;
