//! (being written)

use leptos::prelude::*;

#[component]
#[allow(unused_variables)]
pub fn TicketsPage(view: String, state: String, q: String, at: crate::route::PageAt) -> impl IntoView {
    view! { <section class="panel"><h1>"建设中"</h1></section> }
}
