//! (being written)

use leptos::prelude::*;

#[component]
pub fn HotlineTrackPage() -> impl IntoView {
    view! { <section class="panel"><h1>"建设中"</h1></section> }
}
