//! The one error shape of the API: `{"error":{"code":"…","message":"…"}}`.
//!
//! `code` is stable and meant for programs; `message` is Chinese and meant
//! for the person in front of the screen: it says what to do.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    MissingParameter,
    InvalidParameter,
    InvalidDate,
    InvalidDays,
    NotFound,
    Internal,
    /// A code this build does not know yet (a newer server).
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    pub fn http_status(self) -> u16 {
        match self {
            ErrorCode::MissingParameter
            | ErrorCode::InvalidParameter
            | ErrorCode::InvalidDate
            | ErrorCode::InvalidDays => 400,
            ErrorCode::NotFound => 404,
            ErrorCode::Internal | ErrorCode::Unknown => 500,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

/// The JSON body of every error response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ApiError,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError { code, message: message.into() }
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
