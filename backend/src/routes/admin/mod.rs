//! Administration (`/api/admin/…`, `/api/staff/password`): the county's
//! settings, units, groups, intermediaries, accounts and the versioned
//! catalogue. Each handler checks who may do it with a named `shared`
//! rule, validates with `shared`, and writes with its audit row in one batch.

pub mod accounts;
pub mod catalogue;
pub mod catalogue_io;
pub mod notices;
pub mod security;
pub mod settings;
pub mod units;

use crate::clock;
use crate::crypto;
use shared::error::{ApiError, ErrorCode};

/// When and under which nonce a change is written.
pub struct Stamp {
    pub now: String,
    pub nonce: String,
}

pub fn stamp() -> worker::Result<Stamp> {
    Ok(Stamp { now: clock::now_rfc3339(), nonce: crypto::hex(&crypto::random_bytes::<16>()?) })
}

/// 409: someone saved since this was read.
pub fn stale(what: &str) -> ApiError {
    ApiError::new(ErrorCode::Conflict, format!("{what}已被他人修改，请刷新后在最新内容上再改"))
}

/// 409: the name is taken.
pub fn duplicate(what: &str, name: &str) -> ApiError {
    ApiError::with_fields(
        ErrorCode::Conflict,
        format!("{what}“{name}”已存在，请换一个名称"),
        vec![shared::error::FieldError { field: "name".into(), message: format!("“{name}”已存在") }],
    )
}

/// A path id, or the 404 an unknown one gets.
pub fn id(raw: &str, what: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(|| ApiError::not_found(what))
}
