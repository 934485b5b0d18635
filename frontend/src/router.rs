//! A minimal history-API router, generic over each app's pages (the full
//! `leptos_router` would cost the phone more bytes than it saves here).

use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;
use wasm_bindgen::prelude::*;

/// An app's pages and their URLs.
pub trait Page: Clone + PartialEq + Send + Sync + 'static {
    fn parse(path: &str, search: &str) -> Self;
    fn href(&self) -> String;
    /// Whether this app draws the page; another app's page (the staff apps
    /// are one per area) is loaded from the server instead.
    fn is_local(&self) -> bool {
        true
    }
}

/// A case's tracking page (the track app): the number and code in the
/// URL's fragment, which browsers never send, so the code stays out of
/// requests and logs (ASVS 14.2.1); `new` shows the receipt.
pub fn track_href(no: &str, code: &str, new: bool) -> String {
    if no.is_empty() {
        return "/track".into();
    }
    let (no, code) = (crate::api::encode(no), crate::api::encode(code));
    format!("/track#no={no}&code={code}{}", if new { "&new=1" } else { "" })
}

/// A query-string parameter of `search` ("?a=1&b=2").
pub fn query_param(search: &str, name: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(search).ok().and_then(|p| p.get(name)).filter(|v| !v.is_empty())
}

/// The path's segments without empty ones: "/matters/3/" → ["matters", "3"].
pub fn segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

/// The current page, shared through context.
pub struct Router<P: Page>(RwSignal<P>);

impl<P: Page> Clone for Router<P> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P: Page> Copy for Router<P> {}

fn current<P: Page>() -> P {
    let location = window().location();
    P::parse(&location.pathname().unwrap_or_default(), &location.search().unwrap_or_default())
}

impl<P: Page> Router<P> {
    /// Reads the URL and follows the browser's back and forward buttons.
    pub fn install() -> Router<P> {
        let router = Router(RwSignal::new(current::<P>()));
        let on_pop = Closure::<dyn Fn()>::new(move || {
            let page = current::<P>();
            // A link to a fragment (the skip link without JavaScript) changes no page.
            if page != router.0.get_untracked() {
                router.0.set(page);
                move_focus(false);
            }
        });
        window().add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref()).expect("popstate listener");
        // The listener lives as long as the page.
        on_pop.forget();
        provide_context(router);
        router
    }

    pub fn get(self) -> P {
        self.0.get()
    }

    pub fn get_untracked(self) -> P {
        self.0.get_untracked()
    }

    /// Goes to a page, adding a history entry.
    pub fn push(self, page: P) {
        self.go(page, false);
    }

    /// Changes the current page's URL in place (filters, search).
    pub fn replace(self, page: P) {
        self.go(page, true);
    }

    fn go(self, page: P, replace: bool) {
        let href = page.href();
        if !page.is_local() {
            let location = window().location();
            let _ = if replace { location.replace(&href) } else { location.assign(&href) };
            return;
        }
        let history = window().history().expect("history");
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&href))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&href))
        };
        if !replace {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        self.0.set(page);
        move_focus(replace);
    }
}

/// Counts navigations, so that only the latest one moves the focus.
static NAVIGATIONS: AtomicU32 = AtomicU32::new(0);

/// A navigation waiting for its page to be drawn.
struct Pending {
    generation: u32,
    replace: bool,
    /// What had the focus when the navigation began, and its id.
    before: Option<web_sys::Element>,
    id: Option<String>,
}

/// After a client-side navigation, puts the keyboard focus where the new
/// page starts, its `h1`, once the page has drawn it (often after a fetch),
/// so that a screen reader reads the new page and Tab continues from there.
/// A page changed in place (`replace`: a filter, a form sent) keeps the focus
/// where it is, or, if the control was redrawn, on the new control with the
/// same id. Focus the person has moved meanwhile is left alone. A first
/// load keeps the browser's start at the top, also when it is redirected
/// (`replace` while nothing has the focus).
fn move_focus(replace: bool) {
    let before = document().active_element();
    if replace && before.as_ref().is_none_or(|e| e.tag_name() == "BODY") {
        return;
    }
    let id = before.as_ref().map(|e| e.id()).filter(|id| !id.is_empty());
    let generation = NAVIGATIONS.fetch_add(1, Ordering::Relaxed) + 1;
    // Once the page is drawn, then every 50 ms for up to 10 s.
    try_focus(Pending { generation, replace, before, id }, 200, 0);
}

fn try_focus(p: Pending, tries: u32, delay_ms: u64) {
    let attempt = move || {
        if NAVIGATIONS.load(Ordering::Relaxed) != p.generation {
            return;
        }
        let doc = document();
        let active = doc.active_element();
        let lost = active.as_ref().is_none_or(|a| !a.is_connected() || a.tag_name() == "BODY");
        // In place, focus moves only if its control was redrawn; after a
        // change of page, unless the person has moved it since.
        let leave = if p.replace { !lost } else { !lost && active != p.before };
        if leave {
            return;
        }
        let same_control = p.id.as_deref().filter(|_| p.replace).and_then(|id| doc.get_element_by_id(id));
        match same_control.or_else(|| doc.query_selector("main h1").ok().flatten()) {
            Some(target) => focus(&target),
            None if tries > 0 => try_focus(p, tries - 1, 50),
            None => {}
        }
    };
    set_timeout(attempt, Duration::from_millis(delay_ms));
}

/// Focuses an element; one that is not focusable by itself (a heading,
/// `main`) gets `tabindex="-1"`, which keeps it out of the Tab order.
pub fn focus(element: &web_sys::Element) {
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        if element.tab_index() < 0 {
            let _ = element.set_attribute("tabindex", "-1");
        }
        let _ = element.focus();
    }
}

pub fn use_router<P: Page>() -> Router<P> {
    expect_context::<Router<P>>()
}

/// A link that changes page without reloading; modified clicks (new tab)
/// and links to another app's pages keep the browser's behaviour.
#[component]
pub fn Link<P: Page>(to: P, #[prop(optional, into)] class: String, children: Children) -> impl IntoView {
    let router = use_router::<P>();
    let href = to.href();
    let local = to.is_local();
    let on_click = move |ev: web_sys::MouseEvent| {
        if local && ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
            ev.prevent_default();
            router.push(to.clone());
        }
    };
    view! { <a href=href class=class on:click=on_click>{children()}</a> }
}

/// Sets the document title: screen readers announce it on page change.
pub fn set_title(title: &str) {
    document().set_title(&format!("{title} - {}", crate::county::county().centre()));
}
