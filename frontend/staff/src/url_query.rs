//! The parts of the staff pages' URLs that several pages share: a list's
//! page, a period, the security log's search, and query strings.

use frontend::api::encode;
use frontend::router::query_param;
use shared::api::{PeriodParams, SecurityEventsQuery};

/// Which page of a list: the server's cursor (`after=`) and the page's
/// number for people (`page=`, counted from 1). Empty: the first page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageAt {
    pub after: String,
    pub page: u32,
}

impl PageAt {
    pub fn parse(search: &str) -> PageAt {
        let after = query_param(search, "after").unwrap_or_default();
        let page = query_param(search, "page").and_then(|p| p.parse().ok()).filter(|p| *p > 1 && !after.is_empty()).unwrap_or(1);
        PageAt { after, page }
    }

    /// The page after this one, which starts after `cursor`.
    pub fn next(&self, cursor: String) -> PageAt {
        PageAt { after: cursor, page: self.number() + 1 }
    }

    /// The cursor as the API's `after`.
    pub fn after(&self) -> Option<String> {
        Some(self.after.clone()).filter(|a| !a.is_empty())
    }

    pub fn number(&self) -> u32 {
        self.page.max(1)
    }

    /// `after=…&page=…`, or nothing on the first page.
    pub fn query(&self) -> String {
        if self.after.is_empty() {
            String::new()
        } else {
            format!("after={}&page={}", encode(&self.after), self.number())
        }
    }
}

/// A period in the URL; empty parts take the server's defaults.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeriodQuery {
    pub year: String,
    pub from: String,
    pub to: String,
}

impl PeriodQuery {
    pub fn parse(search: &str) -> PeriodQuery {
        let p = |k| query_param(search, k).unwrap_or_default();
        PeriodQuery { year: p("year"), from: p("from"), to: p("to") }
    }

    fn some(v: &str) -> Option<String> {
        Some(v.to_string()).filter(|v| !v.is_empty())
    }

    /// The period as the API's query.
    pub fn params(&self) -> PeriodParams {
        PeriodParams { year: Self::some(&self.year), from: Self::some(&self.from), to: Self::some(&self.to) }
    }

    /// `year=…&from=…&to=…` without empty parts.
    pub fn query(&self) -> String {
        [("year", &self.year), ("from", &self.from), ("to", &self.to)]
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// The security log's search as the URL carries it; empty parts: no filter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SecurityFilters {
    pub from: String,
    pub to: String,
    pub kind: String,
    pub user: String,
    pub address: String,
    pub outcome: String,
}

impl SecurityFilters {
    pub fn parse(search: &str) -> SecurityFilters {
        let p = |k| query_param(search, k).unwrap_or_default();
        SecurityFilters { from: p("from"), to: p("to"), kind: p("kind"), user: p("user"), address: p("address"), outcome: p("outcome") }
    }

    pub fn pairs(&self) -> [(&'static str, &String); 6] {
        [
            ("from", &self.from),
            ("to", &self.to),
            ("kind", &self.kind),
            ("user", &self.user),
            ("address", &self.address),
            ("outcome", &self.outcome),
        ]
    }

    /// The search as the API's query, from page `at`.
    pub fn params(&self, at: &PageAt) -> SecurityEventsQuery {
        let some = |v: &String| Some(v.trim().to_string()).filter(|v| !v.is_empty());
        SecurityEventsQuery {
            from: some(&self.from),
            to: some(&self.to),
            kind: some(&self.kind),
            user: some(&self.user),
            address: some(&self.address),
            outcome: some(&self.outcome),
            after: at.after(),
            limit: None,
        }
    }
}

/// `key=value`, or nothing for an empty value.
pub fn pair(key: &str, value: &str) -> String {
    if value.is_empty() {
        String::new()
    } else {
        format!("{key}={}", encode(value))
    }
}

pub fn with_query(path: &str, parts: &[String]) -> String {
    let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", parts.join("&"))
    }
}
