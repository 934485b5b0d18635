//! The daily job's second half: drop rows that only mattered for a while
//! (throttle windows, expired sessions, old idempotency keys), so these
//! tables stay small however long the system runs.

use crate::clock;
use crate::db::{self, Db};

/// How long a submission's idempotency key (and its receipt) is kept.
pub const KEEP_KEYS_DAYS: u32 = 30;

/// Deletes what has expired; returns how many rows went.
pub async fn run(db: &Db) -> worker::Result<u64> {
    let now = clock::now_unix();
    let results = db
        .batch(vec![
            db::throttle::expire(db, now - 86_400)?,
            db::staff::expire_sessions(db, now)?,
            db::idempotency::expire_keys(db, &clock::rfc3339_days_ago(KEEP_KEYS_DAYS))?,
        ])
        .await?;
    Ok(results.iter().filter_map(|r| r.meta().ok().flatten()).filter_map(|m| m.changes).map(|c| c as u64).sum())
}
