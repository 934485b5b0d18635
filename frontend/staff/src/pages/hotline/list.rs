//! Hotline tickets (`/staff/hotline`): the office's queue, or a member
//! unit's inbox by deadline, filtered by open/closed and state, a page at a
//! time; and finding a ticket by its number, the city's number or the
//! caller's phone.

use crate::app::Me;
use crate::pages::pager::Pager;
use crate::pages::ViewStateFilters;
use crate::route::{PageAt, Route};
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::standing_class;
use frontend::widgets::{load, show, HeaderCells};
use leptos::prelude::*;
use shared::api::{self as ep, TicketsQuery};
use shared::engine::ledger::Standing;
use shared::hotline::views::TicketRow;
use shared::hotline::TicketState;
use shared::page::PageInfo;

/// The card a ticket stands under, in words (the row's colour says the same).
pub fn card(standing: Standing) -> &'static str {
    match standing {
        Standing::OnTrack => "正常",
        Standing::Yellow => "黄牌预警",
        Standing::Red => "红牌逾期",
        Standing::Paused => "暂停计时",
    }
}

/// Rendered afresh for each URL.
#[component]
pub fn TicketsPage(view: String, state: String, q: String, at: PageAt) -> impl IntoView {
    set_title("热线工单");
    let me = expect_context::<Me>();
    let router = use_router::<Route>();
    let some = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
    let query = TicketsQuery { view: some(&view), state: some(&state), q: some(&q), after: at.after(), limit: None };
    let list = load::<ep::ListTickets>(&[], query);
    // This page's own address, which the pager and the filters start from.
    let now = Route::Tickets { view: view.clone(), state: state.clone(), q: q.clone(), at: PageAt::default() };
    let paged = {
        let now = now.clone();
        move |at: PageAt| {
            let mut r = now.clone();
            if let Route::Tickets { at: a, .. } = &mut r {
                *a = at;
            }
            r
        }
    };
    let search = RwSignal::new(q.clone());
    let find = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = search.get_untracked().trim().to_string();
        // A search looks through closed tickets too (a caller calling again).
        let view = if q.is_empty() { String::new() } else { "all".into() };
        router.push(Route::Tickets { view, state: String::new(), q, at: PageAt::default() });
    };
    let is_office = move || me.get().is_some_and(|u| u.check_is_office().is_ok());
    let searching = !q.is_empty();
    view! {
        <section class="panel">
            <h1>{move || if is_office() { "热线工单队列" } else { "本单位热线工单（按办理期限排序）" }}</h1>
            <Show when=is_office>
                <Link to=Route::NewTicket class="button">"登记来电"</Link>
            </Show>
            <form class="search" role="search" on:submit=find>
                <label for="ticket-search">"查找工单"</label>
                <input id="ticket-search" type="search" maxlength="50" placeholder="工单编号、市级工单编号或来电号码"
                    prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                <button type="submit">"查找"</button>
            </form>
            <Filters now=now.clone() view state/>
        </section>
        {show(list, move |list| {
            let yellow = list.items.iter().filter(|t| t.standing == Some(Standing::Yellow)).count();
            let red = list.items.iter().filter(|t| t.standing == Some(Standing::Red)).count();
            let shown = if searching { format!("查找“{}”：本页{}件", q, list.items.len()) } else { format!("本页{}件", list.items.len()) };
            if list.items.is_empty() {
                let empty = if searching { "没有找到相符的工单：请核对工单编号、市级工单编号或来电号码。" } else { "没有符合条件的工单。" };
                return view! { <p class="empty">{empty}</p> }.into_any();
            }
            let page = PageInfo { next: list.next.clone(), total: None };
            view! {
                <p class="card-counts" data-testid="card-counts">{format!("{shown} · 黄牌预警{yellow}件 · 红牌逾期{red}件")}</p>
                <TicketTable rows=list.items/>
                <Pager at=at.clone() page to=paged.clone()/>
            }
            .into_any()
        })}
    }
}

/// Open, closed or all, and one state: each keeps the other and the search,
/// and starts again at the first page.
#[component]
fn Filters(now: Route, view: String, state: String) -> impl IntoView {
    fn set_view(r: &mut Route, v: String) {
        if let Route::Tickets { view, .. } = r {
            *view = v
        }
    }
    fn set_state(r: &mut Route, v: String) {
        if let Route::Tickets { state, .. } = r {
            *state = v
        }
    }
    let states = TicketState::ALL.map(|s| (s.as_str(), s.zh())).to_vec();
    view! { <ViewStateFilters id="ticket" now view state states set_view set_state/> }
}

const COLUMNS: &[&str] =
    &["工单编号", "紧急程度", "诉求类型", "诉求事由", "诉求类别", "主办单位", "受理时间", "办理期限", "预警", "状态", "本单位办理", "重办"];

/// One page of tickets, each row coloured by its card.
#[component]
fn TicketTable(rows: Vec<TicketRow>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="cases">
                <thead><tr><HeaderCells titles=COLUMNS/></tr></thead>
                <tbody>
                    {rows.into_iter().map(|t| { let (row, to, no) = (t.ticket_no.clone(), Route::Ticket(t.ticket_no.clone()), t.ticket_no); view! {
                        <tr class=t.standing.map(standing_class).unwrap_or("") data-ticket=row>
                            <td>
                                <Link to>{no}</Link>
                                {t.confidential.then(|| view! { " "<span class="badge">"保密"</span> })}
                            </td>
                            <td>{t.urgency.zh()}</td>
                            <td>{t.kind.zh()}</td>
                            <td>{t.cause}</td>
                            <td>{t.category_name.unwrap_or_default()}</td>
                            <td>{t.lead_unit_name.unwrap_or_default()}</td>
                            <td>{t.received_at.short()}</td>
                            <td>{t.deadline.map(|d| d.short()).unwrap_or_default()}</td>
                            <td data-col="card">{t.standing.map(card).unwrap_or_default()}</td>
                            <td>{t.state.zh()}</td>
                            <td>{t.my_part.map(|p| p.zh()).unwrap_or_default()}</td>
                            <td>{(t.reopened > 0).then(|| t.reopened.to_string())}</td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
