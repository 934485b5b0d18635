//! Hot spots (DOMAIN §3, issue: the same category or the same address N
//! times within M days): a suggested merge for the hotline, a candidate
//! supervision item for the supervision module to take up.

use serde::{Deserialize, Serialize};

/// Tickets on one key within the window that make a hot spot.
pub const HOTSPOT_MIN_TICKETS: u32 = 3;
/// The window, in calendar days back from today.
pub const HOTSPOT_WINDOW_DAYS: u32 = 30;

named_enum! {
pub enum HotspotKey {
    Category = "category",
    Address = "address",
}
}

impl HotspotKey {
    pub fn zh(self) -> &'static str {
        match self {
            HotspotKey::Category => "同类诉求",
            HotspotKey::Address => "同一地点",
        }
    }
}

/// A repeated category or address, with the tickets behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Hotspot {
    pub key: HotspotKey,
    /// The category's name or the address.
    pub label: String,
    pub count: u32,
    /// Open tickets among them: what a merge would join.
    pub open_tickets: Vec<String>,
    /// What the office might do: merge, or take up as a supervision item.
    pub suggestion: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HotspotList {
    pub window_days: u32,
    pub min_tickets: u32,
    pub items: Vec<Hotspot>,
}

/// The address as compared for repeats: spaces and punctuation dropped.
pub fn address_key(address: &str) -> String {
    address.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// What to suggest for `count` tickets on a key, `open` of them still open.
pub fn suggestion(key: HotspotKey, count: u32, open: usize) -> String {
    let merge = if open >= 2 { format!("其中{open}件尚未办结，可考虑并单；") } else { String::new() };
    format!("{HOTSPOT_WINDOW_DAYS}日内{}{count}件，{merge}可列为督查督办候选事项", key.zh())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_compare_without_punctuation() {
        assert_eq!(address_key("城关镇 解放路12号"), address_key("城关镇解放路12号。"));
    }

    #[test]
    fn suggestions() {
        assert!(suggestion(HotspotKey::Address, 4, 2).contains("可考虑并单"));
        assert!(!suggestion(HotspotKey::Category, 5, 1).contains("并单"));
    }
}
