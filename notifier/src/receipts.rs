//! Delivery receipts, pulled on the notifier's own cron where the provider
//! offers them: Aliyun's `QuerySendDetails` (asked per message) and
//! Tencent's `PullSmsSendStatus` (each receipt handed out once). A receipt
//! moves a message sent → delivered, or → failed with the operator's code.
//! The `log` provider has none: its messages are delivered when stored.

use crate::aliyun::{self, Receipt, Stamp};
use crate::db::Db;
use crate::provider::{http, Api, Clock, Provider};
use crate::sign::sha256_hex;
use crate::tencent;
use worker::{Env, Result};

/// Messages asked about per round (Aliyun: one request each).
const ALIYUN_PER_ROUND: u32 = 50;
/// Receipts pulled per round (Tencent's most per call is 100).
const TENCENT_PER_ROUND: u32 = 100;
/// How long a sent message is asked about: one the provider still reports
/// as waiting after this stays `sent`, and stops taking a place in the
/// round from newer ones.
const ASK_FOR_SECONDS: i64 = 3 * 86_400;

/// One round; returns how many messages changed state.
pub async fn pull(env: &Env, db: &Db, now: &str) -> Result<usize> {
    let Provider::Sms { api, .. } = Provider::from_env(env)? else {
        return Ok(0);
    };
    let mut changed = 0;
    let clock = Clock::now();
    let receipts: Vec<(String, Receipt)> = match &api {
        Api::Aliyun(a) => {
            let mut out = Vec::new();
            let since = crate::now_instant().plus_seconds(-ASK_FOR_SECONDS).to_string();
            for m in db.awaiting_receipts("aliyun", ALIYUN_PER_ROUND, &since).await? {
                let nonce = sha256_hex(format!("receipt:{}:{}", m.id, clock.ms).as_bytes());
                // The day it was sent, in China: YYYYMMDD.
                let day = m.sent_at.get(..10).unwrap_or_default().replace('-', "");
                let call = a.query_send_details(&m.phone, &m.provider_message_id, &day, &Stamp { date: &clock.date, nonce: &nonce[..32] });
                match http(&call).await {
                    Ok((200, body)) => out.extend(aliyun::receipt(&body).map(|r| (m.provider_message_id, r))),
                    // Unavailable now: the next round asks again.
                    Ok(_) | Err(_) => break,
                }
            }
            out
        }
        Api::Tencent(t) => match http(&t.pull_status(TENCENT_PER_ROUND, Clock::seconds(clock.ms), &clock.date[..10])).await {
            Ok((200, body)) => tencent::receipts(&body),
            Ok(_) | Err(_) => Vec::new(),
        },
    };
    let provider = match api {
        Api::Aliyun(_) => "aliyun",
        Api::Tencent(_) => "tencent",
    };
    for (message_id, receipt) in receipts {
        let (delivered, reason) = match receipt {
            Receipt::Delivered => (true, None),
            Receipt::Undelivered(why) => (false, Some(why)),
        };
        changed += db.receipt(provider, &message_id, delivered, reason.as_deref(), now).await? as usize;
    }
    Ok(changed)
}
