//! The form's multipart POST over XMLHttpRequest: unlike `fetch`, its
//! upload events tell the bytes sent, for each file's progress bar. Errors
//! are read as `frontend::api` reads them; a request that got no answer is
//! told apart, so the page can keep it until the phone is back online.

use frontend::api;
use js_sys::{Function, Promise};
use serde::de::DeserializeOwned;
use shared::error::ApiError;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{FormData, ProgressEvent, XmlHttpRequest};

/// Why a request failed.
pub enum Failure {
    /// No answer came: the phone is offline or the connection dropped.
    Network,
    /// The server answered with an error (or the request could not be made).
    Refused(ApiError),
}

/// POSTs `form` to `url` with `headers`, calling `progress(sent, total)` as
/// the body goes up.
pub async fn post_form<T: DeserializeOwned>(
    url: &str,
    form: &FormData,
    headers: &[(&str, &str)],
    progress: impl FnMut(u64, u64) + 'static,
) -> Result<T, Failure> {
    let refused = |_| Failure::Refused(ApiError::internal());
    let xhr = XmlHttpRequest::new().map_err(refused)?;
    xhr.open("POST", url).map_err(refused)?;
    for (name, value) in headers {
        xhr.set_request_header(name, value).map_err(refused)?;
    }
    let mut progress = progress;
    let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
        if e.length_computable() {
            progress(e.loaded() as u64, e.total() as u64);
        }
    });
    let upload = xhr.upload().map_err(refused)?;
    upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    let answered = Promise::new(&mut |resolve: Function, reject: Function| {
        xhr.set_onload(Some(&resolve));
        xhr.set_onerror(Some(&reject));
        xhr.set_onabort(Some(&reject));
        xhr.set_ontimeout(Some(&reject));
    });
    xhr.send_with_opt_form_data(Some(form)).map_err(|_| Failure::Network)?;
    let outcome = JsFuture::from(answered).await;
    // The closure is freed below: nothing may call it after.
    upload.set_onprogress(None);
    drop(on_progress);
    if outcome.is_err() {
        return Err(Failure::Network);
    }
    let status = xhr.status().unwrap_or(0);
    let body = xhr.response_text().ok().flatten().unwrap_or_default();
    api::decode_answer((200..300).contains(&status), &body).map_err(Failure::Refused)
}

/// Resolves at the browser's next `online` event, after `after_ms`, or at
/// once when the returned function is called (the applicant asks to try
/// again now). The timer because a request can fail while the browser still
/// thinks it is online (an upload dropped on the way, a server out of
/// reach): no `online` event comes then.
pub fn back_online(after_ms: i32) -> (JsFuture, Option<Function>) {
    let mut wake = None;
    let promise = Promise::new(&mut |resolve: Function, _| {
        if let Some(w) = web_sys::window() {
            let once = web_sys::AddEventListenerOptions::new();
            once.set_once(true);
            let _ = w.add_event_listener_with_callback_and_add_event_listener_options("online", &resolve, &once);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, after_ms);
        }
        wake = Some(resolve);
    });
    (JsFuture::from(promise), wake)
}
