//! The one error shape of the API: `{"error":{"code":"…","message":"…"}}`.
//!
//! `code` is stable and meant for programs; `message` is Chinese and meant
//! for the person in front of the screen: it says what to do.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    MissingParameter,
    InvalidParameter,
    InvalidDate,
    InvalidDays,
    NotFound,
    /// The application form has field errors (see `fields`).
    InvalidApplication,
    /// A file was refused (size, type, count, missing material).
    InvalidUpload,
    /// The same Idempotency-Key was sent with a different body.
    IdempotencyMismatch,
    /// The same submission is still being stored; retry shortly.
    InProgress,
    /// The case is not in a state that allows this (see `current_state`),
    /// or someone else changed it first.
    Conflict,
    /// Not signed in, or the session expired.
    Unauthenticated,
    /// Signed in, but this is not yours to see or do.
    Forbidden,
    /// Signed in with a one-time password: choose a new one first.
    PasswordChangeRequired,
    /// The password was right; the account's second factor is needed too.
    SecondFactorRequired,
    /// The role requires a second factor: set it up first.
    SecondFactorSetupRequired,
    TooManyRequests,
    /// The request body is larger than the endpoint takes.
    PayloadTooLarge,
    /// The request body's length was not declared (`Content-Length`).
    LengthRequired,
    Internal,
    /// A code this build does not know yet (a newer server).
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    pub fn http_status(self) -> u16 {
        match self {
            ErrorCode::MissingParameter | ErrorCode::InvalidParameter | ErrorCode::InvalidDate | ErrorCode::InvalidDays => 400,
            ErrorCode::InvalidUpload => 400,
            ErrorCode::Unauthenticated | ErrorCode::SecondFactorRequired => 401,
            ErrorCode::Forbidden | ErrorCode::PasswordChangeRequired | ErrorCode::SecondFactorSetupRequired => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::Conflict | ErrorCode::InProgress => 409,
            ErrorCode::InvalidApplication | ErrorCode::IdempotencyMismatch => 422,
            ErrorCode::TooManyRequests => 429,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::LengthRequired => 411,
            ErrorCode::Internal | ErrorCode::Unknown => 500,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// Per-field problems of a form, each with its own message.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
    /// With `conflict`: the state the case is in now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_state: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldError {
    /// `name`, `mobile`, `fields.<key>`…
    pub field: String,
    pub message: String,
}

/// The JSON body of every error response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorBody {
    pub error: ApiError,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError { code, message: message.into(), fields: Vec::new(), current_state: None }
    }

    pub fn with_fields(code: ErrorCode, message: impl Into<String>, fields: Vec<FieldError>) -> ApiError {
        ApiError { fields, ..ApiError::new(code, message) }
    }

    pub fn missing(param: &str, what: &str) -> ApiError {
        ApiError::new(ErrorCode::MissingParameter, format!("缺少参数 {param}（{what}）"))
    }

    pub fn not_found(what: &str) -> ApiError {
        ApiError::new(ErrorCode::NotFound, format!("{what}不存在或已下线，请返回重新查找"))
    }

    pub fn internal() -> ApiError {
        ApiError::new(ErrorCode::Internal, "系统暂时无法处理，请稍后再试；如持续出现请联系服务中心")
    }
}
