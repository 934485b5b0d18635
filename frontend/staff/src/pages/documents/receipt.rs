//! `/staff/transmit/{key}/receipt`: the printable 签收回执 (A4): every
//! receipt of the document with its time, unit, person and hashes, each
//! hash covering the one before it, and whether the chain checks out now.

use crate::doc_route::Dr;
use crate::route::Route;
use frontend::router::{set_title, Link};
use frontend::widgets::{load, show_page, HeaderCells};
use leptos::prelude::*;
use shared::api::documents::GetReceipts;
use shared::api::Empty;
use shared::documents::views::ReceiptChain;

#[component]
pub fn ReceiptPage(key: String) -> impl IntoView {
    set_title("签收回执");
    let data = load::<GetReceipts>(&[&key], Empty {});
    view! {
        <nav class="back no-print">
            <Link to=Route::Transmit(Dr::Doc(key.clone()))>"‹ 返回公文"</Link>
            " "<button type="button" on:click=|_| { let _ = leptos::prelude::window().print(); }>"打印"</button>
        </nav>
        {show_page(data, "签收回执".into(), |chain| view! { <Sheet chain/> })}
    }
}

const COLUMNS: &[&str] = &["序号", "事项", "单位", "经办人", "时间", "说明", "前一哈希", "本条哈希"];

#[component]
fn Sheet(chain: ReceiptChain) -> impl IntoView {
    let verdict = if chain.check.ok {
        format!("核验通过：{}", chain.check.message)
    } else {
        format!("核验未通过：{}", chain.check.message)
    };
    view! {
        <article class="panel a4" data-testid="receipt-sheet">
            <h1>"公文签收回执"</h1>
            <p>{format!("{}　{}", chain.number, chain.title)}</p>
            <table class="cases receipt-chain">
                <thead><tr><HeaderCells titles=COLUMNS/></tr></thead>
                <tbody>
                    {chain.receipts.into_iter().map(|r| view! {
                        <tr>
                            <td>{r.seq}</td>
                            <td>{r.kind.zh()}</td>
                            <td>{r.unit_name}</td>
                            <td>{r.actor}</td>
                            <td>{r.at.to_second()}</td>
                            <td>{r.note}</td>
                            <td class="hash">{short(&r.prev_hash)}</td>
                            <td class="hash">{short(&r.hash)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p data-testid="receipt-check">{verdict}</p>
            <p class="muted">{format!("回执链末端（SHA-256）：{}", chain.head_hash)}</p>
        </article>
    }
}

/// The first 16 hex digits (the full hash is in the chain's end line and the API).
fn short(h: &str) -> String {
    if h.is_empty() {
        "—".into()
    } else {
        h.chars().take(16).collect()
    }
}
