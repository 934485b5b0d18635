//! What the catalogue app's public forms share (the hotline's and the
//! complaints' form and look-up): the uncontrolled form read once on
//! submit, each field's message written beside it, the keyed submission's
//! refusals, and the look-up by number and query code, which travel in the
//! URL's fragment only.

use frontend::api::encode;
use frontend::router::{focus, query_param};
use frontend::widgets::ErrorRegion;
use leptos::prelude::*;
use shared::engine::instant::Instant;
use shared::error::{ApiError, ErrorCode, FieldError};
use std::future::Future;
use wasm_bindgen::JsCast;

/// Puts the keyboard focus on element `id` once it is drawn.
pub fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        if let Some(e) = document().get_element_by_id(id) {
            focus(&e);
        }
    });
}

/// The values of the form that `ev` submits, by name.
pub fn form_values(ev: &leptos::ev::SubmitEvent) -> impl Fn(&str) -> String {
    ev.prevent_default();
    let form = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
    let data = form.and_then(|f| web_sys::FormData::new_with_form(&f).ok());
    move |name| data.as_ref().and_then(|d| d.get(name).as_string()).unwrap_or_default()
}

/// A form's submit button, off while its request is under way.
#[component]
pub fn Submit(busy: RwSignal<bool>, label: &'static str) -> impl IntoView {
    view! { <button type="submit" class="primary" disabled=move || busy.get()>{label}</button> }
}

/// Writes `message` beside `field` (none takes it away) and marks its control.
fn mark(field: &str, message: Option<&str>) {
    let doc = document();
    if let Some(control) = doc.get_element_by_id(field) {
        let _ = control.set_attribute("aria-invalid", if message.is_some() { "true" } else { "false" });
    }
    if let Some(p) = doc.get_element_by_id(&format!("{field}-error")) {
        p.set_text_content(message);
    }
}

/// Each of `fields` gets its messages beside it, and the focus goes to the
/// first such field. Each field has a control (or group) with its id and
/// a message `<id>-error`.
pub fn show_problems(fields: &[&str], problems: &[FieldError]) {
    let mut first = None;
    for field in fields {
        let m: Vec<&str> = problems.iter().filter(|p| p.field == *field).map(|p| p.message.as_str()).collect();
        if !m.is_empty() && first.is_none() {
            first = document().get_element_by_id(field);
        }
        mark(field, (!m.is_empty()).then(|| m.join("；")).as_deref());
    }
    if let Some(e) = first {
        focus(&e);
    }
}

/// Typing in one of `fields` takes its message away; the name of the
/// control typed in, if it has one.
pub fn on_field_input(ev: &leptos::ev::Event, fields: &[&str]) -> Option<String> {
    let name = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.get_attribute("name"))?;
    if fields.contains(&name.as_str()) {
        mark(&name, None);
    }
    Some(name)
}

/// Before a form is sent: its `problems` beside their fields and counted
/// in `message`; `true` when it may go (no problems, nothing under way),
/// `sending` then set.
pub fn ready(fields: &[&str], problems: &[FieldError], message: RwSignal<Option<ApiError>>, sending: RwSignal<bool>) -> bool {
    show_problems(fields, problems);
    if !problems.is_empty() {
        let text = format!("有{}处需要填写或修改，请按各项下方的提示修改后再提交。", problems.len());
        message.set(Some(ApiError::new(ErrorCode::InvalidApplication, text)));
        return false;
    }
    if sending.get_untracked() {
        return false;
    }
    message.set(None);
    sending.set(true);
    true
}

/// A keyed submission refused: an earlier attempt with other contents was
/// stored under `key`, so the edited form becomes a new one (`changed`
/// says so); any other refusal shows its fields' messages.
pub fn refused(e: ApiError, fields: &[&str], key: StoredValue<String>, message: RwSignal<Option<ApiError>>, changed: &'static str) {
    if e.code == ErrorCode::IdempotencyMismatch {
        key.set_value(frontend::api::new_key());
        message.set(Some(ApiError::new(e.code, changed)));
    } else {
        show_problems(fields, &e.fields);
        message.set(Some(e));
    }
}

/// The number and code of the URL's fragment (`#no=…&code=…`), if any.
pub fn from_fragment() -> (String, String) {
    let hash = window().location().hash().unwrap_or_default();
    let from_hash = |k| query_param(hash.trim_start_matches('#'), k).unwrap_or_default();
    (from_hash("no"), from_hash("code"))
}

/// Keeps the number and code in the fragment only, replacing the entry.
fn remember(no: &str, code: &str) {
    let fragment = format!("#no={}&code={}", encode(no), encode(code));
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment));
    }
}

/// Looks `no` up with `code` (the number in capitals, both trimmed; a
/// missing one is `missing`): `fetch` asks, `show` gets what was found
/// with its code (kept in the fragment) or `None` when refused.
pub fn look_up<T: 'static, F: Future<Output = Result<T, ApiError>> + 'static>(
    (no, code): (String, String),
    missing: &'static str,
    busy: RwSignal<bool>,
    message: RwSignal<Option<ApiError>>,
    fetch: impl FnOnce(String, String) -> F,
    show: impl FnOnce(Option<(T, String)>) + 'static,
) {
    let (no, code) = (no.trim().to_ascii_uppercase(), code.trim().to_string());
    if no.is_empty() || code.is_empty() {
        return message.set(Some(ApiError::new(ErrorCode::MissingParameter, missing)));
    }
    busy.set(true);
    let request = fetch(no.clone(), code.clone());
    leptos::task::spawn_local(async move {
        let result = request.await;
        busy.set(false);
        match result {
            Ok(t) => {
                remember(&no, &code);
                message.set(None);
                show(Some((t, code)));
            }
            Err(e) => {
                show(None);
                message.set(Some(e));
            }
        }
    });
}

/// The look-up form: the number (`no_label`) and the query code, sent to
/// `on_look_up` unless a look-up is under way.
#[component]
pub fn LookupForm(
    no: String,
    code: String,
    no_label: &'static str,
    busy: RwSignal<bool>,
    message: RwSignal<Option<ApiError>>,
    on_look_up: Callback<(String, String)>,
) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let get = form_values(&ev);
        if !busy.get_untracked() {
            on_look_up.run((get("no"), get("code")));
        }
    };
    view! {
        <form on:submit=submit novalidate>
            <div class="field">
                <label for="no">{no_label}</label>
                <input id="no" name="no" value=no autocomplete="off" autocapitalize="characters" maxlength="40"/>
            </div>
            <div class="field">
                <label for="code">"查询码"</label>
                <input id="code" name="code" value=code autocomplete="off" maxlength="40"/>
            </div>
            <ErrorRegion error=message/>
            <Submit busy label="查询"/>
        </form>
    }
}

/// The public timeline, oldest first.
#[component]
pub fn Timeline(notes: Vec<(Instant, String)>) -> impl IntoView {
    view! {
        <ol class="timeline">
            {notes.into_iter().map(|(at, note)| view! {
                <li><span class="muted">{at.short()}</span><span class="pre-wrap">{note}</span></li>
            }).collect_view()}
        </ol>
    }
}
