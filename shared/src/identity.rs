//! Identifiers an applicant types on a phone, validated with their check
//! characters so a slip of the finger is caught before submission.

use crate::engine::date::Date;

/// An 18-digit resident identity number (GB 11643-1999), upper-case `X`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResidentId(String);

/// An 18-character unified social credit code (GB 32100-2015).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditCode(String);

/// An 11-digit mainland mobile number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mobile(String);

const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK: [u8; 11] = *b"10X98765432";

impl ResidentId {
    pub fn parse(input: &str) -> Result<ResidentId, &'static str> {
        let s = input.trim().to_ascii_uppercase();
        let b = s.as_bytes();
        if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
            return Err("身份证号码应为18位，前17位为数字，最后一位为数字或X");
        }
        let digits = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
        if Date::from_ymd(digits(6..10) as i32, digits(10..12), digits(12..14)).is_none() {
            return Err("身份证号码中的出生日期不正确，请核对");
        }
        let sum: u32 = b[..17].iter().zip(ID_WEIGHTS).map(|(c, w)| (c - b'0') as u32 * w).sum();
        if b[17] != ID_CHECK[(sum % 11) as usize] {
            return Err("身份证号码校验位不正确，请逐位核对");
        }
        Ok(ResidentId(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

const CREDIT_CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

impl CreditCode {
    pub fn parse(input: &str) -> Result<CreditCode, &'static str> {
        let s = input.trim().to_ascii_uppercase();
        let values: Option<Vec<u32>> = s.bytes().map(|c| CREDIT_CHARS.iter().position(|&x| x == c).map(|p| p as u32)).collect();
        let values = match values {
            Some(v) if v.len() == 18 => v,
            _ => return Err("统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）"),
        };
        let sum: u32 = values[..17].iter().zip(CREDIT_WEIGHTS).map(|(v, w)| v * w).sum();
        let check = (31 - sum % 31) % 31;
        if values[17] != check {
            return Err("统一社会信用代码校验位不正确，请逐位核对");
        }
        Ok(CreditCode(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Mobile {
    pub fn parse(input: &str) -> Result<Mobile, &'static str> {
        let s: String = input.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        let b = s.as_bytes();
        if b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) && b.iter().all(u8::is_ascii_digit) {
            Ok(Mobile(s))
        } else {
            Err("手机号码应为11位数字，以1开头")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// "138****8000", for pages others may see.
    pub fn masked(&self) -> String {
        format!("{}****{}", &self.0[..3], &self.0[7..])
    }
}

/// A phone that reaches a person: a mainland mobile (11 digits) or a
/// landline with area code (10–12 digits with it, dashes and spaces
/// allowed).
pub fn valid_phone(s: &str) -> bool {
    let digits: String = s.chars().filter(|c| *c != '-' && *c != ' ').collect();
    let all_digits = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    all_digits && (Mobile::parse(&digits).is_ok() || (digits.starts_with('0') && (10..=12).contains(&digits.len())))
}

/// More than `max` characters.
pub fn too_long(s: &str, max: usize) -> bool {
    s.chars().count() > max
}

/// Shows only the ends of an identity number or code: "1101**********002X".
pub fn mask_id(s: &str) -> String {
    s.chars().enumerate().map(|(i, c)| if i < 4 || i + 4 >= s.chars().count() { c } else { '*' }).collect()
}

/// A mobile as "138****8000"; anything else that is not one, as its ends.
pub fn mask_mobile(s: &str) -> String {
    Mobile::parse(s).map(|m| m.masked()).unwrap_or_else(|_| mask_id(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resident_id_check_digit() {
        // The standard's own example.
        assert_eq!(ResidentId::parse("11010519491231002X").unwrap().as_str(), "11010519491231002X");
        assert_eq!(ResidentId::parse(" 11010519491231002x ").unwrap().as_str(), "11010519491231002X");
        assert!(ResidentId::parse("110105194912310021").is_err(), "wrong check digit");
        assert!(ResidentId::parse("11010519491331002X").is_err(), "month 13");
        assert!(ResidentId::parse("11010519490230002X").unwrap_err().contains("出生日期"));
        assert!(ResidentId::parse("1101051949123100").is_err(), "too short");
        assert!(ResidentId::parse("1101051949123100X2").is_err(), "X not last");
    }

    #[test]
    fn every_single_digit_slip_is_caught() {
        let good = "11010519491231002X";
        for i in 0..17 {
            for d in b'0'..=b'9' {
                let mut b = good.as_bytes().to_vec();
                if b[i] == d {
                    continue;
                }
                b[i] = d;
                let s = String::from_utf8(b).unwrap();
                assert!(ResidentId::parse(&s).is_err(), "{s}");
            }
        }
    }

    #[test]
    fn credit_code_check_character() {
        assert!(CreditCode::parse("91350100M000100Y43").is_ok());
        assert!(CreditCode::parse("91350100m000100y43").is_ok(), "lower case is accepted");
        assert!(CreditCode::parse("91350100M000100Y44").is_err());
        assert!(CreditCode::parse("91350100M000100Y4").is_err());
        assert!(CreditCode::parse("91350100I000100Y43").is_err(), "I is not in the alphabet");
    }

    #[test]
    fn credit_code_slips_are_caught() {
        let good = "91350100M000100Y43";
        for i in 0..18 {
            for &c in CREDIT_CHARS {
                let mut b = good.as_bytes().to_vec();
                if b[i] == c {
                    continue;
                }
                b[i] = c;
                let s = String::from_utf8(b).unwrap();
                assert!(CreditCode::parse(&s).is_err(), "{s}");
            }
        }
    }

    #[test]
    fn mobile_numbers() {
        assert_eq!(Mobile::parse("138 0013 8000").unwrap().as_str(), "13800138000");
        assert_eq!(Mobile::parse("138-0013-8000").unwrap().masked(), "138****8000");
        for bad in ["1380013800", "23800138000", "12800138000", "1380013800a", "138001380001"] {
            assert!(Mobile::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn masks_ids() {
        assert_eq!(mask_id("11010519491231002X"), "1101**********002X");
        assert_eq!(mask_mobile("13800138000"), "138****8000");
        assert_eq!(mask_mobile("0571-8765432"), "0571****5432");
    }
}
