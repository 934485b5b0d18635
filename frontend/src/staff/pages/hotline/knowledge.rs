//! (being written)

use leptos::prelude::*;

#[component]
#[allow(unused_variables)]
pub fn KnowledgePage(q: String) -> impl IntoView {
    view! { <section class="panel"><h1>"建设中"</h1></section> }
}
