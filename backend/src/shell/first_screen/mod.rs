//! The applicant pages' first screens as HTML (issue 14). A phone paints
//! one as soon as the page arrives; the app (three times the bare Leptos
//! app's bytes) is fetched only after that paint, and then renders the same
//! page in its place (`frontend::first_screen`) from the same data, which
//! comes beside the markup as JSON blocks instead of a second round trip.
//!
//! The markup copies the apps' (`frontend::widgets::PublicShell` and each
//! page's top): what differs shows only until the app starts, and
//! `tests/browser/first_screen.test.mjs` holds the two to the same text and
//! `layout_shift.test.mjs` to the same places. Only a screen's worth: the
//! rest of a page comes with the app, below the fold (`main` is a screen
//! tall), so nothing shifts.

mod catalogue;
mod forms;
mod guide;
pub mod track;

use super::{escape, json};
use crate::db::Db;
use shared::admin::settings::PublicSettings;
use shared::shell::FIRST_SCREEN;

/// A page's first screen: its markup, and the data blocks (id, JSON) the
/// app reads instead of asking the API.
pub struct FirstScreen {
    pub markup: String,
    pub blocks: Vec<(&'static str, String)>,
}

/// The pages that have a first screen.
#[derive(Debug, PartialEq)]
enum Page {
    /// `/` without a search or a department.
    Catalogue,
    /// `/matters/{id}`
    Guide(i64),
    /// `/apply/{id}`
    Form(i64),
    /// `/track`: the look-up's form (a case's number and code travel in
    /// the fragment, which never reaches the server: its start script asks
    /// for the case's first screen, `track::answer`).
    Track,
    /// `/hotline`
    Hotline,
    /// `/complaints`
    Complaints,
}

impl Page {
    fn of(path: &str, query: Option<&str>) -> Option<Page> {
        let id = |s: &str| s.parse::<i64>().ok().filter(|id| *id > 0);
        match (path, query) {
            ("/", None) => Some(Page::Catalogue),
            ("/track", _) => Some(Page::Track),
            ("/hotline", _) => Some(Page::Hotline),
            ("/complaints", _) => Some(Page::Complaints),
            _ => {
                if let Some(rest) = path.strip_prefix("/matters/") {
                    id(rest).map(Page::Guide)
                } else {
                    path.strip_prefix("/apply/").and_then(id).map(Page::Form)
                }
            }
        }
    }
}

/// The first screen of the page at `path`, if it has one and its data can
/// be read (else the app starts on an empty page, as before).
pub async fn read(path: &str, query: Option<&str>, s: &PublicSettings, db: &Db) -> Option<FirstScreen> {
    let alone = |markup: String| Some(FirstScreen { markup, blocks: Vec::new() });
    match Page::of(path, query)? {
        Page::Catalogue => catalogue::read(s, db).await,
        Page::Guide(id) => guide::read(s, db, id, guide::Kind::Guide).await,
        Page::Form(id) => guide::read(s, db, id, guide::Kind::Form).await,
        Page::Track => alone(frame(s, &track::form("", ""))),
        Page::Hotline => alone(frame(s, &forms::hotline(s))),
        Page::Complaints => alone(frame(s, forms::COMPLAINTS)),
    }
}

/// The public frame's top (`PublicShell`) around a page's first screen.
fn frame(s: &PublicSettings, main: &str) -> String {
    format!(
        "<div id=\"{FIRST_SCREEN}\"><header class=\"site-header\"><a href=\"/\" class=\"brand\">{centre}</a>\
<nav class=\"tagline\" aria-label=\"主要栏目\"><a href=\"/\">办事指南</a><a href=\"/track\">办件查询</a></nav></header>\
<main id=\"main\">{main}</main></div>",
        centre = escape(s.centre()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_with_a_first_screen() {
        assert_eq!(Page::of("/", None), Some(Page::Catalogue));
        assert_eq!(Page::of("/", Some("q=营业执照")), None, "a search is the app's");
        assert_eq!(Page::of("/matters/3", None), Some(Page::Guide(3)));
        assert_eq!(Page::of("/apply/12", None), Some(Page::Form(12)));
        assert_eq!(Page::of("/track", None), Some(Page::Track));
        assert_eq!(Page::of("/hotline", None), Some(Page::Hotline));
        assert_eq!(Page::of("/complaints", None), Some(Page::Complaints));
        for none in ["/matters/x", "/matters/0", "/matters/-1", "/apply/", "/hotline/track", "/complaints/track", "/nope", "/matters/3/x"] {
            assert_eq!(Page::of(none, None), None, "{none}");
        }
    }

    #[test]
    fn the_frame_escapes_the_centre() {
        let s = PublicSettings { centre_name: "某县<b>中心".into(), ..Default::default() };
        let html = frame(&s, "<p>x</p>");
        assert!(html.starts_with("<div id=\"first-screen\">") && html.ends_with("<main id=\"main\"><p>x</p></main></div>"));
        assert!(html.contains(">某县&lt;b&gt;中心</a>"));
    }
}
