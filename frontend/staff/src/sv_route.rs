//! Supervision's pages and their URLs, under `/staff/supervision`.

use crate::route::{pair, with_query, PageAt};
use frontend::api::encode;
use frontend::router::query_param;

#[derive(Clone, Debug, PartialEq)]
pub enum Sv {
    /// `/staff/supervision?view=&after=&page=`: tasks by deadline (a unit's
    /// inbox; the office's open, overdue or struck-off tasks).
    Tasks { view: String, at: PageAt },
    /// `/staff/supervision/items?state=&source=&q=&origin=&after=&page=`:
    /// the office's items.
    Items { state: String, source: String, q: String, origin: String, at: PageAt },
    /// `/staff/supervision/new?source=&origin=&title=&reference=`:
    /// registering an item (prefilled on a hand-off).
    NewItem { source: String, origin: String, title: String, reference: String },
    /// `/staff/supervision/items/{no}`
    Item(String),
    /// `/staff/supervision/slips?kind=&after=&page=`
    Slips { kind: String, at: PageAt },
    /// `/staff/supervision/slips/{id}`: one slip, printable on A4.
    Slip(String),
    /// `/staff/supervision/dashboard?from=&to=`
    Dashboard { from: String, to: String },
    /// `/staff/supervision/publications`: 《政务督查》, 督查专报 and the
    /// default limits.
    Publications,
}

impl Sv {
    /// `rest`: the path after `/staff/supervision`; `None` if no page is there.
    pub fn parse(rest: &[&str], search: &str) -> Option<Sv> {
        let p = |k| query_param(search, k).unwrap_or_default();
        Some(match rest {
            [] => Sv::Tasks { view: p("view"), at: PageAt::parse(search) },
            ["items"] => Sv::Items { state: p("state"), source: p("source"), q: p("q"), origin: p("origin"), at: PageAt::parse(search) },
            ["new"] => Sv::NewItem { source: p("source"), origin: p("origin"), title: p("title"), reference: p("reference") },
            ["items", no] => Sv::Item(no.to_string()),
            ["slips"] => Sv::Slips { kind: p("kind"), at: PageAt::parse(search) },
            ["slips", id] => Sv::Slip(id.to_string()),
            ["dashboard"] => Sv::Dashboard { from: p("from"), to: p("to") },
            ["publications"] => Sv::Publications,
            _ => return None,
        })
    }

    pub fn href(&self) -> String {
        let base = "/staff/supervision";
        match self {
            Sv::Tasks { view, at } => with_query(base, &[pair("view", view), at.query()]),
            Sv::Items { state, source, q, origin, at } => with_query(
                &format!("{base}/items"),
                &[pair("state", state), pair("source", source), pair("q", q), pair("origin", origin), at.query()],
            ),
            Sv::NewItem { source, origin, title, reference } => with_query(
                &format!("{base}/new"),
                &[pair("source", source), pair("origin", origin), pair("title", title), pair("reference", reference)],
            ),
            Sv::Item(no) => format!("{base}/items/{}", encode(no)),
            Sv::Slips { kind, at } => with_query(&format!("{base}/slips"), &[pair("kind", kind), at.query()]),
            Sv::Slip(id) => format!("{base}/slips/{}", encode(id)),
            Sv::Dashboard { from, to } => with_query(&format!("{base}/dashboard"), &[pair("from", from), pair("to", to)]),
            Sv::Publications => format!("{base}/publications"),
        }
    }

    pub fn tasks() -> Sv {
        Sv::Tasks { view: String::new(), at: PageAt::default() }
    }

    pub fn items() -> Sv {
        Sv::Items { state: String::new(), source: String::new(), q: String::new(), origin: String::new(), at: PageAt::default() }
    }

    /// Registering an item handed off from `origin` (`hotspot:…`, `case:…`).
    pub fn hand_off(source: &str, origin: String, title: String, reference: String) -> Sv {
        Sv::NewItem { source: source.into(), origin, title, reference }
    }
}
