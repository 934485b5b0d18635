//! Paging links under a keyset-paged list: the first page, which page this
//! is (and how many records in all, where the server knows), the next page.
//! Going back a page is the browser's back button: each page has its URL.

use crate::route::{PageAt, Route};
use frontend::router::Link;
use leptos::prelude::*;
use shared::page::PageInfo;

#[component]
pub fn Pager<F>(at: PageAt, page: PageInfo, to: F) -> impl IntoView
where
    F: Fn(PageAt) -> Route,
{
    let PageInfo { next, total } = page;
    let first = (at.number() > 1).then(|| view! { <Link to=to(PageAt::default())>"« 第一页"</Link> });
    let total = total.map(|n| format!("，共{n}件")).unwrap_or_default();
    let here = format!("第{}页{total}", at.number());
    let next = next.map(|cursor| view! { <Link to=to(at.next(cursor))>"下一页 ›"</Link> });
    view! {
        <nav class="pager no-print" aria-label="翻页" data-testid="pager">
            {first}
            <span>{here}</span>
            {next}
        </nav>
    }
}
