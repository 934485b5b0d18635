//! The track app's page and its URL.

use frontend::router::{query_param, track_href, Page};

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// `/track#no=…&code=…`: a case's progress; `new` shows the receipt.
    /// The number and code are read from the fragment (`track_href`).
    Track { no: String, code: String, new: bool },
}

impl Page for Route {
    /// The app serves `/track` alone (backend/src/shell.rs).
    fn parse(_path: &str, _search: &str) -> Route {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        let param = |k| query_param(hash.trim_start_matches('#'), k).unwrap_or_default();
        Route::Track { no: param("no"), code: param("code"), new: param("new") == "1" }
    }

    fn href(&self) -> String {
        let Route::Track { no, code, new } = self;
        track_href(no, code, *new)
    }
}
