//! Tencent Cloud SMS `SendSms` (API 2021-01-11), signed with
//! TC3-HMAC-SHA256: a JSON POST; the answer has a status per number.

use crate::aliyun::Receipt;
use crate::provider::{Call, Outcome};
use crate::sign::Tc3;
use serde::Deserialize;
use serde_json::json;

pub struct Tencent {
    pub endpoint: String,
    pub secret_id: String,
    pub secret_key: String,
    pub app_id: String,
    pub sign_name: String,
    pub region: String,
}

const CONTENT_TYPE: &str = "application/json; charset=utf-8";

impl Tencent {
    /// `timestamp`: Unix seconds of this try; `date` its UTC day.
    pub fn send_sms(&self, phone: &str, template: &str, params: &[(&str, String)], out_id: &str, timestamp: i64, date: &str) -> Call {
        let body = json!({
            "PhoneNumberSet": [format!("+86{phone}")],
            "SmsSdkAppId": self.app_id,
            "SignName": self.sign_name,
            "TemplateId": template,
            "TemplateParamSet": params.iter().map(|(_, v)| v.as_str()).collect::<Vec<_>>(),
            "SessionContext": out_id,
        })
        .to_string();
        self.call("SendSms", body, timestamp, date)
    }

    /// Receipts not pulled yet (each is handed out once), at most `limit`.
    pub fn pull_status(&self, limit: u32, timestamp: i64, date: &str) -> Call {
        let body = json!({ "Limit": limit, "SmsSdkAppId": self.app_id }).to_string();
        self.call("PullSmsSendStatus", body, timestamp, date)
    }

    fn call(&self, action: &str, body: String, timestamp: i64, date: &str) -> Call {
        let host = self.endpoint.split("://").nth(1).unwrap_or(&self.endpoint).trim_end_matches('/');
        let tc3 = Tc3 {
            secret_id: &self.secret_id,
            secret_key: &self.secret_key,
            service: "sms",
            host,
            content_type: CONTENT_TYPE,
            timestamp,
            date,
        };
        let headers = vec![
            ("authorization", tc3.authorization(body.as_bytes())),
            ("content-type", CONTENT_TYPE.to_string()),
            ("x-tc-action", action.to_string()),
            ("x-tc-version", "2021-01-11".to_string()),
            ("x-tc-timestamp", timestamp.to_string()),
            ("x-tc-region", self.region.clone()),
        ];
        Call { url: format!("{}/", self.endpoint.trim_end_matches('/')), headers, body }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Answer {
    response: Response,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Response {
    error: Option<Status>,
    #[serde(default)]
    send_status_set: Vec<Status>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Status {
    code: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    serial_no: String,
}

/// What `SendSms` answered, for our one number. Codes about the request
/// itself (`InvalidParameter…`, `FailedOperation…`, `UnsupportedOperation…`:
/// a bad number, a template, a blocked word) fail for good; the rest
/// (internal errors, limits, a signature or key problem of ours, a 5xx, an
/// unreadable answer) leave the message to the queue's retries.
pub fn outcome(status: u16, body: &str) -> Outcome {
    let Ok(a) = serde_json::from_str::<Answer>(body) else {
        return Outcome::Unavailable { reason: format!("腾讯云短信无法解读的应答（HTTP {status}）") };
    };
    let s = match (a.response.error, a.response.send_status_set.into_iter().next()) {
        (Some(e), _) => e,
        (None, Some(s)) if s.code == "Ok" && !s.serial_no.is_empty() && status == 200 => {
            return Outcome::Sent { message_id: s.serial_no, delivered: false }
        }
        (None, Some(s)) => s,
        (None, None) => return Outcome::Unavailable { reason: format!("腾讯云短信应答缺少发送状态（HTTP {status}）") },
    };
    let reason = format!("腾讯云短信：{} {}", s.code, s.message);
    let permanent = ["InvalidParameter", "FailedOperation", "UnsupportedOperation"].iter().any(|p| s.code.starts_with(p));
    if status < 500 && permanent {
        Outcome::Refused { reason }
    } else {
        Outcome::Unavailable { reason }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Pulled {
    response: PulledSet,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct PulledSet {
    #[serde(default)]
    pull_sms_send_status_set: Vec<Report>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Report {
    serial_no: String,
    report_status: String,
    #[serde(default)]
    description: String,
}

/// `PullSmsSendStatus`'s receipts: (serial number, delivered or why not).
/// An error or unreadable answer gives none (the next round pulls again).
pub fn receipts(body: &str) -> Vec<(String, Receipt)> {
    let Ok(p) = serde_json::from_str::<Pulled>(body) else { return Vec::new() };
    p.response
        .pull_sms_send_status_set
        .into_iter()
        .map(|r| {
            let receipt = if r.report_status == "SUCCESS" {
                Receipt::Delivered
            } else {
                Receipt::Undelivered(format!("腾讯云短信回执：未送达 {}", r.description))
            };
            (r.serial_no, receipt)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn send_sms_carries_the_template_and_its_variables_in_order() {
        let t = Tencent {
            endpoint: "https://sms.tencentcloudapi.com".into(),
            secret_id: "AKID".into(),
            secret_key: "key".into(),
            app_id: "1400000000".into(),
            sign_name: "某县政务服务".into(),
            region: "ap-guangzhou".into(),
        };
        let call =
            t.send_sms("13800138000", "1001", &[("no", "S1".into()), ("date", "2026-12-01".into())], "7", 1_764_100_000, "2025-11-25");
        let body: serde_json::Value = serde_json::from_str(&call.body).unwrap();
        assert_eq!(body["PhoneNumberSet"], json!(["+8613800138000"]));
        assert_eq!(body["TemplateParamSet"], json!(["S1", "2026-12-01"]));
        let auth = &call.headers[0].1;
        assert!(auth.starts_with("TC3-HMAC-SHA256 Credential=AKID/2025-11-25/sms/tc3_request, SignedHeaders=content-type;host, "));
        assert_eq!(call.url, "https://sms.tencentcloudapi.com/");
    }

    #[test]
    fn answers() {
        let ok = r#"{"Response":{"SendStatusSet":[{"SerialNo":"5000:1045710669157053657849499619","PhoneNumber":"+8613800138000","Fee":1,"SessionContext":"7","Code":"Ok","Message":"send success","IsoCode":"CN"}],"RequestId":"r"}}"#;
        assert!(matches!(outcome(200, ok), Outcome::Sent { ref message_id, .. } if message_id == "5000:1045710669157053657849499619"));
        let bad = r#"{"Response":{"SendStatusSet":[{"SerialNo":"","Code":"InvalidParameterValue.IncorrectPhoneNumber","Message":"手机号格式错误"}],"RequestId":"r"}}"#;
        assert!(matches!(outcome(200, bad), Outcome::Refused { ref reason } if reason.contains("IncorrectPhoneNumber")));
        let limit = r#"{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"too many"},"RequestId":"r"}}"#;
        assert!(matches!(outcome(200, limit), Outcome::Unavailable { .. }));
        assert!(matches!(outcome(502, "bad gateway"), Outcome::Unavailable { .. }));
    }

    #[test]
    fn pulled_receipts() {
        let body = r#"{"Response":{"PullSmsSendStatusSet":[{"UserReceiveTime":"2019-10-08 11:12:11","CountryCode":"86","SubscriberNumber":"13800138000","PhoneNumber":"+8613800138000","SerialNo":"a","ReportStatus":"SUCCESS","Description":"DELIVRD","SessionContext":""},{"SerialNo":"b","ReportStatus":"FAIL","Description":"MK:0001"}],"RequestId":"r"}}"#;
        assert_eq!(
            receipts(body),
            [("a".to_string(), Receipt::Delivered), ("b".to_string(), Receipt::Undelivered("腾讯云短信回执：未送达 MK:0001".into()))]
        );
        assert!(receipts(r#"{"Response":{"Error":{"Code":"AuthFailure","Message":"x"}}}"#).is_empty());
    }
}
