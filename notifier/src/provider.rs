//! Providers, chosen by the `SMS_PROVIDER` variable: `log` (stores each
//! message in D1, `notice_log`: local runs and tests), `aliyun` (Dysms) or
//! `tencent` (Tencent Cloud SMS). The real ones take their credentials from
//! Worker secrets and each event's template code from `SMS_TEMPLATES`;
//! `SMS_ENDPOINT` points them elsewhere (tests: a local fake server).

use crate::aliyun::{self, Aliyun, Stamp};
use crate::db::{Db, Row};
use crate::sign::sha256_hex;
use crate::tencent::{self, Tencent};
use shared::notify::template::{cut, params, ALIYUN_VAR_LIMIT, TENCENT_VAR_LIMIT};
use shared::notify::{test_fault, NoticeEvent, TestFault, Vars};
use std::collections::HashMap;
use worker::{Env, Fetch, Headers, Method, Request, RequestInit, Result};

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

/// One HTTP request to a provider (POST), built and signed without I/O.
pub struct Call {
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
}

pub enum Provider {
    /// `faults`: the test numbers of `shared::notify::test_fault` misbehave
    /// (`LOG_PROVIDER_FAULTS=1`, set by the local stacks only).
    Log { faults: bool },
    /// A real provider, with each event's template code.
    Sms { api: Api, templates: HashMap<String, String> },
}

pub enum Api {
    Aliyun(Aliyun),
    Tencent(Tencent),
}

/// A secret (the credentials) or a variable: both are strings to the Worker.
fn setting(env: &Env, name: &str) -> Result<String> {
    env.secret(name)
        .map(|s| s.to_string())
        .map_err(|_| worker::Error::RustError(format!("{name} is not set (README, \"Notifications (SMS)\")")))
}

fn var_or(env: &Env, name: &str, default: &str) -> String {
    env.var(name).map(|v| v.to_string()).unwrap_or_else(|_| default.to_string())
}

impl Provider {
    pub fn from_env(env: &Env) -> Result<Provider> {
        let name = var_or(env, "SMS_PROVIDER", "log");
        let templates = || -> Result<HashMap<String, String>> {
            serde_json::from_str(&setting(env, "SMS_TEMPLATES")?).map_err(|e| worker::Error::RustError(format!("SMS_TEMPLATES: {e}")))
        };
        match name.as_str() {
            "log" => Ok(Provider::Log { faults: env.var("LOG_PROVIDER_FAULTS").is_ok_and(|v| v.to_string() == "1") }),
            "aliyun" => Ok(Provider::Sms {
                api: Api::Aliyun(Aliyun {
                    endpoint: var_or(env, "SMS_ENDPOINT", "https://dysmsapi.aliyuncs.com"),
                    key_id: setting(env, "ALIYUN_ACCESS_KEY_ID")?,
                    secret: setting(env, "ALIYUN_ACCESS_KEY_SECRET")?,
                    sign_name: setting(env, "SMS_SIGN_NAME")?,
                }),
                templates: templates()?,
            }),
            "tencent" => Ok(Provider::Sms {
                api: Api::Tencent(Tencent {
                    endpoint: var_or(env, "SMS_ENDPOINT", "https://sms.tencentcloudapi.com"),
                    secret_id: setting(env, "TENCENT_SECRET_ID")?,
                    secret_key: setting(env, "TENCENT_SECRET_KEY")?,
                    app_id: setting(env, "TENCENT_SMS_APP_ID")?,
                    sign_name: setting(env, "SMS_SIGN_NAME")?,
                    region: var_or(env, "TENCENT_SMS_REGION", "ap-guangzhou"),
                }),
                templates: templates()?,
            }),
            other => Err(worker::Error::RustError(format!("SMS_PROVIDER {other} is not available"))),
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Provider::Log { .. } => "log",
            Provider::Sms { api: Api::Aliyun(_), .. } => "aliyun",
            Provider::Sms { api: Api::Tencent(_), .. } => "tencent",
        }
    }

    /// Sends one message; also says which variables were cut to the
    /// provider's limit ("no:40→35"), for the message's record.
    pub async fn send(&self, db: &Db, row: &Row, event: NoticeEvent, vars: &Vars, now: &str) -> Result<(Outcome, Vec<String>)> {
        let (api, templates) = match self {
            Provider::Log { faults } => return Ok((log(*faults, db, row, event, vars, now).await?, Vec::new())),
            Provider::Sms { api, templates } => (api, templates),
        };
        let Some(template) = templates.get(event.as_str()) else {
            let reason = format!("未配置该事件的短信模板（SMS_TEMPLATES 缺少 {}）", event.as_str());
            return Ok((Outcome::Refused { reason }, Vec::new()));
        };
        let mut p = params(event, vars);
        let Clock { ms, date } = Clock::now();
        let out_id = row.id.to_string();
        let (cuts, call, read): (_, _, fn(u16, &str) -> Outcome) = match api {
            Api::Aliyun(a) => {
                let cuts = cut(&mut p, ALIYUN_VAR_LIMIT);
                let nonce = sha256_hex(format!("{}:{}:{ms}", row.id, row.attempts).as_bytes());
                (cuts, a.send_sms(&row.phone, template, &p, &out_id, &Stamp { date: &date, nonce: &nonce[..32] }), aliyun::outcome)
            }
            Api::Tencent(t) => {
                let cuts = cut(&mut p, TENCENT_VAR_LIMIT);
                (cuts, t.send_sms(&row.phone, template, &p, &out_id, Clock::seconds(ms), &date[..10]), tencent::outcome)
            }
        };
        let outcome = match http(&call).await {
            Ok((status, body)) => read(status, &body),
            Err(e) => Outcome::Unavailable { reason: format!("短信服务无法连接：{e}") },
        };
        Ok((outcome, cuts))
    }
}

/// A request's moment: Unix milliseconds, and ISO 8601 UTC to the second
/// (2026-11-26T01:02:03Z), as both providers sign it.
pub struct Clock {
    pub ms: f64,
    pub date: String,
}

impl Clock {
    pub fn now() -> Clock {
        let ms = worker::js_sys::Date::now();
        let iso = String::from(worker::js_sys::Date::new(&ms.into()).to_iso_string());
        Clock { ms, date: format!("{}Z", &iso[..19]) }
    }

    pub fn seconds(ms: f64) -> i64 {
        (ms / 1000.0) as i64
    }
}

pub async fn http(call: &Call) -> Result<(u16, String)> {
    let headers = Headers::new();
    for (k, v) in &call.headers {
        headers.set(k, v)?;
    }
    let mut init = RequestInit::new();
    init.with_method(Method::Post).with_headers(headers);
    if !call.body.is_empty() {
        init.with_body(Some(call.body.clone().into()));
    }
    let mut response = Fetch::Request(Request::new_with_init(&call.url, &init)?).send().await?;
    Ok((response.status_code(), response.text().await?))
}

/// `12345678` → `******78`.
fn mask_code(code: &str) -> String {
    let keep = code.chars().count().saturating_sub(2);
    code.chars().enumerate().map(|(i, c)| if i < keep { '*' } else { c }).collect()
}

/// The `log` provider: the message goes into `notice_log`, once per row.
async fn log(faults: bool, db: &Db, row: &Row, event: NoticeEvent, vars: &Vars, now: &str) -> Result<Outcome> {
    match (faults, test_fault(&row.phone)) {
        (true, TestFault::Refused) => return Ok(Outcome::Refused { reason: "号码无效（测试号段）".into() }),
        (true, TestFault::DownFor(n)) if row.attempts <= n => {
            return Ok(Outcome::Unavailable { reason: format!("短信服务暂不可用（测试号段，第{}次）", row.attempts) })
        }
        _ => {}
    }
    // The query code is never stored whole (it would open the case): the
    // log keeps its last two digits, enough to tell which code went out.
    let kept = Vars { code: vars.code.as_deref().map(mask_code), ..vars.clone() };
    db.log_message(row.id, &row.phone, event.as_str(), &serde_json::to_string(&kept)?, now).await?;
    Ok(Outcome::Sent { message_id: format!("log-{}", row.id), delivered: true })
}
