//! The office's view across departments (电子监察): on-time completion rate
//! per department and every overdue case.

use crate::pages::pager::Pager;
use crate::route::{PageAt, Route};
use frontend::router::{set_title, Link};
use frontend::widgets::{load, show_page, CsvButton, HeaderCells};
use leptos::prelude::*;
use shared::api::PageQuery;
use shared::approvals::case::OfficeOverview;

/// Rendered afresh for each URL.
#[component]
pub fn OverviewPage(at: PageAt) -> impl IntoView {
    set_title("时限监察");
    let data = load::<shared::api::GetOverview>(&[], PageQuery { after: at.after(), limit: None });
    view! { {show_page(data, "时限监察".into(), move |o| view! { <Overview o at=at.clone()/> })} }
}

#[component]
fn Overview(o: OfficeOverview, at: PageAt) -> impl IntoView {
    const RATES: &[&str] = &["部门", "已办结", "按期办结", "按期办结率"];
    let rate_rows: Vec<Vec<String>> = o
        .rates
        .iter()
        .map(|r| {
            vec![
                r.department.clone(),
                r.completed.to_string(),
                r.on_time.to_string(),
                r.on_time_rate.map(|x| format!("{x:.1}%")).unwrap_or_else(|| "—".into()),
            ]
        })
        .collect();
    let page = o.page.clone();
    view! {
        <section class="panel">
            <h1>"时限监察"</h1>
            <h2>"各部门按期办结率"</h2>
            <table class="cases numbers" data-testid="rates">
                <thead><tr><HeaderCells titles=RATES/></tr></thead>
                <tbody>{rate_rows.clone().into_iter().map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }).collect_view()}</tbody>
            </table>
            <CsvButton file="按期办结率.csv".into() header=RATES rows=rate_rows/>
        </section>
        <section class="panel">
            <h2>"逾期未办结（红牌）"</h2>
            <table class="cases" data-testid="overdue">
                <thead><tr><HeaderCells titles=&["办件编号", "事项", "申请人", "办结期限", "逾期工作日"]/></tr></thead>
                <tbody>{o.overdue.into_iter().map(|c| view! {
                    <tr class="red">
                        <td><Link to=Route::Case(c.case_no.clone())>{c.case_no.clone()}</Link></td>
                        <td>{c.matter_name}</td><td>{c.applicant_name}</td>
                        <td>{c.deadline.map(|d| d.date().zh_full()).unwrap_or_default()}</td>
                        <td>{c.remaining_days.map(|n| (-n).to_string()).unwrap_or_default()}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
            <Pager at page to=Route::Overview/>
        </section>
    }
}
