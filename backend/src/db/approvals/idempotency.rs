//! SQL for `idempotency` (migrations 0004, 0012): a submission's key is
//! claimed first; the receipt is stored in the same batch that creates the
//! case (db/cases.rs), so a retry gets the same receipt and never a second case.
//!
//! A claim is a lease. If the attempt holding it dies (the Worker is killed
//! between the claim and the batch), a retry after `LEASE_SECONDS` takes the
//! claim over, under a new case number, and removes the files the dead
//! attempt stored. The case insert names the case number that holds the
//! claim, so a slow attempt that lost its lease can no longer create a case.

use super::cases::corrupt;
use crate::db::{num, Db};
use serde::Deserialize;
use shared::approvals::case::Receipt;
use worker::{D1PreparedStatement, Result};

/// How long an attempt holds its claim before a retry may take over: far
/// longer than storing 50 MB in R2 and one D1 batch take.
pub const LEASE_SECONDS: i64 = 120;

pub enum Claim {
    /// The key is ours: go on and create the case. `stale`: the case number
    /// of an earlier attempt whose lease lapsed, whose files to remove.
    New { stale: Option<String> },
    /// Seen before with the same body; the receipt once it is stored.
    Same(Option<Receipt>),
    /// Seen before with another body.
    Different,
}

#[derive(Deserialize)]
struct Row {
    request_hash: String,
    receipt: Option<String>,
    case_no: Option<String>,
}

/// Claims `key` for an attempt that will create `case_no`.
pub async fn claim_key(db: &Db, key: &str, request_hash: &str, case_no: &str, now: &str, now_unix: i64) -> Result<Claim> {
    let select = || db.statement("SELECT request_hash, receipt, case_no FROM idempotency WHERE key = ?1", &[key.into()]);
    let results = db
        .batch(vec![
            select()?,
            db.statement(
                "INSERT INTO idempotency (key, request_hash, created_at, claimed_at, case_no) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (key) DO UPDATE SET claimed_at = excluded.claimed_at, case_no = excluded.case_no
                 WHERE receipt IS NULL AND request_hash = excluded.request_hash AND claimed_at <= excluded.claimed_at - ?6",
                &[key.into(), request_hash.into(), now.into(), num(now_unix), case_no.into(), num(LEASE_SECONDS)],
            )?,
        ])
        .await?;
    let before = results.first().map(|r| r.results::<Row>()).transpose()?.and_then(|rows| rows.into_iter().next());
    let claimed = crate::db::wrote(results.get(1));
    if claimed {
        return Ok(Claim::New { stale: before.and_then(|r| r.case_no) });
    }
    let Some(row) = before else { return Ok(Claim::Same(None)) };
    if row.request_hash != request_hash {
        return Ok(Claim::Different);
    }
    let receipt = row.receipt.map(|r| serde_json::from_str(&r).map_err(|e| corrupt("idempotency receipt", e))).transpose()?;
    Ok(Claim::Same(receipt))
}

/// Frees a key whose case could not be created, so a retry can succeed at
/// once (only while this attempt still holds it).
pub async fn release_key(db: &Db, key: &str, case_no: &str) -> Result<()> {
    db.rows::<serde_json::Value>(
        "DELETE FROM idempotency WHERE key = ?1 AND case_no = ?2 AND receipt IS NULL",
        &[key.into(), case_no.into()],
    )
    .await?;
    Ok(())
}

/// Stores the receipt (without its query code, which is derived again on
/// each retry), if this attempt holds the claim.
pub fn store_receipt(db: &Db, key: &str, case_no: &str, receipt_json: &str) -> Result<D1PreparedStatement> {
    db.statement("UPDATE idempotency SET receipt = ?3 WHERE key = ?1 AND case_no = ?2", &[key.into(), case_no.into(), receipt_json.into()])
}

/// A claim whose attempt died and was never retried: its key and the case
/// number its files are stored under.
#[derive(Deserialize)]
pub struct Abandoned {
    pub key: String,
    pub case_no: String,
}

/// Up to `limit` claims without a receipt made before `before` (RFC 3339):
/// far past any lease, so no attempt is still storing.
pub async fn abandoned(db: &Db, before: &str, limit: u32) -> Result<Vec<Abandoned>> {
    db.rows(
        "SELECT key, case_no FROM idempotency WHERE receipt IS NULL AND case_no IS NOT NULL AND created_at < ?1 LIMIT ?2",
        &[before.into(), num(limit as i64)],
    )
    .await
}

/// Forgets an abandoned claim once its files are gone.
pub fn forget(db: &Db, key: &str) -> Result<D1PreparedStatement> {
    db.statement("DELETE FROM idempotency WHERE key = ?1 AND receipt IS NULL", &[key.into()])
}

/// Idempotency keys older than `before` (RFC 3339, +08:00, so text order is
/// time order). A retry comes within minutes.
pub fn expire_keys(db: &Db, before: &str) -> Result<D1PreparedStatement> {
    db.statement("DELETE FROM idempotency WHERE created_at < ?1", &[before.into()])
}
