//! The staff second factor (`shared::second_factor`): the sign-in's check,
//! and the member's own page: set up (scan, confirm a code), new recovery
//! codes, turn off. Setting up is open to a session that still has to set
//! one up (`auth::require_own_password`); every change asks for the password
//! and a current code again, and is in the security log in its batch.

use super::{json, read_json, Cache, Reply};
use crate::auth;
use crate::clock;
use crate::crypto;
use crate::db::second_factor::{Claim, Stored};
use crate::db::{self, Db};
use crate::error::AppError;
use crate::security_log;
use shared::error::{ApiError, ErrorCode};
use shared::second_factor::{
    code_at, otpauth_uri, read_code, recovery_code, required_for, steps_accepted, PasswordAndCode, RecoveryCodes, SecondFactorSetup,
    SecondFactorStatus, Typed, RECOVERY_CODES, RECOVERY_CODE_CHARS, SECRET_BYTES, WRONG_CODES_PER_ACCOUNT,
};
use shared::security::{Outcome, SecurityKind};
use shared::staff::{StaffUser, LOGIN_WINDOW_SECONDS};
use worker::{Env, Request};

/// The time step whose code `typed` is for `secret_hex`, among those
/// accepted now and after `last_step`.
fn matching_step(secret_hex: &str, typed: &str, last_step: i64) -> Option<i64> {
    let secret = crypto::unhex(secret_hex);
    steps_accepted(clock::now_unix(), last_step).find(|step| crypto::same(&code_at(&secret, *step), typed))
}

/// What a sign-in claims with the code it sent, for an account whose
/// factor is `secret_hex`: `Err(None)` when no code was sent (ask for
/// one), `Err(Some(detail))` when it cannot be right. A recovery code is
/// checked by its claim in the session's batch.
pub async fn sign_in_claim(secret_hex: &str, last_step: i64, code: Option<&str>) -> Result<Claim, Option<&'static str>> {
    let code = code.map(str::trim).filter(|c| !c.is_empty()).ok_or(None)?;
    match read_code(code).map_err(|_| Some("动态码格式不对"))? {
        Typed::Totp(typed) => matching_step(secret_hex, &typed, last_step).map(Claim::Step).ok_or(Some("动态码错误或已用过")),
        Typed::Recovery(code) => crypto::sha256_hex(code.as_bytes()).await.map(Claim::Recovery).map_err(|_| Some("恢复码无法核对")),
    }
}

/// 401 asking for the second factor (the password was right).
pub fn code_needed() -> ApiError {
    ApiError::new(ErrorCode::SecondFactorRequired, "请输入手机身份验证器上的6位动态码（手机不在身边时可用恢复码）")
}

/// 401 for a wrong, reused or malformed code.
pub fn code_wrong() -> ApiError {
    ApiError::new(ErrorCode::Unauthenticated, "动态码不正确或已使用过，请输入身份验证器上最新的动态码")
}

/// `GET /api/staff/second-factor`
pub async fn status(req: &Request, db: &Db) -> Reply {
    let user = auth::require_own_password(req, db).await?;
    let stored = stored(db, &user).await?;
    let status = SecondFactorStatus {
        enabled: stored.totp_secret.is_some(),
        required: required_for(user.role),
        recovery_codes_left: stored.codes_left,
    };
    json(&status, Cache::NoStore)
}

async fn stored(db: &Db, user: &StaffUser) -> Result<Stored, AppError> {
    Ok(db::second_factor::stored(db, user.id).await?.ok_or_else(|| ApiError::not_found("该账号"))?)
}

/// `POST /api/staff/second-factor/setup`: a new secret to scan. The one in
/// force (if any) stays until a code from the new one is confirmed.
pub async fn setup(req: &Request, db: &Db) -> Reply {
    let user = auth::require_own_password(req, db).await?;
    let secret = crypto::random_bytes::<SECRET_BYTES>()?;
    db::second_factor::set_pending(db, user.id, &crypto::hex(&secret)).await?;
    let issuer = db::admin::settings::read(db).await?.settings.public.centre_name;
    let uri = otpauth_uri(&issuer, &user.username, &secret);
    let qr_svg = crate::qr::svg(&uri)?;
    json(&SecondFactorSetup { secret: shared::second_factor::base32(&secret), uri, qr_svg }, Cache::NoStore)
}

/// What a change of the second factor was sent with, once the password
/// was checked again (`staff_auth::reauthenticate`).
struct Reauthenticated {
    user: StaffUser,
    stored: Stored,
    /// The authenticator's code typed to make the change.
    code: String,
    /// A code of the factor in force, typed to replace it.
    current: Option<String>,
}

async fn reauthenticate(req: &mut Request, env: &Env, db: &Db) -> Result<Reauthenticated, AppError> {
    let user = auth::require_own_password(req, db).await?;
    let body: PasswordAndCode = read_json(req).await?;
    let code = match body.validate()? {
        Typed::Totp(code) => code,
        Typed::Recovery(_) => return Err(wrong_code("code")),
    };
    let key = code_key(user.id);
    if db::throttle::failures(db, &key, LOGIN_WINDOW_SECONDS, clock::now_unix()).await?.0 >= WRONG_CODES_PER_ACCOUNT {
        return Err(ApiError::new(ErrorCode::TooManyRequests, "动态码输错次数过多，请15分钟后再试").into());
    }
    super::staff_auth::reauthenticate(req, env, db, &user, &body.password, SecurityKind::SecondFactorChanged, "password").await?;
    let stored = stored(db, &user).await?;
    Ok(Reauthenticated { user, stored, code, current: body.current_code })
}

/// The key under which an account's wrong codes are counted, at sign-in and
/// on this page alike.
pub fn code_key(staff_id: i64) -> String {
    format!("login:code:{staff_id}")
}

/// The time step of `typed` for `secret_hex`; a wrong one counts against
/// the account's codes (`WRONG_CODES_PER_ACCOUNT`), as at sign-in.
async fn checked_step(db: &Db, staff_id: i64, secret_hex: &str, typed: &str, last_step: i64, field: &str) -> Result<i64, AppError> {
    match matching_step(secret_hex, typed, last_step) {
        Some(step) => Ok(step),
        None => {
            db::throttle::fail(db, &code_key(staff_id), LOGIN_WINDOW_SECONDS, clock::now_unix_ms()).await?;
            Err(wrong_code(field))
        }
    }
}

fn wrong_code(field: &str) -> AppError {
    let message = "动态码不正确或已用过，请输入身份验证器上最新的动态码";
    ApiError::with_fields(
        ErrorCode::InvalidParameter,
        message,
        vec![shared::error::FieldError { field: field.into(), message: message.into() }],
    )
    .into()
}

/// Fresh recovery codes: as shown, and the hashes D1 keeps.
async fn new_codes() -> Result<(Vec<String>, Vec<String>), AppError> {
    let mut shown = Vec::with_capacity(RECOVERY_CODES);
    let mut hashes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let code = recovery_code(&crypto::random_bytes::<RECOVERY_CODE_CHARS>()?);
        let Ok(Typed::Recovery(normalised)) = read_code(&code) else { return Err(ApiError::internal().into()) };
        hashes.push(crypto::sha256_hex(normalised.as_bytes()).await?);
        shown.push(code);
    }
    Ok((shown, hashes))
}

fn nonce() -> worker::Result<String> {
    Ok(crypto::hex(&crypto::random_bytes::<16>()?))
}

fn changed() -> ApiError {
    ApiError::new(ErrorCode::Conflict, "两步验证刚在别处被修改，请刷新页面后重试")
}

/// `POST /api/staff/second-factor/confirm`: the pending secret in force,
/// with new recovery codes (shown once).
pub async fn confirm(req: &mut Request, env: &Env, db: &Db) -> Reply {
    let Reauthenticated { user, stored, code, current } = reauthenticate(req, env, db).await?;
    let pending = stored.totp_pending.ok_or_else(|| ApiError::new(ErrorCode::Conflict, "请先点“开始设置”获取新的二维码"))?;
    // Replacing a factor in force needs a code of that one too: a password
    // and a stolen session alone must not bind an attacker's authenticator.
    if let Some(secret) = &stored.totp_secret {
        let current = current.map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).ok_or_else(|| wrong_code("current_code"))?;
        checked_step(db, user.id, secret, &current, stored.totp_step, "current_code").await?;
    }
    let step = checked_step(db, user.id, &pending, &code, stored.totp_step, "code").await?;
    let (codes, hashes) = new_codes().await?;
    let detail = if stored.totp_secret.is_some() { "更换身份验证器，恢复码已换新" } else { "开启两步验证" };
    let event = security_log::event(req, SecurityKind::SecondFactorChanged, Outcome::Success, (&user).into(), "", detail);
    if !db::second_factor::confirm(db, user.id, &pending, step, &hashes, &nonce()?, &event).await? {
        return Err(changed().into());
    }
    json(&RecoveryCodes { codes }, Cache::NoStore)
}

/// `POST /api/staff/second-factor/recovery-codes`: new codes; the old ones
/// stop working.
pub async fn renew_codes(req: &mut Request, env: &Env, db: &Db) -> Reply {
    let Reauthenticated { user, stored, code, .. } = reauthenticate(req, env, db).await?;
    let secret = stored.totp_secret.ok_or_else(not_on)?;
    let step = checked_step(db, user.id, &secret, &code, stored.totp_step, "code").await?;
    let (codes, hashes) = new_codes().await?;
    let event = security_log::event(req, SecurityKind::SecondFactorChanged, Outcome::Success, (&user).into(), "", "恢复码换新");
    if !db::second_factor::renew_codes(db, user.id, step, &hashes, &nonce()?, &event).await? {
        return Err(changed().into());
    }
    json(&RecoveryCodes { codes }, Cache::NoStore)
}

fn not_on() -> ApiError {
    ApiError::new(ErrorCode::Conflict, "尚未开启两步验证")
}

/// `POST /api/staff/second-factor/off`: not for a role that requires one.
pub async fn turn_off(req: &mut Request, env: &Env, db: &Db) -> Reply {
    let Reauthenticated { user, stored, code, .. } = reauthenticate(req, env, db).await?;
    if required_for(user.role) {
        return Err(ApiError::new(ErrorCode::Forbidden, format!("{}必须开启两步验证，不能关闭；可重新扫码更换手机", user.role.zh())).into());
    }
    let secret = stored.totp_secret.ok_or_else(not_on)?;
    let step = checked_step(db, user.id, &secret, &code, stored.totp_step, "code").await?;
    let event = security_log::event(req, SecurityKind::SecondFactorChanged, Outcome::Success, (&user).into(), "", "关闭两步验证");
    if !db::second_factor::turn_off(db, user.id, step, &nonce()?, &event).await? {
        return Err(changed().into());
    }
    json(&shared::api::Done { ok: true }, Cache::NoStore)
}
