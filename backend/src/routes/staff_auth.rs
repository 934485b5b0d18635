//! `POST /api/staff/login`, `POST /api/staff/logout`, `GET /api/staff/me`.

use super::{client_ip, json, read_json, second_factor, Cache, Reply};
use crate::auth;
use crate::clock;
use crate::crypto;
use crate::db::{self, Db};
use crate::error::AppError;
use crate::security_log;
use shared::admin::accounts::{one_time_password_expired, ONE_TIME_PASSWORD_HOURS};
use shared::error::{ApiError, ErrorCode, FieldError};
use shared::second_factor::WRONG_CODES_PER_ACCOUNT;
use shared::security::{Outcome, SecurityKind};
use shared::staff::{
    login_delay, LoginRequest, SessionInfo, SessionList, SessionsEnded, StaffUser, LOGIN_PER_ADDRESS, LOGIN_WINDOW_SECONDS,
    SESSION_IDLE_SECONDS,
};
use worker::{Env, Request};

/// Every attempt that gets past the length checks is in the security log:
/// a success (in the session's batch), a failure with the user name as
/// typed, a throttled attempt (once a minute per address).
pub async fn login(req: &mut Request, db: &Db, env: &Env) -> Reply {
    let body: LoginRequest = read_json(req).await?;
    body.validate()?;
    let username = body.username.trim();
    let typed = security_log::Who { staff_id: None, username };
    let now = clock::now_unix();
    let now_ms = clock::now_unix_ms();
    let ip = client_ip(req);
    // The address first: its wrong passwords of any user name (successes do
    // not count, so colleagues behind one office address never lock each
    // other out), checked before anything is written.
    let address = format!("login:ip:{ip}");
    if db::throttle::failures(db, &address, LOGIN_WINDOW_SECONDS, now).await?.0 >= LOGIN_PER_ADDRESS {
        let detail = format!("该地址{}分钟内输错密码已达{LOGIN_PER_ADDRESS}次", LOGIN_WINDOW_SECONDS / 60);
        security_log::record_limited(db, req, env, SecurityKind::SignIn, typed, "", &detail).await;
        return Err(too_many(LOGIN_WINDOW_SECONDS));
    }
    // Then this user from this address: wait longer after each failure.
    let pair = format!("login:user-ip:{username}:{ip}");
    let (failures, last_at_ms) = db::throttle::failures(db, &pair, LOGIN_WINDOW_SECONDS, now).await?;
    let wait_ms = last_at_ms + login_delay(failures) * 1000 - now_ms;
    if wait_ms > 0 {
        let detail = format!("该用户名在此地址已连续输错{failures}次，须等待后再试");
        security_log::record_limited(db, req, env, SecurityKind::SignIn, typed, "", &detail).await;
        return Err(too_many((wait_ms + 999) / 1000));
    }
    let wrong = || ApiError::new(ErrorCode::Unauthenticated, "用户名或密码错误");
    let Some(account) = db::staff::credentials(db, username).await? else {
        // Spend the same work as a real check, so timing does not reveal
        // which user names exist.
        crypto::pbkdf2_hex(&body.password, b"no-such-user", crypto::PBKDF2_ITERATIONS).await?;
        failed(db, &[&address, &pair], now_ms).await?;
        security_log::record(db, req, SecurityKind::SignIn, Outcome::Failure, typed, "", "无此用户名或账号已停用").await;
        return Err(wrong().into());
    };
    if !crypto::verify_password(&body.password, &account.salt, account.iterations, &account.password_hash).await? {
        failed(db, &[&address, &pair], now_ms).await?;
        security_log::record(db, req, SecurityKind::SignIn, Outcome::Failure, (&account.user).into(), "", "密码错误").await;
        return Err(wrong().into());
    }
    db::throttle::clear(db, &pair).await?;
    // A one-time password left unused too long no longer signs in.
    let issued = account.password_issued_at.filter(|_| account.user.must_change_password);
    if issued.is_some_and(|at| one_time_password_expired(at, now)) {
        let detail = format!("一次性密码超过{ONE_TIME_PASSWORD_HOURS}小时未使用，已失效");
        security_log::record(db, req, SecurityKind::SignIn, Outcome::Failure, (&account.user).into(), "", &detail).await;
        let message = format!("一次性密码已超过{ONE_TIME_PASSWORD_HOURS}小时未使用而失效，请联系管理员重新重置密码");
        return Err(ApiError::new(ErrorCode::Unauthenticated, message).into());
    }
    // The second factor, if the account has one: a code claimed in the
    // session's own batch, so it signs in once.
    let claim = match account.totp_secret.as_deref() {
        None => None,
        Some(secret) => {
            let code_key = second_factor::code_key(account.user.id);
            if db::throttle::failures(db, &code_key, LOGIN_WINDOW_SECONDS, now).await?.0 >= WRONG_CODES_PER_ACCOUNT {
                let detail = format!("该账号{}分钟内动态码错误已达{WRONG_CODES_PER_ACCOUNT}次", LOGIN_WINDOW_SECONDS / 60);
                security_log::record_limited(db, req, env, SecurityKind::SignIn, (&account.user).into(), "", &detail).await;
                return Err(too_many(LOGIN_WINDOW_SECONDS));
            }
            match second_factor::sign_in_claim(secret, account.totp_step, body.code.as_deref()).await {
                Ok(claim) => Some(claim),
                Err(None) => return Err(second_factor::code_needed().into()),
                Err(Some(detail)) => {
                    failed(db, &[&address, &pair, &code_key], now_ms).await?;
                    security_log::record(db, req, SecurityKind::SignIn, Outcome::Failure, (&account.user).into(), "", detail).await;
                    return Err(second_factor::code_wrong().into());
                }
            }
        }
    };
    let Some(cookie) = auth::start_session(req, db, &account.user, claim.as_ref()).await? else {
        failed(db, &[&address, &pair, &second_factor::code_key(account.user.id)], now_ms).await?;
        security_log::record(db, req, SecurityKind::SignIn, Outcome::Failure, (&account.user).into(), "", "动态码或恢复码已用过").await;
        return Err(second_factor::code_wrong().into());
    };
    let mut response = json(&account.user, Cache::NoStore)?;
    response.headers_mut().set("Set-Cookie", &cookie)?;
    Ok(response)
}

/// Counts a wrong password against the address and the (user, address) pair.
async fn failed(db: &Db, keys: &[&str], now_ms: i64) -> worker::Result<()> {
    for key in keys {
        db::throttle::fail(db, key, LOGIN_WINDOW_SECONDS, now_ms).await?;
    }
    Ok(())
}

/// 429 that says how long to wait, in words and in `Retry-After`.
fn too_many(seconds: i64) -> AppError {
    let wait = if seconds >= 60 { format!("{}分钟", (seconds + 59) / 60) } else { format!("{seconds}秒") };
    AppError::Limited(ApiError::new(ErrorCode::TooManyRequests, format!("登录尝试过于频繁，请{wait}后再试")), seconds)
}

pub async fn logout(req: &Request, db: &Db) -> Reply {
    let cookie = auth::end_session(req, db).await?;
    let mut response = json(&shared::api::Done { ok: true }, Cache::NoStore)?;
    response.headers_mut().set("Set-Cookie", &cookie)?;
    Ok(response)
}

pub async fn me(req: &Request, db: &Db) -> Reply {
    let user = auth::require_session(req, db).await?;
    json(&user, Cache::NoStore)
}

/// `GET /api/staff/sessions`: the member's own live sessions.
pub async fn sessions(req: &Request, db: &Db) -> Reply {
    let user = auth::require_staff(req, db).await?;
    let current = auth::session_hash(req).await?.unwrap_or_default();
    let at = |secs: i64| shared::engine::instant::Instant::from_unix_ms(secs as f64 * 1000.0);
    let sessions = db::staff::sessions(db, user.id, clock::now_unix())
        .await?
        .into_iter()
        .map(|s| SessionInfo {
            started_at: at(s.created_at),
            last_active_at: at(s.idle_until - SESSION_IDLE_SECONDS),
            current: s.token_hash == current,
            address: s.address,
            agent: s.agent,
        })
        .collect();
    json(&SessionList { sessions }, Cache::NoStore)
}

/// `POST /api/staff/sessions/end-others`: signs the member out everywhere
/// but here, once they typed their password again (in the security log, in
/// the same batch).
pub async fn end_other_sessions(req: &mut Request, env: &Env, db: &Db) -> Reply {
    let user = auth::require_staff(req, db).await?;
    let body: shared::staff::EndSessions = read_json(req).await?;
    reauthenticate(req, env, db, &user, &body.password, SecurityKind::SessionsEnded, "password").await?;
    let current = auth::session_hash(req).await?.unwrap_or_default();
    let event = security_log::event(req, SecurityKind::SessionsEnded, Outcome::Success, (&user).into(), "sessions", "结束其他会话：");
    let ended = db::staff::end_other_sessions(db, user.id, &current, &event).await?;
    json(&SessionsEnded { ended }, Cache::NoStore)
}

/// Checks a signed-in member's password again before a change of how they
/// sign in (ASVS 7.5.1). Wrong ones count with the sign-in's, per (user,
/// address): a session left open is no way to guess the password without
/// limit. `field` names the form's password field in the error.
pub async fn reauthenticate(
    req: &Request,
    env: &Env,
    db: &Db,
    user: &StaffUser,
    password: &str,
    kind: SecurityKind,
    field: &str,
) -> Result<(), AppError> {
    let wrong = || {
        ApiError::with_fields(
            ErrorCode::InvalidParameter,
            "当前密码不正确",
            vec![FieldError { field: field.into(), message: "当前密码不正确".into() }],
        )
    };
    let account = db::staff::credentials(db, &user.username).await?.ok_or_else(wrong)?;
    let pair = format!("login:user-ip:{}:{}", user.username, client_ip(req));
    let (now, now_ms) = (clock::now_unix(), clock::now_unix_ms());
    let (failures, last_at_ms) = db::throttle::failures(db, &pair, LOGIN_WINDOW_SECONDS, now).await?;
    let target = format!("account:{}", user.id);
    if last_at_ms + login_delay(failures) * 1000 > now_ms {
        let detail = format!("当前密码已连续输错{failures}次");
        security_log::record_limited(db, req, env, kind, user.into(), &target, &detail).await;
        return Err(ApiError::new(ErrorCode::TooManyRequests, "当前密码输错次数过多，请稍后再试").into());
    }
    if password.chars().count() > shared::staff::MAX_PASSWORD_CHARS
        || !crypto::verify_password(password, &account.salt, account.iterations, &account.password_hash).await?
    {
        db::throttle::fail(db, &pair, LOGIN_WINDOW_SECONDS, now_ms).await?;
        security_log::record(db, req, kind, Outcome::Failure, user.into(), &target, "当前密码不正确").await;
        return Err(wrong().into());
    }
    Ok(())
}
