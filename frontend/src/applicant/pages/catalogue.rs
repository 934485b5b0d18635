//! The public catalogue: search and filter by department; phone first.

use crate::route::Route;
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, load_inline, show};
use leptos::prelude::*;
use shared::api::{self as ep, Empty, MattersQuery};
use shared::approvals::matter::MatterSummary;
use shared::shell::{CATALOGUE_DEPARTMENTS, CATALOGUE_MATTERS};

/// Rendered afresh for each URL, so the form always shows what the list shows.
#[component]
pub fn CataloguePage(department: Option<i64>, q: String) -> impl IntoView {
    set_title("办事指南");
    let router = use_router::<Route>();
    // The unfiltered catalogue comes in the page's HTML (the Worker's shell).
    let departments = load_inline::<ep::ListDepartments>(CATALOGUE_DEPARTMENTS, &[], Empty {}, |_| true);
    let query = MattersQuery { q: Some(q.clone()), department: department.map(|d| d.to_string()) };
    let matters = if department.is_none() && q.is_empty() {
        load_inline::<ep::ListMatters>(CATALOGUE_MATTERS, &[], query, |_| true)
    } else {
        load::<ep::ListMatters>(&[], query)
    };

    let search = RwSignal::new(q.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        router.replace(Route::Catalogue { department, q: search.get_untracked().trim().to_string() });
    };
    let q_for_select = q.clone();
    let choose_department = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        router.replace(Route::Catalogue { department: value.parse().ok(), q: q_for_select.clone() });
    };

    let department_options = move || match departments.get() {
        Some(Ok(list)) => list
            .departments
            .into_iter()
            .map(|d| {
                let selected = Some(d.id) == department;
                view! { <option value=d.id.to_string() selected=selected>{format!("{}（{}项）", d.name, d.matter_count)}</option> }
            })
            .collect_view()
            .into_any(),
        _ => ().into_any(),
    };

    view! {
        <section class="panel">
            <h1>"办事指南"</h1>
            <form class="filters" role="search" on:submit=submit>
                <label for="q">"搜索事项"</label>
                <div class="search-row">
                    <input id="q" name="q" type="search" placeholder="输入事项名称或部门，如“营业执照”"
                        maxlength="50" autocomplete="off" bind:value=search/>
                    <button type="submit">"搜索"</button>
                </div>
                <label for="department">"办理部门"</label>
                <select id="department" name="department" on:change=choose_department>
                    <option value="" selected=department.is_none()>"全部部门"</option>
                    {department_options}
                </select>
            </form>
        </section>
        <section aria-label="事项列表">
            {show(matters, |list| view! { <MatterCards matters=list.matters/> })}
        </section>
        <section class="panel">
            <h2>"县长公开电话"</h2>
            <p>"反映问题、提出建议或咨询政策："<Link to=Route::Hotline>"我要留言"</Link>" · "<Link to=Route::HotlineTrack>"留言办理查询"</Link></p>
        </section>
        <section class="panel">
            <h2>"效能投诉"</h2>
            <p>"投诉机关作风效能问题或咨询："<Link to=Route::Complaints>"我要投诉"</Link>" · "<Link to=Route::ComplaintsTrack>"投诉办理查询"</Link></p>
        </section>
    }
}

#[component]
fn MatterCards(matters: Vec<MatterSummary>) -> impl IntoView {
    if matters.is_empty() {
        return view! { <p class="empty" role="status">"没有找到相关事项，请换个关键词或选择“全部部门”。"</p> }.into_any();
    }
    let count = matters.len();
    view! {
        <p class="count" role="status">{format!("共 {count} 项")}</p>
        <ul class="cards">
            {matters.into_iter().map(|m| view! { <li><MatterCard m/></li> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn MatterCard(m: MatterSummary) -> impl IntoView {
    let limit = if m.committed_days == 0 { "当场办结".to_string() } else { format!("承诺 {} 个工作日", m.committed_days) };
    view! {
        <Link to=Route::Matter(m.id) class="card">
            <span class="card-title">{m.name}</span>
            <span class="card-meta">
                <span class="badge">{m.class.zh()}</span>
                <span>{m.department_name}</span>
                <span>{limit}</span>
                {m.free.then_some(view! { <span>"免费"</span> })}
            </span>
        </Link>
    }
}
