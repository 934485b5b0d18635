//! SQL for `idempotency` (migrations/0004_cases.sql): a submission's key is
//! claimed first; the receipt is stored in the same batch that creates the
//! case (db/cases.rs), so a retry gets the same receipt and never a second case.

use super::cases::corrupt;
use super::Db;
use serde::Deserialize;
use shared::case::Receipt;
use worker::{D1PreparedStatement, Result};

pub enum Claim {
    /// The key is ours: go on and create the case.
    New,
    /// Seen before with the same body; the receipt once it is stored.
    Same(Option<Receipt>),
    /// Seen before with another body.
    Different,
}

pub async fn claim_key(db: &Db, key: &str, request_hash: &str, now: &str) -> Result<Claim> {
    #[derive(Deserialize)]
    struct Row {
        request_hash: String,
        receipt: Option<String>,
    }
    let results = db
        .batch(vec![
            db.statement(
                "INSERT INTO idempotency (key, request_hash, created_at) VALUES (?1, ?2, ?3) ON CONFLICT (key) DO NOTHING",
                &[key.into(), request_hash.into(), now.into()],
            )?,
            db.statement("SELECT request_hash, receipt FROM idempotency WHERE key = ?1", &[key.into()])?,
        ])
        .await?;
    let inserted = results.first().and_then(|r| r.meta().ok().flatten()).and_then(|m| m.changes).unwrap_or(0) == 1;
    if inserted {
        return Ok(Claim::New);
    }
    let row = results.get(1).map(|r| r.results::<Row>()).transpose()?.and_then(|rows| rows.into_iter().next());
    let Some(row) = row else { return Ok(Claim::New) };
    if row.request_hash != request_hash {
        return Ok(Claim::Different);
    }
    let receipt = row.receipt.map(|r| serde_json::from_str(&r).map_err(|e| corrupt("idempotency receipt", e))).transpose()?;
    Ok(Claim::Same(receipt))
}

/// Frees a key whose case could not be created, so a retry can succeed.
pub async fn release_key(db: &Db, key: &str) -> Result<()> {
    db.rows::<serde_json::Value>("DELETE FROM idempotency WHERE key = ?1 AND receipt IS NULL", &[key.into()]).await?;
    Ok(())
}

/// Idempotency keys older than `before` (RFC 3339, +08:00, so text order is
/// time order). A retry comes within minutes; the stored receipt holds the
/// query code, which should not be kept longer than needed.
pub fn expire_keys(db: &Db, before: &str) -> Result<D1PreparedStatement> {
    db.statement("DELETE FROM idempotency WHERE created_at < ?1", &[before.into()])
}
