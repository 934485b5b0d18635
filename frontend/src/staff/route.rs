//! The staff pages and their URLs, all under `/staff`.

use frontend::api::encode;
use frontend::router::{query_param, segments, Page};

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// `/staff/login`
    Login,
    /// `/staff?state=&class=`: the inbox.
    Inbox { state: String, class: String },
    /// `/staff/cases/{case_no}`
    Case(String),
    /// `/staff/cases/{case_no}/notice`: the printable commitment notice.
    Notice(String),
    /// `/staff/dashboard?year=&from=&to=`: meetings and documents against last year and quotas.
    Dashboard(PeriodQuery),
    /// `/staff/meetings?year=&from=&to=&class=`: the meeting register.
    Meetings(PeriodQuery, String),
    /// `/staff/documents?state=pending` or `?year=&from=&to=&level=`: document requests and issued documents.
    Documents(PeriodQuery, String),
    /// `/staff/quotas?year=`: annual quotas and the meeting plan.
    Quotas(PeriodQuery),
    /// `/staff/calendar?year=`: the working-day calendar the office maintains.
    Calendar(String),
    /// `/staff/overview`: on-time rates and overdue cases across departments.
    Overview,
    NotFound,
}

/// A period in the URL; empty parts take the server's defaults.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeriodQuery {
    pub year: String,
    pub from: String,
    pub to: String,
}

impl PeriodQuery {
    fn parse(search: &str) -> PeriodQuery {
        let p = |k| query_param(search, k).unwrap_or_default();
        PeriodQuery { year: p("year"), from: p("from"), to: p("to") }
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

fn with_query(path: &str, parts: &[String]) -> String {
    let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() { path.to_string() } else { format!("{path}?{}", parts.join("&")) }
}

impl Page for Route {
    fn parse(path: &str, search: &str) -> Route {
        match segments(path).as_slice() {
            ["staff"] => Route::Inbox {
                state: query_param(search, "state").unwrap_or_default(),
                class: query_param(search, "class").unwrap_or_default(),
            },
            ["staff", "login"] => Route::Login,
            ["staff", "cases", no] => Route::Case(no.to_string()),
            ["staff", "cases", no, "notice"] => Route::Notice(no.to_string()),
            ["staff", "dashboard"] => Route::Dashboard(PeriodQuery::parse(search)),
            ["staff", "meetings"] => Route::Meetings(PeriodQuery::parse(search), query_param(search, "class").unwrap_or_default()),
            ["staff", "documents"] => {
                let filter = query_param(search, "state").or_else(|| query_param(search, "level")).unwrap_or_default();
                Route::Documents(PeriodQuery::parse(search), filter)
            }
            ["staff", "quotas"] => Route::Quotas(PeriodQuery::parse(search)),
            ["staff", "calendar"] => Route::Calendar(query_param(search, "year").unwrap_or_default()),
            ["staff", "overview"] => Route::Overview,
            _ => Route::NotFound,
        }
    }

    fn href(&self) -> String {
        match self {
            Route::Login => "/staff/login".into(),
            Route::Inbox { state, class } => {
                let state = if state.is_empty() { String::new() } else { format!("state={}", encode(state)) };
                let class = if class.is_empty() { String::new() } else { format!("class={}", encode(class)) };
                with_query("/staff", &[state, class])
            }
            Route::Case(no) => format!("/staff/cases/{}", encode(no)),
            Route::Notice(no) => format!("/staff/cases/{}/notice", encode(no)),
            Route::Dashboard(p) => with_query("/staff/dashboard", &[p.query()]),
            Route::Meetings(p, class) => {
                let class = if class.is_empty() { String::new() } else { format!("class={}", encode(class)) };
                with_query("/staff/meetings", &[p.query(), class])
            }
            Route::Documents(_, filter) if filter == "pending" => "/staff/documents?state=pending".into(),
            Route::Documents(p, level) => {
                let level = if level.is_empty() { String::new() } else { format!("level={}", encode(level)) };
                with_query("/staff/documents", &[p.query(), level])
            }
            Route::Quotas(p) => with_query("/staff/quotas", &[p.query()]),
            Route::Overview => "/staff/overview".into(),
            Route::Calendar(y) if y.is_empty() => "/staff/calendar".into(),
            Route::Calendar(y) => format!("/staff/calendar?year={}", encode(y)),
            Route::NotFound => "/staff".into(),
        }
    }
}
