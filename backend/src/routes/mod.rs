//! The `/api` routes: one module per resource, each handler thin (validate
//! with `shared`, query through `db`, answer with a `shared` type).

pub mod admin;
pub mod approvals;
pub mod calendar;
pub mod complaints;
pub mod documents;
pub mod hotline;
pub mod inbox;
pub mod information;
pub mod limits;
pub mod open311;
pub mod report;
pub mod second_factor;
pub mod staff_auth;
pub mod streamline;
pub mod supervision;

use crate::error::AppError;
use serde::Serialize;
use shared::error::{ApiError, ErrorCode};
use worker::Response;

pub type Reply = Result<Response, AppError>;

/// How long a public answer may be cached by the browser and the edge.
pub enum Cache {
    /// Changes rarely (catalogue, calendar): a minute of staleness is fine.
    PublicMinute,
    NoStore,
}

/// 201 with the created record.
pub fn created<T: Serialize>(body: &T) -> Reply {
    Ok(json(body, Cache::NoStore)?.with_status(201))
}

pub fn json<T: Serialize>(body: &T, cache: Cache) -> Reply {
    let value = match cache {
        Cache::PublicMinute => "public, max-age=60",
        Cache::NoStore => "no-store",
    };
    let mut response = Response::from_json(body)?;
    response.headers_mut().set("Cache-Control", value)?;
    Ok(response)
}

/// JSON text already written (a stored view), never cached.
pub fn json_text(body: String) -> Reply {
    let mut response = Response::ok(body)?;
    response.headers_mut().set("Content-Type", "application/json")?;
    response.headers_mut().set("Cache-Control", "no-store")?;
    Ok(response)
}

/// A CSV file to save (`disposition` names it), never cached.
pub fn csv_download(text: String, disposition: &str) -> Reply {
    let mut response = Response::ok(text)?;
    let headers = response.headers_mut();
    headers.set("Content-Type", "text/csv; charset=utf-8")?;
    headers.set("Content-Disposition", disposition)?;
    headers.set("Cache-Control", "no-store")?;
    Ok(response)
}

pub fn unknown_route() -> AppError {
    ApiError::new(ErrorCode::NotFound, "没有这个接口（或不支持该请求方法），请检查地址").into()
}

/// The query string read into an endpoint's declared query type (every
/// parameter text; the handler validates). The last of repeated names wins.
pub fn query<Q: serde::de::DeserializeOwned>(url: &worker::Url) -> Result<Q, AppError> {
    let map: serde_json::Map<String, serde_json::Value> =
        url.query_pairs().map(|(k, v)| (k.into_owned(), serde_json::Value::String(v.into_owned()))).collect();
    serde_json::from_value(serde_json::Value::Object(map))
        .map_err(|e| ApiError::new(ErrorCode::InvalidParameter, format!("查询参数无法识别：{e}")).into())
}

/// A JSON request body. Requiring `application/json` also keeps other sites'
/// plain HTML forms from posting here with a staff member's cookie.
pub async fn read_json<T: serde::de::DeserializeOwned>(req: &mut worker::Request) -> Result<T, AppError> {
    read_json_within(req, limits::MAX_JSON_BYTES).await
}

/// [`read_json`] for a body of up to `max` bytes (a catalogue import).
pub async fn read_json_within<T: serde::de::DeserializeOwned>(req: &mut worker::Request, max: u64) -> Result<T, AppError> {
    let is_json = req.headers().get("Content-Type")?.is_some_and(|t| t.starts_with("application/json"));
    if !is_json {
        return Err(ApiError::new(ErrorCode::InvalidParameter, "请求格式应为 JSON").into());
    }
    limits::body_within(req, max)?;
    let text = req.text().await?;
    serde_json::from_str(&text).map_err(|e| ApiError::new(ErrorCode::InvalidParameter, format!("请求内容无法识别：{e}")).into())
}

/// The client's address as Cloudflare reports it (one bucket for local runs).
/// A browser's request from another site (ASVS 3.5.1): the browser says so
/// in `Sec-Fetch-Site`, which pages cannot forge. Every POST is refused on
/// it before any handler, the body-less ones (sign-out, end sessions) too,
/// which `SameSite=Strict` alone guarded. Clients that are not browsers
/// (scripts, Open311 partners) send no such header; `none` is the member's
/// own doing (a bookmark), never another site's.
pub fn cross_site(req: &worker::Request) -> bool {
    matches!(req.headers().get("Sec-Fetch-Site"), Ok(Some(site)) if site != "same-origin" && site != "none")
}

/// The refusal of a [`cross_site`] POST.
pub fn cross_site_refusal() -> ApiError {
    ApiError::new(ErrorCode::Forbidden, "已拒绝来自其他网站的请求：请在本系统的页面内操作")
}

pub fn client_ip(req: &worker::Request) -> String {
    req.headers().get("CF-Connecting-IP").ok().flatten().unwrap_or_else(|| "local".into())
}

/// The `Idempotency-Key` a submission is sent with: the same key on every
/// retry of the same submission, so it is stored once.
pub fn idempotency_key(req: &worker::Request) -> Result<String, AppError> {
    let key = req.headers().get("Idempotency-Key")?.unwrap_or_default();
    let ok = (8..=100).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(key)
    } else {
        Err(ApiError::new(ErrorCode::InvalidParameter, "缺少或无效的 Idempotency-Key 请求头（8–100 位字母、数字或连字符）").into())
    }
}
