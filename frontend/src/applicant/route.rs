//! The applicants' pages and their URLs.

use frontend::api::encode;
use frontend::router::{query_param, segments, Page};

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// `/?department=&q=`: the public catalogue.
    Catalogue {
        department: Option<i64>,
        q: String,
    },
    /// `/matters/{id}`: one matter's guide.
    Matter(i64),
    /// `/hotline`: leave a message for the county head's hotline.
    Hotline,
    /// `/hotline/track`: a ticket's progress (the number and code travel
    /// in the fragment, `#no=…&code=…`, never to the server's logs).
    HotlineTrack,
    /// `/complaints`: an efficiency complaint or consultation (anonymous allowed).
    Complaints,
    /// `/complaints/track`: a named complaint's result (number and code in
    /// the fragment only, as the hotline's).
    ComplaintsTrack,
    NotFound,
}

impl Route {
    pub fn home() -> Route {
        Route::Catalogue { department: None, q: String::new() }
    }
}

impl Page for Route {
    fn parse(path: &str, search: &str) -> Route {
        let param = |k| query_param(search, k).unwrap_or_default();
        match segments(path).as_slice() {
            [] => Route::Catalogue { department: param("department").parse().ok(), q: param("q") },
            ["matters", id] => id.parse().map(Route::Matter).unwrap_or(Route::NotFound),
            ["hotline"] => Route::Hotline,
            ["hotline", "track"] => Route::HotlineTrack,
            ["complaints"] => Route::Complaints,
            ["complaints", "track"] => Route::ComplaintsTrack,
            _ => Route::NotFound,
        }
    }

    fn href(&self) -> String {
        match self {
            Route::Catalogue { department, q } => {
                let mut params = Vec::new();
                if let Some(d) = department {
                    params.push(format!("department={d}"));
                }
                if !q.is_empty() {
                    params.push(format!("q={}", encode(q)));
                }
                if params.is_empty() {
                    "/".into()
                } else {
                    format!("/?{}", params.join("&"))
                }
            }
            Route::Matter(id) => format!("/matters/{id}"),
            Route::Hotline => "/hotline".into(),
            Route::HotlineTrack => "/hotline/track".into(),
            Route::Complaints => "/complaints".into(),
            Route::ComplaintsTrack => "/complaints/track".into(),
            Route::NotFound => "/".into(),
        }
    }
}
