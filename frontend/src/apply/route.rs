//! The apply app's pages and their URLs.

use frontend::api::encode;
use frontend::router::{query_param, segments, Page};

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// `/apply/{matter_id}`: the online application form.
    Apply(i64),
    /// `/track#no=…&code=…`: a case's progress; `new` shows the receipt.
    /// The number and code travel in the fragment, which browsers never
    /// send, so the code stays out of requests and logs (ASVS 14.2.1).
    Track {
        no: String,
        code: String,
        new: bool,
    },
    NotFound,
}

impl Page for Route {
    fn parse(path: &str, _search: &str) -> Route {
        match segments(path).as_slice() {
            ["apply", id] => id.parse().map(Route::Apply).unwrap_or(Route::NotFound),
            ["track"] => {
                let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
                let param = |k| query_param(hash.trim_start_matches('#'), k).unwrap_or_default();
                Route::Track { no: param("no"), code: param("code"), new: param("new") == "1" }
            }
            _ => Route::NotFound,
        }
    }

    fn href(&self) -> String {
        match self {
            Route::Apply(id) => format!("/apply/{id}"),
            Route::Track { no, .. } if no.is_empty() => "/track".into(),
            Route::Track { no, code, new } => {
                format!("/track#no={}&code={}{}", encode(no), encode(code), if *new { "&new=1" } else { "" })
            }
            Route::NotFound => "/track".into(),
        }
    }
}
