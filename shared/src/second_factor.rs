//! The second factor of a staff sign-in: a time-based one-time password
//! (TOTP, RFC 6238 with the parameters every authenticator app reads from
//! an `otpauth://` link: HMAC-SHA1, 30-second steps, 6 digits) and
//! single-use recovery codes for a lost phone. Required for office
//! administrators, who can change every account and setting; any other
//! member may turn it on.

use crate::error::{ApiError, ErrorCode};
use crate::staff::Role;
use serde::{Deserialize, Serialize};

pub const STEP_SECONDS: i64 = 30;
pub const DIGITS: u32 = 6;
/// Steps either side of the server's accepted, for a phone's clock a little
/// off (RFC 6238 §5.2 recommends at most one).
pub const SKEW_STEPS: i64 = 1;
/// Wrong codes per account in a sign-in window (`staff::LOGIN_WINDOW_SECONDS`)
/// before its codes are refused: whoever has the password still cannot
/// try the million codes from many addresses.
pub const WRONG_CODES_PER_ACCOUNT: u32 = 10;
/// 160 bits: the HMAC-SHA1 key length RFC 4226 §4 recommends.
pub const SECRET_BYTES: usize = 20;
pub const RECOVERY_CODES: usize = 10;
/// Characters of a recovery code: 10 of 32 is 50 bits, and each is used once.
pub const RECOVERY_CODE_CHARS: usize = 10;
/// Crockford's base32: no I, L, O or U, so a code read aloud or copied by
/// hand survives (`normalise` maps the look-alikes back).
const RECOVERY_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BASE32_ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Whether a role must have a second factor before doing anything else.
pub fn required_for(role: Role) -> bool {
    role == Role::OfficeAdmin
}

/// The time step of a Unix time.
pub fn step_of(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// The steps whose codes sign in now: around the current one, and only
/// those after the last step used, so each code works once (ASVS 6.5.1).
pub fn steps_accepted(now_unix: i64, last_used: i64) -> impl Iterator<Item = i64> {
    let step = step_of(now_unix);
    (step - SKEW_STEPS..=step + SKEW_STEPS).filter(move |s| *s > last_used)
}

/// The code an authenticator shows for `secret` during `step`.
#[cfg(feature = "totp")]
pub fn code_at(secret: &[u8], step: i64) -> String {
    totp_lite::totp_custom::<totp_lite::Sha1>(STEP_SECONDS as u64, DIGITS, secret, (step * STEP_SECONDS) as u64)
}

/// RFC 4648 base32 without padding: how authenticators take a secret.
pub fn base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(BASE32_ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(BASE32_ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The `otpauth://` link an authenticator app scans (Google Authenticator's
/// key URI format, which every such app reads).
pub fn otpauth_uri(issuer: &str, username: &str, secret: &[u8]) -> String {
    let (issuer, username) = (percent_encode(issuer), percent_encode(username));
    format!(
        "otpauth://totp/{issuer}:{username}?secret={}&issuer={issuer}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        base32(secret)
    )
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A recovery code from random bytes (one character per byte: 256 is a
/// multiple of 32, so no character is likelier than another), as shown:
/// `ABCDE-12345`.
pub fn recovery_code(random: &[u8; RECOVERY_CODE_CHARS]) -> String {
    let chars: String = random.iter().map(|b| RECOVERY_ALPHABET[usize::from(b % 32)] as char).collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}

/// What a member typed in the code field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Typed {
    /// Six digits from the authenticator.
    Totp(String),
    /// A recovery code, normalised (upper case, no separators, look-alikes
    /// mapped): hash this form.
    Recovery(String),
}

/// Reads the code field: spaces and hyphens ignored, either kind accepted.
pub fn read_code(input: &str) -> Result<Typed, ApiError> {
    let kept: String = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    if kept.len() == DIGITS as usize && kept.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Typed::Totp(kept));
    }
    let normalised: Option<String> = kept
        .chars()
        .map(|c| match c.to_ascii_uppercase() {
            'O' => Some('0'),
            'I' | 'L' => Some('1'),
            c if c.is_ascii() && RECOVERY_ALPHABET.contains(&(c as u8)) => Some(c),
            _ => None,
        })
        .collect();
    match normalised {
        Some(code) if code.len() == RECOVERY_CODE_CHARS => Ok(Typed::Recovery(code)),
        _ => Err(ApiError::new(ErrorCode::InvalidParameter, "请输入身份验证器上的6位数字动态码，或一个10位恢复码")),
    }
}

/// `GET /api/staff/second-factor`: the member's own second factor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SecondFactorStatus {
    pub enabled: bool,
    /// The member's role must have one (they can then not turn it off).
    pub required: bool,
    pub recovery_codes_left: u32,
}

/// `POST /api/staff/second-factor/setup`: a new secret to scan, not yet in
/// force until a code from it is confirmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SecondFactorSetup {
    /// Base32, for typing into an app that cannot scan.
    pub secret: String,
    pub uri: String,
    /// The link as a QR code (SVG).
    pub qr_svg: String,
}

/// Turning the second factor on or off, or new recovery codes: the
/// password again and a current code (re-authentication, ASVS 7.5.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PasswordAndCode {
    pub password: String,
    pub code: String,
    /// Replacing a factor in force: a code of that one as well.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_code: Option<String>,
}

impl PasswordAndCode {
    pub fn validate(&self) -> Result<Typed, ApiError> {
        if self.password.is_empty() || self.password.chars().count() > crate::staff::MAX_PASSWORD_CHARS {
            return Err(ApiError::new(ErrorCode::InvalidParameter, "请输入当前密码"));
        }
        read_code(&self.code)
    }
}

/// New recovery codes, shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RecoveryCodes {
    pub codes: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base32_matches_rfc_4648_vectors() {
        for (input, output) in
            [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")]
        {
            assert_eq!(base32(input.as_bytes()), output);
        }
    }

    /// RFC 6238 appendix B, SHA-1, with the last six of its eight digits.
    #[cfg(feature = "totp")]
    #[test]
    fn codes_match_rfc_6238_vectors() {
        let secret = b"12345678901234567890";
        for (time, eight) in [
            (59, "94287082"),
            (1111111109, "07081804"),
            (1111111111, "14050471"),
            (1234567890, "89005924"),
            (2000000000, "69279037"),
            (20000000000, "65353130"),
        ] {
            assert_eq!(code_at(secret, step_of(time)), eight[2..], "at {time}");
        }
    }

    #[test]
    fn each_step_signs_in_once_within_one_step_of_now() {
        let now = 1_000_000_005; // step 33,333,333
        assert_eq!(steps_accepted(now, 0).collect::<Vec<_>>(), [33_333_332, 33_333_333, 33_333_334]);
        assert_eq!(steps_accepted(now, 33_333_333).collect::<Vec<_>>(), [33_333_334]);
        assert_eq!(steps_accepted(now, 33_333_334).count(), 0);
        assert_eq!(step_of(-1), -1);
    }

    #[test]
    fn the_link_names_the_issuer_and_account_encoded() {
        let uri = otpauth_uri("示范县 政务", "office_admin", b"12345678901234567890");
        assert!(uri.starts_with("otpauth://totp/%E7%A4%BA"), "{uri}");
        assert!(uri.contains("%20"), "{uri}");
        assert!(uri.contains(":office_admin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%E7"), "{uri}");
        assert!(uri.ends_with("&algorithm=SHA1&digits=6&period=30"), "{uri}");
    }

    #[test]
    fn recovery_codes_read_back_however_typed() {
        let code = recovery_code(&[0, 1, 31, 32, 255, 10, 17, 22, 27, 200]);
        assert_eq!(code, "01Z0Z-AHPV8");
        assert_eq!(read_code(&code).unwrap(), Typed::Recovery("01Z0ZAHPV8".into()));
        assert_eq!(read_code(" 01zoz ahpv8 ").unwrap(), Typed::Recovery("01Z0ZAHPV8".into()));
        assert_eq!(read_code("ilO00-00000").unwrap(), Typed::Recovery("1100000000".into()));
        assert_eq!(read_code("123 456").unwrap(), Typed::Totp("123456".into()));
        for bad in ["", "12345", "1234567", "ABCDE-1234U", "ABCDE-12345-6", "１２３４５６"] {
            assert!(read_code(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_office_admins_must_have_one() {
        assert!(required_for(Role::OfficeAdmin));
        assert!(!required_for(Role::WindowStaff) && !required_for(Role::DepartmentHead));
    }
}
