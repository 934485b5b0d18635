//! One module per page.

pub mod apply;
pub mod track;
