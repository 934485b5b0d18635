//! SQL for `staff` and `staff_session` (migrations/0004_cases.sql).

use super::Db;
use serde::Deserialize;
use shared::staff::{Role, StaffUser};
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
    // Read only by `credentials`.
    #[serde(default)]
    password_hash: String,
    #[serde(default)]
    salt: String,
    #[serde(default)]
    iterations: u32,
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
        })
    }
}

const USER_COLUMNS: &str = "s.id, s.username, s.name, s.role, s.department_id, d.name AS department_name, s.must_change_password";

pub struct Credentials {
    pub user: StaffUser,
    pub password_hash: String,
    pub salt: String,
    pub iterations: u32,
}

/// An active account by user name, with what is needed to check its password.
pub async fn credentials(db: &Db, username: &str) -> Result<Option<Credentials>> {
    let sql = format!(
        "SELECT {USER_COLUMNS}, s.password_hash, s.salt, s.iterations
         FROM staff s LEFT JOIN department d ON d.id = s.department_id
         WHERE s.username = ?1 AND s.active = 1"
    );
    let Some(mut r) = db.rows::<UserRow>(&sql, &[username.into()]).await?.into_iter().next() else {
        return Ok(None);
    };
    let (password_hash, salt, iterations) = (std::mem::take(&mut r.password_hash), std::mem::take(&mut r.salt), r.iterations);
    Ok(Some(Credentials { user: r.try_into()?, password_hash, salt, iterations }))
}

pub async fn create_session(db: &Db, token_hash: &str, staff_id: i64, expires_at: i64) -> Result<()> {
    db.rows::<serde_json::Value>(
        "INSERT INTO staff_session (token_hash, staff_id, expires_at) VALUES (?1, ?2, ?3)",
        &[token_hash.into(), JsValue::from_f64(staff_id as f64), JsValue::from_f64(expires_at as f64)],
    )
    .await?;
    Ok(())
}

/// The staff member a live session belongs to (a primary-key look-up).
pub async fn by_session(db: &Db, token_hash: &str, now: i64) -> Result<Option<StaffUser>> {
    let sql = format!(
        "SELECT {USER_COLUMNS}
         FROM staff_session t JOIN staff s ON s.id = t.staff_id LEFT JOIN department d ON d.id = s.department_id
         WHERE t.token_hash = ?1 AND t.expires_at > ?2 AND s.active = 1"
    );
    let rows: Vec<UserRow> = db.rows(&sql, &[token_hash.into(), JsValue::from_f64(now as f64)]).await?;
    rows.into_iter().next().map(StaffUser::try_from).transpose()
}

pub async fn delete_session(db: &Db, token_hash: &str) -> Result<()> {
    db.rows::<serde_json::Value>("DELETE FROM staff_session WHERE token_hash = ?1", &[token_hash.into()]).await?;
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

/// Sessions past their expiry (they are already refused; this drops them).
pub fn expire_sessions(db: &Db, now: i64) -> Result<worker::D1PreparedStatement> {
    db.statement("DELETE FROM staff_session WHERE expires_at < ?1", &[super::num(now)])
}
