//! The catalogue app: the page for the current route inside the public frame.

use crate::pages;
use crate::route::Route;
use frontend::router::Router;
use frontend::widgets::PublicShell;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let router = Router::<Route>::install();
    let page = move || match router.get() {
        Route::Catalogue { department, q } => view! { <pages::catalogue::CataloguePage department q/> }.into_any(),
        Route::Matter(id) => view! { <pages::matter::MatterPage id/> }.into_any(),
        Route::Hotline => view! { <pages::hotline::HotlinePage/> }.into_any(),
        Route::HotlineTrack => view! { <pages::hotline_track::HotlineTrackPage/> }.into_any(),
        Route::Complaints => view! { <pages::complaints::ComplaintsPage/> }.into_any(),
        Route::ComplaintsTrack => view! { <pages::complaints_track::ComplaintsTrackPage/> }.into_any(),
        Route::NotFound => view! { <pages::NotFound/> }.into_any(),
    };
    view! { <PublicShell>{page}</PublicShell> }
}
