//! Document transmission (公文传输) for staff: the office's documents and a
//! unit's inbox, registering a document from an issued request, the
//! sender's page (every recipient unit's state, recall, chase, the check of
//! the receipt chain), a unit's copy (open, sign for, return, handle), the
//! printable 签收回执 and the figures.

pub mod doc;
pub mod figures;
pub mod incoming;
pub mod list;
pub mod new;
pub mod receipt;
pub mod sender;

use crate::doc_route::Dr;
use leptos::prelude::*;
use shared::documents::views::RecipientRow;

/// The page for a document transmission URL.
pub fn page(page: Dr) -> AnyView {
    match page {
        Dr::List(at) => view! { <list::DocsPage at/> }.into_any(),
        Dr::New => view! { <new::NewDocPage/> }.into_any(),
        Dr::Doc(key) => view! { <doc::DocPage key/> }.into_any(),
        Dr::Receipt(key) => view! { <receipt::ReceiptPage key/> }.into_any(),
        Dr::Figures { from, to } => view! { <figures::DocFiguresPage from to/> }.into_any(),
    }
}

/// A copy's state in words, with who opened, signed or returned it and when.
pub fn copy_state(r: &RecipientRow) -> String {
    let who = |by: &Option<String>, at: Option<shared::engine::instant::Instant>| {
        format!("{} {}", by.clone().unwrap_or_default(), at.map(|a| a.to_second()).unwrap_or_default())
    };
    match r.state {
        shared::documents::RecipientState::Opened => format!("{}（{}）", r.state.zh(), who(&r.opened_by, r.opened_at)),
        shared::documents::RecipientState::Signed => format!("{}（{}签收）", r.state.zh(), who(&r.signed_by, r.signed_at)),
        // The unit's answer back to the sender.
        shared::documents::RecipientState::Handled => {
            format!("{}（{}签收）：{}", r.state.zh(), who(&r.signed_by, r.signed_at), r.handled_note.clone().unwrap_or_default())
        }
        shared::documents::RecipientState::Returned => format!("{}：{}", r.state.zh(), r.return_reason.clone().unwrap_or_default()),
        _ => r.state.zh().to_string(),
    }
}
