//! The staff pages and their URLs, all under `/staff`.

use frontend::api::encode;
use frontend::router::{query_param, segments, Page};

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// `/staff/login`
    Login,
    /// `/staff?state=`: the inbox.
    Inbox { state: String },
    /// `/staff/cases/{case_no}`
    Case(String),
    /// `/staff/cases/{case_no}/notice`: the printable commitment notice.
    Notice(String),
    NotFound,
}

impl Page for Route {
    fn parse(path: &str, search: &str) -> Route {
        match segments(path).as_slice() {
            ["staff"] => Route::Inbox { state: query_param(search, "state").unwrap_or_default() },
            ["staff", "login"] => Route::Login,
            ["staff", "cases", no] => Route::Case(no.to_string()),
            ["staff", "cases", no, "notice"] => Route::Notice(no.to_string()),
            _ => Route::NotFound,
        }
    }

    fn href(&self) -> String {
        match self {
            Route::Login => "/staff/login".into(),
            Route::Inbox { state } if state.is_empty() => "/staff".into(),
            Route::Inbox { state } => format!("/staff?state={}", encode(state)),
            Route::Case(no) => format!("/staff/cases/{}", encode(no)),
            Route::Notice(no) => format!("/staff/cases/{}/notice", encode(no)),
            Route::NotFound => "/staff".into(),
        }
    }
}
