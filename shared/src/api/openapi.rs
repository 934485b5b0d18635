//! The OpenAPI 3.1 document, generated from the endpoint declarations and
//! the types' JSON Schemas (feature `schema`, used by `cargo xtask openapi`;
//! the Worker serves the generated file, so no schema code ships).

use super::{Access, Endpoint, Method, Payload};
use crate::error::{ErrorBody, ErrorCode};
use schemars::generate::{Contract, SchemaSettings};
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Called once per endpoint by `endpoints::for_each`.
pub trait Visit {
    fn visit<E: Endpoint>(&mut self)
    where
        E::Query: JsonSchema,
        E::Body: JsonSchema,
        E::Response: JsonSchema;
}

const REF_PREFIX: &str = "#/components/schemas/";

fn generator(contract: Contract) -> SchemaGenerator {
    SchemaSettings::draft2020_12()
        .with(|s| {
            s.definitions_path = "/components/schemas".into();
            s.meta_schema = None;
            s.contract = contract;
        })
        .into_generator()
}

struct Builder {
    /// Requests and queries are described as the server reads them,
    /// answers as it writes them; the two can differ (defaults, skipped fields).
    requests: SchemaGenerator,
    answers: SchemaGenerator,
    paths: BTreeMap<String, Map<String, Value>>,
}

impl Visit for Builder {
    fn visit<E: Endpoint>(&mut self)
    where
        E::Query: JsonSchema,
        E::Body: JsonSchema,
        E::Response: JsonSchema,
    {
        let mut parameters: Vec<Value> = E::PATH
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(|name| json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } }))
            .collect();
        let query = self.requests.clone().into_root_schema_for::<E::Query>();
        if let Some(Value::Object(props)) = query.get("properties") {
            for (name, prop) in props {
                let mut p = json!({ "name": name, "in": "query", "required": false, "schema": { "type": "string" } });
                if let Some(d) = prop.get("description") {
                    p["description"] = d.clone();
                }
                parameters.push(p);
            }
        }
        if E::PATH == "/api/applications" {
            parameters.push(json!({
                "name": "Idempotency-Key", "in": "header", "required": true,
                "description": "8–100 letters, digits, - or _; a retry with the same key and body gets the same receipt",
                "schema": { "type": "string", "pattern": "^[A-Za-z0-9_-]{8,100}$" }
            }));
        }
        let mut op = json!({
            "operationId": operation_id(E::PATH, E::METHOD),
            "summary": E::SUMMARY,
            "parameters": parameters,
            "responses": self.responses::<E>(),
        });
        match E::BODY {
            Payload::Json => {
                let schema = self.requests.subschema_for::<E::Body>();
                op["requestBody"] = json!({ "required": true, "content": { "application/json": { "schema": schema } } });
            }
            Payload::Multipart => {
                let mut schema = self.requests.clone().into_root_schema_for::<E::Body>().to_value();
                if let Value::Object(o) = &mut schema {
                    o.remove("$schema");
                    o.remove("title");
                    // A root schema carries every definition the generator has
                    // seen so far; the document has them once, under components.
                    o.remove("components");
                    o.remove("$defs");
                    o.insert(
                        "patternProperties".into(),
                        json!({ "^material:[0-9]+$": { "type": "string", "contentMediaType": "application/octet-stream",
                            "description": "A file (JPEG, PNG or PDF, ≤ 10 MB) for the matter's material with this id" } }),
                    );
                }
                op["requestBody"] = json!({ "required": true, "content": { "multipart/form-data": { "schema": schema } } });
            }
            Payload::Nothing | Payload::Bytes(_) => {}
        }
        if E::ACCESS != Access::Public {
            op["security"] = json!([{ "session": [] }]);
        }
        let method = match E::METHOD {
            Method::Get => "get",
            Method::Post => "post",
        };
        self.paths.entry(E::PATH.to_string()).or_default().insert(method.into(), op);
    }
}

impl Builder {
    fn responses<E: Endpoint>(&mut self) -> Value
    where
        E::Response: JsonSchema,
    {
        let mut out = Map::new();
        let success = match E::RESPONSE {
            Payload::Json => {
                json!({ "description": "成功", "content": { "application/json": { "schema": self.answers.subschema_for::<E::Response>() } } })
            }
            Payload::Bytes(media) => {
                json!({ "description": "成功", "content": { media: { "schema": { "type": "string", "contentMediaType": media } } } })
            }
            Payload::Nothing | Payload::Multipart => json!({ "description": "成功" }),
        };
        out.insert(E::STATUS.to_string(), success);
        let error = self.answers.subschema_for::<ErrorBody>();
        let mut by_status: BTreeMap<u16, Vec<String>> = BTreeMap::new();
        // An endpoint that refuses a one-time password's session goes through
        // `require_staff`, which also refuses a missing second factor.
        let implied = |code: ErrorCode| match code {
            ErrorCode::PasswordChangeRequired => vec![code, ErrorCode::SecondFactorSetupRequired],
            _ => vec![code],
        };
        for code in E::ERRORS.iter().copied().flat_map(implied).chain([ErrorCode::Internal]) {
            by_status.entry(code.http_status()).or_default().push(code_name(code));
        }
        for (status, codes) in by_status {
            let description = format!("错误，error.code 为：{}", codes.join("、"));
            out.insert(status.to_string(), json!({ "description": description, "content": { "application/json": { "schema": error } } }));
        }
        Value::Object(out)
    }
}

/// The code as the API spells it (its serde name: one definition).
fn code_name(code: ErrorCode) -> String {
    match serde_json::to_value(code) {
        Ok(Value::String(s)) => s,
        _ => "unknown".into(),
    }
}

/// `GET /api/track/{case_no}` → `get_api_track_case_no`.
fn operation_id(path: &str, method: Method) -> String {
    let mut id = method.as_str().to_lowercase();
    for part in path.split(|c: char| !c.is_ascii_alphanumeric()).filter(|p| !p.is_empty()) {
        id.push('_');
        id.push_str(part);
    }
    id
}

/// The whole document.
pub fn document() -> Value {
    let mut b = Builder { requests: generator(Contract::Deserialize), answers: generator(Contract::Serialize), paths: BTreeMap::new() };
    super::for_each(&mut b);
    let requests = b.requests.take_definitions(true);
    let answers = b.answers.take_definitions(true);
    // A type read and written alike is one schema; where the two differ,
    // the written one is `<Name>Answer` and answers refer to that.
    let renamed: Vec<String> = answers.iter().filter(|(k, v)| requests.get(*k).is_some_and(|r| r != *v)).map(|(k, _)| k.clone()).collect();
    let mut schemas = requests;
    let mut paths = serde_json::to_value(&b.paths).unwrap_or(Value::Null);
    let mut answers = Value::Object(answers);
    for value in [&mut paths, &mut answers] {
        rename_refs(value, &renamed, true);
    }
    // Requests' refs stay as they are; only answer parts were renamed, so
    // undo it inside request bodies and parameters.
    if let Value::Object(paths) = &mut paths {
        for ops in paths.values_mut().filter_map(Value::as_object_mut) {
            for op in ops.values_mut() {
                if let Some(body) = op.get_mut("requestBody") {
                    rename_refs(body, &renamed, false);
                }
            }
        }
    }
    if let Value::Object(answers) = answers {
        for (name, schema) in answers {
            let key = if renamed.contains(&name) { format!("{name}Answer") } else { name };
            schemas.entry(key).or_insert(schema);
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "县政府办公室服务与督查系统 API",
            "version": "1",
            "description": "在线申请、办件查询、窗口办理、县府办监督。错误统一为 {\"error\":{\"code\",\"message\"}}：code 稳定供程序判断，message 为中文、说明如何处理。时间为中国标准时间（UTC+08:00）。"
        },
        "servers": [{ "url": "/" }],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": { "session": { "type": "apiKey", "in": "cookie", "name": "__Host-sid", "description": "POST /api/staff/login 设置的会话 Cookie" } }
        }
    })
}

/// Points refs to a renamed schema at `<Name>Answer` (or back).
fn rename_refs(value: &mut Value, renamed: &[String], forward: bool) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get_mut("$ref") {
                if let Some(name) = r.strip_prefix(REF_PREFIX) {
                    let base = name.strip_suffix("Answer").unwrap_or(name);
                    if renamed.iter().any(|n| n == base) {
                        *r = if forward { format!("{REF_PREFIX}{base}Answer") } else { format!("{REF_PREFIX}{base}") };
                    }
                }
            }
            for v in map.values_mut() {
                rename_refs(v, renamed, forward);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rename_refs(v, renamed, forward)),
        _ => {}
    }
}
