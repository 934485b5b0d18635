//! The apply app's page and its URL.

use frontend::router::{segments, Page};

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// `/apply/{matter_id}`: the online application form.
    Apply(i64),
    NotFound,
}

impl Page for Route {
    fn parse(path: &str, _search: &str) -> Route {
        match segments(path).as_slice() {
            ["apply", id] => id.parse().map(Route::Apply).unwrap_or(Route::NotFound),
            _ => Route::NotFound,
        }
    }

    fn href(&self) -> String {
        match self {
            Route::Apply(id) => format!("/apply/{id}"),
            Route::NotFound => "/".into(),
        }
    }
}
