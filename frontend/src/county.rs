//! The county's public settings (names, phones, hours), which the Worker
//! puts into every page's HTML (`backend/src/shell.rs`): read once, no
//! request, nothing of a particular county compiled in.

use shared::admin::settings::PublicSettings;

thread_local! {
    static COUNTY: PublicSettings = read();
}

fn read() -> PublicSettings {
    let text = leptos::prelude::document().get_element_by_id("county").and_then(|e| e.text_content());
    text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
}

/// The settings as the page was served with them.
pub fn county() -> PublicSettings {
    COUNTY.with(Clone::clone)
}
