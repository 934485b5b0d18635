//! `/staff/transmit/figures?from=&to=`: documents sent by level, the
//! sign-for rate and the average and median time to sign for (from the
//! maintained histogram), returns, recalls and late sign-fors by unit, the
//! report's sentence and the CSV (shared::documents::figures); and the
//! office's sign-for limits of urgent documents.

use crate::doc_route::Dr;
use crate::route::Route;
use frontend::router::{set_title, use_router};
use frontend::widgets::{load, post_then, show, ErrorRegion, HeaderCells};
use leptos::prelude::*;
use shared::api::documents::{ExportDocFigures, GetDocFigures, GetSignLimits, SaveSignLimits};
use shared::api::{Empty, HotlineRangeParams};
use shared::documents::figures::{Counter, DocFigures};
use shared::documents::forms::SignLimits;

const COUNTERS: [Counter; 10] = [
    Counter::sent,
    Counter::sent_county_government,
    Counter::sent_county_office,
    Counter::delivered,
    Counter::signed,
    Counter::signed_late,
    Counter::returned,
    Counter::recalled,
    Counter::chased,
    Counter::circulated,
];

#[component]
pub fn DocFiguresPage(from: String, to: String) -> impl IntoView {
    set_title("公文传输统计");
    let router = use_router::<Route>();
    let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let query = HotlineRangeParams { from: some(&from), to: some(&to), unit: None };
    let data = load::<GetDocFigures>(&[], query.clone());
    let csv = frontend::api::url::<ExportDocFigures>(&[], &query);
    let (f, t) = (RwSignal::new(from.clone()), RwSignal::new(to.clone()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        router.push(Route::Transmit(Dr::Figures { from: f.get_untracked(), to: t.get_untracked() }));
    };
    view! {
        <section class="panel no-print">
            <h1>"公文传输统计"</h1>
            <form class="search" on:submit=submit>
                <label for="df-from">"自"</label>
                <input id="df-from" type="date" value=from on:input=move |ev| f.set(event_target_value(&ev))/>
                <label for="df-to">"至"</label>
                <input id="df-to" type="date" value=to on:input=move |ev| t.set(event_target_value(&ev))/>
                <button type="submit">"统计"</button>
            </form>
        </section>
        {show(data, move |f| view! { <Table f csv=csv.clone()/> })}
        <Limits/>
    }
}

/// The sign-for limits: 特急 in working hours, 加急 in working days.
#[component]
fn Limits() -> impl IntoView {
    let data = load::<GetSignLimits>(&[], Empty {});
    let error = RwSignal::new(None);
    let saved = RwSignal::new(false);
    view! {
        <section class="panel no-print" data-testid="sign-limits">
            <h2>"紧急公文签收时限"</h2>
            {show(data, move |l: SignLimits| {
                let (hours, days) = (RwSignal::new(l.extra_urgent_hours.to_string()), RwSignal::new(l.urgent_days.to_string()));
                let submit = move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    saved.set(false);
                    let body = SignLimits { extra_urgent_hours: hours.get_untracked().parse().unwrap_or(0), urgent_days: days.get_untracked().parse().unwrap_or(0) };
                    post_then::<SaveSignLimits>(&[], body, error, move |_| saved.set(true));
                };
                view! {
                    <form class="search" on:submit=submit>
                        <label for="lim-hours">"特急（工作小时）"</label>
                        <input id="lim-hours" type="number" min="1" max="40" value=hours.get_untracked() on:input=move |ev| hours.set(event_target_value(&ev))/>
                        <label for="lim-days">"加急（工作日）"</label>
                        <input id="lim-days" type="number" min="1" max="10" value=days.get_untracked() on:input=move |ev| days.set(event_target_value(&ev))/>
                        <button type="submit">"保存"</button>
                    </form>
                }
            })}
            <ErrorRegion error/>
            <p role="status">{move || saved.get().then_some("已保存，新发送的紧急公文按此时限。")}</p>
        </section>
    }
}

#[component]
fn Table(f: DocFigures, csv: String) -> impl IntoView {
    let rates: Vec<String> = f.rows.first().map(|r| r.rates.iter().map(|x| x.name.clone()).collect()).unwrap_or_default();
    let formulas: Vec<String> =
        f.rows.first().map(|r| r.rates.iter().map(|x| format!("{}＝{}", x.name, x.formula)).collect()).unwrap_or_default();
    let heads: &'static [&'static str] = &[
        "单位",
        "发文",
        "县政府文件",
        "县府办文件",
        "送达份数",
        "签收",
        "超时签收",
        "退文",
        "撤回",
        "催收",
        "内部传阅",
        "平均签收时长",
        "中位签收时长",
        "传阅平均阅毕用时",
    ];
    view! {
        <section class="panel" data-testid="doc-figures">
            <p class="summary" data-testid="doc-summary-sentence">{f.summary}</p>
            <p><a href=csv download="documents.csv">"下载CSV"</a></p>
            <div class="table-scroll">
                <table class="cases">
                    <thead><tr><HeaderCells titles=heads/>{rates.into_iter().map(|r| view! { <th scope="col">{r}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {f.rows.into_iter().map(|row| view! {
                            <tr>
                                <th scope="row">{row.label}</th>
                                {COUNTERS.map(|c| view! { <td>{row.tally.get(c)}</td> })}
                                <td>{row.average}</td>
                                <td>{row.median}</td>
                                <td>{row.circulation_average}</td>
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
