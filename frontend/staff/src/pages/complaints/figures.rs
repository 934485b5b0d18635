//! `/staff/complaints/figures?from=&to=`: the complaints' figures for a
//! date range (the county, then each unit: what it handled and what it was
//! complained about), every rate with its formula, the report's sentence
//! and the CSV (shared::complaints::figures).

use super::form_values;
use crate::route::Route;
use frontend::router::{set_title, use_router};
use frontend::widgets::{load, show, HeaderCells};
use leptos::prelude::*;
use shared::api::complaints::{ComplaintRangeParams, ExportComplaintFigures, GetComplaintFigures};
use shared::complaints::figures::{ComplaintFigures, Counter};

/// The counters the table shows beside the rates (the CSV has them all).
const COUNTERS: [Counter; 8] = [
    Counter::received,
    Counter::consultations,
    Counter::answered,
    Counter::accepted,
    Counter::assigned,
    Counter::concluded,
    Counter::concluded_on_time,
    Counter::upheld,
];

fn some(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

#[component]
pub fn ComplaintFiguresPage(from: String, to: String) -> impl IntoView {
    set_title("效能投诉统计");
    let router = use_router::<Route>();
    let query = ComplaintRangeParams { from: some(&from), to: some(&to) };
    let data = load::<GetComplaintFigures>(&[], query.clone());
    let csv = frontend::api::url::<ExportComplaintFigures>(&[], &query);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let get = form_values(&ev);
        router.push(Route::ComplaintFigures { from: get("from"), to: get("to") });
    };
    view! {
        <section class="panel no-print">
            <h1>"效能投诉统计"</h1>
            <form class="search" on:submit=submit>
                <label for="cf-from">"自"</label>
                <input id="cf-from" name="from" type="date" value=from/>
                <label for="cf-to">"至"</label>
                <input id="cf-to" name="to" type="date" value=to/>
                <button type="submit">"统计"</button>
            </form>
        </section>
        {show(data, move |f| view! { <Figures f csv=csv.clone()/> })}
    }
}

#[component]
fn Figures(f: ComplaintFigures, csv: String) -> impl IntoView {
    let rates: Vec<String> = f.rows.first().map(|r| r.rates.iter().map(|x| x.name.clone()).collect()).unwrap_or_default();
    let formulas: Vec<String> =
        f.rows.first().map(|r| r.rates.iter().map(|x| format!("{}＝{}", x.name, x.formula)).collect()).unwrap_or_default();
    let counters: &'static [&'static str] = &["单位", "收件", "咨询", "咨询已答复", "受理", "交办转办", "办结", "按时办结", "属实"];
    view! {
        <section class="panel" data-testid="complaint-figures">
            <p class="summary" data-testid="complaint-summary-sentence">{f.summary}</p>
            <p><a href=csv download="complaints.csv">"下载CSV"</a></p>
            <div class="table-scroll">
                <table class="cases">
                    <thead><tr><HeaderCells titles=counters/>{rates.into_iter().map(|r| view! { <th scope="col">{r}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {f.rows.into_iter().map(|row| view! {
                            <tr>
                                <th scope="row">{row.label}</th>
                                {COUNTERS.map(|c| view! { <td>{row.tally.get(c)}</td> })}
                                {row.rates.into_iter().map(|r| view! { <td>{r.value.map(|x| format!("{x:.1}%")).unwrap_or_else(|| "—".into())}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <ul class="muted">{formulas.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </section>
    }
}
