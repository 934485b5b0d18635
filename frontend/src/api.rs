//! Typed calls to `/api`, over the browser's own `fetch` (no HTTP library:
//! every kilobyte counts on a phone). Errors arrive as `shared` types with
//! Chinese messages ready to show.

use serde::de::DeserializeOwned;
use shared::error::{ApiError, ErrorBody, ErrorCode};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn network_error() -> ApiError {
    ApiError::new(ErrorCode::Unknown, "网络连接失败，请检查网络后重试")
}

pub async fn get<T: DeserializeOwned>(path: String) -> Result<T, ApiError> {
    let window = web_sys::window().ok_or_else(network_error)?;
    let response = JsFuture::from(window.fetch_with_str(&path)).await.map_err(|_| network_error())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| network_error())?;
    let body = JsFuture::from(response.text().map_err(|_| network_error())?)
        .await
        .map_err(|_| network_error())?
        .as_string()
        .unwrap_or_default();
    if response.ok() {
        serde_json::from_str(&body).map_err(|_| ApiError::internal())
    } else {
        Err(serde_json::from_str::<ErrorBody>(&body).map(|b| b.error).unwrap_or_else(|_| ApiError::internal()))
    }
}

/// A query-string value, percent-encoded.
pub fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}
