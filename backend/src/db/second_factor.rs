//! SQL for the staff second factor (migrations/0025_second_factor.sql): the
//! `totp_*` columns of `staff` and `staff_recovery_code`. Every change is
//! one batch whose first statement sets the staff row's `last_change` to a
//! fresh nonce, and the rest (codes, the security event) only where it did.

use super::security_events::{self, Event};
use super::{num, Db};
use serde::Deserialize;
use worker::{D1PreparedStatement, Result};

/// A member's second factor as stored.
#[derive(Deserialize)]
pub struct Stored {
    /// Hex; `None`: not set up.
    pub totp_secret: Option<String>,
    pub totp_pending: Option<String>,
    pub totp_step: i64,
    pub codes_left: u32,
}

pub async fn stored(db: &Db, staff_id: i64) -> Result<Option<Stored>> {
    db.rows(
        "SELECT totp_secret, totp_pending, totp_step,
             (SELECT count(*) FROM staff_recovery_code WHERE staff_id = ?1 AND used_at IS NULL) AS codes_left
         FROM staff WHERE id = ?1",
        &[num(staff_id)],
    )
    .await
    .map(|rows| rows.into_iter().next())
}

/// Keeps a new secret aside until a code from it is confirmed; the one in
/// force (if any) stays in force meanwhile.
pub async fn set_pending(db: &Db, staff_id: i64, secret_hex: &str) -> Result<()> {
    db.rows::<serde_json::Value>("UPDATE staff SET totp_pending = ?2 WHERE id = ?1", &[num(staff_id), secret_hex.into()]).await?;
    Ok(())
}

/// How a sign-in proved its second factor: claimed in the session's batch,
/// so a code or recovery code starts one session only.
pub enum Claim {
    /// The time step whose code was typed.
    Step(i64),
    /// The SHA-256 of a recovery code.
    Recovery(String),
}

/// Claims the second factor for the session `token_hash`: the session's
/// insert then checks that this claim landed ([`claimed_by`]).
pub fn claim(db: &Db, staff_id: i64, claim: &Claim, token_hash: &str, now: i64) -> Result<D1PreparedStatement> {
    match claim {
        Claim::Step(step) => db.statement(
            "UPDATE staff SET totp_step = ?3, totp_session = ?1 WHERE id = ?2 AND totp_secret IS NOT NULL AND totp_step < ?3",
            &[token_hash.into(), num(staff_id), num(*step)],
        ),
        Claim::Recovery(hash) => db.statement(
            "UPDATE staff_recovery_code SET used_at = ?4, used_session = ?1
             WHERE staff_id = ?2 AND code_hash = ?3 AND used_at IS NULL",
            &[token_hash.into(), num(staff_id), hash.as_str().into(), num(now)],
        ),
    }
}

/// SQL true where a claim in the same batch landed for the session `?1`
/// of member `?2`.
pub const CLAIMED_BY: &str = "(EXISTS (SELECT 1 FROM staff WHERE id = ?2 AND totp_session = ?1)
     OR EXISTS (SELECT 1 FROM staff_recovery_code WHERE staff_id = ?2 AND used_session = ?1))";

/// Puts the pending secret in force at `step` (its code was just typed)
/// with new recovery codes, replacing any old ones; `false` if the pending
/// secret changed meanwhile (then nothing was written).
pub async fn confirm(db: &Db, staff_id: i64, pending: &str, step: i64, code_hashes: &[String], nonce: &str, event: &Event) -> Result<bool> {
    let mut statements = vec![db.statement(
        "UPDATE staff SET totp_secret = totp_pending, totp_pending = NULL, totp_step = ?3, last_change = ?4
         WHERE id = ?1 AND totp_pending = ?2",
        &[num(staff_id), pending.into(), num(step), nonce.into()],
    )?];
    statements.extend(replace_codes(db, staff_id, code_hashes, nonce)?);
    statements.push(security_events::if_landed(db, event, "staff", staff_id, nonce)?);
    let results = db.batch(statements).await?;
    Ok(super::wrote(results.first()))
}

/// New recovery codes in place of the old, after `step`'s code was typed.
pub async fn renew_codes(db: &Db, staff_id: i64, step: i64, code_hashes: &[String], nonce: &str, event: &Event) -> Result<bool> {
    let mut statements = vec![used_step(db, staff_id, step, nonce)?];
    statements.extend(replace_codes(db, staff_id, code_hashes, nonce)?);
    statements.push(security_events::if_landed(db, event, "staff", staff_id, nonce)?);
    let results = db.batch(statements).await?;
    Ok(super::wrote(results.first()))
}

/// Turns the second factor off (after `step`'s code was typed).
pub async fn turn_off(db: &Db, staff_id: i64, step: i64, nonce: &str, event: &Event) -> Result<bool> {
    let results = db
        .batch(vec![
            used_step(db, staff_id, step, nonce)?,
            db.statement(
                "UPDATE staff SET totp_secret = NULL, totp_pending = NULL WHERE id = ?1 AND last_change = ?2",
                &[num(staff_id), nonce.into()],
            )?,
            clear_codes(db, staff_id, nonce)?,
            security_events::if_landed(db, event, "staff", staff_id, nonce)?,
        ])
        .await?;
    Ok(super::wrote(results.first()))
}

/// An administrator's password reset clears the member's second factor
/// too (a lost phone is why one asks): in the reset's batch, where its
/// guarded UPDATE set `last_change` to `nonce`.
pub fn cleared_by_reset(db: &Db, staff_id: i64, nonce: &str) -> Result<Vec<D1PreparedStatement>> {
    Ok(vec![
        db.statement(
            "UPDATE staff SET totp_secret = NULL, totp_pending = NULL WHERE id = ?1 AND last_change = ?2",
            &[num(staff_id), nonce.into()],
        )?,
        clear_codes(db, staff_id, nonce)?,
    ])
}

/// Uses up `step` (a code proving the member holds the factor, typed to
/// change it) and marks the row with `nonce`.
fn used_step(db: &Db, staff_id: i64, step: i64, nonce: &str) -> Result<D1PreparedStatement> {
    db.statement(
        "UPDATE staff SET totp_step = ?2, last_change = ?3 WHERE id = ?1 AND totp_secret IS NOT NULL AND totp_step < ?2",
        &[num(staff_id), num(step), nonce.into()],
    )
}

fn clear_codes(db: &Db, staff_id: i64, nonce: &str) -> Result<D1PreparedStatement> {
    db.statement(
        "DELETE FROM staff_recovery_code WHERE staff_id = ?1 AND EXISTS (SELECT 1 FROM staff WHERE id = ?1 AND last_change = ?2)",
        &[num(staff_id), nonce.into()],
    )
}

fn replace_codes(db: &Db, staff_id: i64, code_hashes: &[String], nonce: &str) -> Result<Vec<D1PreparedStatement>> {
    let mut statements = vec![clear_codes(db, staff_id, nonce)?];
    for hash in code_hashes {
        statements.push(db.statement(
            "INSERT INTO staff_recovery_code (staff_id, code_hash)
             SELECT ?1, ?3 WHERE EXISTS (SELECT 1 FROM staff WHERE id = ?1 AND last_change = ?2)",
            &[num(staff_id), nonce.into(), hash.as_str().into()],
        )?);
    }
    Ok(statements)
}
