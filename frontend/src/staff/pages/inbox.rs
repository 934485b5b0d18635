//! The department's inbox: open cases, oldest first, filterable by state.

use crate::route::Route;
use frontend::api::encode;
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{deadline_text, load, short_time, show};
use leptos::prelude::*;
use shared::case::{CaseState, Inbox};
use shared::ledger::Standing;
use shared::matter::HandlingClass;

/// Rendered afresh for each URL.
#[allow(non_snake_case)]
pub fn InboxPage(state: String, class: String) -> impl IntoView {
    set_title("待办件");
    let router = use_router::<Route>();
    let path = format!("/api/staff/cases?state={}&class={}", encode(&state), encode(&class));
    let inbox = load::<Inbox>(path);
    let class_now = class.clone();
    let choose = move |ev: leptos::ev::Event| router.replace(Route::Inbox { state: event_target_value(&ev), class: class_now.clone() });
    let state_now = state.clone();
    let choose_class = move |ev: leptos::ev::Event| router.replace(Route::Inbox { state: state_now.clone(), class: event_target_value(&ev) });
    let selected = state.clone();
    view! {
        <section class="panel">
            <h1>"办件列表"</h1>
            <label for="state">"状态"</label>
            <select id="state" on:change=choose>
                <option value="" selected=selected.is_empty()>"全部未办结"</option>
                {CaseState::ALL.map(|s| view! { <option value=s.as_str() selected=selected == s.as_str()>{s.zh()}</option> })}
            </select>
            <label for="class">"办理类别"</label>
            <select id="class" on:change=choose_class>
                <option value="" selected=class.is_empty()>"全部类别"</option>
                {HandlingClass::ALL.map(|h| view! { <option value=h.as_str() selected=class == h.as_str()>{h.zh()}</option> })}
            </select>
        </section>
        {show(inbox, |inbox| {
            let yellow = inbox.cases.iter().filter(|c| c.standing == Some(Standing::Yellow)).count();
            let red = inbox.cases.iter().filter(|c| c.standing == Some(Standing::Red)).count();
            let counts = view! { <p class="card-counts" data-testid="card-counts">{format!("共{}件 · 黄牌预警{}件 · 红牌逾期{}件", inbox.cases.len(), yellow, red)}</p> };
            let notices = inbox.notices.iter().map(|n| view! { <p class="notice" role="status" data-testid="notice">{n.clone()}</p> }).collect_view();
            if inbox.cases.is_empty() {
                return view! { {notices}<p class="empty">"没有符合条件的办件。"</p> }.into_any();
            }
            view! {
                        {notices}
                        {counts}
                        <table class="cases">
                            <thead><tr>
                                <th scope="col">"办件编号"</th><th scope="col">"事项"</th><th scope="col">"申请人"</th>
                                <th scope="col">"状态"</th><th scope="col">"提交时间"</th><th scope="col">"办结期限"</th><th scope="col">"剩余工作日"</th>
                            </tr></thead>
                            <tbody>
                                {inbox.cases.into_iter().map(|c| { let key = c.case_no.clone(); view! {
                                    <tr class=c.standing.map(super::case::standing_class).unwrap_or("") data-case=key>
                                        <td><Link to=Route::Case(c.case_no.clone())>{c.case_no.clone()}</Link></td>
                                        <td>{c.matter_name}</td>
                                        <td>{c.applicant_name}</td>
                                        <td>{c.state.zh()}{c.deemed_warning.clone().map(|w| view! { <span class="deemed" data-testid="deemed">{w}</span> })}</td>
                                        <td>{short_time(&c.submitted_at)}</td>
                                        <td>{c.deadline.as_deref().map(deadline_text).unwrap_or_default()}</td>
                                        <td data-col="remaining">{match (c.standing, c.remaining_days) {
                                            (Some(Standing::Red), Some(n)) => format!("逾期{}", -n),
                                            (_, Some(n)) => n.to_string(),
                                            _ => String::new(),
                                        }}</td>
                                    </tr>
                                }}).collect_view()}
                            </tbody>
                        </table>
            }.into_any()
        })}
    }
}
