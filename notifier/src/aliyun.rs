//! Aliyun Dysms `SendSms` (API 2017-05-25), signed with ACS3-HMAC-SHA256:
//! an RPC call whose parameters travel in the query string, with an empty
//! body. The answer's `Code` says what happened to the message.

use crate::provider::{Call, Outcome};
use crate::sign::{acs3_authorization, canonical_query, sha256_hex};
use serde::Deserialize;

pub struct Aliyun {
    pub endpoint: String,
    pub key_id: String,
    pub secret: String,
    pub sign_name: String,
}

/// The request's moment: `date` ISO 8601 UTC to the second
/// (2023-10-26T10:22:32Z), `nonce` unique to this try.
pub struct Stamp<'a> {
    pub date: &'a str,
    pub nonce: &'a str,
}

impl Aliyun {
    /// `params`: the template's variables in order; `out_id`: ours, echoed
    /// in receipts.
    pub fn send_sms(&self, phone: &str, template: &str, params: &[(&str, String)], out_id: &str, at: &Stamp) -> Call {
        let template_param: serde_json::Map<String, serde_json::Value> =
            params.iter().map(|(k, v)| (k.to_string(), serde_json::Value::String(v.clone()))).collect();
        self.call(
            "SendSms",
            &[
                ("PhoneNumbers", phone.to_string()),
                ("SignName", self.sign_name.clone()),
                ("TemplateCode", template.to_string()),
                ("TemplateParam", serde_json::Value::Object(template_param).to_string()),
                ("OutId", out_id.to_string()),
            ],
            at,
        )
    }

    /// The delivery receipt of one message (`BizId`), sent on `send_date`
    /// (YYYYMMDD, China's day).
    pub fn query_send_details(&self, phone: &str, biz_id: &str, send_date: &str, at: &Stamp) -> Call {
        self.call(
            "QuerySendDetails",
            &[
                ("PhoneNumber", phone.to_string()),
                ("BizId", biz_id.to_string()),
                ("SendDate", send_date.to_string()),
                ("PageSize", "10".to_string()),
                ("CurrentPage", "1".to_string()),
            ],
            at,
        )
    }

    fn call(&self, action: &str, params: &[(&str, String)], at: &Stamp) -> Call {
        let query = canonical_query(params);
        let host = self.endpoint.split("://").nth(1).unwrap_or(&self.endpoint).trim_end_matches('/').to_string();
        let mut headers = vec![
            ("host", host),
            ("x-acs-action", action.to_string()),
            ("x-acs-version", "2017-05-25".to_string()),
            ("x-acs-date", at.date.to_string()),
            ("x-acs-signature-nonce", at.nonce.to_string()),
            ("x-acs-content-sha256", sha256_hex(b"")),
        ];
        let authorization = acs3_authorization(&self.key_id, &self.secret, "POST", &query, &headers, b"");
        headers.push(("authorization", authorization));
        // fetch() sets Host itself, from the URL.
        headers.retain(|(k, _)| *k != "host");
        Call { url: format!("{}/?{query}", self.endpoint.trim_end_matches('/')), headers, body: String::new() }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Answer {
    #[serde(default)]
    code: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    biz_id: String,
}

/// What `SendSms` answered. `isv.*` codes are about the message itself (a
/// bad number, a template's variables, a blocked word): failed for good,
/// except the per-number frequency limits, which pass. Anything else
/// (throttling, internal errors, a signature or key problem of ours, a
/// 5xx, an unreadable answer) is the provider being unavailable to us: the
/// queue tries again.
pub fn outcome(status: u16, body: &str) -> Outcome {
    let Ok(a) = serde_json::from_str::<Answer>(body) else {
        return Outcome::Unavailable { reason: format!("阿里云短信无法解读的应答（HTTP {status}）") };
    };
    if status == 200 && a.code == "OK" && !a.biz_id.is_empty() {
        return Outcome::Sent { message_id: a.biz_id, delivered: false };
    }
    let reason = format!("阿里云短信：{} {}", a.code, a.message);
    let passing = matches!(a.code.as_str(), "isv.BUSINESS_LIMIT_CONTROL" | "isv.DAY_LIMIT_CONTROL");
    if status < 500 && a.code.starts_with("isv.") && !passing {
        Outcome::Refused { reason }
    } else {
        Outcome::Unavailable { reason }
    }
}

/// A receipt: reached the phone, or did not (with the operator's code).
#[derive(Debug, PartialEq, Eq)]
pub enum Receipt {
    Delivered,
    Undelivered(String),
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Details {
    #[serde(default)]
    code: String,
    #[serde(rename = "SmsSendDetailDTOs", default)]
    dtos: Option<Dtos>,
}

#[derive(Deserialize)]
struct Dtos {
    #[serde(rename = "SmsSendDetailDTO", default)]
    list: Vec<Dto>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Dto {
    send_status: u8,
    #[serde(default)]
    err_code: String,
}

/// What `QuerySendDetails` says of the message: `None` while the operator
/// has not answered yet (SendStatus 1) or the answer is not readable (the
/// next round asks again).
pub fn receipt(body: &str) -> Option<Receipt> {
    let d: Details = serde_json::from_str(body).ok()?;
    if d.code != "OK" {
        return None;
    }
    match d.dtos?.list.first()? {
        Dto { send_status: 3, .. } => Some(Receipt::Delivered),
        Dto { send_status: 2, err_code } => Some(Receipt::Undelivered(format!("阿里云短信回执：未送达 {err_code}"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aliyun() -> Aliyun {
        Aliyun {
            endpoint: "https://dysmsapi.aliyuncs.com".into(),
            key_id: "id".into(),
            secret: "secret".into(),
            sign_name: "某县政务服务".into(),
        }
    }

    #[test]
    fn send_sms_carries_the_template_and_its_variables() {
        let at = Stamp { date: "2026-11-26T01:02:03Z", nonce: "n1" };
        let call = aliyun().send_sms("13800138000", "SMS_1", &[("no", "S1".into()), ("code", "123".into())], "7", &at);
        assert!(call.url.starts_with("https://dysmsapi.aliyuncs.com/?OutId=7&PhoneNumbers=13800138000&SignName=%E6%9F%90"));
        assert!(call.url.contains("&TemplateCode=SMS_1&TemplateParam=%7B%22code%22%3A%22123%22%2C%22no%22%3A%22S1%22%7D"));
        let auth = &call.headers.iter().find(|(k, _)| *k == "authorization").unwrap().1;
        assert!(auth.starts_with("ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host;x-acs-action;"));
        assert!(!call.headers.iter().any(|(k, _)| *k == "host"));
    }

    #[test]
    fn answers() {
        let sent = outcome(200, r#"{"Code":"OK","Message":"OK","BizId":"9006197469364984400","RequestId":"r"}"#);
        assert!(matches!(sent, Outcome::Sent { ref message_id, delivered: false } if message_id == "9006197469364984400"));
        let bad = outcome(200, r#"{"Code":"isv.MOBILE_NUMBER_ILLEGAL","Message":"非法手机号","RequestId":"r"}"#);
        assert!(matches!(bad, Outcome::Refused { ref reason } if reason == "阿里云短信：isv.MOBILE_NUMBER_ILLEGAL 非法手机号"));
        assert!(matches!(outcome(200, r#"{"Code":"isv.BUSINESS_LIMIT_CONTROL","Message":"触发分钟级流控"}"#), Outcome::Unavailable { .. }));
        assert!(matches!(outcome(503, "<html>busy</html>"), Outcome::Unavailable { .. }));
        assert!(matches!(outcome(500, r#"{"Code":"InternalError","Message":"x"}"#), Outcome::Unavailable { .. }));
    }

    #[test]
    fn receipts() {
        let dto = |status, code| {
            format!(
                r#"{{"Code":"OK","TotalCount":1,"SmsSendDetailDTOs":{{"SmsSendDetailDTO":[{{"SendStatus":{status},"ErrCode":"{code}","PhoneNum":"1"}}]}}}}"#
            )
        };
        assert_eq!(receipt(&dto(3, "DELIVERED")), Some(Receipt::Delivered));
        assert_eq!(receipt(&dto(2, "MK:0001")), Some(Receipt::Undelivered("阿里云短信回执：未送达 MK:0001".into())));
        assert_eq!(receipt(&dto(1, "")), None);
        assert_eq!(receipt(r#"{"Code":"OK","TotalCount":0,"SmsSendDetailDTOs":{"SmsSendDetailDTO":[]}}"#), None);
        assert_eq!(receipt(r#"{"Code":"Throttling.User"}"#), None);
    }
}
