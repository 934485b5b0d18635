//! The application form is kept on the phone as it is typed, so a reload or
//! a dropped connection loses nothing. The draft also keeps the submission's
//! Idempotency-Key: a retry after a lost answer names the same case.

use serde::{Deserialize, Serialize};
use shared::application::ApplicationForm;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub form: ApplicationForm,
    pub key: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn slot(matter_id: i64) -> String {
    format!("draft:{matter_id}")
}

/// The saved draft, or a new one with a fresh key.
pub fn load(matter_id: i64) -> (Draft, bool) {
    let saved =
        storage().and_then(|s| s.get_item(&slot(matter_id)).ok().flatten()).and_then(|json| serde_json::from_str::<Draft>(&json).ok());
    match saved {
        Some(d) => (d, true),
        None => (Draft { form: ApplicationForm { matter_id, ..Default::default() }, key: new_key() }, false),
    }
}

/// A fresh Idempotency-Key for a new submission.
pub fn new_key() -> String {
    web_sys::window().and_then(|w| w.crypto().ok()).map(|c| c.random_uuid()).unwrap_or_default()
}

pub fn save(draft: &Draft) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(draft)) {
        let _ = s.set_item(&slot(draft.form.matter_id), &json);
    }
}

pub fn clear(matter_id: i64) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&slot(matter_id));
    }
}
