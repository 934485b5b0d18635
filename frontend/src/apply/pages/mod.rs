//! The apply app's page: the form, its materials and their sending.

pub mod apply;
mod send;
mod upload;
