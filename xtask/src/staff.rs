//! Demo staff accounts for local use. Every one has the password
//! `DEMO_PASSWORD`; production accounts are created by the office, never
//! from this file.

use pbkdf2::pbkdf2_hmac;
use sha2::Sha256;

pub const DEMO_PASSWORD: &str = "Demo@2026";
/// The demo office administrators' second-factor secret (20 bytes; base32
/// `MRSW23ZNORXXI4BNN5TGM2LDMUWWCZDN` for an authenticator app). Public,
/// as the demo password is: local use only.
pub const DEMO_TOTP_SECRET: &[u8; 20] = b"demo-totp-office-adm";
pub const ITERATIONS: u32 = 100_000;

pub struct DemoStaff {
    pub username: &'static str,
    pub name: &'static str,
    pub role: &'static str,
    /// A unit's id (demo::DEPARTMENTS from 1, then demo::TOWNSHIPS);
    /// `None` for the office.
    pub department: Option<usize>,
}

pub const STAFF: [DemoStaff; 10] = [
    DemoStaff { username: "scjg_window", name: "王晓燕", role: "window_staff", department: Some(1) },
    DemoStaff { username: "scjg_window2", name: "陈静", role: "window_staff", department: Some(1) },
    DemoStaff { username: "scjg_head", name: "李建国", role: "department_head", department: Some(1) },
    DemoStaff { username: "ga_window", name: "赵志强", role: "window_staff", department: Some(2) },
    DemoStaff { username: "zj_window", name: "孙丽", role: "window_staff", department: Some(4) },
    DemoStaff { username: "office_admin", name: "周明", role: "office_admin", department: None },
    // Member units of the hotline: a county department's head, and a
    // township's head and staff (ids after the departments', demo::TOWNSHIPS).
    DemoStaff { username: "zj_head", name: "吴海峰", role: "department_head", department: Some(4) },
    DemoStaff { username: "cgz_head", name: "刘芳", role: "department_head", department: Some(12) },
    DemoStaff { username: "cgz_staff", name: "马涛", role: "window_staff", department: Some(12) },
    DemoStaff { username: "hkz_head", name: "郑伟", role: "department_head", department: Some(13) },
];

impl DemoStaff {
    pub fn role(&self) -> shared::staff::Role {
        shared::staff::Role::parse(self.role).unwrap_or(shared::staff::Role::WindowStaff)
    }
}

/// `cargo xtask totp`: the demo office administrators' current code, for
/// signing in locally without an authenticator app.
pub fn demo_totp_code() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    shared::second_factor::code_at(DEMO_TOTP_SECRET, shared::second_factor::step_of(now))
}

/// A demo account's (salt hex, hash hex). A fixed salt per demo user keeps
/// the generated SQL reproducible.
pub fn demo_password_hash(username: &str) -> (String, String) {
    password_hash(format!("demo-salt:{username}").as_bytes(), DEMO_PASSWORD)
}

/// (salt hex, hash hex): PBKDF2-HMAC-SHA256, 32 bytes, as the Worker derives it.
pub fn password_hash(salt: &[u8], password: &str) -> (String, String) {
    let mut out = [0u8; 32];
    pbkdf2_hmac::<Sha256>(password.as_bytes(), salt, ITERATIONS, &mut out);
    (hex(salt), hex(&out))
}

/// `cargo xtask staff-sql USERNAME NAME ROLE [DEPARTMENT_ID]`, password in
/// `STAFF_PASSWORD`: the SQL that creates a real account (the first office
/// admin of a new deployment, say), to run with `wrangler d1 execute
/// --remote`. The password itself is never printed or stored.
pub fn account_sql(args: &[String]) -> Result<String, String> {
    let [username, name, role, rest @ ..] = args else {
        return Err("usage: STAFF_PASSWORD=… cargo xtask staff-sql USERNAME NAME ROLE [DEPARTMENT_ID]".into());
    };
    let role = shared::staff::Role::parse(role).map(|_| role.as_str()).ok_or("ROLE: window_staff, department_head or office_admin")?;
    let department = match (role, rest.first()) {
        ("office_admin", None) => "NULL".to_string(),
        ("office_admin", Some(_)) => return Err("office_admin belongs to no department".into()),
        (_, Some(d)) if d.parse::<i64>().is_ok() => d.clone(),
        _ => return Err("DEPARTMENT_ID (a number) is required for department staff".into()),
    };
    let password = std::env::var("STAFF_PASSWORD").map_err(|_| "set STAFF_PASSWORD")?;
    if password.chars().count() < 10 {
        return Err("STAFF_PASSWORD: at least 10 characters".into());
    }
    let mut salt = [0u8; 16];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut salt))
        .map_err(|e| format!("no randomness: {e}"))?;
    let (salt, hash) = password_hash(&salt, &password);
    let text = crate::sql::text;
    Ok(format!(
        "INSERT INTO staff (username, name, role, department_id, password_hash, salt, iterations) VALUES ({}, {}, {}, {department}, {}, {}, {ITERATIONS});\n",
        text(username), text(name), text(role), text(&hash), text(&salt)
    ))
}

/// SHA-256 as hex, as the Worker keeps Open311 keys.
pub fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    hex(&Sha256::digest(data))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_published_demo_secret_is_the_one_used() {
        assert_eq!(shared::second_factor::base32(super::DEMO_TOTP_SECRET), "MRSW23ZNORXXI4BNN5TGM2LDMUWWCZDN");
        assert_eq!(super::demo_totp_code().len(), 6);
    }

    #[test]
    fn matches_the_rfc_7914_pbkdf2_sha256_vector() {
        let mut out = [0u8; 64];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(b"passwd", b"salt", 1, &mut out);
        assert_eq!(super::hex(&out[..8]), "55ac046e56e3089f");
    }
}
