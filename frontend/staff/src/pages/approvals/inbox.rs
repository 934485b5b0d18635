//! The department's inbox: open cases, oldest deadline first, filterable by
//! state, class of handling and handler, a page at a time; and finding a
//! case by its number, the applicant's mobile or name.

use crate::pages::pager::Pager;
use crate::route::{PageAt, Route};
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, show};
use leptos::prelude::*;
use shared::api::{self as ep, Empty, InboxQuery};
use shared::approvals::case::{CaseState, InboxItem};
use shared::approvals::matter::HandlingClass;
use shared::engine::ledger::Standing;

/// Rendered afresh for each URL.
#[component]
pub fn InboxPage(state: String, class: String, assignee: String, q: String, at: PageAt) -> impl IntoView {
    set_title("待办件");
    let router = use_router::<Route>();
    let some = |v: &str| Some(v.to_string()).filter(|v| !v.is_empty());
    let query = if q.is_empty() {
        InboxQuery { state: some(&state), class: some(&class), assignee: some(&assignee), after: at.after(), ..Default::default() }
    } else {
        InboxQuery { q: some(&q), ..Default::default() }
    };
    let inbox = load::<ep::ListCases>(&[], query);
    // This page's own address, which the pager and the filters start from.
    let now =
        Route::Inbox { state: state.clone(), class: class.clone(), assignee: assignee.clone(), q: String::new(), at: PageAt::default() };
    let paged = {
        let now = now.clone();
        move |at: PageAt| {
            let mut r = now.clone();
            if let Route::Inbox { at: a, .. } = &mut r {
                *a = at;
            }
            r
        }
    };
    let search = RwSignal::new(q.clone());
    let find = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = search.get_untracked().trim().to_string();
        router.push(Route::Inbox { state: String::new(), class: String::new(), assignee: String::new(), q, at: PageAt::default() });
    };
    let searching = !q.is_empty();
    view! {
        <section class="panel">
            <h1>"办件列表"</h1>
            <form class="search" role="search" on:submit=find>
                <label for="case-search">"查找办件"</label>
                <input id="case-search" type="search" maxlength="30" placeholder="办件编号、申请人手机号或姓名"
                    prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                <button type="submit">"查找"</button>
            </form>
            <Filters now=now.clone() state class=class.clone() assignee/>
        </section>
        {show(inbox, move |inbox| {
            let yellow = inbox.cases.iter().filter(|c| c.standing == Some(Standing::Yellow)).count();
            let red = inbox.cases.iter().filter(|c| c.standing == Some(Standing::Red)).count();
            let shown = if searching { format!("查找“{}”：找到{}件", q, inbox.cases.len()) } else { format!("本页{}件", inbox.cases.len()) };
            let counts = view! { <p class="card-counts" data-testid="card-counts">{format!("{shown} · 黄牌预警{yellow}件 · 红牌逾期{red}件")}</p> };
            let pager = (!searching).then(|| view! { <Pager at=at.clone() page=inbox.page.clone() to=paged.clone()/> });
            let notices = inbox.notices.iter().map(|n| view! { <p class="notice" role="status" data-testid="notice">{n.clone()}</p> }).collect_view();
            if inbox.cases.is_empty() {
                let empty = if searching { "没有找到相符的办件：请核对办件编号、手机号，或输入申请人姓名的开头。" } else { "没有符合条件的办件。" };
                return view! { {notices}<p class="empty">{empty}</p> }.into_any();
            }
            view! {
                        {notices}
                        {counts}
                        <CaseTable cases=inbox.cases/>
                        {pager}
            }.into_any()
        })}
    }
}

/// The inbox's filters by state, class and handler: each keeps the other
/// two and starts again at the first page.
#[component]
fn Filters(now: Route, state: String, class: String, assignee: String) -> impl IntoView {
    let router = use_router::<Route>();
    let colleagues = load::<ep::ListColleagues>(&[], Empty {});
    let refilter = |change| crate::pages::refilter(router, now.clone(), change);
    let choose = refilter(|r, v| {
        if let Route::Inbox { state, .. } = r {
            *state = v
        }
    });
    let choose_class = refilter(|r, v| {
        if let Route::Inbox { class, .. } = r {
            *class = v
        }
    });
    let choose_assignee = refilter(|r, v| {
        if let Route::Inbox { assignee, .. } = r {
            *assignee = v
        }
    });
    let selected = state.clone();
    let who = assignee.clone();
    view! {
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
    }
}

/// One page of cases, with each one's standing (yellow, red) as its row's colour.
#[component]
fn CaseTable(cases: Vec<InboxItem>) -> impl IntoView {
    view! {
        <table class="cases">
            <thead><tr>
                <th scope="col">"办件编号"</th><th scope="col">"事项"</th><th scope="col">"申请人"</th>
                <th scope="col">"状态"</th><th scope="col">"承办人"</th><th scope="col">"提交时间"</th><th scope="col">"办结期限"</th><th scope="col">"剩余工作日"</th>
            </tr></thead>
            <tbody>
                {cases.into_iter().map(|c| { let key = c.case_no.clone(); view! {
                    <tr class=c.standing.map(frontend::widgets::standing_class).unwrap_or("") data-case=key>
                        <td><Link to=Route::Case(c.case_no.clone())>{c.case_no.clone()}</Link></td>
                        <td>{c.matter_name}</td>
                        <td>{c.applicant_name}</td>
                        <td>{c.state.zh()}{c.deemed_warning.clone().map(|w| view! { <span class="deemed" data-testid="deemed">{w}</span> })}</td>
                        <td>{c.assignee.clone().unwrap_or_default()}</td>
                        <td>{c.submitted_at.short()}</td>
                        <td>{c.deadline.map(|d| d.date().zh_full()).unwrap_or_default()}</td>
                        <td data-col="remaining">{match (c.standing, c.remaining_days) {
                            (Some(Standing::Red), Some(n)) => format!("逾期{}", -n),
                            (_, Some(n)) => n.to_string(),
                            _ => String::new(),
                        }}</td>
                    </tr>
                }}).collect_view()}
            </tbody>
        </table>
    }
}
