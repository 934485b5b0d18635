//! Information's pages and their URLs, under `/staff/information`.

use crate::route::{pair, with_query, PageAt};
use frontend::api::encode;
use frontend::router::query_param;

#[derive(Clone, Debug, PartialEq)]
pub enum Info {
    /// `/staff/information?state=&after=&page=`: items, newest first (a
    /// unit's own and joint ones; the office's all).
    Items { state: String, at: PageAt },
    /// `/staff/information/new?commission=`: a unit submits an item (to
    /// answer a commission, if given).
    New { commission: String },
    /// `/staff/information/items/{no}`
    Item(String),
    /// `/staff/information/issues`: the office's issues.
    Issues,
    /// `/staff/information/issues/{id}`: one issue, printable on A4.
    Issue(String),
    /// `/staff/information/commissions`: commissioned topics (约稿).
    Commissions,
    /// `/staff/information/emergencies`: urgent items by event.
    Emergencies,
    /// `/staff/information/research`: the office's research reports.
    Research,
    /// `/staff/information/league?year=`: the league table, the formula,
    /// the units short of this month's quota (and the office's rules).
    League { year: String },
}

impl Info {
    /// `rest`: the path after `/staff/information`; `None` if no page is there.
    pub fn parse(rest: &[&str], search: &str) -> Option<Info> {
        let p = |k| query_param(search, k).unwrap_or_default();
        Some(match rest {
            [] => Info::Items { state: p("state"), at: PageAt::parse(search) },
            ["new"] => Info::New { commission: p("commission") },
            ["items", no] => Info::Item(no.to_string()),
            ["issues"] => Info::Issues,
            ["issues", id] => Info::Issue(id.to_string()),
            ["commissions"] => Info::Commissions,
            ["emergencies"] => Info::Emergencies,
            ["research"] => Info::Research,
            ["league"] => Info::League { year: p("year") },
            _ => return None,
        })
    }

    pub fn href(&self) -> String {
        let base = "/staff/information";
        match self {
            Info::Items { state, at } => with_query(base, &[pair("state", state), at.query()]),
            Info::New { commission } => with_query(&format!("{base}/new"), &[pair("commission", commission)]),
            Info::Item(no) => format!("{base}/items/{}", encode(no)),
            Info::Issues => format!("{base}/issues"),
            Info::Issue(id) => format!("{base}/issues/{}", encode(id)),
            Info::Commissions => format!("{base}/commissions"),
            Info::Emergencies => format!("{base}/emergencies"),
            Info::Research => format!("{base}/research"),
            Info::League { year } => with_query(&format!("{base}/league"), &[pair("year", year)]),
        }
    }

    pub fn items() -> Info {
        Info::Items { state: String::new(), at: PageAt::default() }
    }
}
