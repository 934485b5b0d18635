//! Providers, chosen by the `SMS_PROVIDER` variable. Only `log` exists yet:
//! it stores each message in D1 (`notice_log`), for local runs and tests.

use crate::db::{Db, Row};
use shared::notify::{test_fault, NoticeEvent, TestFault, Vars};
use worker::{Env, Result};

/// What a provider did with one message.
pub enum Outcome {
    /// Taken, with the provider's message id; `delivered` when the provider
    /// already knows it reached the phone.
    Sent { message_id: String, delivered: bool },
    /// Refused for good (a bad number): failed, never retried.
    Refused { reason: String },
    /// Down or throttled: retried with backoff.
    Unavailable { reason: String },
}

pub enum Provider {
    /// `faults`: the test numbers of `shared::notify::test_fault` misbehave
    /// (`LOG_PROVIDER_FAULTS=1`, set by the local stacks only).
    Log { faults: bool },
}

impl Provider {
    pub fn from_env(env: &Env) -> Result<Provider> {
        let name = env.var("SMS_PROVIDER").map(|v| v.to_string()).unwrap_or_else(|_| "log".into());
        match name.as_str() {
            "log" => Ok(Provider::Log { faults: env.var("LOG_PROVIDER_FAULTS").is_ok_and(|v| v.to_string() == "1") }),
            other => Err(worker::Error::RustError(format!("SMS_PROVIDER {other} is not available"))),
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Provider::Log { .. } => "log",
        }
    }

    pub async fn send(&self, _env: &Env, db: &Db, row: &Row, event: NoticeEvent, vars: &Vars, now: &str) -> Result<Outcome> {
        match self {
            Provider::Log { faults } => {
                match (faults, test_fault(&row.phone)) {
                    (true, TestFault::Refused) => return Ok(Outcome::Refused { reason: "号码无效（测试号段）".into() }),
                    (true, TestFault::DownFor(n)) if row.attempts <= n => {
                        return Ok(Outcome::Unavailable {
                            reason: format!("短信服务暂不可用（测试号段，第{}次）", row.attempts)
                        })
                    }
                    _ => {}
                }
                db.log_message(row.id, &row.phone, event.as_str(), &serde_json::to_string(vars)?, now).await?;
                Ok(Outcome::Sent { message_id: format!("log-{}", row.id), delivered: true })
            }
        }
    }
}
