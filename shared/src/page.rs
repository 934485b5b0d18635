//! Paging of lists that grow (the inbox, the overdue list, the office's
//! registers): a keyset cursor instead of an offset, so the n-th page reads
//! as few rows as the first, and a new record never shifts a page.

use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// Rows per page unless the client asks for fewer.
pub const PAGE_SIZE: u32 = 50;
/// The most rows a client may ask for in one page.
pub const MAX_PAGE_SIZE: u32 = 100;

/// What every paged list says besides its rows (flattened into it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PageInfo {
    /// Pass as `?after=` for the next page; absent on the last page.
    #[serde(default)]
    pub next: Option<String>,
    /// How many the list holds in all, where that is known without counting
    /// the rows (from maintained counters).
    #[serde(default)]
    pub total: Option<u64>,
}

/// Where the last page ended: the sort key of its last row and that row's
/// id, which breaks ties. Sent to clients as an opaque hex string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub key: String,
    pub at: String,
    pub id: i64,
}

impl Cursor {
    pub fn encode(&self) -> String {
        format!("{}\u{1f}{}\u{1f}{}", self.key, self.at, self.id).bytes().map(|b| format!("{b:02x}")).collect()
    }

    pub fn decode(s: &str) -> Result<Cursor, ApiError> {
        let bad = || ApiError::new(ErrorCode::InvalidParameter, "翻页参数无效，请回到第一页重新查看");
        if !s.len().is_multiple_of(2) || s.len() > 400 {
            return Err(bad());
        }
        let bytes = (0..s.len() / 2)
            .map(|i| s.get(2 * i..2 * i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
            .collect::<Option<Vec<u8>>>()
            .ok_or_else(bad)?;
        let text = String::from_utf8(bytes).map_err(|_| bad())?;
        let mut parts = text.split('\u{1f}');
        let (Some(key), Some(at), Some(id), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        Ok(Cursor { key: key.to_string(), at: at.to_string(), id: id.parse().map_err(|_| bad())? })
    }
}

/// The `next` of a page: the cursor after its last row (sort key `key`,
/// id `id`) when another page follows, else none.
pub fn next_after(more: bool, last: Option<(String, i64)>) -> Option<String> {
    more.then_some(last).flatten().map(|(key, id)| Cursor { key, at: String::new(), id }.encode())
}

/// The page size a client asked for (`?limit=`), within bounds.
pub fn page_size(limit: Option<&str>) -> Result<u32, ApiError> {
    match limit {
        None | Some("") => Ok(PAGE_SIZE),
        Some(l) => l
            .parse()
            .ok()
            .filter(|n| (1..=MAX_PAGE_SIZE).contains(n))
            .ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, format!("每页条数应为1到{MAX_PAGE_SIZE}"))),
    }
}

/// Splits one extra row off a page read with `size + 1` rows: whether
/// another page follows.
pub fn split_page<T>(rows: &mut Vec<T>, size: u32) -> bool {
    let more = rows.len() > size as usize;
    rows.truncate(size as usize);
    more
}

/// What a staff list of records kept by units (hotline tickets,
/// complaints) shows, from its search, the viewer's unit (`None`: the
/// office) and its view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listing<'a, S> {
    /// The office: open records (of one state, if given) by deadline.
    Queue(Option<S>),
    /// The office: closed records, latest first.
    Closed,
    /// The office: every record, newest first.
    All,
    /// A unit: its open (or closed) records by deadline, of one state if given.
    Unit { unit: i64, open: bool, state: Option<S> },
    /// A search (among a unit's own, for a unit).
    Find { q: &'a str, unit: Option<i64> },
}

impl<'a, S> Listing<'a, S> {
    /// `view` is `open` (the default), `closed` or `all` (for a unit, its
    /// open ones); a search lists across views.
    pub fn choose(search: Option<&'a str>, unit: Option<i64>, view: Option<&str>, state: Option<S>) -> Result<Self, ApiError> {
        Ok(match (search, unit, view.unwrap_or("open")) {
            (Some(q), unit, _) => Listing::Find { q, unit },
            (None, None, "closed") => Listing::Closed,
            (None, None, "all") => Listing::All,
            (None, None, "open" | "") => Listing::Queue(state),
            (None, Some(unit), "closed") => Listing::Unit { unit, open: false, state },
            (None, Some(unit), "open" | "" | "all") => Listing::Unit { unit, open: true, state },
            _ => return Err(ApiError::new(ErrorCode::InvalidParameter, "view 应为 open、closed 或 all")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_page_starts_after_the_last_row_only_when_one_follows() {
        let next = next_after(true, Some(("2026-03-05".into(), 7))).unwrap();
        assert_eq!(Cursor::decode(&next).unwrap(), Cursor { key: "2026-03-05".into(), at: String::new(), id: 7 });
        assert_eq!(next_after(false, Some(("x".into(), 1))), None);
        assert_eq!(next_after(true, None), None);
    }

    #[test]
    fn a_list_is_chosen_by_search_unit_and_view() {
        type L<'a> = Listing<'a, u8>;
        assert_eq!(L::choose(None, None, None, Some(1)), Ok(Listing::Queue(Some(1))));
        assert_eq!(L::choose(None, None, Some("closed"), None), Ok(Listing::Closed));
        assert_eq!(L::choose(None, Some(4), Some("all"), None), Ok(Listing::Unit { unit: 4, open: true, state: None }));
        assert_eq!(L::choose(None, Some(4), Some("closed"), None), Ok(Listing::Unit { unit: 4, open: false, state: None }));
        assert_eq!(L::choose(Some("TS"), Some(4), Some("closed"), None), Ok(Listing::Find { q: "TS", unit: Some(4) }));
        assert!(L::choose(None, None, Some("mine"), None).is_err());
    }

    #[test]
    fn cursors_round_trip_and_refuse_garbage() {
        let c = Cursor { key: "2026-12-01T23:59:59+08:00".into(), at: "2026-11-20T09:00:00+08:00".into(), id: 42 };
        assert_eq!(Cursor::decode(&c.encode()), Ok(c));
        let empty = Cursor { key: "~".into(), at: String::new(), id: -1 };
        assert_eq!(Cursor::decode(&empty.encode()), Ok(empty));
        for bad in ["", "0", "zz", "7e", "7e1f1f", "7e1f611f781f31", &"00".repeat(300)] {
            assert!(Cursor::decode(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn page_sizes() {
        assert_eq!(page_size(None), Ok(PAGE_SIZE));
        assert_eq!(page_size(Some("100")), Ok(100));
        for bad in ["0", "101", "-1", "x"] {
            assert!(page_size(Some(bad)).is_err());
        }
        let mut rows = vec![1, 2, 3];
        assert!(split_page(&mut rows, 2));
        assert_eq!(rows, [1, 2]);
        assert!(!split_page(&mut rows, 2));
    }
}
