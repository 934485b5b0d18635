//! The shell: header, the page for the current route, footer.

use crate::pages;
use crate::route::{Link, Route, Router};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let router = Router::install();
    let page = move || match router.get() {
        Route::Catalogue { department, q } => pages::catalogue::CataloguePage(department, q).into_any(),
        Route::Matter(id) => view! { <pages::matter::MatterPage id/> }.into_any(),
        Route::NotFound => view! { <pages::NotFound/> }.into_any(),
    };
    view! {
        <header class="site-header">
            <Link to=Route::Catalogue { department: None, q: String::new() } class="brand">
                "示范县行政审批服务中心"
            </Link>
            <span class="tagline">"办事指南 · 网上办事"</span>
        </header>
        <main id="main">{page}</main>
        <footer class="site-footer">
            <p>"监督投诉电话：0000-6012345 · 政务服务便民热线 12345"</p>
            <p>"工作时间：法定工作日 上午 8:30–12:00，下午 14:30–17:30（北京时间）"</p>
        </footer>
    }
}
