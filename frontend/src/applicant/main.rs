//! The catalogue app (phones): the public catalogue and matter guides.
//! Applying and tracking are the `apply` app, so browsing stays light.

mod app;
mod pages;
mod route;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

fn main() {
    // The catalogue's first screen as the Worker served it, painted while
    // this app loaded (backend/src/shell/first_screen.rs): the app renders
    // the same in its place, from the same data, and keeps what was typed
    // into the search box meanwhile, and its focus.
    let document = leptos::prelude::document();
    let search = |d: &web_sys::Document| d.get_element_by_id("q").and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
    let typed = document.get_element_by_id("first-screen").map(|first| {
        let input = search(&document);
        let focused = input.as_ref().is_some_and(|i| document.active_element().as_deref() == Some(i.as_ref()));
        first.remove();
        (input.map(|i| i.value()).unwrap_or_default(), focused)
    });
    leptos::mount::mount_to_body(app::App);
    if let (Some((text, focused)), Some(input)) = (typed, search(&document)) {
        if !text.is_empty() {
            input.set_value(&text);
            // `bind:value` follows input events.
            if let Ok(event) = web_sys::Event::new("input") {
                let _ = input.dispatch_event(&event);
            }
        }
        if focused {
            let _ = input.focus();
        }
    }
}
