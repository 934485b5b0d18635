//! One module per page.

pub mod apply;
pub mod evaluate;
pub mod track;
