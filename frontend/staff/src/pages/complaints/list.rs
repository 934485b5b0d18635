//! Efficiency complaints (`/staff/complaints`): the office's queue by
//! deadline (the acceptance decision's, then the handling limit's), or a
//! unit's own; open, closed or all, one state; and finding one by number.
//! A unit's rows carry no complainant (the server never sends it).

use super::card;
use crate::app::Me;
use crate::pages::pager::Pager;
use crate::pages::ViewStateFilters;
use crate::route::{PageAt, Route};
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, show, standing_class, HeaderCells};
use leptos::prelude::*;
use shared::api::complaints::{ComplaintsQuery, ListComplaints};
use shared::complaints::views::ComplaintRow;
use shared::complaints::ComplaintState;
use shared::page::PageInfo;

#[component]
pub fn ComplaintsPage(view: String, state: String, q: String, at: PageAt) -> impl IntoView {
    set_title("效能投诉");
    let me = expect_context::<Me>();
    let router = use_router::<Route>();
    let some = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
    let query = ComplaintsQuery { view: some(&view), state: some(&state), q: some(&q), after: at.after(), limit: None };
    let list = load::<ListComplaints>(&[], query);
    let now = Route::Complaints { view: view.clone(), state: state.clone(), q: q.clone(), at: PageAt::default() };
    let paged = {
        let now = now.clone();
        move |at: PageAt| {
            let mut r = now.clone();
            if let Route::Complaints { at: a, .. } = &mut r {
                *a = at;
            }
            r
        }
    };
    let find = move |ev: leptos::ev::SubmitEvent| {
        let q = super::form_values(&ev)("q");
        let view = if q.is_empty() { String::new() } else { "all".into() };
        router.push(Route::Complaints { view, state: String::new(), q, at: PageAt::default() });
    };
    let is_office = move || me.get().is_some_and(|u| u.check_is_office().is_ok());
    view! {
        <section class="panel">
            <h1>{move || if is_office() { "效能投诉" } else { "交办本单位的效能投诉（按办理期限排序）" }}</h1>
            <Show when=is_office>
                <Link to=Route::NewComplaint class="button">"登记投诉"</Link>
            </Show>
            <form class="search" role="search" on:submit=find>
                <label for="complaint-search">"查找投诉"</label>
                <input id="complaint-search" name="q" type="search" maxlength="30" placeholder="投诉编号" value=q.clone()/>
                <button type="submit">"查找"</button>
            </form>
            <Filters now=now.clone() view state/>
        </section>
        {show(list, move |list| {
            if list.items.is_empty() {
                return view! { <p class="empty">"没有符合条件的投诉。"</p> }.into_any();
            }
            let page = PageInfo { next: list.next.clone(), total: None };
            view! {
                <Table rows=list.items/>
                <Pager at=at.clone() page to=paged.clone()/>
            }
            .into_any()
        })}
    }
}

#[component]
fn Filters(now: Route, view: String, state: String) -> impl IntoView {
    fn set_view(r: &mut Route, v: String) {
        if let Route::Complaints { view, .. } = r {
            *view = v
        }
    }
    fn set_state(r: &mut Route, v: String) {
        if let Route::Complaints { state, .. } = r {
            *state = v
        }
    }
    let states = ComplaintState::ALL.map(|s| (s.as_str(), s.zh())).to_vec();
    view! { <ViewStateFilters id="complaint" now view state states set_view set_state/> }
}

const COLUMNS: &[&str] = &["投诉编号", "类型", "投诉人", "被投诉单位或人员", "事由", "承办单位", "收到时间", "办理期限", "预警", "状态"];

#[component]
fn Table(rows: Vec<ComplaintRow>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="cases">
                <thead><tr><HeaderCells titles=COLUMNS/></tr></thead>
                <tbody>
                    {rows.into_iter().map(|c| { let (row, to, no) = (c.complaint_no.clone(), Route::Complaint(c.complaint_no.clone()), c.complaint_no); view! {
                        <tr class=c.standing.map(standing_class).unwrap_or("") data-complaint=row>
                            <td><Link to>{no}</Link></td>
                            <td>{c.kind.zh()}</td>
                            <td>{if c.anonymous { "匿名".to_string() } else { c.complainant_name.unwrap_or_else(|| "—".into()) }}</td>
                            <td>{c.subject}</td>
                            <td>{c.cause}</td>
                            <td>{c.unit_name.unwrap_or_default()}</td>
                            <td>{c.received_at.short()}</td>
                            <td>{c.deadline.map(|d| d.short()).unwrap_or_default()}</td>
                            <td>{c.standing.map(card).unwrap_or_default()}</td>
                            <td>{c.state.zh()}</td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
