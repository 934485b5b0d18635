//! Taking over the first screen the Worker served (`backend/src/shell`):
//! the applicant apps start after it has been painted (their start script,
//! `frontend/start.js`, loads them a frame later; tracking's first puts a
//! case's first screen in, `frontend/track-start.js`), remove it and
//! render the same page from the same data in its place, in one task, so
//! no frame shows neither. What was typed into its text fields meanwhile,
//! and which field had the focus, carry over by the fields' ids.

use leptos::prelude::{document, IntoView};
use shared::shell::FIRST_SCREEN;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// Mounts `app` to the body, in place of the first screen if there is one.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let document = document();
    let Some(first) = document.get_element_by_id(FIRST_SCREEN) else {
        return leptos::mount::mount_to_body(app);
    };
    let focused = document.active_element().map(|e| e.id()).filter(|id| !id.is_empty());
    let typed = typed_values(&first);
    first.remove();
    leptos::mount::mount_to_body(app);
    for (id, value) in typed {
        let Some(input) = document.get_element_by_id(&id).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) else { continue };
        input.set_value(&value);
        // `bind:value` follows input events.
        if let Ok(event) = web_sys::Event::new("input") {
            let _ = input.dispatch_event(&event);
        }
    }
    if let Some(field) = focused.and_then(|id| document.get_element_by_id(&id)) {
        if let Some(field) = field.dyn_ref::<web_sys::HtmlElement>() {
            let _ = field.focus();
        }
    }
}

/// The text fields of the first screen the user has typed in: id and value.
/// (Not a checkbox: its `value` is not what was chosen.)
fn typed_values(first: &web_sys::Element) -> Vec<(String, String)> {
    let Ok(fields) = first.query_selector_all("input[id]:not([type=checkbox]):not([type=radio])") else { return Vec::new() };
    (0..fields.length())
        .filter_map(|i| fields.item(i)?.dyn_into::<HtmlInputElement>().ok())
        .filter(|input| input.value() != input.default_value())
        .map(|input| (input.id(), input.value()))
        .collect()
}
