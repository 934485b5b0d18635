//! Typed calls to `/api`, each named by its endpoint declaration in
//! `shared::api` (path, query, body and answer types come from there), over
//! the browser's own `fetch` (no HTTP library: every kilobyte counts on a
//! phone). Errors arrive as `shared` types with Chinese messages to show.

use serde::de::DeserializeOwned;
use shared::api::{query_string, Endpoint};
use shared::error::{ApiError, ErrorBody, ErrorCode};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestInit, Response};

fn network_error() -> ApiError {
    ApiError::new(ErrorCode::Unknown, "网络连接失败，请检查网络后重试；已填写的内容不会丢失")
}

async fn send(path: &str, init: Option<RequestInit>) -> Result<(Response, String), ApiError> {
    let window = web_sys::window().ok_or_else(network_error)?;
    let promise = match init {
        Some(init) => window.fetch_with_str_and_init(path, &init),
        None => window.fetch_with_str(path),
    };
    let response = JsFuture::from(promise).await.map_err(|_| network_error())?;
    let response: Response = response.dyn_into().map_err(|_| network_error())?;
    let body =
        JsFuture::from(response.text().map_err(|_| network_error())?).await.map_err(|_| network_error())?.as_string().unwrap_or_default();
    Ok((response, body))
}

fn decode<T: DeserializeOwned>(response: &Response, body: &str) -> Result<T, ApiError> {
    if response.ok() {
        serde_json::from_str(body).map_err(|_| ApiError::internal())
    } else {
        Err(serde_json::from_str::<ErrorBody>(body).map(|b| b.error).unwrap_or_else(|_| ApiError::internal()))
    }
}

/// The URL of endpoint `E` with its path arguments and query.
pub fn url<E: Endpoint>(args: &[&str], query: &E::Query) -> String {
    let args: Vec<String> = args.iter().map(|a| encode(a)).collect();
    let path = E::path(&args.iter().map(String::as_str).collect::<Vec<_>>());
    match query_string(query) {
        q if q.is_empty() => path,
        q => format!("{path}?{q}"),
    }
}

/// GET endpoint `E`.
pub async fn fetch<E: Endpoint>(args: &[&str], query: &E::Query) -> Result<E::Response, ApiError> {
    get_url(url::<E>(args, query)).await
}

/// GET a URL made by `url::<E>` (so its answer is `E::Response`).
pub(crate) async fn get_url<T: DeserializeOwned>(url: String) -> Result<T, ApiError> {
    let (response, body) = send(&url, None).await?;
    decode(&response, &body)
}

fn post_init(body: &JsValue, headers: &[(&str, &str)]) -> RequestInit {
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(body);
    let h = web_sys::Headers::new().expect("headers");
    for (k, v) in headers {
        let _ = h.set(k, v);
    }
    init.set_headers(&h);
    init
}

/// POST endpoint `E` with its JSON body.
pub async fn post<E: Endpoint>(args: &[&str], body: &E::Body) -> Result<E::Response, ApiError> {
    let json = serde_json::to_string(body).map_err(|_| ApiError::internal())?;
    let init = post_init(&JsValue::from_str(&json), &[("Content-Type", "application/json")]);
    let (response, text) = send(&url::<E>(args, &Default::default()), Some(init)).await?;
    decode(&response, &text)
}

/// POST endpoint `E` with a multipart form (the browser sets its boundary).
pub async fn post_form<E: Endpoint>(args: &[&str], form: &web_sys::FormData, headers: &[(&str, &str)]) -> Result<E::Response, ApiError> {
    let (response, text) = send(&url::<E>(args, &Default::default()), Some(post_init(form, headers))).await?;
    decode(&response, &text)
}

/// A query-string value, percent-encoded.
pub fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}
