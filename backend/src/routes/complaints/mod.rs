//! Efficiency complaints (DOMAIN §6): intake (public and staff), lists and
//! the complainant's look-up, what the office and the handling unit do,
//! evidence, figures.

mod access;
pub mod act;
pub mod evidence;
pub mod figures;
pub mod intake;
pub mod list;
mod view;
