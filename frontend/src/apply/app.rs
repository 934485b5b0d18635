//! The apply app: the page for the current route inside the public frame.

use crate::pages;
use crate::route::Route;
use frontend::router::Router;
use frontend::widgets::PublicShell;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let router = Router::<Route>::install();
    let page = move || match router.get() {
        Route::Apply(id) => view! { <pages::apply::ApplyPage id/> }.into_any(),
        Route::NotFound => view! {
            <section class="panel"><h1>"页面不存在"</h1><a href="/">"返回办事指南"</a></section>
        }
        .into_any(),
    };
    view! { <PublicShell>{page}</PublicShell> }
}
