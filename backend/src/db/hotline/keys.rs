//! SQL for `hotline_api_key`: Open311 partners' keys, kept as SHA-256 only.

use crate::db::security_events::{self, Event};
use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::instant::Instant;
use shared::hotline::partners::ApiKeyView;
use worker::Result;

#[derive(Deserialize)]
struct Row {
    id: i64,
    partner: String,
    hint: String,
    created_at: Instant,
    created_by: String,
    revoked_at: Option<Instant>,
    uses: u32,
}

pub async fn list(db: &Db) -> Result<Vec<ApiKeyView>> {
    let rows: Vec<Row> = db
        .rows("SELECT id, partner, hint, created_at, created_by, revoked_at, uses FROM hotline_api_key ORDER BY id DESC LIMIT 200", &[])
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| ApiKeyView {
            id: r.id,
            partner: r.partner,
            hint: r.hint,
            created_at: r.created_at,
            created_by: r.created_by,
            revoked_at: r.revoked_at,
            uses: r.uses,
        })
        .collect())
}

/// A new key, with its security event (target `api_key:` and the new id)
/// in the same batch.
pub async fn issue(db: &Db, partner: &str, key_hash: &str, hint: &str, now: Instant, by: &str, event: &Event) -> Result<i64> {
    let results = db
        .batch(vec![
            db.statement(
                "INSERT INTO hotline_api_key (partner, key_hash, hint, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                &[partner.into(), key_hash.into(), hint.into(), now.to_string().into(), by.into()],
            )?,
            security_events::of_new_row(db, event, "hotline_api_key", "key_hash", key_hash)?,
        ])
        .await?;
    crate::db::admin::returned_id(results.first())
}

/// Revokes a key, with its security event where it was still valid;
/// `false` if there is no such key.
pub async fn revoke(db: &Db, id: i64, now: Instant, event: &Event) -> Result<bool> {
    let results = db
        .batch(vec![
            security_events::if_key_valid(db, event, id)?,
            db.statement(
                "UPDATE hotline_api_key SET revoked_at = coalesce(revoked_at, ?2) WHERE id = ?1",
                &[num(id), now.to_string().into()],
            )?,
        ])
        .await?;
    Ok(crate::db::wrote(results.get(1)))
}

/// Whether a key (by its hash) is valid, counting the use if so.
pub async fn use_key(db: &Db, key_hash: &str) -> Result<bool> {
    let results = db
        .batch(vec![
            db.statement("UPDATE hotline_api_key SET uses = uses + 1 WHERE key_hash = ?1 AND revoked_at IS NULL", &[key_hash.into()])?
        ])
        .await?;
    Ok(crate::db::wrote(results.first()))
}
