//! The API contract: every endpoint declared once, with its method, path,
//! who may call it, its query, body, answer and the errors it may give.
//! The Worker's router matches requests against these declarations, the
//! web app builds its requests from them, and the OpenAPI document
//! (`/api/openapi.json`, `cargo xtask openapi`) is generated from them.

#[macro_use]
mod declare;
pub mod complaints;
pub mod documents;
mod endpoints;
pub mod information;
#[cfg(feature = "schema")]
pub mod openapi;
mod query;
mod supervision;

pub use endpoints::*;
pub use query::*;
pub use supervision::*;

/// Every endpoint's method and path, in declaration order.
pub fn all() -> Vec<(Method, &'static str)> {
    [endpoints::DECLARED, supervision::DECLARED, complaints::DECLARED, documents::DECLARED, information::DECLARED].concat()
}

/// Calls `visit::<E>()` for every endpoint (the OpenAPI generator).
#[cfg(feature = "schema")]
pub fn for_each(visit: &mut impl openapi::Visit) {
    endpoints::visit_each(visit);
    supervision::visit_each(visit);
    complaints::visit_each(visit);
    documents::visit_each(visit);
    information::visit_each(visit);
}

use crate::error::ErrorCode;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// Who may call an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Public,
    /// Any signed-in staff member (each handler checks role and department).
    Staff,
    /// Signed-in office administrators only.
    Office,
}

/// What a request or an answer carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payload {
    Nothing,
    /// JSON of the endpoint's `Body` / `Response` type.
    Json,
    /// `multipart/form-data`; its fields are the `Body` type's, files under
    /// `material:<id>`.
    Multipart,
    /// Bytes of the given media type (a QR code, a stored file).
    Bytes(&'static str),
}

/// One endpoint of the API.
pub trait Endpoint {
    const METHOD: Method;
    /// The path with `{name}` for each path parameter.
    const PATH: &'static str;
    const ACCESS: Access;
    /// One line for the OpenAPI document (Chinese, as the UI says it).
    const SUMMARY: &'static str;
    /// The status of a success (201 for a create).
    const STATUS: u16;
    const BODY: Payload;
    const RESPONSE: Payload;
    /// Errors this endpoint answers besides `internal`.
    const ERRORS: &'static [ErrorCode];
    type Query: Serialize + Default;
    type Body: Serialize;
    type Response: for<'de> Deserialize<'de>;

    /// The path with its parameters filled in (percent-encoded by the caller
    /// where needed; case numbers and ids need none).
    fn path(args: &[&str]) -> String {
        let mut out = String::new();
        let mut args = args.iter();
        for (i, segment) in Self::PATH.split('/').enumerate() {
            if i > 0 {
                out.push('/');
            }
            if segment.starts_with('{') {
                out.push_str(args.next().copied().unwrap_or(""));
            } else {
                out.push_str(segment);
            }
        }
        out
    }

    /// The path's parameters if `method` and `path` are this endpoint.
    fn matches<'a>(method: Method, path: &[&'a str]) -> Option<Vec<&'a str>> {
        if method != Self::METHOD {
            return None;
        }
        let template: Vec<&str> = Self::PATH.trim_matches('/').split('/').collect();
        if template.len() != path.len() {
            return None;
        }
        let mut args = Vec::new();
        for (t, p) in template.iter().zip(path) {
            if t.starts_with('{') {
                args.push(*p);
            } else if t != p {
                return None;
            }
        }
        Some(args)
    }
}

/// No query parameters, or no body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Empty {}

/// The answer of a write that has nothing else to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Done {
    pub ok: bool,
}

/// The no-op route's answer (latency is measured against it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Health {
    pub ok: bool,
}

#[cfg(test)]
mod tests;
