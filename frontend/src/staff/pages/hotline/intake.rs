//! (being written)

use leptos::prelude::*;

#[component]
#[allow(unused_variables)]
pub fn NewTicketPage() -> impl IntoView {
    view! { <section class="panel"><h1>"建设中"</h1></section> }
}
