//! Open311 partners' API keys: the office issues them (shown once, kept as
//! a SHA-256 only) and revokes them.

use crate::auth::require_staff;
use crate::clock;
use crate::crypto;
use crate::db::hotline::keys;
use crate::db::Db;
use crate::routes::{created, json, read_json, Cache, Reply};
use crate::security_log;
use shared::error::ApiError;
use shared::hotline::partners::{ApiKeyList, IssuedApiKey, NewApiKey};
use shared::security::{Outcome, SecurityKind};
use worker::Request;

pub async fn list(req: &Request, db: &Db) -> Reply {
    require_staff(req, db).await?.check_is_office()?;
    json(&ApiKeyList { items: keys::list(db).await? }, Cache::NoStore)
}

pub async fn issue(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let body: NewApiKey = read_json(req).await?;
    body.validate()?;
    // 32 random bytes as hex: 256 bits, nothing to guess.
    let key = crypto::hex(&crypto::random_bytes::<32>()?);
    let hash = crypto::sha256_hex(key.as_bytes()).await?;
    let hint = key[key.len() - 4..].to_string();
    let detail = format!("合作单位：{}", body.partner.trim());
    let event = security_log::event(req, SecurityKind::ApiKeyIssued, Outcome::Success, (&user).into(), "api_key:", &detail);
    let id = keys::issue(db, body.partner.trim(), &hash, &hint, clock::now(), &user.name, &event).await?;
    created(&IssuedApiKey { id, partner: body.partner.trim().into(), key })
}

pub async fn revoke(req: &Request, db: &Db, id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let id: i64 = id.parse().map_err(|_| ApiError::not_found("该密钥"))?;
    let event = security_log::event(req, SecurityKind::ApiKeyRevoked, Outcome::Success, (&user).into(), &format!("api_key:{id}"), "");
    if !keys::revoke(db, id, clock::now(), &event).await? {
        return Err(ApiError::not_found("该密钥").into());
    }
    json(&ApiKeyList { items: keys::list(db).await? }, Cache::NoStore)
}
