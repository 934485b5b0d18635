//! `/staff/statistics?from=&to=`: the Center's figures for any date range,
//! as the annual report states them (shared::approvals::stats).

use crate::route::Route;
use frontend::router::{set_title, use_router};
use frontend::widgets::{load, show, CsvButton, HeaderCells};
use leptos::prelude::*;
use shared::api::RangeParams;
use shared::approvals::stats::CentreStats;

fn rate(r: Option<f64>) -> String {
    r.map(|x| format!("{x:.1}%")).unwrap_or_else(|| "—".into())
}

/// Rendered afresh for each URL.
#[component]
pub fn StatisticsPage(from: String, to: String) -> impl IntoView {
    set_title("中心运行统计");
    let router = use_router::<Route>();
    let data = load::<shared::api::GetStatistics>(&[], RangeParams { from: Some(from.clone()), to: Some(to.clone()) });
    let (from_input, to_input) = (RwSignal::new(from), RwSignal::new(to));
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        router.replace(Route::Statistics { from: from_input.get_untracked(), to: to_input.get_untracked() });
    };
    view! {
        <section class="panel no-print">
            <h1>"中心运行统计"</h1>
            <form class="period" on:submit=apply>
                <label for="from">"起始日期"</label>
                <input id="from" type="date" bind:value=from_input/>
                <label for="to">"截止日期"</label>
                <input id="to" type="date" bind:value=to_input/>
                <button type="submit" class="primary">"统计"</button>
            </form>
        </section>
        {show(data, |s| view! { <Figures s/> })}
    }
}

#[component]
fn Figures(s: CentreStats) -> impl IntoView {
    const CLASSES: &[&str] = &["办理类别", "件数", "已办结"];
    let e = &s.establishment;
    let class_rows: Vec<Vec<String>> = s
        .classes
        .iter()
        .map(|c| vec![c.class.zh().to_string(), c.disposed.to_string(), c.completed.map(|n| n.to_string()).unwrap_or_else(|| "—".into())])
        .collect();
    let rated: u64 = s.evaluations.iter().map(|l| l.count).sum();
    let file = format!("中心运行统计-{}至{}.csv", s.range.from, s.range.to);
    view! {
        <section class="panel" data-testid="statistics">
            <h2>{format!("{}至{}", s.range.from.zh_full(), s.range.to.zh_full())}</h2>
            <p data-testid="summary">{s.summary().to_string()}</p>
            <dl class="pairs figures">
                <dt>"进驻窗口部门"</dt><dd>{format!("{}个", e.departments)}</dd>
                <dt>"窗口工作人员"</dt><dd>{format!("{}人", e.window_staff)}</dd>
                <dt>"中介服务机构"</dt><dd>{format!("{}家，从业人员{}人", e.intermediaries, e.intermediary_staff)}</dd>
                <dt>"进驻审批服务事项"</dt><dd>{format!("{}项", e.matters)}</dd>
                <dt>"事项承诺时限比法定时限压缩"</dt><dd>{rate(e.catalogue_compression)}</dd>
                <dt>"收件"</dt><dd>{format!("{}件", s.received)}</dd>
                <dt>"按期办结率"</dt><dd data-testid="on-time-rate">{format!("{}（按期{}件，逾期{}件）", rate(s.on_time_rate), s.on_time, s.late)}</dd>
                <dt>"受理件承诺时限压缩率"</dt><dd>{rate(s.compression_rate)}</dd>
                <dt>"满意率"</dt><dd>{format!("{}（评价{}件）", rate(s.satisfaction_rate), rated)}</dd>
            </dl>
            <table class="cases numbers" data-testid="classes">
                <thead><tr><HeaderCells titles=CLASSES/></tr></thead>
                <tbody>
                    {class_rows.iter().map(|r| view! {
                        <tr><th scope="row">{r[0].clone()}</th>{r[1..].iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
            <CsvButton file header=CLASSES rows=class_rows/>
            <h2>"好差评"</h2>
            <ul class="explanation">
                {s.evaluations.iter().map(|l| view! { <li>{format!("{}：{}件", l.level.zh(), l.count)}</li> }).collect_view()}
            </ul>
        </section>
    }
}
