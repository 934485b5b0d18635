//! `/staff/admin/notices?state=&after=&page=`: the office's page of SMS to
//! applicants: how many per state and provider, the messages newest first
//! (numbers masked), why each failure failed, and a resend for one.

use crate::pages::pager::Pager;
use crate::route::{PageAt, Route};
use frontend::api;
use frontend::router::{set_title, Link};
use frontend::widgets::{load, show, ErrorRegion, HeaderCells};
use leptos::prelude::*;
use shared::api::{Empty, NoticesQuery};
use shared::error::ApiError;
use shared::notify::{NoticeCount, NoticeEvent, NoticeRow, NoticeState};

/// The page of the item a message is about: a case, a hotline ticket or a
/// complaint (the outbox's `case_no` holds its number).
fn item_route(event: NoticeEvent, no: String) -> Route {
    match event {
        NoticeEvent::CaseReceived
        | NoticeEvent::CaseSupplement
        | NoticeEvent::CaseAccepted
        | NoticeEvent::CaseCompleted
        | NoticeEvent::CaseEvaluate => Route::Case(no),
        NoticeEvent::HotlineReceived | NoticeEvent::HotlineReplied | NoticeEvent::HotlineCallback => Route::Ticket(no),
        NoticeEvent::ComplaintReceived | NoticeEvent::ComplaintReplied | NoticeEvent::ComplaintCallback => Route::Complaint(no),
    }
}

/// Rendered afresh for each URL.
#[component]
pub fn NoticesPage(state: String, at: PageAt) -> impl IntoView {
    set_title("短信通知");
    let query = NoticesQuery { state: Some(state.clone()).filter(|s| !s.is_empty()), after: at.after(), limit: None };
    let list = load::<shared::api::ListNotices>(&[], query);
    let paged = {
        let state = state.clone();
        move |at: PageAt| Route::Notices { state: state.clone(), at }
    };
    let tab = |s: &str, label: &'static str| {
        let here = s == state;
        view! { <Link to=Route::Notices { state: s.to_string(), at: PageAt::default() } attr:aria-current=here.then_some("page")>{label}</Link> }
    };
    view! {
        <section class="panel">
            <h1>"短信通知"</h1>
            <p>"申请人收到的短信（受理回执、补正通知、受理、办结）。号码已脱敏；发送失败的可重发一次。"</p>
            <nav class="tabs" aria-label="按状态">
                {tab("", "全部")}
                {NoticeState::ALL.map(|s| tab(s.as_str(), s.zh()))}
            </nav>
        </section>
        {show(list, move |list| {
            let counts = view! { <Counts counts=list.counts/> };
            if list.notices.is_empty() {
                return view! { {counts}<p class="empty">"没有短信。"</p> }.into_any();
            }
            view! {
                {counts}
                <NoticeTable notices=list.notices/>
                <Pager at=at.clone() page=list.page to=paged.clone()/>
            }.into_any()
        })}
    }
}

#[component]
fn Counts(counts: Vec<NoticeCount>) -> impl IntoView {
    const TITLES: &[&str] = &["状态", "服务商", "条数"];
    view! {
        <table class="cases" data-testid="notice-counts">
            <thead><tr><HeaderCells titles=TITLES/></tr></thead>
            <tbody>
                {counts.into_iter().map(|c| view! {
                    <tr><td>{c.state.zh()}</td><td>{if c.provider.is_empty() { "—".to_string() } else { c.provider }}</td><td>{c.n}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn NoticeTable(notices: Vec<NoticeRow>) -> impl IntoView {
    const TITLES: &[&str] = &["时间", "事件", "办件", "号码", "状态", "服务商", "回执编号", "尝试", "原因", "操作"];
    view! {
        <table class="cases" data-testid="notices">
            <thead><tr><HeaderCells titles=TITLES/></tr></thead>
            <tbody>{notices.into_iter().map(|n| view! { <NoticeLine n/> }).collect_view()}</tbody>
        </table>
    }
}

/// One message; a failed one has its resend button, which shows the new
/// state once the queue has it again.
#[component]
fn NoticeLine(n: NoticeRow) -> impl IntoView {
    let state = RwSignal::new(n.state);
    let error = RwSignal::new(None::<ApiError>);
    let id = n.id.to_string();
    let resend = move |_| {
        let id = id.clone();
        leptos::task::spawn_local(async move {
            match api::post::<shared::api::ResendNotice>(&[&id], &Empty {}).await {
                Ok(row) => {
                    error.set(None);
                    state.set(row.state);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <tr data-state=move || state.get().as_str()>
            <td>{n.created_at.get(..16).unwrap_or_default().replace('T', " ")}</td>
            <td>{n.event.zh()}</td>
            <td><Link to=item_route(n.event, n.case_no.clone())>{n.case_no.clone()}</Link></td>
            <td>{n.phone}</td>
            <td>{move || state.get().zh()}</td>
            <td>{n.provider.unwrap_or_default()}</td>
            <td>{n.provider_message_id.unwrap_or_default()}</td>
            <td>{n.attempts}</td>
            <td>{n.reason.unwrap_or_default()}</td>
            <td>
                <Show when=move || state.get() == NoticeState::Failed>
                    <button type="button" on:click=resend.clone()>"重发"</button>
                </Show>
                <ErrorRegion error/>
            </td>
        </tr>
    }
}
