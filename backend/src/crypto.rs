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

/// Equal-length comparison that does not stop at the first difference.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
