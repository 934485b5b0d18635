//! The daily job's second half: drop rows that only mattered for a while
//! (throttle windows, expired sessions, old idempotency keys), so these
//! tables stay small however long the system runs; security events past
//! their retention (`shared::security::RETAIN_DAYS`); and the files of
//! submissions whose attempt died and was never retried.

use crate::clock;
use crate::db::{self, Db};
use crate::storage;
use shared::security::RETAIN_DAYS;

/// How long a submission's idempotency key (and its receipt) is kept.
pub const KEEP_KEYS_DAYS: u32 = 30;

/// Abandoned claims cleaned up per run (a few R2 calls each).
const ABANDONED_PER_RUN: u32 = 100;

/// Deletes the files of claims abandoned for a day, then the claims;
/// returns how many.
pub async fn abandoned_files(db: &Db, bucket: &worker::Bucket) -> worker::Result<usize> {
    let claims = db::approvals::idempotency::abandoned(db, &clock::rfc3339_days_ago(1), ABANDONED_PER_RUN).await?;
    for c in &claims {
        storage::delete_prefix(bucket, &format!("{}/", storage::attempt_prefix(&c.case_no, &c.key))).await?;
        db.batch(vec![db::approvals::idempotency::forget(db, &c.key)?]).await?;
    }
    Ok(claims.len())
}

/// Deletes what has expired; returns how many rows went.
pub async fn run(db: &Db) -> worker::Result<u64> {
    let now = clock::now_unix();
    let results = db
        .batch(vec![
            db::throttle::expire(db, now - 86_400)?,
            db::staff::expire_sessions(db, now)?,
            db::approvals::idempotency::expire_keys(db, &clock::rfc3339_days_ago(KEEP_KEYS_DAYS))?,
        ])
        .await?;
    // Security events a day past their retention: the table's trigger
    // refuses any younger than the retention by D1's own clock, so a day's
    // margin keeps a skewed clock from aborting the deletion. A batch of
    // its own, so the log's deletion never holds up the rest.
    let cutoff = clock::rfc3339_days_ago(RETAIN_DAYS + 1);
    let events = db.batch(vec![db::security_events::expire(db, &cutoff)?]).await?;
    Ok(results.iter().chain(&events).filter_map(|r| r.meta().ok().flatten()).filter_map(|m| m.changes).map(|c| c as u64).sum())
}
