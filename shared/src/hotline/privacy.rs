//! The caller's name, phone and address are masked for member units unless
//! the office grants access (DOMAIN §3); they never leave the office in
//! public tracking, Open311 or exports.

/// `王先生` → `王**`; the surname is enough to greet the caller.
pub fn mask_name(name: &str) -> String {
    let mut chars = name.trim().chars();
    match chars.next() {
        Some(first) => std::iter::once(first).chain(chars.map(|_| '*')).collect(),
        None => String::new(),
    }
}

/// `13812345678` → `138****5678`; a landline keeps its area code and last 2.
pub fn mask_phone(phone: &str) -> String {
    let digits: Vec<char> = phone.chars().filter(|c| c.is_ascii_digit()).collect();
    let n = digits.len();
    if n < 7 {
        return "*".repeat(n);
    }
    let (head, tail) = if n == 11 && digits[0] == '1' { (3, 4) } else { (4, 2) };
    digits.iter().enumerate().map(|(i, c)| if i < head || i + tail >= n { *c } else { '*' }).collect()
}

/// The address down to its first six characters (the town or street), the
/// house number hidden.
pub fn mask_address(address: &str) -> String {
    let chars: Vec<char> = address.trim().chars().collect();
    if chars.len() <= 6 {
        return chars.iter().collect();
    }
    chars[..6].iter().collect::<String>() + "****"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("0571-87654321"), "0571******21");
        assert_eq!(mask_phone("123"), "***");
        assert_eq!(mask_name("王先生"), "王**");
        assert_eq!(mask_name(""), "");
        assert_eq!(mask_address("城关镇解放路12号3单元"), "城关镇解放路****");
        assert_eq!(mask_address("城关镇"), "城关镇");
    }
}
