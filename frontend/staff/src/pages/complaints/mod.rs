//! Efficiency complaints (效能投诉) for staff: the office's queue and a
//! unit's own (assigned or transferred to it, never naming who
//! complained), taking a complaint in, one complaint with the forms for
//! what this viewer may do now, and the figures.

pub mod actions;
pub mod complaint;
pub mod figures;
pub mod intake;
pub mod list;

use shared::engine::ledger::Standing;
use wasm_bindgen::JsCast;

/// The values of the form that `ev` submits, by name (uncontrolled forms:
/// the browser keeps what is typed, read once on submit).
pub fn form_values(ev: &leptos::ev::SubmitEvent) -> impl Fn(&str) -> String {
    ev.prevent_default();
    let form = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
    let data = form.and_then(|f| web_sys::FormData::new_with_form(&f).ok());
    move |name| data.as_ref().and_then(|d| d.get(name).as_string()).unwrap_or_default().trim().to_string()
}

/// Every value of a multi-select or a group of checkboxes named `name`.
pub fn form_all(ev: &leptos::ev::SubmitEvent, name: &str) -> Vec<String> {
    let form = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
    let data = form.and_then(|f| web_sys::FormData::new_with_form(&f).ok());
    data.map(|d| d.get_all(name).iter().filter_map(|v| v.as_string()).collect()).unwrap_or_default()
}

/// The card a complaint stands under, in words (the row's colour says the same).
pub fn card(standing: Standing) -> &'static str {
    match standing {
        Standing::OnTrack => "正常",
        Standing::Yellow => "黄牌预警",
        Standing::Red => "红牌逾期",
        Standing::Paused => "暂停计时",
    }
}
