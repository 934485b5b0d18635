//! One module per page.

pub mod case;
pub mod inbox;
pub mod login;
pub mod notice;
