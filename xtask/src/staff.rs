//! Demo staff accounts for local use. Every one has the password
//! `DEMO_PASSWORD`; production accounts are created by the office, never
//! from this file.

use pbkdf2::pbkdf2_hmac;
use sha2::Sha256;

pub const DEMO_PASSWORD: &str = "Demo@2026";
pub const ITERATIONS: u32 = 100_000;

pub struct DemoStaff {
    pub username: &'static str,
    pub name: &'static str,
    pub role: &'static str,
    /// A position in demo::DEPARTMENTS, from 1; `None` for the office.
    pub department: Option<usize>,
}

pub const STAFF: [DemoStaff; 5] = [
    DemoStaff { username: "scjg_window", name: "王晓燕", role: "window_staff", department: Some(1) },
    DemoStaff { username: "scjg_head", name: "李建国", role: "department_head", department: Some(1) },
    DemoStaff { username: "ga_window", name: "赵志强", role: "window_staff", department: Some(2) },
    DemoStaff { username: "zj_window", name: "孙丽", role: "window_staff", department: Some(4) },
    DemoStaff { username: "office_admin", name: "周明", role: "office_admin", department: None },
];

/// (salt hex, hash hex): PBKDF2-HMAC-SHA256, 32 bytes, as the Worker derives it.
pub fn password_hash(username: &str, password: &str) -> (String, String) {
    // A fixed salt per demo user keeps the generated SQL reproducible.
    let salt: Vec<u8> = format!("demo-salt:{username}").into_bytes();
    let mut out = [0u8; 32];
    pbkdf2_hmac::<Sha256>(password.as_bytes(), &salt, ITERATIONS, &mut out);
    (hex(&salt), hex(&out))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn matches_the_rfc_7914_pbkdf2_sha256_vector() {
        let mut out = [0u8; 64];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(b"passwd", b"salt", 1, &mut out);
        assert_eq!(super::hex(&out[..8]), "55ac046e56e3089f");
    }
}
