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

    pub fn into_response(self) -> worker::Result<Response> {
        let (error, retry_after) = match self {
            AppError::Api(e) => (e, None),
            AppError::Limited(e, seconds) => (e, Some(seconds)),
            AppError::Platform(_) => (ApiError::internal(), None),
        };
        let status = error.code.http_status();
        let mut response = Response::from_json(&ErrorBody { error })?.with_status(status);
        if let Some(seconds) = retry_after {
            response.headers_mut().set("Retry-After", &seconds.max(1).to_string())?;
        }
        Ok(response)
    }
}
