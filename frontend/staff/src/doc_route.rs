//! Document transmission's pages (公文传输) and their URLs, under
//! `/staff/transmit` (`/staff/documents` is the streamline wing's register
//! of document requests).

use crate::route::{pair, with_query, PageAt};
use frontend::api::encode;
use frontend::router::query_param;

#[derive(Clone, Debug, PartialEq)]
pub enum Dr {
    /// `/staff/transmit?after=&page=`: the office's documents, or a unit's inbox.
    List(PageAt),
    /// `/staff/transmit/new`: registering a document from an issued request.
    New,
    /// `/staff/transmit/{key}`: the sender's page, or the unit's copy.
    Doc(String),
    /// `/staff/transmit/{key}/receipt`: the printable 签收回执.
    Receipt(String),
    /// `/staff/transmit/figures?from=&to=`
    Figures { from: String, to: String },
}

impl Dr {
    /// `rest`: the path after `/staff/transmit`; `None` if no page is there.
    pub fn parse(rest: &[&str], search: &str) -> Option<Dr> {
        let p = |k| query_param(search, k).unwrap_or_default();
        Some(match rest {
            [] => Dr::List(PageAt::parse(search)),
            ["new"] => Dr::New,
            ["figures"] => Dr::Figures { from: p("from"), to: p("to") },
            [key] => Dr::Doc(key.to_string()),
            [key, "receipt"] => Dr::Receipt(key.to_string()),
            _ => return None,
        })
    }

    pub fn href(&self) -> String {
        let base = "/staff/transmit";
        match self {
            Dr::List(at) => with_query(base, &[at.query()]),
            Dr::New => format!("{base}/new"),
            Dr::Doc(key) => format!("{base}/{}", encode(key)),
            Dr::Receipt(key) => format!("{base}/{}/receipt", encode(key)),
            Dr::Figures { from, to } => with_query(&format!("{base}/figures"), &[pair("from", from), pair("to", to)]),
        }
    }

    pub fn list() -> Dr {
        Dr::List(PageAt::default())
    }
}
