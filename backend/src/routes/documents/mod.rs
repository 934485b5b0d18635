//! Document transmission (电子公文传输, DOMAIN §4): the office registers a
//! document from an approved, numbered request, attaches its body and
//! sends it; each recipient unit opens, signs for, returns or handles its
//! copy; the office recalls and chases; every event is a receipt in a hash
//! chain the office can print and check; figures.

mod access;
pub mod act;
pub mod figures;
pub mod files;
mod incoming;
pub mod view;
