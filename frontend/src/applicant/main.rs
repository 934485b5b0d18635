//! The catalogue app (phones): the public catalogue and matter guides.
//! Applying and tracking are the `apply` app, so browsing stays light.

mod app;
mod pages;
mod route;

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

fn main() {
    // The catalogue's first screen as the Worker served it, painted while
    // this app loaded (backend/src/shell/first_screen.rs). The app takes its
    // place once it has been painted (two frames: where the wasm arrives
    // first, as on a fast line, nothing else would ever show it), renders
    // the same from the same data, and keeps what was typed into the search
    // box meanwhile, and its focus.
    if document().get_element_by_id("first-screen").is_none() {
        return leptos::mount::mount_to_body(app::App);
    }
    request_animation_frame(|| request_animation_frame(replace_first_screen));
}

fn replace_first_screen() {
    let document = document();
    let search = |d: &web_sys::Document| d.get_element_by_id("q").and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
    let typed = search(&document).map(|input| {
        let focused = document.active_element().as_deref() == Some(input.as_ref());
        (input.value(), focused)
    });
    if let Some(first) = document.get_element_by_id("first-screen") {
        first.remove();
    }
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
