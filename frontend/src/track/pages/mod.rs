//! One module per part of the page.

pub mod evaluate;
pub mod sms;
pub mod track;
