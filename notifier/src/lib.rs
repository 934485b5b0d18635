//! The notifier Worker: consumes the NOTIFY queue (each message names an
//! outbox row by its event key) and sends it through the configured
//! provider; marks what the retries could not send from the dead-letter
//! queue. Idempotent: a row is claimed before the provider is called and
//! marked sent after, so a duplicate delivery from the queue sends nothing.

mod aliyun;
mod db;
mod evaluate;
mod provider;
mod receipts;
mod sign;
mod tencent;

use db::Db;
use provider::Outcome;
use serde::{Deserialize, Serialize};
use shared::engine::instant::Instant;
use shared::notify::limits::hold;
use shared::notify::{retry_delay, NoticeEvent, NoticeState, Vars};
use worker::wasm_bindgen::JsValue;
use worker::{
    event, Context, Env, MessageBatch, MessageExt, QueueContentType, QueueRetryOptionsBuilder, RawMessageBuilder, Request, Response, Result,
};

/// The queue's message (backend's notify.rs): the row, and the query code,
/// which only the main Worker can derive and the outbox never stores.
#[derive(Deserialize, Serialize)]
struct Message {
    key: String,
    #[serde(default)]
    code: Option<String>,
}

/// The dead-letter queue's name (wrangler.toml).
const DEAD_LETTERS: &str = "county-notify-dlq";
/// The longest delay the queue takes (12 hours); a longer hold waits again.
const MAX_DELAY_SECONDS: i64 = 43_200;

#[event(queue)]
async fn consume(batch: MessageBatch<String>, env: Env, _ctx: Context) -> Result<()> {
    let db = Db::from_env(&env)?;
    let dead = batch.queue() == DEAD_LETTERS;
    for message in batch.messages()? {
        let Ok(body) = serde_json::from_str::<Message>(message.body()) else {
            worker::console_error!("notifier: unreadable message {}, dropped", message.id());
            message.ack();
            continue;
        };
        let result = if dead { db.give_up(&body.key, &now()).await.map(|_| None) } else { deliver(&env, &db, &body).await };
        match result {
            Ok(None) => message.ack(),
            Ok(Some(delay)) => message.retry_with_options(&QueueRetryOptionsBuilder::new().with_delay_seconds(delay).build()),
            // D1, the settings or the provider's answer failed: the queue
            // tries again once the claim has lapsed (and in the end the
            // dead-letter queue records it as failed).
            Err(e) => {
                worker::console_error!("notifier: {} failed: {e}", body.key);
                let after = QueueRetryOptionsBuilder::new().with_delay_seconds(db::LEASE_SECONDS as u32 + 1).build();
                message.retry_with_options(&after);
            }
        }
    }
    Ok(())
}

/// The daily invitations to rate: 10:00 China time (the portal's wrangler.toml).
const INVITATIONS_CRON: &str = "0 2 * * *";
/// Delivery receipts: every ten minutes (the portal's wrangler.toml).
const RECEIPTS_CRON: &str = "*/10 * * * *";

/// The notifier's crons: the daily invitations to rate, and delivery
/// receipts every ten minutes. The portal's cron triggers (wrangler.toml)
/// fire them and pass each on through its NOTIFIER binding as
/// `/cron?cron=…` (backend/src/split.rs): the notifier has no public
/// address (workers_dev = false), so only the portal reaches this.
#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let url = req.url()?;
    let cron = url.query_pairs().find(|(k, _)| k == "cron").map(|(_, v)| v.into_owned());
    match (url.path(), cron) {
        ("/cron", Some(cron)) => {
            run_cron(&cron, &env).await;
            Response::empty()
        }
        _ => Response::error("not found", 404),
    }
}

async fn run_cron(cron: &str, env: &Env) {
    let db = match Db::from_env(env) {
        Ok(db) => db,
        Err(e) => return worker::console_error!("notifier cron: no database: {e}"),
    };
    match cron {
        INVITATIONS_CRON => match invite(env, &db).await {
            Ok(n) => worker::console_log!("notifier cron: {n} invitations to rate"),
            Err(e) => worker::console_error!("notifier cron: invitations failed (the next day catches up): {e}"),
        },
        RECEIPTS_CRON => match receipts::pull(env, &db, &now()).await {
            Ok(n) => worker::console_log!("notifier cron: {n} receipts"),
            Err(e) => worker::console_error!("notifier cron: receipts failed: {e}"),
        },
        _ => worker::console_error!("notifier cron: unknown schedule {cron:?} (wrangler.toml and this list must agree)"),
    }
}

async fn invite(env: &Env, db: &Db) -> Result<usize> {
    let keys = evaluate::invitations(db, now_instant()).await?;
    for key in &keys {
        enqueue(env, &Message { key: key.clone(), code: None }, None).await?;
        db.enqueued(key, &now()).await?;
    }
    Ok(keys.len())
}

/// Hands a message to the NOTIFY queue, after `delay` seconds if given.
async fn enqueue(env: &Env, m: &Message, delay: Option<u32>) -> Result<()> {
    let body = serde_json::to_string(m)?;
    let mut message = RawMessageBuilder::new(JsValue::from(body));
    if let Some(delay) = delay {
        message = message.delay_seconds(delay);
    }
    env.queue("NOTIFY")?.send_raw(message.build_with_content_type(QueueContentType::Text)).await
}

/// Sends one outbox row; `Some(seconds)` when the provider was unavailable
/// and the message should come back after that delay.
async fn deliver(env: &Env, db: &Db, m: &Message) -> Result<Option<u32>> {
    let instant = now_instant();
    let now = instant.to_string();
    let midnight = Instant::start_of_day(instant.date()).to_string();
    let Some(peek) = db.peek(&m.key, &midnight).await? else {
        return Ok(None);
    };
    let event = NoticeEvent::parse(&peek.event).ok_or_else(|| worker::Error::RustError(format!("unknown event {}", peek.event)))?;
    let quiet_hours = env.var("QUIET_HOURS").map(|v| v.to_string() != "off").unwrap_or(true);
    if let Some((why, seconds)) = hold(instant, event, peek.sent_today, quiet_hours) {
        db.held(&m.key, why.zh(), &now).await?;
        // Sent again with a delay rather than retried, so waiting does not
        // use up the tries the provider's faults have.
        enqueue(env, m, Some(seconds.clamp(1, MAX_DELAY_SECONDS) as u32)).await?;
        return Ok(None);
    }
    // Still queued (peek) but claimed: by another delivery of the same
    // message right now, or by a try that failed after claiming. Come back
    // when that claim lapses; acknowledging would strand the row, which the
    // sweep (rows never enqueued) would not pick up again.
    let Some(row) = db.claim(&m.key, instant).await? else {
        return Ok(Some(db::LEASE_SECONDS as u32 + 1));
    };
    let mut vars: Vars = serde_json::from_str(&row.vars)?;
    vars.code = m.code.clone();
    let provider = provider::Provider::from_env(env)?;
    let (outcome, cuts) = provider.send(db, &row, event, &vars, &now).await?;
    if !cuts.is_empty() {
        db.cut(row.id, &cuts.join("，")).await?;
    }
    match outcome {
        Outcome::Sent { message_id, delivered } => {
            let state = if delivered { NoticeState::Delivered } else { NoticeState::Sent };
            db.sent(row.id, provider.name(), &message_id, state, &now).await?;
            Ok(None)
        }
        Outcome::Refused { reason } => {
            db.failed(row.id, provider.name(), &reason, &now).await?;
            Ok(None)
        }
        Outcome::Unavailable { reason } => {
            db.release(row.id, provider.name(), &reason, &now).await?;
            let base = env.var("RETRY_BASE_SECONDS").ok().and_then(|v| v.to_string().parse().ok()).unwrap_or(30);
            Ok(Some(retry_delay(base, row.attempts)))
        }
    }
}

pub(crate) fn now_instant() -> Instant {
    Instant::from_unix_ms(worker::js_sys::Date::now())
}

fn now() -> String {
    now_instant().to_string()
}
