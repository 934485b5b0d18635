//! The application form is kept on the phone as it is typed, so a reload or
//! a dropped connection loses nothing. The draft also keeps the submission's
//! Idempotency-Key: a retry after a lost answer names the same case.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use shared::approvals::application::ApplicationForm;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub form: ApplicationForm,
    pub key: String,
}

fn slot(matter_id: i64) -> String {
    format!("draft:{matter_id}")
}

/// The saved draft, or a new one with a fresh key.
pub fn load(matter_id: i64) -> (Draft, bool) {
    let saved = LocalStorage::get::<Draft>(slot(matter_id)).ok();
    match saved {
        Some(d) => (d, true),
        None => (Draft { form: ApplicationForm { matter_id, ..Default::default() }, key: frontend::api::new_key() }, false),
    }
}

/// Best effort: a phone with storage turned off still submits, it only
/// cannot restore the form after a reload.
pub fn save(draft: &Draft) {
    let _ = LocalStorage::set(slot(draft.form.matter_id), draft);
}

pub fn clear(matter_id: i64) {
    LocalStorage::delete(slot(matter_id));
}
