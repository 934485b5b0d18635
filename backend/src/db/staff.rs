//! SQL for `staff` and `staff_session` (migrations/0004_cases.sql).

use super::second_factor::{self, Claim};
use super::security_events::{self, Event};
use super::Db;
use serde::Deserialize;
use shared::staff::{Role, StaffUser, SESSION_IDLE_SECONDS, SESSION_SECONDS};
use worker::wasm_bindgen::JsValue;
use worker::{Error, Result};

#[derive(Deserialize)]
struct UserRow {
    id: i64,
    username: String,
    name: String,
    role: String,
    department_id: Option<i64>,
    department_name: Option<String>,
    #[serde(default)]
    must_change_password: u8,
    #[serde(default)]
    second_factor: u8,
    // Read only by `by_session`.
    #[serde(default)]
    idle_until: i64,
    // Read only by `credentials`.
    #[serde(default)]
    password_hash: String,
    #[serde(default)]
    salt: String,
    #[serde(default)]
    iterations: u32,
    #[serde(default)]
    password_issued_at: Option<i64>,
    #[serde(default)]
    totp_secret: Option<String>,
    #[serde(default)]
    totp_step: i64,
}

impl TryFrom<UserRow> for StaffUser {
    type Error = Error;
    fn try_from(r: UserRow) -> Result<StaffUser> {
        let role = Role::parse(&r.role).ok_or_else(|| Error::RustError(format!("staff {}: role {}", r.id, r.role)))?;
        Ok(StaffUser {
            id: r.id,
            username: r.username,
            name: r.name,
            role,
            department_id: r.department_id,
            department_name: r.department_name,
            must_change_password: r.must_change_password == 1,
            must_set_up_second_factor: shared::second_factor::required_for(role) && r.second_factor == 0,
        })
    }
}

const USER_COLUMNS: &str =
    "s.id, s.username, s.name, s.role, s.department_id, d.name AS department_name, s.must_change_password, s.totp_secret IS NOT NULL AS second_factor";

pub struct Credentials {
    pub user: StaffUser,
    pub password_hash: String,
    pub salt: String,
    pub iterations: u32,
    /// When its one-time password was issued (if it signs in with one).
    pub password_issued_at: Option<i64>,
    /// Its second factor's secret (hex), if it has one, and the last time
    /// step a code was used for.
    pub totp_secret: Option<String>,
    pub totp_step: i64,
}

/// An active account by user name, with what is needed to check its password.
pub async fn credentials(db: &Db, username: &str) -> Result<Option<Credentials>> {
    let sql = format!(
        "SELECT {USER_COLUMNS}, s.password_hash, s.salt, s.iterations, s.password_issued_at, s.totp_secret, s.totp_step
         FROM staff s LEFT JOIN department d ON d.id = s.department_id
         WHERE s.username = ?1 AND s.active = 1"
    );
    let Some(mut r) = db.rows::<UserRow>(&sql, &[username.into()]).await?.into_iter().next() else {
        return Ok(None);
    };
    let (password_hash, salt, iterations) = (std::mem::take(&mut r.password_hash), std::mem::take(&mut r.salt), r.iterations);
    let (password_issued_at, totp_secret, totp_step) = (r.password_issued_at, r.totp_secret.take(), r.totp_step);
    Ok(Some(Credentials { user: r.try_into()?, password_hash, salt, iterations, password_issued_at, totp_secret, totp_step }))
}

/// Where and how a session began.
pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub staff_id: i64,
    pub now: i64,
    pub address: &'a str,
    pub agent: &'a str,
}

/// The session, with the sign-in's security event in the same batch; with
/// a second factor, only if its claim lands too (a code starts one session
/// only). `false`: the claim did not land, and nothing was written.
pub async fn create_session(db: &Db, s: NewSession<'_>, second: Option<&Claim>, event: &Event) -> Result<bool> {
    let mut statements = Vec::new();
    if let Some(claim) = second {
        statements.push(second_factor::claim(db, s.staff_id, claim, s.token_hash, s.now)?);
    }
    let guard = if second.is_some() { second_factor::CLAIMED_BY } else { "1" };
    statements.push(db.statement(
        &format!(
            "INSERT INTO staff_session (token_hash, staff_id, expires_at, created_at, idle_until, address, agent)
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE {guard}"
        ),
        &[
            s.token_hash.into(),
            super::num(s.staff_id),
            super::num(s.now + SESSION_SECONDS),
            super::num(s.now),
            super::num(s.now + SESSION_IDLE_SECONDS),
            s.address.into(),
            s.agent.into(),
        ],
    )?);
    let inserted = statements.len() - 1;
    statements.push(security_events::by_session(db, event, Some(s.token_hash), true)?);
    let results = db.batch(statements).await?;
    Ok(super::wrote(results.get(inserted)))
}

/// The staff member a live session belongs to (a primary-key look-up),
/// with the session's idle limit; neither limit may have passed.
pub async fn by_session(db: &Db, token_hash: &str, now: i64) -> Result<Option<(StaffUser, i64)>> {
    let sql = format!(
        "SELECT {USER_COLUMNS}, t.idle_until
         FROM staff_session t JOIN staff s ON s.id = t.staff_id LEFT JOIN department d ON d.id = s.department_id
         WHERE t.token_hash = ?1 AND t.expires_at > ?2 AND t.idle_until > ?2 AND s.active = 1"
    );
    let rows: Vec<UserRow> = db.rows(&sql, &[token_hash.into(), JsValue::from_f64(now as f64)]).await?;
    rows.into_iter()
        .next()
        .map(|r| {
            let idle_until = r.idle_until;
            StaffUser::try_from(r).map(|u| (u, idle_until))
        })
        .transpose()
}

/// Moves a session's idle limit on (at most every few minutes: see `session_needs_touch`).
pub async fn touch_session(db: &Db, token_hash: &str, now: i64) -> Result<()> {
    db.rows::<serde_json::Value>(
        "UPDATE staff_session SET idle_until = ?2 WHERE token_hash = ?1",
        &[token_hash.into(), super::num(now + SESSION_IDLE_SECONDS)],
    )
    .await?;
    Ok(())
}

/// A live session as its owner lists it.
#[derive(Deserialize)]
pub struct SessionRow {
    pub token_hash: String,
    pub created_at: i64,
    pub idle_until: i64,
    pub address: String,
    pub agent: String,
}

/// A member's live sessions, newest first (a handful, by the staff index).
pub async fn sessions(db: &Db, staff_id: i64, now: i64) -> Result<Vec<SessionRow>> {
    db.rows(
        "SELECT token_hash, created_at, idle_until, address, agent FROM staff_session
             WHERE staff_id = ?1 AND expires_at > ?2 AND idle_until > ?2 ORDER BY created_at DESC",
        &[super::num(staff_id), super::num(now)],
    )
    .await
}

/// Ends every session of a member but `keep`, with its security event
/// (which counts them) in the same batch; answers how many ended.
pub async fn end_other_sessions(db: &Db, staff_id: i64, keep: &str, event: &Event) -> Result<u32> {
    let results = db
        .batch(vec![
            security_events::before_ending_others(db, event, staff_id, keep)?,
            db.statement("DELETE FROM staff_session WHERE staff_id = ?1 AND token_hash <> ?2", &[super::num(staff_id), keep.into()])?,
        ])
        .await?;
    Ok(results.get(1).and_then(|r| r.meta().ok().flatten()).and_then(|m| m.changes).unwrap_or(0) as u32)
}

/// Signs a session out, with its security event (of the session's member;
/// none for an unknown session) in the same batch.
pub async fn delete_session(db: &Db, token_hash: &str, event: &Event) -> Result<()> {
    db.batch(vec![
        security_events::by_session(db, event, Some(token_hash), true)?,
        db.statement("DELETE FROM staff_session WHERE token_hash = ?1", &[token_hash.into()])?,
    ])
    .await?;
    Ok(())
}

/// A department's active staff, for assigning cases and filtering by handler.
pub async fn colleagues(db: &Db, department_id: i64) -> Result<Vec<shared::staff::Colleague>> {
    #[derive(serde::Deserialize)]
    struct Row {
        id: i64,
        name: String,
        role: String,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT id, name, role FROM staff WHERE department_id = ?1 AND active = 1 ORDER BY role DESC, name",
            &[super::num(department_id)],
        )
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| Some(shared::staff::Colleague { id: r.id, name: r.name, role: shared::staff::Role::parse(&r.role)? }))
        .collect())
}

/// Sessions past either limit (they are already refused; this drops them).
pub fn expire_sessions(db: &Db, now: i64) -> Result<worker::D1PreparedStatement> {
    db.statement("DELETE FROM staff_session WHERE expires_at < ?1 OR idle_until < ?1", &[super::num(now)])
}
