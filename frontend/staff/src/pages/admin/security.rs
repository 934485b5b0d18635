//! `/staff/admin/security`: the security event log (the office): sign-ins
//! and their failures, throttling, refusals, file views, changes of
//! accounts, roles, settings and API keys; searched by dates, kind, user
//! name, address and outcome, newest first, a page at a time; with how long
//! the log is kept.

use crate::pages::pager::Pager;
use crate::route::{PageAt, Route, SecurityFilters};
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, show, HeaderCells};
use leptos::prelude::*;
use shared::security::{retention_statement, Outcome, SecurityEvent, SecurityKind};

/// Rendered afresh for each URL.
#[component]
pub fn SecurityPage(filters: SecurityFilters, at: PageAt) -> impl IntoView {
    set_title("安全事件日志");
    let events = load::<shared::api::ListSecurityEvents>(&[], filters.params(&at));
    let paged = {
        let filters = filters.clone();
        move |at: PageAt| Route::SecurityEvents { filters: filters.clone(), at }
    };
    view! {
        <section class="panel">
            <h1>"安全事件日志"</h1>
            <p data-testid="retention">{retention_statement()}</p>
            <Filters filters/>
        </section>
        {show(events, move |list| {
            if list.events.is_empty() {
                return view! { <p class="empty">"没有符合条件的安全事件。"</p> }.into_any();
            }
            view! {
                <EventTable events=list.events/>
                <Pager at=at.clone() page=list.page to=paged.clone()/>
            }.into_any()
        })}
    }
}

/// The search: every part optional; a new search starts at the first page.
#[component]
fn Filters(filters: SecurityFilters) -> impl IntoView {
    let router = use_router::<Route>();
    let form = RwSignal::new(filters);
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        router.push(Route::SecurityEvents { filters: form.get_untracked(), at: PageAt::default() });
    };
    let text = |id: &'static str, kind: &'static str, get: fn(&SecurityFilters) -> &String, set: fn(&mut SecurityFilters, String)| {
        view! {
            <input id=id type=kind prop:value=move || form.with(|f| get(f).clone())
                on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))/>
        }
    };
    let (kind, outcome) = form.with_untracked(|f| (f.kind.clone(), f.outcome.clone()));
    view! {
        <form class="search" role="search" aria-label="查找安全事件" on:submit=search>
            <label for="sec-from">"起始日期"</label>
            {text("sec-from", "date", |f| &f.from, |f, v| f.from = v)}
            <label for="sec-to">"截止日期"</label>
            {text("sec-to", "date", |f| &f.to, |f, v| f.to = v)}
            <label for="sec-kind">"事件类型"</label>
            <select id="sec-kind" on:change=move |ev| form.update(|f| f.kind = event_target_value(&ev))>
                <option value="" selected=kind.is_empty()>"全部类型"</option>
                {SecurityKind::ALL.map(|k| view! { <option value=k.as_str() selected=kind == k.as_str()>{k.zh()}</option> })}
            </select>
            <label for="sec-user">"用户名"</label>
            {text("sec-user", "text", |f| &f.user, |f, v| f.user = v)}
            <label for="sec-address">"网络地址"</label>
            {text("sec-address", "text", |f| &f.address, |f, v| f.address = v)}
            <label for="sec-outcome">"结果"</label>
            <select id="sec-outcome" on:change=move |ev| form.update(|f| f.outcome = event_target_value(&ev))>
                <option value="" selected=outcome.is_empty()>"全部结果"</option>
                {Outcome::ALL.map(|o| view! { <option value=o.as_str() selected=outcome == o.as_str()>{o.zh()}</option> })}
            </select>
            <button type="submit" class="primary">"查找"</button>
            <Link to=Route::SecurityEvents { filters: SecurityFilters::default(), at: PageAt::default() }>"清除条件"</Link>
        </form>
    }
}

/// One page of events, newest first.
#[component]
fn EventTable(events: Vec<SecurityEvent>) -> impl IntoView {
    const TITLES: &[&str] = &["时间", "事件", "结果", "用户", "网络地址", "对象", "说明"];
    view! {
        <table class="cases" data-testid="security-events">
            <thead><tr><HeaderCells titles=TITLES/></tr></thead>
            <tbody>
                {events.into_iter().map(|e| view! {
                    <tr data-kind=e.kind.as_str() data-outcome=e.outcome.as_str()>
                        <td><time datetime=e.at.to_string()>{e.at.to_second()}</time></td>
                        <td>{e.kind.zh()}</td>
                        <td>{e.outcome.zh()}</td>
                        <td>{if e.username.is_empty() { "—".to_string() } else { e.username }}</td>
                        <td>{e.address}</td>
                        <td>{e.target}</td>
                        <td>{e.detail}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
