//! The department's inbox: open cases, oldest deadline first, filterable by
//! state, class of handling and handler.

use crate::route::Route;
use frontend::api::encode;
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{deadline_text, load, short_time, show};
use leptos::prelude::*;
use shared::case::{CaseState, Inbox};
use shared::ledger::Standing;
use shared::matter::HandlingClass;
use shared::staff::Colleague;

/// Rendered afresh for each URL.
#[allow(non_snake_case)]
pub fn InboxPage(state: String, class: String, assignee: String) -> impl IntoView {
    set_title("待办件");
    let router = use_router::<Route>();
    let path = format!("/api/staff/cases?state={}&class={}&assignee={}", encode(&state), encode(&class), encode(&assignee));
    let inbox = load::<Inbox>(path);
    let colleagues = load::<Vec<Colleague>>("/api/staff/colleagues".into());
    // Each filter keeps the other two.
    let now = Route::Inbox { state: state.clone(), class: class.clone(), assignee: assignee.clone() };
    let refilter = move |change: fn(&mut Route, String)| {
        let now = now.clone();
        move |ev: leptos::ev::Event| {
            let mut next = now.clone();
            change(&mut next, event_target_value(&ev));
            router.replace(next);
        }
    };
    let choose = refilter(|r, v| if let Route::Inbox { state, .. } = r { *state = v });
    let choose_class = refilter(|r, v| if let Route::Inbox { class, .. } = r { *class = v });
    let choose_assignee = refilter(|r, v| if let Route::Inbox { assignee, .. } = r { *assignee = v });
    let selected = state.clone();
    let who = assignee.clone();
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
            <label for="assignee-filter">"承办人"</label>
            <select id="assignee-filter" on:change=choose_assignee>
                <option value="" selected=assignee.is_empty()>"全部承办人"</option>
                <option value="me" selected=assignee == "me">"我承办的"</option>
                <option value="none" selected=assignee == "none">"尚未分派"</option>
                {move || colleagues.get().and_then(Result::ok).map(|list| list.into_iter().map(|c| {
                    let id = c.id.to_string();
                    view! { <option value=id.clone() selected=who == id>{c.name}</option> }
                }).collect_view())}
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
                                <th scope="col">"状态"</th><th scope="col">"承办人"</th><th scope="col">"提交时间"</th><th scope="col">"办结期限"</th><th scope="col">"剩余工作日"</th>
                            </tr></thead>
                            <tbody>
                                {inbox.cases.into_iter().map(|c| { let key = c.case_no.clone(); view! {
                                    <tr class=c.standing.map(super::case::standing_class).unwrap_or("") data-case=key>
                                        <td><Link to=Route::Case(c.case_no.clone())>{c.case_no.clone()}</Link></td>
                                        <td>{c.matter_name}</td>
                                        <td>{c.applicant_name}</td>
                                        <td>{c.state.zh()}{c.deemed_warning.clone().map(|w| view! { <span class="deemed" data-testid="deemed">{w}</span> })}</td>
                                        <td>{c.assignee.clone().unwrap_or_default()}</td>
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
