//! The `/api` routes: one module per resource, each handler thin (validate
//! with `shared`, query through `db`, answer with a `shared` type).

pub mod calendar;
pub mod catalogue;

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

pub fn json<T: Serialize>(body: &T, cache: Cache) -> Reply {
    let value = match cache {
        Cache::PublicMinute => "public, max-age=60",
        Cache::NoStore => "no-store",
    };
    let mut response = Response::from_json(body)?;
    response.headers_mut().set("Cache-Control", value)?;
    Ok(response)
}

pub fn unknown_route() -> AppError {
    ApiError::new(ErrorCode::NotFound, "没有这个接口（或不支持该请求方法），请检查地址").into()
}

/// A query-string parameter, or `None` if absent.
pub fn param(url: &worker::Url, name: &str) -> Option<String> {
    url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned())
}
