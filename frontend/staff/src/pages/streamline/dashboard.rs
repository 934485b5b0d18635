//! Meetings and documents against the same period last year and the annual
//! quotas (精简会议文件), with charts, warnings, drill-down, CSV and print.

use super::charts::{Cumulative, MonthlyBars};
use super::period::PeriodPicker;
use crate::route::{PageAt, PeriodQuery, Route};
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, show, CsvButton};
use leptos::prelude::*;
use shared::streamline::quota::{CategoryRow, Dashboard};
use shared::streamline::RegisterKind;

/// Rendered afresh for each URL.
#[component]
pub fn DashboardPage(period: PeriodQuery) -> impl IntoView {
    set_title("会议文件统计");
    let router = use_router::<Route>();
    let data = load::<shared::api::GetDashboard>(&[], period.params());
    view! {
        <section class="panel">
            <h1>"精简会议文件统计"</h1>
            <PeriodPicker current=period.clone() on_change=move |p| router.replace(Route::Dashboard(p))/>
        </section>
        {show(data, |d| view! { <Report d/> })}
    }
}

fn period_words(d: &Dashboard) -> String {
    let p = d.period;
    let months = if p.from_month == p.to_month { format!("{}月", p.from_month) } else { format!("{}—{}月", p.from_month, p.to_month) };
    let cut = d.cut.map(|c| format!("（截至{}）", c.zh_month_day())).unwrap_or_default();
    format!("{}年{months}{cut}", p.year)
}

/// "比去年同期减少了12.0%" and its variants.
fn change_words(r: &CategoryRow) -> String {
    match r.change_percent {
        None if r.last_period == 0 => "去年同期无此类记录".into(),
        None => String::new(),
        Some(c) if c < 0.0 => format!("比去年同期减少{:.1}%", -c),
        Some(c) if c > 0.0 => format!("比去年同期增加{c:.1}%"),
        Some(_) => "与去年同期持平".into(),
    }
}

#[component]
fn Report(d: Dashboard) -> impl IntoView {
    let words = period_words(&d);
    let headline = |rows: &[CategoryRow], unit: &str| {
        rows.iter()
            .find(|r| r.key == "total")
            .map(|t| format!("{}，{}{}{}，{}。", words, t.label.trim_end_matches("合计"), t.this_period, unit, change_words(t)))
    };
    let summary = match &d.not_started {
        Some(notice) => vec![notice.clone()],
        None => [headline(&d.meetings, "次"), headline(&d.documents, "件")].into_iter().flatten().collect::<Vec<_>>(),
    };
    let warnings: Vec<String> = d.meetings.iter().chain(&d.documents).filter_map(|r| r.warning.clone()).collect();
    let through = d.cut.map(|c| c.ymd().1 as usize).unwrap_or(12);
    let year = d.period.year.to_string();
    let (from, to) = (d.period.from_month.to_string(), d.period.to_month.to_string());
    let period = PeriodQuery { year: year.clone(), from, to };
    let charts = d
        .monthly
        .iter()
        .filter(|s| s.quota.is_some())
        .map(|s| {
            let projected =
                d.meetings.iter().chain(&d.documents).find(|r| s.key.ends_with(&format!(":{}", r.key))).map(|r| r.projected).unwrap_or(0);
            view! {
                <figure class="chart-box">
                    <figcaption>{s.label.clone()}</figcaption>
                    <MonthlyBars series=s.clone()/>
                    <Cumulative series=s.clone() through projected/>
                </figure>
            }
        })
        .collect_view();
    view! {
        <section class="panel" data-testid="summary">
            {summary.into_iter().map(|s| view! { <p class="headline">{s}</p> }).collect_view()}
            {(!warnings.is_empty()).then(|| view! {
                <div role="alert"><ul class="warnings">{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul></div>
            })}
            <p class="no-print">
                <button type="button" class="primary inline" on:click=|_| { let _ = window().print(); }>"打印"</button>
            </p>
        </section>
        <Table title="会议（以县政府名义召开）" unit="次" rows=d.meetings.clone() period=period.clone() kind=RegisterKind::Meeting file=format!("会议统计-{}.csv", words)/>
        <Table title="文件（按发文层级）" unit="件" rows=d.documents.clone() period=period.clone() kind=RegisterKind::Document file=format!("文件统计-{}.csv", words)/>
        <section class="panel">
            <h2>"按月对比与全年进度"</h2>
            <p class="muted">"柱状图：灰色为去年、红色为今年；折线：累计数量，虚线为年度指标，点线为按当前进度预计的全年数量。"</p>
            <div class="charts">{charts}</div>
        </section>
    }
}

#[component]
fn Table(
    title: &'static str,
    unit: &'static str,
    rows: Vec<CategoryRow>,
    period: PeriodQuery,
    kind: RegisterKind,
    file: String,
) -> impl IntoView {
    let csv_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.label.clone(),
                r.this_period.to_string(),
                r.last_period.to_string(),
                r.change_percent.map(|c| format!("{c:.1}")).unwrap_or_default(),
                r.year_to_date.to_string(),
                r.projected.to_string(),
                r.quota.map(|q| q.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    let link = move |r: &CategoryRow| -> Option<Route> {
        let key = if r.key == "total" { String::new() } else { r.key.clone() };
        match kind {
            RegisterKind::Meeting => Some(Route::Meetings(period.clone(), key, PageAt::default())),
            RegisterKind::Document if r.key == "total" => None,
            RegisterKind::Document => Some(Route::Documents(period.clone(), key, PageAt::default())),
        }
    };
    view! {
        <section class="panel" data-testid=format!("table-{}", kind.as_str())>
            <h2>{title}</h2>
            // A phone scrolls the table, not the page: a focusable, named region.
            <div class="table-scroll" tabindex="0" role="region" aria-label=title>
            <table class="cases numbers">
                <thead><tr>
                    <th scope="col">"类别"</th><th scope="col">{format!("本期（{unit}）")}</th><th scope="col">"去年同期"</th>
                    <th scope="col">"同比"</th><th scope="col">"本年累计"</th><th scope="col">"全年预计"</th><th scope="col">"年度指标"</th>
                </tr></thead>
                <tbody>
                    {rows.iter().map(|r| {
                        let count = r.this_period.to_string();
                        let cell = match link(r) {
                            Some(to) => view! { <Link to>{count}</Link> }.into_any(),
                            None => view! { <span>{count}</span> }.into_any(),
                        };
                        view! {
                            <tr class:total=r.key == "total" class:over=r.warning.is_some() data-key=r.key.clone()>
                                <th scope="row">{r.label.clone()}</th>
                                <td data-col="this">{cell}</td>
                                <td data-col="last">{r.last_period}</td>
                                <td data-col="change">{r.change_percent.map(|c| format!("{c:+.1}%")).unwrap_or_else(|| "—".into())}</td>
                                <td>{r.year_to_date}</td>
                                <td>{r.projected}</td>
                                <td>{r.quota.map(|q| q.to_string()).unwrap_or_else(|| "—".into())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            <CsvButton file header=&["类别", "本期", "去年同期", "同比(%)", "本年累计", "全年预计", "年度指标"] rows=csv_rows/>
        </section>
    }
}
