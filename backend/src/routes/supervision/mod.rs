//! Supervision (督查督办, DOMAIN §6): items and their tasks, what units and
//! the office do with them, slips, files, publications, the limit table and
//! the dashboard. The rules are in shared::supervision.

mod access;
pub mod act;
pub mod figures;
pub mod files;
pub mod items;
pub mod settings;
pub mod slips;
pub mod tasks;
mod view;
