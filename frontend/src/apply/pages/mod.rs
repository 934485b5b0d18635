//! One module per page.

pub mod apply;
