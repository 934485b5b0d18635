//! Typed calls to `/api`, each named by its endpoint declaration in
//! `shared::api` (path, query, body and answer types come from there), over
//! gloo-net (a thin layer on the browser's `fetch`). Errors arrive as
//! `shared` types with Chinese messages to show.

use serde::de::DeserializeOwned;
use shared::api::{query_string, Endpoint};
use shared::error::{ApiError, ErrorBody, ErrorCode};

/// The error of a request that got no answer (the network is down).
pub fn network_error() -> ApiError {
    ApiError::new(ErrorCode::Unknown, "网络连接失败，请检查网络后重试；已填写的内容不会丢失")
}

async fn send(request: Result<gloo_net::http::Request, gloo_net::Error>) -> Result<(gloo_net::http::Response, String), ApiError> {
    let response = request.map_err(|_| network_error())?.send().await.map_err(|_| network_error())?;
    let body = response.text().await.map_err(|_| network_error())?;
    Ok((response, body))
}

fn decode<T: DeserializeOwned>(response: &gloo_net::http::Response, body: &str) -> Result<T, ApiError> {
    decode_answer(response.ok(), body)
}

/// An answer's body: `T` when the status was a success (`ok`), else the
/// error it carries (also for requests not made by gloo-net).
pub fn decode_answer<T: DeserializeOwned>(ok: bool, body: &str) -> Result<T, ApiError> {
    if ok {
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
    let (response, body) = send(Ok(gloo_net::http::Request::get(&url).build().map_err(|_| network_error())?)).await?;
    decode(&response, &body)
}

/// A fresh `Idempotency-Key` for a new submission (empty where the browser
/// has no `crypto.randomUUID`, i.e. outside a secure context).
pub fn new_key() -> String {
    web_sys::window().and_then(|w| w.crypto().ok()).map(|c| c.random_uuid()).unwrap_or_default()
}

/// POST endpoint `E` with its JSON body.
pub async fn post<E: Endpoint>(args: &[&str], body: &E::Body) -> Result<E::Response, ApiError> {
    let json = serde_json::to_string(body).map_err(|_| ApiError::internal())?;
    let (response, text) = send(json_post::<E>(args).body(json)).await?;
    decode(&response, &text)
}

/// POST endpoint `E` with its JSON body, for an answer that is not JSON
/// (an SVG image): its text. (Apart from [`post`], which the other apps
/// use, so their bundles stay as they were.)
pub async fn post_for_text<E: Endpoint>(args: &[&str], body: &E::Body) -> Result<String, ApiError> {
    let json = serde_json::to_string(body).map_err(|_| ApiError::internal())?;
    let (response, text) = send(json_post::<E>(args).body(json)).await?;
    if response.ok() {
        Ok(text)
    } else {
        Err(decode::<()>(&response, &text).err().unwrap_or_else(ApiError::internal))
    }
}

/// POST endpoint `E` with its JSON body and, for a submission that must not
/// be stored twice, its `Idempotency-Key` (the same key on every retry).
pub async fn post_keyed<E: Endpoint>(args: &[&str], body: &E::Body, key: &str) -> Result<E::Response, ApiError> {
    let json = serde_json::to_string(body).map_err(|_| ApiError::internal())?;
    let (response, text) = send(json_post::<E>(args).header("Idempotency-Key", key).body(json)).await?;
    decode(&response, &text)
}

fn json_post<E: Endpoint>(args: &[&str]) -> gloo_net::http::RequestBuilder {
    gloo_net::http::Request::post(&url::<E>(args, &Default::default())).header("Content-Type", "application/json")
}

/// POST endpoint `E` with a multipart form (the browser sets its boundary).
pub async fn post_form<E: Endpoint>(args: &[&str], form: &web_sys::FormData, headers: &[(&str, &str)]) -> Result<E::Response, ApiError> {
    let mut builder = gloo_net::http::Request::post(&url::<E>(args, &Default::default()));
    for (k, v) in headers {
        builder = builder.header(k, v);
    }
    let (response, text) = send(builder.body(form.clone())).await?;
    decode(&response, &text)
}

/// A query-string value, percent-encoded.
pub fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}
