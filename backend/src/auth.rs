//! Staff sessions: a random token in an `HttpOnly; Secure; SameSite=Strict`
//! cookie; D1 keeps only its SHA-256.

use crate::clock;
use crate::crypto;
use crate::db::second_factor::Claim;
use crate::db::{self, Db};
use crate::error::AppError;
use crate::security_log;
use shared::error::{ApiError, ErrorCode};
use shared::security::{Outcome, SecurityKind};
use shared::staff::StaffUser;
use worker::{Request, Result};

/// `__Host-`: the browser keeps it only for this host, over HTTPS, for every path.
const COOKIE: &str = "__Host-sid";

fn token(req: &Request) -> Option<String> {
    let header = req.headers().get("Cookie").ok().flatten()?;
    header.split(';').find_map(|c| c.trim().strip_prefix(COOKIE)?.strip_prefix('=').map(str::to_string)).filter(|t| !t.is_empty())
}

/// Whether the request carries a session cookie at all (valid or not).
pub fn has_session_cookie(req: &Request) -> bool {
    token(req).is_some()
}

/// The signed-in staff member, or 401; 403 while they still sign in with a
/// one-time password, or lack the second factor their role requires (they
/// may only choose a password or set the factor up: [`require_session`]).
pub async fn require_staff(req: &Request, db: &Db) -> std::result::Result<StaffUser, AppError> {
    let user = require_own_password(req, db).await?;
    if user.must_set_up_second_factor {
        let message = "您的角色须开启两步验证：请先在“两步验证”页用手机身份验证器扫码绑定，再继续";
        return Err(ApiError::new(ErrorCode::SecondFactorSetupRequired, message).into());
    }
    Ok(user)
}

/// The signed-in staff member once they chose their own password (403
/// before), whether or not they set up a second factor yet: for setting
/// one up.
pub async fn require_own_password(req: &Request, db: &Db) -> std::result::Result<StaffUser, AppError> {
    let user = require_session(req, db).await?;
    if user.must_change_password {
        return Err(ApiError::new(ErrorCode::PasswordChangeRequired, "您正在使用一次性密码，请先设置新密码再继续").into());
    }
    Ok(user)
}

/// The signed-in staff member, or 401, whether or not their password is
/// one-time (for "who am I" and choosing a new password). Use moves the
/// session's idle limit on, at most every few minutes.
pub async fn require_session(req: &Request, db: &Db) -> std::result::Result<StaffUser, AppError> {
    let hash = session_hash(req).await?.ok_or_else(unauthenticated)?;
    let now = clock::now_unix();
    let (user, idle_until) = db::staff::by_session(db, &hash, now).await?.ok_or_else(unauthenticated)?;
    if shared::staff::session_needs_touch(idle_until, now) {
        db::staff::touch_session(db, &hash, now).await?;
    }
    Ok(user)
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

/// Starts a session for `user` from the request's address and browser, with
/// the sign-in's security event; returns the `Set-Cookie` value. Every
/// sign-in makes a new session. With a second factor, `None` if its code
/// was used meanwhile (by a sign-in racing this one).
pub async fn start_session(req: &Request, db: &Db, user: &StaffUser, second: Option<&Claim>) -> Result<Option<String>> {
    let token = crypto::hex(&crypto::random_bytes::<32>()?);
    let hash = crypto::sha256_hex(token.as_bytes()).await?;
    let agent: String = req.headers().get("User-Agent")?.unwrap_or_default().chars().take(200).collect();
    let address = crate::routes::client_ip(req);
    let session = db::staff::NewSession { token_hash: &hash, staff_id: user.id, now: clock::now_unix(), address: &address, agent: &agent };
    let event = security_log::event(req, SecurityKind::SignIn, Outcome::Success, user.into(), "", &agent);
    if !db::staff::create_session(db, session, second, &event).await? {
        return Ok(None);
    }
    Ok(Some(format!("{COOKIE}={token}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age={}", shared::staff::SESSION_SECONDS)))
}

/// Ends the request's session, if any, with its security event; returns
/// the clearing `Set-Cookie`.
pub async fn end_session(req: &Request, db: &Db) -> Result<String> {
    if let Some(token) = token(req) {
        let event = security_log::event(req, SecurityKind::SignOut, Outcome::Success, security_log::NOBODY, "", "");
        db::staff::delete_session(db, &crypto::sha256_hex(token.as_bytes()).await?, &event).await?;
    }
    Ok(format!("{COOKIE}=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0"))
}
