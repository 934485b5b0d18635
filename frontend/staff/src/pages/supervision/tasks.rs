//! `/staff/supervision?view=`: tasks by deadline, coloured. A unit sees its
//! inbox (open, or struck off); the office every open task, the overdue
//! ones, or the struck-off ones.

use super::{colour_class, colour_zh};
use crate::app::Me;
use crate::pages::pager::Pager;
use crate::route::{PageAt, Route};
use crate::sv_route::Sv;
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, show, HeaderCells};
use leptos::prelude::*;
use shared::api::{ListSupervisionTasks, SupervisionTasksQuery};
use shared::page::PageInfo;
use shared::supervision::views::TaskSummary;
use shared::supervision::{Colour, TaskRole};

#[component]
pub fn TasksPage(view: String, at: PageAt) -> impl IntoView {
    set_title("督查督办任务");
    let me = expect_context::<Me>();
    let router = use_router::<Route>();
    let query = SupervisionTasksQuery { view: Some(view.clone()).filter(|v| !v.is_empty()), after: at.after(), limit: None };
    let list = load::<ListSupervisionTasks>(&[], query);
    let is_office = move || me.get().is_some_and(|u| u.check_is_office().is_ok());
    let current = view.clone();
    let (open_view, overdue_view, closed_view) = (view.is_empty() || view == "open", view == "overdue", view == "closed");
    let choose = move |ev: leptos::ev::Event| {
        router.replace(Route::Supervision(Sv::Tasks { view: event_target_value(&ev), at: PageAt::default() }));
    };
    let paged = move |at: PageAt| Route::Supervision(Sv::Tasks { view: current.clone(), at });
    view! {
        <section class="panel">
            <h1>{move || if is_office() { "督办任务（按办结时限排序）" } else { "本单位督办任务（按办结时限排序）" }}</h1>
            <Show when=is_office>
                <p class="actions-line">
                    <Link to=Route::Supervision(Sv::items()) class="button">"督查事项"</Link>
                    " "<Link to=Route::Supervision(Sv::NewItem { source: String::new(), origin: String::new(), title: String::new(), reference: String::new() }) class="button">"立项"</Link>
                </p>
            </Show>
            <label for="task-view">"范围"</label>
            <select id="task-view" on:change=choose>
                <option value="" selected=open_view>"办理中"</option>
                <Show when=is_office><option value="overdue" selected=overdue_view>"已逾期"</option></Show>
                <option value="closed" selected=closed_view>"已销号"</option>
            </select>
            " "<Link to=Route::Supervision(Sv::Slips { kind: String::new(), at: PageAt::default() })>"督办单"</Link>
        </section>
        {show(list, move |list| {
            if list.tasks.is_empty() {
                return view! { <p class="empty">"没有符合条件的督办任务。"</p> }.into_any();
            }
            let red = list.tasks.iter().filter(|t| t.colour == Colour::Red).count();
            let yellow = list.tasks.iter().filter(|t| t.colour == Colour::Yellow).count();
            let page = PageInfo { next: list.next.clone(), total: None };
            view! {
                <p class="card-counts" data-testid="card-counts">{format!("本页{}项 · 黄色预警{yellow}项 · 红色逾期{red}项", list.tasks.len())}</p>
                <TaskTable rows=list.tasks/>
                <Pager at=at.clone() page to=paged.clone()/>
            }
            .into_any()
        })}
    }
}

const COLUMNS: &[&str] = &["任务编号", "督查事项", "工作要求", "牵头单位", "本单位", "办结时限", "预警", "状态", "督办单"];

/// Tasks, each row coloured by its standing.
#[component]
pub fn TaskTable(rows: Vec<TaskSummary>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="cases">
                <thead><tr><HeaderCells titles=COLUMNS/></tr></thead>
                <tbody>
                    {rows.into_iter().map(|t| { let (row, to, no) = (t.task_no.clone(), Route::Supervision(Sv::Item(t.item_no.clone())), t.task_no); view! {
                        <tr class=colour_class(t.colour) data-task=row>
                            <td><Link to>{no}</Link></td>
                            <td>{t.item_title}</td>
                            <td>{t.requirement}</td>
                            <td>{t.lead_unit_name}</td>
                            <td>{t.my_role.map(|r| if r == TaskRole::Lead { "牵头" } else { "配合" })}</td>
                            <td>{t.deadline.zh_full()}</td>
                            <td data-col="card">{colour_zh(t.colour)}</td>
                            <td>{t.state.zh()}</td>
                            <td>{(t.slips > 0).then(|| t.slips.to_string())}</td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
