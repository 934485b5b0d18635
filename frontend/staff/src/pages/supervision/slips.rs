//! Slips (督办单): the list (a unit's own, or all for the office), and one
//! slip as printed on A4: number, kind, item, requirement, unit, people
//! and limit, and what is behind.

use super::colour_class;
use crate::pages::pager::Pager;
use crate::route::{PageAt, Route};
use crate::sv_route::Sv;
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, show, show_page, HeaderCells};
use leptos::prelude::*;
use shared::api::{GetSlip, ListSlips, SlipsQuery};
use shared::page::PageInfo;
use shared::supervision::SlipKind;

#[component]
pub fn SlipsPage(kind: String, at: PageAt) -> impl IntoView {
    set_title("督办单");
    let router = use_router::<Route>();
    let list = load::<ListSlips>(&[], SlipsQuery { kind: Some(kind.clone()).filter(|k| !k.is_empty()), after: at.after(), limit: None });
    let current = kind.clone();
    let paged = move |at: PageAt| Route::Supervision(Sv::Slips { kind: current.clone(), at });
    view! {
        <section class="panel">
            <h1>"督办单"</h1>
            <label for="slip-kind">"种类"</label>
            <select id="slip-kind" on:change=move |ev| router.replace(Route::Supervision(Sv::Slips { kind: event_target_value(&ev), at: PageAt::default() }))>
                <option value="" selected=kind.is_empty()>"全部"</option>
                {SlipKind::ALL.map(|k| view! { <option value=k.as_str() selected=kind == k.as_str()>{k.zh()}</option> })}
            </select>
        </section>
        {show(list, move |list| {
            if list.slips.is_empty() {
                return view! { <p class="empty">"没有督办单。"</p> }.into_any();
            }
            let page = PageInfo { next: list.next.clone(), total: None };
            view! {
                <div class="table-scroll"><table class="cases">
                    <thead><tr><HeaderCells titles=&["编号", "种类", "任务", "事项", "承办单位", "办结时限", "发出时间"]/></tr></thead>
                    <tbody>{list.slips.into_iter().map(|s| view! {
                        <tr class=colour_class(s.colour)>
                            <td><Link to=Route::Supervision(Sv::Slip(s.id.to_string()))>{s.slip_no}</Link></td>
                            <td>{format!("{}{}", s.colour.zh(), s.kind.zh())}</td>
                            <td>{s.task_no}</td>
                            <td>{s.item_title}</td>
                            <td>{s.unit_name}</td>
                            <td>{s.deadline.zh_full()}</td>
                            <td>{s.issued_at.short()}</td>
                        </tr>
                    }).collect_view()}</tbody>
                </table></div>
                <Pager at=at.clone() page to=paged.clone()/>
            }
            .into_any()
        })}
    }
}

/// One slip, laid out for printing (the staff style sheet's print rules).
#[component]
pub fn SlipPage(id: String) -> impl IntoView {
    set_title("督办单");
    let slip = load::<GetSlip>(&[&id], Default::default());
    let county = frontend::county::county();
    show_page(slip, "督办单".into(), move |s| {
        let print = |_| {
            let _ = window().print();
        };
        view! {
            <article class=format!("panel slip {}", colour_class(s.colour)) data-testid="slip">
                <p class="slip-office">{format!("{}督查室", county.office())}</p>
                <h1>{format!("{}{}", s.colour.zh(), s.kind.zh())}</h1>
                <p class="slip-no">{s.slip_no.clone()}</p>
                <p>{format!("{}：", s.unit_name)}</p>
                <p class="pre-wrap">{match s.kind {
                    SlipKind::Assignment => format!("现将督查事项“{}”（{}）交你单位牵头办理。{}", s.item_title, s.item_no, s.why),
                    _ => format!("你单位牵头办理的督查事项“{}”（任务{}）{}。请抓紧办理，及时报送办理结果。", s.item_title, s.task_no, s.why),
                }}</p>
                <dl class="pairs">
                    <dt>"工作要求"</dt><dd>{s.requirement.clone()}</dd>
                    <dt>"责任人"</dt><dd>{s.responsible.clone()}</dd>
                    <dt>"督办人"</dt><dd>{s.supervisor.clone()}</dd>
                    <dt>"办结时限"</dt><dd>{format!("{}24时前", s.deadline.zh_full())}</dd>
                </dl>
                <p class="slip-date">{s.issued_at.date().zh_full()}</p>
                <p class="no-print">
                    <button type="button" on:click=print>"打印"</button>" "
                    <Link to=Route::Supervision(Sv::Item(s.item_no.clone()))>"返回督查事项"</Link>
                </p>
            </article>
        }
    })
}
