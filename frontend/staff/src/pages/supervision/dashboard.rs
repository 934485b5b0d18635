//! `/staff/supervision/dashboard?from=&to=`: items by source, state and
//! colour; each unit's figures for the period with the rates and their
//! formulas; the overdue list; the report's sentence; CSV.

use super::tasks::TaskTable;
use crate::route::Route;
use crate::sv_route::Sv;
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, show, HeaderCells};
use leptos::prelude::*;
use shared::api::{ExportSupervisionFigures, GetSupervisionDashboard, HotlineRangeParams};
use shared::supervision::figures::{Counter, Dashboard};

const COUNTERS: [Counter; 7] = [
    Counter::assigned,
    Counter::reported,
    Counter::reported_late,
    Counter::closed,
    Counter::closed_on_time,
    Counter::reminders,
    Counter::notices,
];

fn percent(r: Option<f64>) -> String {
    r.map(|x| format!("{x:.1}%")).unwrap_or_else(|| "—".into())
}

#[component]
pub fn DashboardPage(from: String, to: String) -> impl IntoView {
    set_title("督查督办统计");
    let router = use_router::<Route>();
    let some = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
    let query = HotlineRangeParams { from: some(&from), to: some(&to), unit: None };
    let data = load::<GetSupervisionDashboard>(&[], query.clone());
    let csv = frontend::api::url::<ExportSupervisionFigures>(&[], &query);
    let (from_input, to_input) = (RwSignal::new(from), RwSignal::new(to));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        router.push(Route::Supervision(Sv::Dashboard { from: from_input.get_untracked(), to: to_input.get_untracked() }));
    };
    view! {
        <section class="panel no-print">
            <h1>"督查督办统计"</h1>
            <form class="inline-form" on:submit=submit>
                <label for="sv-from">"起始日期"</label>
                <input id="sv-from" type="date" bind:value=from_input/>
                <label for="sv-to">"截止日期"</label>
                <input id="sv-to" type="date" bind:value=to_input/>
                <button type="submit">"统计"</button>
            </form>
            <p><Link to=Route::Supervision(Sv::Publications)>"刊发与默认时限"</Link></p>
        </section>
        {show(data, move |d| view! { <Figures d csv=csv.clone()/> })}
    }
}

#[component]
fn Figures(d: Dashboard, csv: String) -> impl IntoView {
    view! {
        <section class="panel" data-testid="summary">
            <h2>"总体情况"</h2>
            <p>{d.summary.clone()}</p>
        </section>
        <section class="panel" data-testid="sources">
            <h2>"按来源：事项状态与任务预警"</h2>
            <div class="table-scroll"><table class="cases">
                <thead><tr><HeaderCells titles=&["来源", "待分解", "督办中", "已销号", "红色（逾期）", "黄色（临近）", "正常"]/></tr></thead>
                <tbody>{d.sources.iter().map(|r| view! {
                    <tr class=if r.source.is_none() { "total" } else { "" }>
                        <th scope="row">{r.source.map(|s| s.zh()).unwrap_or("合计")}</th>
                        <td>{r.registered}</td><td>{r.in_progress}</td><td>{r.closed}</td>
                        <td>{r.red}</td><td>{r.yellow}</td><td>{r.green}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table></div>
        </section>
        <section class="panel" data-testid="units">
            <h2>{format!("按单位：{}至{}", d.range.from.zh_full(), d.range.to.zh_full())}</h2>
            <div class="table-scroll"><table class="cases">
                <thead><tr>
                    <th scope="col">"单位"</th>
                    {COUNTERS.iter().map(|c| view! { <th scope="col">{c.zh()}</th> }).collect_view()}
                    {d.rows.first().map(|r| r.rates.iter().map(|x| view! { <th scope="col" title=x.formula.clone()>{x.name.clone()}</th> }).collect_view())}
                </tr></thead>
                <tbody>{d.rows.iter().map(|r| view! {
                    <tr>
                        <th scope="row">{r.label.clone()}</th>
                        {COUNTERS.iter().map(|c| view! { <td>{r.tally.get(*c)}</td> }).collect_view()}
                        {r.rates.iter().map(|x| view! { <td>{percent(x.value)}</td> }).collect_view()}
                    </tr>
                }).collect_view()}</tbody>
            </table></div>
            <ul class="muted">{d.rows.first().map(|r| r.rates.iter().map(|x| view! { <li>{format!("{} = {}", x.name, x.formula)}</li> }).collect_view())}</ul>
            <p class="no-print"><a href=csv download>"导出CSV"</a></p>
        </section>
        <section class="panel" data-testid="overdue">
            <h2>{format!("逾期未办结任务（{}项）", d.overdue_total)}</h2>
            {if d.overdue.is_empty() { view! { <p class="empty">"没有逾期任务。"</p> }.into_any() } else { view! { <TaskTable rows=d.overdue.clone()/> }.into_any() }}
            <Link to=Route::Supervision(Sv::Tasks { view: "overdue".into(), at: Default::default() })>"查看全部逾期任务"</Link>
        </section>
    }
}
