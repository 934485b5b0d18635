//! Randomness, hashing and password derivation from the runtime's Web Crypto
//! (native code, so a sign-in costs little CPU time).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Crypto, CryptoKey, Pbkdf2Params, WorkerGlobalScope};
use worker::js_sys::{Array, Uint8Array};
use worker::{Error, Result};

/// PBKDF2-HMAC-SHA256 iterations for new password hashes (the Workers
/// runtime caps PBKDF2 at 100,000).
pub const PBKDF2_ITERATIONS: u32 = 100_000;

fn crypto() -> Result<Crypto> {
    worker::js_sys::global().unchecked_into::<WorkerGlobalScope>().crypto().map_err(js)
}

fn js(e: JsValue) -> Error {
    Error::from(e)
}

pub fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut buf = [0u8; N];
    crypto()?.get_random_values_with_u8_array(&mut buf).map_err(js)?;
    Ok(buf)
}

/// A random string of decimal digits (query codes, case numbers).
pub fn random_digits(n: usize) -> Result<String> {
    let mut out = String::with_capacity(n);
    while out.len() < n {
        // Rejection sampling keeps every digit equally likely.
        for b in random_bytes::<16>()? {
            if b < 250 && out.len() < n {
                out.push((b'0' + b % 10) as char);
            }
        }
    }
    Ok(out)
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub async fn sha256_hex(data: &[u8]) -> Result<String> {
    let promise = crypto()?.subtle().digest_with_str_and_u8_array("SHA-256", data).map_err(js)?;
    let digest = JsFuture::from(promise).await.map_err(js)?;
    Ok(hex(&Uint8Array::new(&digest).to_vec()))
}

/// PBKDF2-HMAC-SHA256, 32 bytes, as hex.
pub async fn pbkdf2_hex(password: &str, salt: &[u8], iterations: u32) -> Result<String> {
    let subtle = crypto()?.subtle();
    let key_data = Uint8Array::from(password.as_bytes());
    let usages = Array::of1(&JsValue::from_str("deriveBits"));
    let key = subtle.import_key_with_str("raw", &key_data, "PBKDF2", false, &usages).map_err(js)?;
    let key: CryptoKey = JsFuture::from(key).await.map_err(js)?.unchecked_into();
    let params = Pbkdf2Params::new("PBKDF2", &JsValue::from_str("SHA-256"), iterations, &Uint8Array::from(salt));
    let bits = subtle.derive_bits_with_object(&params, &key, 256).map_err(js)?;
    let bits = JsFuture::from(bits).await.map_err(js)?;
    Ok(hex(&Uint8Array::new(&bits).to_vec()))
}

/// The Worker secret that keys query codes (`wrangler secret put
/// QUERY_CODE_KEY`; local stacks pass a development value with `--var`).
/// Without it the Worker refuses to issue or check codes rather than fall
/// back to a guessable key.
pub struct QueryCodeKey(hmac::Hmac<sha2::Sha256>);

impl QueryCodeKey {
    pub fn from_env(env: &worker::Env) -> Result<QueryCodeKey> {
        let key = env
            .secret("QUERY_CODE_KEY")
            .map(|s| s.to_string())
            .or_else(|_| env.var("QUERY_CODE_KEY").map(|v| v.to_string()))
            .map_err(|_| Error::RustError("QUERY_CODE_KEY is not set".into()))?;
        if key.len() < 16 {
            return Err(Error::RustError("QUERY_CODE_KEY is shorter than 16 bytes".into()));
        }
        let mac = <hmac::Hmac<sha2::Sha256> as hmac::Mac>::new_from_slice(key.as_bytes())
            .map_err(|e| Error::RustError(format!("QUERY_CODE_KEY: {e}")))?;
        Ok(QueryCodeKey(mac))
    }

    fn mac(&self, parts: &[&str]) -> [u8; 32] {
        use hmac::Mac;
        let mut mac = self.0.clone();
        for p in parts {
            mac.update(p.as_bytes());
            mac.update(&[0x1f]);
        }
        mac.finalize().into_bytes().into()
    }

    /// The case's 8-digit query code, derived from its number, so a retried
    /// submission gets the same code back without the code ever being stored.
    pub fn code(&self, case_no: &str) -> String {
        let mac = self.mac(&["query-code", case_no]);
        let n = u64::from_be_bytes([mac[0], mac[1], mac[2], mac[3], mac[4], mac[5], mac[6], mac[7]]);
        format!("{:08}", n % 100_000_000)
    }

    /// What D1 keeps of a code: a keyed hash that is useless without the secret.
    pub fn check(&self, case_no: &str, code: &str) -> String {
        hex(&self.mac(&["query-code-check", case_no, code]))
    }
}

/// Equal-length comparison that does not stop at the first difference.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A one-time password of 12 characters that read unambiguously on paper
/// or over the phone (no 0/O, 1/l/I); about 70 bits.
pub fn one_time_password() -> Result<String> {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    let mut out = String::with_capacity(12);
    while out.len() < 12 {
        for b in random_bytes::<16>()? {
            // 224 = 4 × 56: rejection keeps every character equally likely.
            if b < 224 && out.len() < 12 {
                out.push(ALPHABET[(b % 56) as usize] as char);
            }
        }
    }
    Ok(out)
}

/// A new stored password: (salt hex, PBKDF2 hash hex) with a fresh salt.
pub async fn password_secret(password: &str) -> Result<(String, String)> {
    let salt = random_bytes::<16>()?;
    Ok((hex(&salt), pbkdf2_hex(password, &salt, PBKDF2_ITERATIONS).await?))
}

/// Whether `password` matches a stored (salt hex, iterations, hash hex).
pub async fn verify_password(password: &str, salt_hex: &str, iterations: u32, hash_hex: &str) -> Result<bool> {
    Ok(same(&pbkdf2_hex(password, &unhex(salt_hex), iterations).await?, hash_hex))
}

/// Bytes of a hex string this code wrote (pairs that are not hex are skipped).
pub fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2).filter_map(|i| s.get(2 * i..2 * i + 2).and_then(|p| u8::from_str_radix(p, 16).ok())).collect()
}
