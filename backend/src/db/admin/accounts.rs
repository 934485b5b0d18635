//! SQL for `staff` as the administration keeps it, and the sessions a
//! change of password or an account's end closes.

use super::super::security_events::{self, Event};
use super::super::{corrupt, num, opt_int, Db};
use serde::Deserialize;
use shared::admin::accounts::{Account, AccountSave};
use shared::staff::Role;
use worker::wasm_bindgen::JsValue;
use worker::Result;

#[derive(Deserialize)]
struct Row {
    id: i64,
    username: String,
    name: String,
    role: String,
    department_id: Option<i64>,
    department_name: Option<String>,
    active: u8,
    must_change_password: u8,
    version: i64,
}

impl TryFrom<Row> for Account {
    type Error = worker::Error;
    fn try_from(r: Row) -> Result<Account> {
        Ok(Account {
            id: r.id,
            role: Role::parse(&r.role).ok_or_else(|| corrupt("staff.role", &r.role))?,
            username: r.username,
            name: r.name,
            department_id: r.department_id,
            department_name: r.department_name,
            active: r.active == 1,
            must_change_password: r.must_change_password == 1,
            version: r.version,
        })
    }
}

const COLUMNS: &str = "s.id, s.username, s.name, s.role, s.department_id, d.name AS department_name, s.active,
    s.must_change_password, s.version";

/// Every account (`None`) or one department's (by its index).
pub async fn list(db: &Db, department: Option<i64>) -> Result<Vec<Account>> {
    let filter = if department.is_some() { "WHERE s.department_id = ?1" } else { "WHERE ?1 IS NULL" };
    let sql = format!(
        "SELECT {COLUMNS} FROM staff s LEFT JOIN department d ON d.id = s.department_id {filter}
         ORDER BY s.active DESC, s.department_id, s.role DESC, s.id"
    );
    db.rows::<Row>(&sql, &[opt_int(department)]).await?.into_iter().map(Account::try_from).collect()
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Account>> {
    let sql = format!("SELECT {COLUMNS} FROM staff s LEFT JOIN department d ON d.id = s.department_id WHERE s.id = ?1");
    db.rows::<Row>(&sql, &[num(id)]).await?.into_iter().next().map(Account::try_from).transpose()
}

/// Whether `key` (a password's lowercase form) is among the common
/// passwords (migration 0023): one lookup by primary key.
pub async fn is_common_password(db: &Db, key: &str) -> Result<bool> {
    let rows: Vec<serde_json::Value> = db.rows("SELECT 1 AS found FROM common_password WHERE password = ?1", &[key.into()]).await?;
    Ok(!rows.is_empty())
}

pub async fn username_taken(db: &Db, username: &str) -> Result<bool> {
    let rows: Vec<serde_json::Value> = db.rows("SELECT 1 AS x FROM staff WHERE username = ?1", &[username.into()]).await?;
    Ok(!rows.is_empty())
}

/// Active office admins (a handful of rows).
pub async fn active_admins(db: &Db) -> Result<u32> {
    #[derive(Deserialize)]
    struct N {
        n: u32,
    }
    let rows: Vec<N> = db.rows("SELECT count(*) AS n FROM staff WHERE role = 'office_admin' AND active = 1", &[]).await?;
    Ok(rows.first().map(|r| r.n).unwrap_or(0))
}

/// A stored password: PBKDF2 hash, salt (hex) and iterations.
pub struct Secret<'a> {
    pub hash: &'a str,
    pub salt: &'a str,
    pub iterations: u32,
}

pub struct NewRow<'a> {
    pub username: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub department_id: Option<i64>,
}

/// Creates an account that must change its one-time password; its
/// security event (target `account:` and the new id) in the same batch.
pub async fn create(db: &Db, a: NewRow<'_>, secret: Secret<'_>, staff_id: i64, now: &str, event: &Event) -> Result<i64> {
    let results = db
        .batch(vec![
            db.statement(
                "INSERT INTO staff (username, name, role, department_id, password_hash, salt, iterations, must_change_password,
                     password_issued_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, CAST(strftime('%s', 'now') AS INTEGER)) RETURNING id",
                &[
                    a.username.into(),
                    a.name.into(),
                    a.role.as_str().into(),
                    opt_int(a.department_id),
                    secret.hash.into(),
                    secret.salt.into(),
                    num(secret.iterations as i64),
                ],
            )?,
            super::audit(db, staff_id, "create_account", a.username, &format!("{}，{}", a.name, a.role.zh()), now, None)?,
            security_events::of_new_row(db, event, "staff", "username", a.username)?,
        ])
        .await?;
    super::returned_id(results.first())
}

/// Saves name, role, department and active if the version matches and the
/// change leaves an active office admin; closes the sessions of an account
/// that stops being active. False if it did not land (nor did its audit row
/// and security event).
pub async fn update(db: &Db, id: i64, s: &AccountSave, staff_id: i64, now: &str, nonce: &str, event: &Event) -> Result<bool> {
    let detail = format!("{}，{}{}", s.name.trim(), s.role.zh(), if s.active { "" } else { "，已停用" });
    let results = db
        .batch(vec![
            db.statement(
                // The last active office admin stays one, even when two
                // admins change each other at the same moment.
                "UPDATE staff SET name = ?1, role = ?2, department_id = ?3, active = ?4, version = version + 1, last_change = ?5
                 WHERE id = ?6 AND version = ?7
                   AND ((?2 = 'office_admin' AND ?4 = 1)
                        OR (SELECT count(*) FROM staff WHERE role = 'office_admin' AND active = 1 AND id <> ?6) > 0)",
                &[
                    s.name.trim().into(),
                    s.role.as_str().into(),
                    opt_int(s.department_id),
                    num(s.active as i64),
                    nonce.into(),
                    num(id),
                    num(s.version),
                ],
            )?,
            db.statement(
                "DELETE FROM staff_session WHERE staff_id = ?1 AND ?2 = 0
                   AND EXISTS (SELECT 1 FROM staff WHERE id = ?1 AND last_change = ?3)",
                &[num(id), num(s.active as i64), nonce.into()],
            )?,
            super::audit(db, staff_id, "save_account", &subject(id), &detail, now, Some(("staff", id, nonce)))?,
            security_events::if_landed(db, event, "staff", id, nonce)?,
        ])
        .await?;
    Ok(crate::db::wrote(results.first()))
}

fn subject(id: i64) -> String {
    format!("账号#{id}")
}

/// Sets a one-time password (the person must change it at sign-in) and
/// closes every session of the account. False if the version was stale.
#[allow(clippy::too_many_arguments)]
pub async fn reset(
    db: &Db,
    id: i64,
    version: i64,
    secret: Secret<'_>,
    staff_id: i64,
    now: &str,
    nonce: &str,
    event: &Event,
) -> Result<bool> {
    let mut statements = vec![
        db.statement(
            "UPDATE staff SET password_hash = ?1, salt = ?2, iterations = ?3, must_change_password = 1,
                 password_issued_at = CAST(strftime('%s', 'now') AS INTEGER), version = version + 1, last_change = ?4
             WHERE id = ?5 AND version = ?6",
            &[secret.hash.into(), secret.salt.into(), num(secret.iterations as i64), nonce.into(), num(id), num(version)],
        )?,
        db.statement(
            "DELETE FROM staff_session WHERE staff_id = ?1 AND EXISTS (SELECT 1 FROM staff WHERE id = ?1 AND last_change = ?2)",
            &[num(id), nonce.into()],
        )?,
    ];
    statements.extend(super::super::second_factor::cleared_by_reset(db, id, nonce)?);
    statements.push(super::audit(
        db,
        staff_id,
        "reset_password",
        &subject(id),
        "重置为一次性密码，清除两步验证",
        now,
        Some(("staff", id, nonce)),
    )?);
    statements.push(security_events::if_landed(db, event, "staff", id, nonce)?);
    let results = db.batch(statements).await?;
    Ok(crate::db::wrote(results.first()))
}

/// The member's own new password: clears the one-time flag and closes
/// every other session of theirs.
pub async fn change_own(db: &Db, id: i64, secret: Secret<'_>, keep_session: &str, now: &str, nonce: &str, event: &Event) -> Result<()> {
    db.batch(vec![
        db.statement(
            "UPDATE staff SET password_hash = ?1, salt = ?2, iterations = ?3, must_change_password = 0,
                 version = version + 1, last_change = ?4 WHERE id = ?5",
            &[secret.hash.into(), secret.salt.into(), num(secret.iterations as i64), nonce.into(), num(id)],
        )?,
        db.statement("DELETE FROM staff_session WHERE staff_id = ?1 AND token_hash <> ?2", &[num(id), JsValue::from(keep_session)])?,
        super::audit(db, id, "change_password", &subject(id), "本人修改密码", now, Some(("staff", id, nonce)))?,
        security_events::if_landed(db, event, "staff", id, nonce)?,
    ])
    .await?;
    Ok(())
}
