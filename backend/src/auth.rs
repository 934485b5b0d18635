//! Staff sessions: a random token in an `HttpOnly; Secure; SameSite=Strict`
//! cookie; D1 keeps only its SHA-256.

use crate::clock;
use crate::crypto;
use crate::db::{self, Db};
use crate::error::AppError;
use shared::error::{ApiError, ErrorCode};
use shared::staff::StaffUser;
use worker::{Request, Result};

/// `__Host-`: the browser keeps it only for this host, over HTTPS, for every path.
const COOKIE: &str = "__Host-sid";
pub const SESSION_SECONDS: i64 = 8 * 3600;

fn token(req: &Request) -> Option<String> {
    let header = req.headers().get("Cookie").ok().flatten()?;
    header.split(';').find_map(|c| c.trim().strip_prefix(COOKIE)?.strip_prefix('=').map(str::to_string)).filter(|t| !t.is_empty())
}

/// The signed-in staff member, or 401; 403 while they still sign in with a
/// one-time password (they may only choose a new one: [`require_session`]).
pub async fn require_staff(req: &Request, db: &Db) -> std::result::Result<StaffUser, AppError> {
    let user = require_session(req, db).await?;
    if user.must_change_password {
        return Err(ApiError::new(ErrorCode::PasswordChangeRequired, "您正在使用一次性密码，请先设置新密码再继续").into());
    }
    Ok(user)
}

/// The signed-in staff member, or 401, whether or not their password is
/// one-time (for "who am I" and choosing a new password).
pub async fn require_session(req: &Request, db: &Db) -> std::result::Result<StaffUser, AppError> {
    let hash = session_hash(req).await?.ok_or_else(unauthenticated)?;
    Ok(db::staff::by_session(db, &hash, clock::now_unix()).await?.ok_or_else(unauthenticated)?)
}

fn unauthenticated() -> ApiError {
    ApiError::new(ErrorCode::Unauthenticated, "请先登录；如已登录，登录状态可能已过期")
}

/// The stored hash of the request's session token, if it carries one.
pub async fn session_hash(req: &Request) -> Result<Option<String>> {
    match token(req) {
        Some(token) => Ok(Some(crypto::sha256_hex(token.as_bytes()).await?)),
        None => Ok(None),
    }
}

/// Starts a session; returns the `Set-Cookie` value.
pub async fn start_session(db: &Db, staff_id: i64) -> Result<String> {
    let token = crypto::hex(&crypto::random_bytes::<32>()?);
    let hash = crypto::sha256_hex(token.as_bytes()).await?;
    db::staff::create_session(db, &hash, staff_id, clock::now_unix() + SESSION_SECONDS).await?;
    Ok(format!("{COOKIE}={token}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age={SESSION_SECONDS}"))
}

/// Ends the request's session, if any; returns the clearing `Set-Cookie`.
pub async fn end_session(req: &Request, db: &Db) -> Result<String> {
    if let Some(token) = token(req) {
        db::staff::delete_session(db, &crypto::sha256_hex(token.as_bytes()).await?).await?;
    }
    Ok(format!("{COOKIE}=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0"))
}
