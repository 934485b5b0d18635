//! Staff accounts: the office administers all, a department head their own
//! department's window staff and heads; everyone changes their own password.

use super::{id, stale, stamp};
use crate::auth::{require_session, require_staff, session_hash};
use crate::crypto;
use crate::db::admin::accounts::{NewRow, Secret};
use crate::db::{self, Db};
use crate::error::AppError;
use crate::routes::{created, json, read_json, Cache, Reply};
use crate::security_log;
use shared::admin::accounts::{
    check_keeps_an_admin, check_password, common_password, common_password_key, Account, AccountList, AccountSave, NewAccount,
    OneTimePassword, PasswordChange, PasswordReset,
};
use shared::error::{ApiError, ErrorCode, FieldError};
use shared::security::{account_change, Outcome, SecurityKind};
use shared::staff::{Role, StaffUser};
use worker::{Env, Request};

pub async fn list(req: &Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_can_administer(Role::WindowStaff, user.department_id)?;
    let scope = if user.role == Role::OfficeAdmin { None } else { user.department_id };
    json(&AccountList { accounts: db::admin::accounts::list(db, scope).await? }, Cache::NoStore)
}

pub async fn create(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let body: NewAccount = read_json(req).await?;
    let role = body.validate()?;
    user.check_can_administer(role, body.department_id)?;
    if let Some(d) = body.department_id {
        super::units::check_active(db, d).await?;
    }
    let username = body.username.trim();
    if db::admin::accounts::username_taken(db, username).await? {
        let message = format!("用户名“{username}”已被使用，请换一个");
        return Err(
            ApiError::with_fields(ErrorCode::Conflict, message.clone(), vec![FieldError { field: "username".into(), message }]).into()
        );
    }
    let password = crypto::one_time_password()?;
    let (salt, hash) = crypto::password_secret(&password).await?;
    let s = stamp()?;
    let row = NewRow { username, name: body.name.trim(), role, department_id: body.department_id };
    let secret = Secret { hash: &hash, salt: &salt, iterations: crypto::PBKDF2_ITERATIONS };
    let detail = format!("{username}（{}，{}）", row.name, role.zh());
    let event = security_log::event(req, SecurityKind::AccountCreated, Outcome::Success, (&user).into(), "account:", &detail);
    let id = db::admin::accounts::create(db, row, secret, user.id, &s.now, &event).await?;
    let account = db::admin::accounts::get(db, id).await?.ok_or_else(|| ApiError::not_found("该账号"))?;
    created(&OneTimePassword { account, password })
}

/// Account `id`, if `user` may administer it. Someone who administers no
/// account is refused first; an account outside the caller's reach answers
/// like an unknown one, so ids cannot be probed for who exists.
async fn administered(user: &StaffUser, db: &Db, id: i64) -> Result<Account, AppError> {
    user.check_can_administer(Role::WindowStaff, user.department_id)?;
    let not_found = || ApiError::not_found("该账号");
    let account = db::admin::accounts::get(db, id).await?.ok_or_else(not_found)?;
    user.check_can_administer(account.role, account.department_id).map_err(|_| not_found())?;
    Ok(account)
}

pub async fn update(req: &mut Request, db: &Db, raw_id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let id = id(raw_id, "该账号")?;
    let body: AccountSave = read_json(req).await?;
    body.validate()?;
    let current = administered(&user, db, id).await?;
    // The checks below are of the account as read; a save of another version waits for a refresh.
    if body.version != current.version {
        return Err(stale("该账号").into());
    }
    // The account as it would be must be the caller's to administer too.
    user.check_can_administer(body.role, body.department_id)?;
    if let Some(d) = body.department_id {
        super::units::check_active(db, d).await?;
    }
    check_keeps_an_admin(&current, body.role, body.active, db::admin::accounts::active_admins(db).await?)?;
    let s = stamp()?;
    let (kind, detail) = account_change(&current, &body);
    let event = security_log::event(req, kind, Outcome::Success, (&user).into(), &format!("account:{id}"), &detail);
    if !db::admin::accounts::update(db, id, &body, user.id, &s.now, &s.nonce, &event).await? {
        return Err(stale("该账号").into());
    }
    json(&db::admin::accounts::get(db, id).await?.ok_or_else(|| ApiError::not_found("该账号"))?, Cache::NoStore)
}

pub async fn reset(req: &mut Request, db: &Db, raw_id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let id = id(raw_id, "该账号")?;
    let body: PasswordReset = read_json(req).await?;
    let current = administered(&user, db, id).await?;
    let password = crypto::one_time_password()?;
    let (salt, hash) = crypto::password_secret(&password).await?;
    let s = stamp()?;
    let secret = Secret { hash: &hash, salt: &salt, iterations: crypto::PBKDF2_ITERATIONS };
    let detail = format!("{}：重置为一次性密码，清除两步验证，其会话全部结束", current.username);
    let event = security_log::event(req, SecurityKind::PasswordReset, Outcome::Success, (&user).into(), &format!("account:{id}"), &detail);
    if !db::admin::accounts::reset(db, id, body.version, secret, user.id, &s.now, &s.nonce, &event).await? {
        return Err(stale("该账号").into());
    }
    let account = db::admin::accounts::get(db, id).await?.ok_or_else(|| ApiError::not_found("该账号"))?;
    json(&OneTimePassword { account, password }, Cache::NoStore)
}

/// `POST /api/admin/accounts/{id}/end-sessions`: signs a member out
/// everywhere (a lost laptop, a member leaving), in the security log with
/// how many sessions ended (ASVS 7.4.5).
pub async fn end_sessions(req: &Request, db: &Db, raw_id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let id = id(raw_id, "该账号")?;
    let current = administered(&user, db, id).await?;
    let detail = format!("{}：管理员结束其全部会话：", current.username);
    let event = security_log::event(req, SecurityKind::SessionsEnded, Outcome::Success, (&user).into(), &format!("account:{id}"), &detail);
    // No session's hash is empty: "every session but ''" is every one.
    let ended = db::staff::end_other_sessions(db, id, "", &event).await?;
    json(&shared::staff::SessionsEnded { ended }, Cache::NoStore)
}

/// `POST /api/staff/password`: the signed-in member's new password (also
/// the way out of a one-time password). Other sessions of theirs end. A
/// wrong current password, a throttled attempt and the change are in the
/// security log (the change in its batch).
pub async fn change_own(req: &mut Request, db: &Db, env: &Env) -> Reply {
    let user = require_session(req, db).await?;
    let body: PasswordChange = read_json(req).await?;
    let target = format!("account:{}", user.id);
    crate::routes::staff_auth::reauthenticate(req, env, db, &user, &body.current, SecurityKind::PasswordChanged, "current").await?;
    check_password(&user.username, &body.new)?;
    if db::admin::accounts::is_common_password(db, &common_password_key(&body.new)).await? {
        return Err(common_password().into());
    }
    if body.new == body.current {
        return Err(ApiError::new(ErrorCode::InvalidParameter, "新密码不能与当前密码相同").into());
    }
    let (salt, hash) = crypto::password_secret(&body.new).await?;
    let keep = session_hash(req).await?.unwrap_or_default();
    let s = stamp()?;
    let secret = Secret { hash: &hash, salt: &salt, iterations: crypto::PBKDF2_ITERATIONS };
    let detail =
        if user.must_change_password { "以一次性密码登录后设置新密码" } else { "本人修改密码，其他会话已结束" };
    let event = security_log::event(req, SecurityKind::PasswordChanged, Outcome::Success, (&user).into(), &target, detail);
    db::admin::accounts::change_own(db, user.id, secret, &keep, &s.now, &s.nonce, &event).await?;
    json(&shared::staff::StaffUser { must_change_password: false, ..user }, Cache::NoStore)
}
