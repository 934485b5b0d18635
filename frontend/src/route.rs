//! The app's pages and their URLs, with a minimal history-API router (the
//! full `leptos_router` would cost the phone more bytes than it saves here).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// `/?department=&q=`: the public catalogue.
    Catalogue { department: Option<i64>, q: String },
    /// `/matters/{id}`: one matter's guide.
    Matter(i64),
    NotFound,
}

impl Route {
    pub fn parse(path: &str, search: &str) -> Route {
        let segments: Vec<&str> = path.trim_matches('/').split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => {
                let params = web_sys::UrlSearchParams::new_with_str(search).ok();
                let get = |k: &str| params.as_ref().and_then(|p| p.get(k)).unwrap_or_default();
                Route::Catalogue { department: get("department").parse().ok(), q: get("q") }
            }
            ["matters", id] => id.parse().map(Route::Matter).unwrap_or(Route::NotFound),
            _ => Route::NotFound,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Catalogue { department, q } => {
                let mut params = Vec::new();
                if let Some(d) = department {
                    params.push(format!("department={d}"));
                }
                if !q.is_empty() {
                    params.push(format!("q={}", crate::api::encode(q)));
                }
                if params.is_empty() { "/".into() } else { format!("/?{}", params.join("&")) }
            }
            Route::Matter(id) => format!("/matters/{id}"),
            Route::NotFound => "/".into(),
        }
    }

    fn current() -> Route {
        let location = window().location();
        Route::parse(&location.pathname().unwrap_or_default(), &location.search().unwrap_or_default())
    }
}

/// The current route, shared through context.
#[derive(Clone, Copy)]
pub struct Router(RwSignal<Route>);

impl Router {
    /// Reads the URL and follows the browser's back and forward buttons.
    pub fn install() -> Router {
        let router = Router(RwSignal::new(Route::current()));
        let on_pop = Closure::<dyn Fn()>::new(move || router.0.set(Route::current()));
        window()
            .add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref())
            .expect("popstate listener");
        // The listener lives as long as the page.
        on_pop.forget();
        provide_context(router);
        router
    }

    pub fn get(self) -> Route {
        self.0.get()
    }

    /// Goes to a page, adding a history entry.
    pub fn push(self, route: Route) {
        self.go(route, false);
    }

    /// Changes the current page's URL in place (filters, search).
    pub fn replace(self, route: Route) {
        self.go(route, true);
    }

    fn go(self, route: Route, replace: bool) {
        let history = window().history().expect("history");
        let href = route.href();
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&href))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&href))
        };
        if !replace {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        self.0.set(route);
    }
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// A link that changes page without reloading; modified clicks (new tab)
/// keep the browser's behaviour.
#[component]
pub fn Link(to: Route, #[prop(optional, into)] class: String, children: Children) -> impl IntoView {
    let router = use_router();
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
