//! Administration pages: the county's settings, units, accounts, the
//! versioned catalogue, the security event log, and one's own password and
//! second factor.

pub mod accounts;
pub mod applicant_data;
pub mod catalogue;
pub mod notices;
pub mod password;
pub mod second_factor;
pub mod security;
pub mod settings;
pub mod units;
pub mod version;

use leptos::prelude::*;

/// A text input bound to one field of a form held in a signal.
pub fn text_input<T: Send + Sync + 'static>(
    id: &'static str,
    form: RwSignal<T>,
    get: fn(&T) -> &String,
    set: fn(&mut T, String),
) -> impl IntoView {
    view! {
        <input id=id prop:value=move || form.with(|f| get(f).clone())
            on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))/>
    }
}

/// A number input bound to one field (an unparsable entry counts as 0, and
/// the server's rule then says what is wrong).
pub fn number_input<T: Send + Sync + 'static>(
    id: &'static str,
    form: RwSignal<T>,
    get: fn(&T) -> u32,
    set: fn(&mut T, u32),
) -> impl IntoView {
    view! {
        <input id=id type="number" min="0" prop:value=move || form.with(|f| get(f).to_string())
            on:input=move |ev| form.update(|f| set(f, event_target_value(&ev).trim().parse().unwrap_or(0)))/>
    }
}

/// A form's error region with each field's problem listed under the
/// summary (administration forms are long; the reader needs every one).
#[component]
pub fn FormErrors(error: RwSignal<Option<shared::error::ApiError>>) -> impl IntoView {
    view! {
        <div role="alert">{move || error.get().map(|e| view! {
            <p class="error">{e.message}</p>
            <ul class="error">{e.fields.into_iter().map(|f| view! { <li>{f.message}</li> }).collect_view()}</ul>
        })}</div>
    }
}
