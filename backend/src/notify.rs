//! Hands outbox rows to the NOTIFY queue, whose consumer (the `notifier`
//! Worker) sends them. The rows themselves are written in the batch of the
//! change they tell about (`db/notify.rs`); a failure here loses nothing:
//! the row stays un-enqueued and the daily sweep hands it over again.

use crate::crypto::QueryCodeKey;
use crate::db::notify::Pending;
use crate::db::Db;
use crate::{clock, db};
use serde::Serialize;
use shared::notify::NoticeEvent;
use wasm_bindgen::prelude::*;
use worker::js_sys::{Array, Object, Promise, Reflect};
use worker::{Env, Result};

// The queue binding's one method the producer needs, bound directly: the
// `worker` crate's `queue` feature cost the Worker 0.9 KB gzip more
// (1,023.2 against 1,022.3 KB, measured 2026-11-26), and the Worker is at
// the edge of its budget.
#[wasm_bindgen]
extern "C" {
    type QueueBinding;
    #[wasm_bindgen(method, catch, js_name = sendBatch)]
    fn send_batch(this: &QueueBinding, messages: &Array) -> std::result::Result<Promise, JsValue>;
}

/// The queue's message: the outbox row by its key, and the one variable the
/// outbox never stores (the query code, derived here with the Worker's key).
#[derive(Serialize)]
struct Message<'a> {
    key: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
}

/// Enqueues what this request's batches wrote; logs a failure (the sweep
/// retries) rather than failing an answer whose change is already stored.
pub async fn enqueue_pending(env: &Env, db: &Db) {
    let pending = db.take_pending();
    if !pending.is_empty() {
        if let Err(e) = enqueue(env, db, &pending).await {
            worker::console_error!("enqueueing {} notices failed (the daily sweep retries): {e}", pending.len());
        }
    }
}

async fn enqueue(env: &Env, db: &Db, pending: &[Pending]) -> Result<()> {
    let queue: QueueBinding = Reflect::get(env.as_ref(), &JsValue::from_str("NOTIFY"))?.unchecked_into();
    let codes = QueryCodeKey::from_env(env)?;
    let messages = Array::new();
    for p in pending {
        let code = NoticeEvent::parse(&p.event).is_some_and(NoticeEvent::carries_code).then(|| codes.code(&p.case_no));
        let body = serde_json::to_string(&Message { key: &p.event_key, code })?;
        // `{ body, contentType: "text" }`: the notifier reads the body as a string.
        let message = Object::new();
        Reflect::set(&message, &JsValue::from_str("body"), &JsValue::from(body))?;
        Reflect::set(&message, &JsValue::from_str("contentType"), &JsValue::from_str("text"))?;
        messages.push(&message);
    }
    wasm_bindgen_futures::JsFuture::from(queue.send_batch(&messages)?).await?;
    let keys: Vec<String> = pending.iter().map(|p| p.event_key.clone()).collect();
    db::notify::mark_enqueued(db, &keys, &clock::now_rfc3339()).await
}

/// The daily job's sweep: rows older than ten minutes that the queue never
/// took. Returns how many it handed over.
pub async fn sweep(env: &Env, db: &Db) -> Result<usize> {
    let before = clock::now().plus_seconds(-SWEEP_AFTER_SECONDS).to_string();
    let rows = db::notify::never_enqueued(db, &before, SWEEP_BATCH).await?;
    if !rows.is_empty() {
        enqueue(env, db, &rows).await?;
    }
    Ok(rows.len())
}

/// A row younger than this may still be on its way from its own request.
const SWEEP_AFTER_SECONDS: i64 = 600;
/// The queue takes at most 100 messages a batch.
const SWEEP_BATCH: u32 = 100;
