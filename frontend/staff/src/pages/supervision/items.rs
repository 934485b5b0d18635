//! `/staff/supervision/items`: the office's items, newest first, by state
//! and source, or found by number or title.

use crate::pages::pager::Pager;
use crate::route::{PageAt, Route};
use crate::sv_route::Sv;
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, show, HeaderCells};
use leptos::prelude::*;
use shared::api::{ItemsQuery, ListItems};
use shared::page::PageInfo;
use shared::supervision::{ItemState, Source};

#[component]
pub fn ItemsPage(state: String, source: String, q: String, origin: String, at: PageAt) -> impl IntoView {
    set_title("督查事项");
    let router = use_router::<Route>();
    let some = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
    let query =
        ItemsQuery { state: some(&state), source: some(&source), q: some(&q), origin: some(&origin), after: at.after(), limit: None };
    let list = load::<ListItems>(&[], query);
    let now = Sv::Items { state: state.clone(), source: source.clone(), q: q.clone(), origin: origin.clone(), at: PageAt::default() };
    let paged = {
        let now = now.clone();
        move |at: PageAt| {
            let mut r = now.clone();
            if let Sv::Items { at: a, .. } = &mut r {
                *a = at;
            }
            Route::Supervision(r)
        }
    };
    let change = move |field: fn(&mut Sv, String)| {
        let now = now.clone();
        move |ev: leptos::ev::Event| {
            let mut next = now.clone();
            field(&mut next, event_target_value(&ev));
            router.replace(Route::Supervision(next));
        }
    };
    let search = RwSignal::new(q.clone());
    let find = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        router.push(Route::Supervision(Sv::Items {
            state: String::new(),
            source: String::new(),
            q: search.get_untracked().trim().to_string(),
            origin: String::new(),
            at: PageAt::default(),
        }));
    };
    view! {
        <section class="panel">
            <h1>"督查事项"</h1>
            <Link to=Route::Supervision(Sv::NewItem { source: String::new(), origin: String::new(), title: String::new(), reference: String::new() }) class="button">"立项"</Link>
            <form class="search" role="search" on:submit=find>
                <label for="item-search">"查找事项"</label>
                <input id="item-search" type="search" maxlength="50" placeholder="事项编号或名称" bind:value=search/>
                <button type="submit">"查找"</button>
            </form>
            <label for="item-state">"状态"</label>
            <select id="item-state" on:change=change(|r, v| if let Sv::Items { state, .. } = r { *state = v })>
                <option value="" selected=state.is_empty()>"全部"</option>
                {ItemState::ALL.map(|s| view! { <option value=s.as_str() selected=state == s.as_str()>{s.zh()}</option> })}
            </select>
            <label for="item-source">"来源"</label>
            <select id="item-source" on:change=change(|r, v| if let Sv::Items { source, .. } = r { *source = v })>
                <option value="" selected=source.is_empty()>"全部来源"</option>
                {Source::ALL.map(|s| view! { <option value=s.as_str() selected=source == s.as_str()>{s.zh()}</option> })}
            </select>
        </section>
        {show(list, move |list| {
            if list.items.is_empty() {
                return view! { <p class="empty">"没有符合条件的督查事项。"</p> }.into_any();
            }
            let page = PageInfo { next: list.next.clone(), total: None };
            view! {
                <div class="table-scroll">
                    <table class="cases">
                        <thead><tr><HeaderCells titles=&["事项编号", "来源", "事项名称", "紧急程度", "交办领导", "立项时间", "任务（未销号）", "状态"]/></tr></thead>
                        <tbody>
                            {list.items.into_iter().map(|i| { let (row, to, no) = (i.item_no.clone(), Route::Supervision(Sv::Item(i.item_no.clone())), i.item_no); view! {
                                <tr data-item=row>
                                    <td><Link to>{no}</Link></td>
                                    <td>{i.source.zh()}</td>
                                    <td>{i.title}</td>
                                    <td>{i.priority.zh()}</td>
                                    <td>{i.leader}</td>
                                    <td>{i.registered_at.short()}</td>
                                    <td>{format!("{}（{}）", i.tasks, i.open_tasks)}</td>
                                    <td>{i.state.zh()}</td>
                                </tr>
                            }}).collect_view()}
                        </tbody>
                    </table>
                </div>
                <Pager at=at.clone() page to=paged.clone()/>
            }
            .into_any()
        })}
    }
}
