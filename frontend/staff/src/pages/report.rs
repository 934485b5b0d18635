//! `/staff/report?from=&to=`: the office's report for a period, written
//! from live data (shared::report). Every figure is a link to the records
//! it counts; a blank the system does not record is listed as such. The
//! print view is the report on A4 (the browser's print saves it as PDF).

use super::complaints::form_values;
use crate::doc_route::Dr;
use crate::info_route::Info;
use crate::route::{PageAt, PeriodQuery, Route};
use crate::sv_route::Sv;
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, show};
use leptos::prelude::*;
use shared::api::{GetReport, RangeParams};
use shared::prose::{Prose, Records};
use shared::report::{Report, Section};

fn some(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

#[component]
pub fn ReportPage(from: String, to: String) -> impl IntoView {
    set_title("工作报告");
    let router = use_router::<Route>();
    let data = load::<GetReport>(&[], RangeParams { from: some(&from), to: some(&to) });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let get = form_values(&ev);
        router.push(Route::Report { from: get("from"), to: get("to") });
    };
    view! {
        <section class="panel no-print">
            <h1>"工作报告"</h1>
            <p class="muted">"各项数字均取自系统实时数据，点击数字可查看其记录；系统不记录的内容单独列出，由办公室人工填写。"</p>
            <form class="search" on:submit=submit>
                <label for="rp-from">"自"</label>
                <input id="rp-from" name="from" type="date" value=from/>
                <label for="rp-to">"至"</label>
                <input id="rp-to" name="to" type="date" value=to/>
                <button type="submit">"生成"</button>
                <button type="button" class="primary inline" on:click=|_| { let _ = window().print(); }>"打印 / 存为PDF"</button>
            </form>
        </section>
        {show(data, |r| view! { <ReportView r/> })}
    }
}

#[component]
fn ReportView(r: Report) -> impl IntoView {
    let links = Links::of(&r);
    view! {
        <article class="panel report" data-testid="report">
            <h1 class="report-title">{r.title}</h1>
            {r.sections.into_iter().map(|s| view! { <SectionView s links=links.clone()/> }).collect_view()}
        </article>
    }
}

#[component]
fn SectionView(s: Section, links: Links) -> impl IntoView {
    let not_recorded = (!s.not_recorded.is_empty()).then(|| {
        view! { <p class="muted no-print">{format!("系统不记录、需人工填写：{}", s.not_recorded.join("；"))}</p> }
    });
    view! {
        <section data-testid=format!("report-{}", s.work.as_str())>
            <h2>{s.heading}</h2>
            {s.paragraphs.into_iter().map(|p| view! { <p class="report-paragraph">{pieces(p, &links)}</p> }).collect_view()}
            {not_recorded}
        </section>
    }
}

/// The paragraph's words, and each figure as a link to its records.
fn pieces(p: Prose, links: &Links) -> impl IntoView {
    p.0.into_iter()
        .map(|piece| {
            let Some(records) = piece.records else { return piece.text.into_any() };
            let class = format!("figure records-{}", records.as_str());
            match links.route(records) {
                Some(to) => view! { <Link to class>{piece.text}</Link> }.into_any(),
                // The published catalogue is the public app's first page.
                None => view! { <a href="/" class=class>{piece.text}</a> }.into_any(),
            }
        })
        .collect_view()
}

/// Where each kind of record is listed, for the report's period.
#[derive(Clone)]
struct Links {
    from: String,
    to: String,
    months: PeriodQuery,
}

impl Links {
    fn of(r: &Report) -> Links {
        let p = r.streamline_period;
        let months = PeriodQuery { year: p.year.to_string(), from: p.from_month.to_string(), to: p.to_month.to_string() };
        Links { from: r.range.from.to_string(), to: r.range.to.to_string(), months }
    }

    /// The staff page listing `records`; `None` for the public catalogue.
    fn route(&self, records: Records) -> Option<Route> {
        let (from, to) = (self.from.clone(), self.to.clone());
        Some(match records {
            Records::CentreStatistics => Route::Statistics { from, to },
            Records::Units => Route::Units,
            Records::Catalogue => return None,
            Records::HotlineFigures => Route::HotlineFigures { from, to, unit: String::new() },
            Records::HotlineTickets => Route::Tickets { view: "all".into(), state: String::new(), q: String::new(), at: PageAt::default() },
            Records::Meetings => Route::Meetings(self.months.clone(), String::new(), PageAt::default()),
            Records::Documents => Route::Documents(self.months.clone(), String::new(), PageAt::default()),
            Records::StreamlineDashboard => Route::Dashboard(self.months.clone()),
            Records::SupervisionDashboard => Route::Supervision(Sv::Dashboard { from, to }),
            Records::SupervisionItems => Route::Supervision(Sv::items()),
            Records::SupervisionPublications => Route::Supervision(Sv::Publications),
            Records::ComplaintFigures => Route::ComplaintFigures { from, to },
            Records::Complaints => Route::Complaints { view: "all".into(), state: String::new(), q: String::new(), at: PageAt::default() },
            Records::TransmitFigures => Route::Transmit(Dr::Figures { from, to }),
            Records::TransmitDocuments => Route::Transmit(Dr::list()),
            Records::InfoIssues => Route::Information(Info::Issues),
            Records::InfoItems => Route::Information(Info::items()),
            Records::InfoResearch => Route::Information(Info::Research),
        })
    }
}
