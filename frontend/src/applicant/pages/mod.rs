//! One module per page.

pub mod catalogue;
pub mod complaints;
pub mod complaints_track;
pub mod hotline;
pub mod hotline_track;
pub mod matter;
pub mod public_form;

use crate::route::Route;
use frontend::router::{set_title, Link};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    set_title("页面不存在");
    view! {
        <section class="panel">
            <h1>"页面不存在"</h1>
            <p>"您访问的页面不存在，可能链接有误或已失效。"</p>
            <Link to=Route::home()>"返回办事指南"</Link>
        </section>
    }
}
