//! Every failure becomes `{"error":{"code","message"}}` with the status its
//! code implies. Platform errors are logged and shown as a generic 500, so
//! no internal detail reaches the client.

use shared::error::{ApiError, ErrorBody};
use worker::{console_error, Response};

pub enum AppError {
    /// A refusal the client can act on (bad input, not found…).
    Api(ApiError),
    /// A 429 with the seconds to wait (`Retry-After`).
    Limited(ApiError, i64),
    /// D1, R2 or the runtime failed.
    Platform(worker::Error),
}

impl From<ApiError> for AppError {
    fn from(e: ApiError) -> AppError {
        AppError::Api(e)
    }
}

impl From<worker::Error> for AppError {
    fn from(e: worker::Error) -> AppError {
        AppError::Platform(e)
    }
}

impl AppError {
    /// Logs a platform failure with the operation it broke (`GET
    /// /api/staff/cases/{case_no}`), so the log says where to look.
    pub fn in_operation(self, method: &str, path: &str) -> AppError {
        if let AppError::Platform(e) = &self {
            console_error!("{method} {path} failed: {e}");
        }
        self
    }

    /// The refusal the client can act on; `None` for a platform failure.
    pub fn refusal(&self) -> Option<&ApiError> {
        match self {
            AppError::Api(e) | AppError::Limited(e, _) => Some(e),
            AppError::Platform(_) => None,
        }
    }

    pub fn into_response(self) -> worker::Result<Response> {
        let error = self.refusal().cloned().unwrap_or_else(ApiError::internal);
        self.with_status(Response::from_json(&ErrorBody { error })?)
    }

    /// `response` (its body saying this error) with the status its code
    /// implies, and with a 429's `Retry-After`.
    pub fn with_status(&self, response: Response) -> worker::Result<Response> {
        let status = self.refusal().map_or_else(|| ApiError::internal().code, |e| e.code).http_status();
        let mut response = response.with_status(status);
        if let AppError::Limited(_, seconds) = self {
            response.headers_mut().set("Retry-After", &(*seconds).max(1).to_string())?;
        }
        Ok(response)
    }
}
