//! A minimal history-API router, generic over each app's pages (the full
//! `leptos_router` would cost the phone more bytes than it saves here).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// An app's pages and their URLs.
pub trait Page: Clone + PartialEq + Send + Sync + 'static {
    fn parse(path: &str, search: &str) -> Self;
    fn href(&self) -> String;
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
        let on_pop = Closure::<dyn Fn()>::new(move || router.0.set(current::<P>()));
        window()
            .add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref())
            .expect("popstate listener");
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
        let history = window().history().expect("history");
        let href = page.href();
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&href))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&href))
        };
        if !replace {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        self.0.set(page);
    }
}

pub fn use_router<P: Page>() -> Router<P> {
    expect_context::<Router<P>>()
}

/// A link that changes page without reloading; modified clicks (new tab)
/// keep the browser's behaviour.
#[component]
pub fn Link<P: Page>(to: P, #[prop(optional, into)] class: String, children: Children) -> impl IntoView {
    let router = use_router::<P>();
    let href = to.href();
    let on_click = move |ev: web_sys::MouseEvent| {
        if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
            ev.prevent_default();
            router.push(to.clone());
        }
    };
    view! { <a href=href class=class on:click=on_click>{children()}</a> }
}

/// Sets the document title: screen readers announce it on page change.
pub fn set_title(title: &str) {
    document().set_title(&format!("{title} - 示范县行政审批服务中心"));
}
