//! SQL for `throttle` (migrations/0004_cases.sql): the sign-in failures
//! counted per address and per (user, address). Request rates are the
//! platform's rate limiter's (routes/limits.rs).

use super::Db;
use serde::Deserialize;
use worker::wasm_bindgen::JsValue;
use worker::Result;

/// Failures counted under `key` in the current window, and when the last one
/// was (Unix milliseconds: a delay of one second must not end early because
/// a second boundary passed).
pub async fn failures(db: &Db, key: &str, window_secs: i64, now: i64) -> Result<(u32, i64)> {
    #[derive(Deserialize)]
    struct Row {
        count: u32,
        last_at: i64,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT count, last_at FROM throttle WHERE key = ?1 AND window_start > ?2 - ?3",
            &[key.into(), JsValue::from_f64(now as f64), JsValue::from_f64(window_secs as f64)],
        )
        .await?;
    Ok(rows.first().map(|r| (r.count, r.last_at)).unwrap_or((0, 0)))
}

/// Counts one failure under `key` at `now_ms` (a new window once the last ended).
pub async fn fail(db: &Db, key: &str, window_secs: i64, now_ms: i64) -> Result<()> {
    db.rows::<serde_json::Value>(
        "INSERT INTO throttle (key, window_start, count, last_at) VALUES (?1, ?2, 1, ?4)
         ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN window_start <= ?2 - ?3 THEN 1 ELSE count + 1 END,
             window_start = CASE WHEN window_start <= ?2 - ?3 THEN ?2 ELSE window_start END,
             last_at = ?4",
        &[key.into(), JsValue::from_f64((now_ms / 1000) as f64), JsValue::from_f64(window_secs as f64), JsValue::from_f64(now_ms as f64)],
    )
    .await?;
    Ok(())
}

/// Forgets windows that started before `before` (Unix seconds): every
/// window is minutes long, so the daily job drops the day's leftovers.
pub fn expire(db: &Db, before: i64) -> Result<worker::D1PreparedStatement> {
    db.statement("DELETE FROM throttle WHERE window_start < ?1", &[JsValue::from_f64(before as f64)])
}

pub async fn clear(db: &Db, key: &str) -> Result<()> {
    db.rows::<serde_json::Value>("DELETE FROM throttle WHERE key = ?1", &[key.into()]).await?;
    Ok(())
}
