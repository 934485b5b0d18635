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

/// A sent message waiting for its delivery receipt.
#[derive(Deserialize)]
pub struct Awaiting {
    pub id: i64,
    pub phone: String,
    pub provider_message_id: String,
    pub sent_at: String,
}

/// How long a claim holds while the provider is called: a delivery that
/// died mid-send is retried by the queue after this.
pub const LEASE_SECONDS: i64 = 60;

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

    /// Which template variables were cut to the provider's limit.
    pub async fn cut(&self, id: i64, cuts: &str) -> Result<()> {
        self.run("UPDATE notice_outbox SET cut = ?2 WHERE id = ?1", &[num(id), cuts.into()]).await
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

    /// Sent messages of `provider` still without a receipt, sent since
    /// `since`, oldest first; not one whose number the retention erasure
    /// blanked (the provider is asked by number).
    pub async fn awaiting_receipts(&self, provider: &str, limit: u32, since: &str) -> Result<Vec<Awaiting>> {
        self.0
            .prepare(
                "SELECT id, phone, provider_message_id, sent_at FROM notice_outbox
                 WHERE state = 'sent' AND provider = ?1 AND provider_message_id IS NOT NULL AND phone <> '' AND sent_at >= ?3
                 ORDER BY id LIMIT ?2",
            )
            .bind(&[provider.into(), num(limit.into()), since.into()])?
            .all()
            .await?
            .results()
    }

    /// A delivery receipt: sent → delivered, or → failed with why. Whether
    /// it changed a message (a receipt may come for one already settled).
    pub async fn receipt(&self, provider: &str, message_id: &str, delivered: bool, reason: Option<&str>, now: &str) -> Result<bool> {
        let state = if delivered { NoticeState::Delivered } else { NoticeState::Failed };
        let result = self
            .0
            .prepare(
                "UPDATE notice_outbox SET state = ?3, reason = ?4, updated_at = ?5
                 WHERE provider = ?1 AND provider_message_id = ?2 AND state = 'sent'",
            )
            .bind(&[
                provider.into(),
                message_id.into(),
                state.as_str().into(),
                reason.map(JsValue::from).unwrap_or(JsValue::NULL),
                now.into(),
            ])?
            .run()
            .await?;
        // The outbox's tally triggers write too: a change is any write.
        Ok(result.meta()?.and_then(|m| m.changes).unwrap_or(0) > 0)
    }

    /// One invitation to rate per case completed between `first` and `last`
    /// (days, inclusive: `closed_on`, which an immediate completion sets as
    /// well, found through 0026's index `case_anonymise_due`) and not rated,
    /// not anonymised; the keys of those written now that are to be sent.
    pub async fn invite_to_rate(&self, first: &str, last: &str, now: &str) -> Result<Vec<String>> {
        #[derive(Deserialize)]
        struct Written {
            event_key: String,
            state: String,
        }
        let rows: Vec<Written> = self
            .0
            .prepare(
                "INSERT INTO notice_outbox (event_key, event, case_no, phone, vars, state, reason, created_at, updated_at)
                 SELECT 'case_evaluate:' || c.case_no || ':0', 'case_evaluate', c.case_no, c.mobile, json_object('no', c.case_no),
                        iif(c.sms_opt_out = 1, 'skipped', 'queued'), iif(c.sms_opt_out = 1, '申请人选择不接收短信', NULL), ?3, ?3
                 FROM case_record c
                 WHERE c.state = 'completed' AND c.closed_on BETWEEN ?1 AND ?2 AND c.anonymised_on IS NULL
                   AND NOT EXISTS (SELECT 1 FROM case_evaluation e WHERE e.case_id = c.id)
                 ON CONFLICT (event_key) DO NOTHING
                 RETURNING event_key, state",
            )
            .bind(&[first.into(), last.into(), now.into()])?
            .all()
            .await?
            .results()?;
        Ok(rows.into_iter().filter(|r| r.state == NoticeState::Queued.as_str()).map(|r| r.event_key).collect())
    }

    /// The queue took these invitations (the API Worker's sweep hands over
    /// any it did not).
    pub async fn enqueued(&self, key: &str, now: &str) -> Result<()> {
        self.run("UPDATE notice_outbox SET enqueued_at = ?2 WHERE event_key = ?1 AND enqueued_at IS NULL", &[key.into(), now.into()]).await
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
