//! `POST /api/staff/login`, `POST /api/staff/logout`, `GET /api/staff/me`.

use super::{client_ip, json, read_json, Cache, Reply};
use crate::auth;
use crate::clock;
use crate::crypto;
use crate::db::{self, Db};
use shared::error::{ApiError, ErrorCode};
use shared::staff::LoginRequest;
use worker::Request;

/// Attempts allowed per user name, and per address, in 15 minutes.
const PER_USER: u32 = 10;
const PER_ADDRESS: u32 = 50;
const WINDOW: i64 = 15 * 60;

pub async fn login(req: &mut Request, db: &Db) -> Reply {
    let body: LoginRequest = read_json(req).await?;
    let username = body.username.trim().to_string();
    let now = clock::now_unix();
    let user_key = format!("login:user:{username}");
    let too_many = db::throttle::hit(db, &user_key, WINDOW, now).await? > PER_USER
        || db::throttle::hit(db, &format!("login:ip:{}", client_ip(req)), WINDOW, now).await? > PER_ADDRESS;
    if too_many {
        return Err(ApiError::new(ErrorCode::TooManyRequests, "登录尝试过于频繁，请15分钟后再试").into());
    }
    let wrong = || ApiError::new(ErrorCode::Unauthenticated, "用户名或密码错误");
    let Some(account) = db::staff::credentials(db, &username).await? else {
        // Spend the same work as a real check, so timing does not reveal
        // which user names exist.
        crypto::pbkdf2_hex(&body.password, b"no-such-user", crypto::PBKDF2_ITERATIONS).await?;
        return Err(wrong().into());
    };
    let salt = (0..account.salt.len() / 2)
        .filter_map(|i| u8::from_str_radix(&account.salt[2 * i..2 * i + 2], 16).ok())
        .collect::<Vec<u8>>();
    let hash = crypto::pbkdf2_hex(&body.password, &salt, account.iterations).await?;
    if !crypto::same(&hash, &account.password_hash) {
        return Err(wrong().into());
    }
    db::throttle::clear(db, &user_key).await?;
    let cookie = auth::start_session(db, account.user.id).await?;
    let mut response = json(&account.user, Cache::NoStore)?;
    response.headers_mut().set("Set-Cookie", &cookie)?;
    Ok(response)
}

pub async fn logout(req: &Request, db: &Db) -> Reply {
    let cookie = auth::end_session(req, db).await?;
    let mut response = json(&serde_json::json!({ "ok": true }), Cache::NoStore)?;
    response.headers_mut().set("Set-Cookie", &cookie)?;
    Ok(response)
}

pub async fn me(req: &Request, db: &Db) -> Reply {
    let user = auth::require_staff(req, db).await?;
    json(&user, Cache::NoStore)
}
