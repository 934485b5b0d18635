//! Request signatures of the SMS providers, pure so that native unit tests
//! reproduce each provider's documented example:
//! - Aliyun's V3 signature, ACS3-HMAC-SHA256 (help.aliyun.com, "V3版本请求体&签名机制");
//! - Tencent Cloud's TC3-HMAC-SHA256 (cloud.tencent.com/document/api/382/52072, "签名方法 v3").
//!
//! HMAC-SHA256 and SHA-256 from the pinned `hmac`/`sha2` crates the main
//! Worker already uses for query codes: synchronous, no Web Crypto round trip.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> Vec<u8> {
    // HMAC takes a key of any length: new_from_slice cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(data);
    mac.finalize().into_bytes().to_vec()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// RFC 3986 encoding as Aliyun specifies it: unreserved characters stay,
/// everything else (space → %20, * → %2A) is %XX of its UTF-8 bytes.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Parameters sorted by name and encoded: Aliyun's CanonicalQueryString,
/// and the query string the request is sent with.
pub fn canonical_query(params: &[(&str, String)]) -> String {
    let mut sorted: Vec<_> = params.iter().map(|(k, v)| (percent_encode(k), percent_encode(v))).collect();
    sorted.sort();
    sorted.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
}

/// An Aliyun request's signed headers (lower-case names, any order) and the
/// `Authorization` value that signs them, the query and the body.
pub fn acs3_authorization(key_id: &str, secret: &str, method: &str, query: &str, headers: &[(&str, String)], body: &[u8]) -> String {
    let mut headers: Vec<_> = headers.iter().map(|(k, v)| (k.to_ascii_lowercase(), v.trim().to_string())).collect();
    headers.sort();
    let canonical_headers: String = headers.iter().map(|(k, v)| format!("{k}:{v}\n")).collect();
    let signed: Vec<&str> = headers.iter().map(|(k, _)| k.as_str()).collect();
    let signed = signed.join(";");
    let canonical = format!("{method}\n/\n{query}\n{canonical_headers}\n{signed}\n{}", sha256_hex(body));
    let to_sign = format!("ACS3-HMAC-SHA256\n{}", sha256_hex(canonical.as_bytes()));
    let signature = hex(&hmac_sha256(secret.as_bytes(), to_sign.as_bytes()));
    format!("ACS3-HMAC-SHA256 Credential={key_id},SignedHeaders={signed},Signature={signature}")
}

/// A Tencent Cloud API 3.0 POST's `Authorization`: signs the content type,
/// the host and the JSON body; `date` is the UTC day of `timestamp`.
pub struct Tc3<'a> {
    pub secret_id: &'a str,
    pub secret_key: &'a str,
    pub service: &'a str,
    pub host: &'a str,
    pub content_type: &'a str,
    pub timestamp: i64,
    pub date: &'a str,
}

impl Tc3<'_> {
    pub fn authorization(&self, body: &[u8]) -> String {
        let canonical =
            format!("POST\n/\n\ncontent-type:{}\nhost:{}\n\ncontent-type;host\n{}", self.content_type, self.host, sha256_hex(body));
        let scope = format!("{}/{}/tc3_request", self.date, self.service);
        let to_sign = format!("TC3-HMAC-SHA256\n{}\n{scope}\n{}", self.timestamp, sha256_hex(canonical.as_bytes()));
        let date_key = hmac_sha256(format!("TC3{}", self.secret_key).as_bytes(), self.date.as_bytes());
        let service_key = hmac_sha256(&date_key, self.service.as_bytes());
        let signing_key = hmac_sha256(&service_key, b"tc3_request");
        let signature = hex(&hmac_sha256(&signing_key, to_sign.as_bytes()));
        format!("TC3-HMAC-SHA256 Credential={}/{scope}, SignedHeaders=content-type;host, Signature={signature}", self.secret_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Aliyun's documented example (RunInstances, empty body): the
    /// signature 06563a9e… of the V3 signature page.
    #[test]
    fn aliyun_documented_example() {
        let query = canonical_query(&[
            ("RegionId", "cn-shanghai".into()),
            ("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd".into()),
        ]);
        assert_eq!(query, "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai");
        let empty = sha256_hex(b"");
        assert_eq!(empty, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        let headers = [
            ("host", "ecs.cn-shanghai.aliyuncs.com".to_string()),
            ("x-acs-action", "RunInstances".into()),
            ("x-acs-version", "2014-05-26".into()),
            ("x-acs-date", "2023-10-26T10:22:32Z".into()),
            ("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d".into()),
            ("x-acs-content-sha256", empty),
        ];
        assert_eq!(
            acs3_authorization("YourAccessKeyId", "YourAccessKeySecret", "POST", &query, &headers, b""),
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;\
             x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
        );
    }

    #[test]
    fn aliyun_encoding() {
        assert_eq!(percent_encode("a b*c~d+e/中"), "a%20b%2Ac~d%2Be%2F%E4%B8%AD");
        assert_eq!(canonical_query(&[("b", "2".into()), ("a", "{\"no\":\"1\"}".into())]), "a=%7B%22no%22%3A%221%22%7D&b=2");
    }

    /// Tencent's documented example (CVM DescribeInstances, 1551113065):
    /// payload hash 35e9c5b0…, signature 72e494ea….
    #[test]
    fn tencent_documented_example() {
        let body = br#"{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}"#;
        assert_eq!(sha256_hex(body), "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        let tc3 = Tc3 {
            secret_id: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
            secret_key: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
            service: "cvm",
            host: "cvm.tencentcloudapi.com",
            content_type: "application/json; charset=utf-8",
            timestamp: 1_551_113_065,
            date: "2019-02-25",
        };
        assert_eq!(
            tc3.authorization(body),
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, \
             SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"
        );
    }
}
