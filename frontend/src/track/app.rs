//! The track app: the tracking page inside the public frame.

use crate::pages;
use crate::route::Route;
use frontend::router::Router;
use frontend::widgets::PublicShell;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let router = Router::<Route>::install();
    let page = move || {
        let Route::Track { no, code, new } = router.get();
        view! { <pages::track::TrackPage no code new/> }
    };
    view! { <PublicShell>{page}</PublicShell> }
}
