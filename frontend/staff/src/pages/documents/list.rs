//! `/staff/transmit`: the office's documents, newest first, with how many
//! units have signed; or a unit's inbox, newest first, with its copy's
//! state. Urgent documents unsigned past their limit are flagged.

use crate::app::Me;
use crate::doc_route::Dr;
use crate::pages::pager::Pager;
use crate::route::{PageAt, Route};
use frontend::router::{set_title, Link};
use frontend::widgets::{load, show, HeaderCells};
use leptos::prelude::*;
use shared::api::documents::{DocsQuery, ListDocs};
use shared::documents::views::DocRow;
use shared::page::PageInfo;

#[component]
pub fn DocsPage(at: PageAt) -> impl IntoView {
    set_title("公文传输");
    let me = expect_context::<Me>();
    let list = load::<ListDocs>(&[], DocsQuery { after: at.after(), limit: None });
    let is_office = move || me.get().is_some_and(|u| u.check_is_office().is_ok());
    view! {
        <section class="panel">
            <h1>{move || if is_office() { "公文传输：发文" } else { "公文传输：本单位收文" }}</h1>
            <Show when=is_office>
                <Link to=Route::Transmit(Dr::New) class="button">"登记发文"</Link>
            </Show>
        </section>
        {show(list, move |list| {
            if list.items.is_empty() {
                return view! { <p class="empty">"还没有公文。"</p> }.into_any();
            }
            let page = PageInfo { next: list.next.clone(), total: None };
            view! {
                <Table rows=list.items office=is_office()/>
                <Pager at=at.clone() page to=|at| Route::Transmit(Dr::List(at))/>
            }
            .into_any()
        })}
    }
}

const COLUMNS: &[&str] = &["发文字号", "标题", "紧急程度", "发送时间", "签收情况", "提示"];

#[component]
fn Table(rows: Vec<DocRow>, office: bool) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="cases" data-testid="documents">
                <thead><tr><HeaderCells titles=COLUMNS/></tr></thead>
                <tbody>
                    {rows.into_iter().map(|d| {
                        let status = match (d.mine, office) {
                            (Some(s), _) => s.zh().to_string(),
                            (None, _) if d.state == shared::documents::DocState::Draft => d.state.zh().to_string(),
                            (None, _) => format!("{}/{}已签收，{}退文，{}撤回", d.counts.signed, d.counts.recipients, d.counts.returned, d.counts.recalled),
                        };
                        view! {
                            <tr class=if d.overdue { "red" } else { "" } data-doc=d.doc_key.clone()>
                                <td><Link to=Route::Transmit(Dr::Doc(d.doc_key.clone()))>{d.number}</Link></td>
                                <td>{d.title}</td>
                                <td>{d.urgency.zh()}</td>
                                <td>{d.sent_at.map(|t| t.short()).unwrap_or_default()}</td>
                                <td>{status}</td>
                                <td>{if d.overdue { "超时未签收" } else { "" }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
