//! One module per page; small shared pieces below.

pub mod catalogue;
pub mod matter;

use crate::route::{set_title, Link, Route};
use leptos::prelude::*;
use shared::error::ApiError;

#[component]
pub fn NotFound() -> impl IntoView {
    set_title("页面不存在");
    view! {
        <section class="panel">
            <h1>"页面不存在"</h1>
            <p>"您访问的页面不存在，可能链接有误或已失效。"</p>
            <Link to=Route::Catalogue { department: None, q: String::new() }>"返回办事指南"</Link>
        </section>
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">"正在加载…"</p> }
}

/// An error from the API, in words the reader can act on.
#[component]
pub fn ErrorNotice(error: ApiError) -> impl IntoView {
    view! { <p class="error" role="alert">{error.message}</p> }
}
