//! The notifier's SQL: claiming an outbox row and recording what the
//! provider did (the table is migration 0028's, shared with the main Worker).

use serde::Deserialize;
use shared::engine::instant::Instant;
use shared::notify::NoticeState;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, Env, Result};

pub struct Db(D1Database);

/// A claimed row: what the provider needs.
#[derive(Deserialize)]
pub struct Row {
    pub id: i64,
    pub phone: String,
    pub vars: String,
    /// Tries so far, this one included.
    pub attempts: u32,
}

#[derive(Deserialize)]
pub struct Peek {
    pub event: String,
    pub sent_today: u32,
}

/// How long a claim holds while the provider is called: a delivery that
/// died mid-send is retried by the queue after this.
const LEASE_SECONDS: i64 = 60;

fn num(n: i64) -> JsValue {
    JsValue::from_f64(n as f64)
}

impl Db {
    pub fn from_env(env: &Env) -> Result<Db> {
        Ok(Db(env.d1("DB")?))
    }

    async fn run(&self, sql: &str, params: &[JsValue]) -> Result<()> {
        self.0.prepare(sql).bind(params)?.run().await?;
        Ok(())
    }

    /// A queued row's event and how many messages its number has had since
    /// `midnight`: what the quiet hours and the daily cap need.
    pub async fn peek(&self, key: &str, midnight: &str) -> Result<Option<Peek>> {
        self.0
            .prepare(
                "SELECT o.event, (SELECT count(*) FROM notice_outbox s WHERE s.phone = o.phone AND s.sent_at >= ?2) AS sent_today
                 FROM notice_outbox o WHERE o.event_key = ?1 AND o.state = 'queued'",
            )
            .bind(&[key.into(), midnight.into()])?
            .first::<Peek>(None)
            .await
    }

    /// Why a queued message waits (quiet hours, the daily cap).
    pub async fn held(&self, key: &str, reason: &str, now: &str) -> Result<()> {
        self.run(
            "UPDATE notice_outbox SET reason = ?2, updated_at = ?3 WHERE event_key = ?1 AND state = 'queued'",
            &[key.into(), reason.into(), now.into()],
        )
        .await
    }

    /// Claims a queued row whose claim (if any) has lapsed, counting the try.
    pub async fn claim(&self, key: &str, now: Instant) -> Result<Option<Row>> {
        let until = now.plus_seconds(LEASE_SECONDS).to_string();
        self.0
            .prepare(
                "UPDATE notice_outbox SET lease_until = ?3, attempts = attempts + 1, updated_at = ?2
                 WHERE event_key = ?1 AND state = 'queued' AND (lease_until IS NULL OR lease_until < ?2)
                 RETURNING id, phone, vars, attempts",
            )
            .bind(&[key.into(), now.to_string().into(), until.into()])?
            .first::<Row>(None)
            .await
    }

    pub async fn sent(&self, id: i64, provider: &str, message_id: &str, state: NoticeState, now: &str) -> Result<()> {
        self.run(
            "UPDATE notice_outbox SET state = ?4, provider = ?2, provider_message_id = ?3, reason = NULL, lease_until = NULL,
                 sent_at = ?5, updated_at = ?5 WHERE id = ?1 AND state = 'queued'",
            &[num(id), provider.into(), message_id.into(), state.as_str().into(), now.into()],
        )
        .await
    }

    /// The provider refused the message (a bad number): failed, with why.
    pub async fn failed(&self, id: i64, provider: &str, reason: &str, now: &str) -> Result<()> {
        self.run(
            "UPDATE notice_outbox SET state = 'failed', provider = ?2, reason = ?3, lease_until = NULL, updated_at = ?4
             WHERE id = ?1 AND state = 'queued'",
            &[num(id), provider.into(), reason.into(), now.into()],
        )
        .await
    }

    /// The provider was unavailable: the claim is given back for the
    /// queue's retry, the reason kept for the office's page.
    pub async fn release(&self, id: i64, provider: &str, reason: &str, now: &str) -> Result<()> {
        self.run(
            "UPDATE notice_outbox SET provider = ?2, reason = ?3, lease_until = NULL, updated_at = ?4 WHERE id = ?1 AND state = 'queued'",
            &[num(id), provider.into(), reason.into(), now.into()],
        )
        .await
    }

    /// From the dead-letter queue: the retries ran out.
    pub async fn give_up(&self, key: &str, now: &str) -> Result<()> {
        self.run(
            "UPDATE notice_outbox SET state = 'failed', lease_until = NULL, updated_at = ?2,
                 reason = '多次重试仍未发出：' || coalesce(reason, '原因不明') WHERE event_key = ?1 AND state = 'queued'",
            &[key.into(), now.into()],
        )
        .await
    }

    /// The `log` provider's store: once per outbox row.
    pub async fn log_message(&self, outbox_id: i64, phone: &str, template: &str, text: &str, now: &str) -> Result<()> {
        self.run(
            "INSERT INTO notice_log (outbox_id, phone, template, vars, sent_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (outbox_id) DO NOTHING",
            &[num(outbox_id), phone.into(), template.into(), text.into(), now.into()],
        )
        .await
    }
}
