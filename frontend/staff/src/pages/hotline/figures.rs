//! `/staff/hotline/figures?from=&to=&unit=`: the hotline's figures for a
//! date range (the county and each unit, every rate with its formula,
//! shared::hotline::figures), the bulletin (通报) and the hot spots.

use crate::route::Route;
use crate::sv_route::Sv;
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, show, HeaderCells};
use leptos::prelude::*;
use shared::api::HotlineRangeParams;
use shared::hotline::figures::{Bulletin, Counter, FigureRow, HotlineFigures};
use shared::hotline::hotspots::HotspotList;

/// The counters the table shows beside the rates (the CSV has them all).
const COUNTERS: [Counter; 6] =
    [Counter::received, Counter::dispatched, Counter::completed, Counter::answered, Counter::merged, Counter::returns_rejected];

fn percent(r: Option<f64>) -> String {
    r.map(|x| format!("{x:.1}%")).unwrap_or_else(|| "—".into())
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string()).filter(|s| !s.is_empty())
}

/// Rendered afresh for each URL.
#[component]
pub fn FiguresPage(from: String, to: String, unit: String) -> impl IntoView {
    set_title("热线运行统计");
    let query = HotlineRangeParams { from: some(&from), to: some(&to), unit: some(&unit) };
    let data = load::<shared::api::GetHotlineFigures>(&[], query.clone());
    let bulletin = load::<shared::api::GetBulletin>(&[], query.clone());
    let hotspots = load::<shared::api::ListHotspots>(&[], Default::default());
    let csv = frontend::api::url::<shared::api::ExportHotlineFigures>(&[], &query);
    view! {
        <RangeForm from to unit data/>
        {show(data, move |f| view! { <Figures f csv=csv.clone()/> })}
        <section class="panel" data-testid="bulletin">
            <h2>"通报：两次催办仍未答复的单位"</h2>
            {show(bulletin, |b| view! { <BulletinList b/> })}
        </section>
        <section class="panel" data-testid="hotspots">
            <h2>"热点诉求"</h2>
            {show(hotspots, |h| view! { <Hotspots h/> })}
        </section>
    }
}

/// The period and the unit, which go to the page's URL. Left empty, the
/// dates take the server's defaults, filled in once the figures say which.
#[component]
fn RangeForm(from: String, to: String, unit: String, data: frontend::widgets::Loaded<HotlineFigures>) -> impl IntoView {
    let router = use_router::<Route>();
    let units = load::<shared::api::ListUnits>(&[], Default::default());
    let (from_input, to_input, unit_input) = (RwSignal::new(from), RwSignal::new(to), RwSignal::new(unit));
    Effect::new(move || {
        if let Some(Ok(f)) = data.get() {
            if from_input.get_untracked().is_empty() {
                from_input.set(f.range.from.to_string());
            }
            if to_input.get_untracked().is_empty() {
                to_input.set(f.range.to.to_string());
            }
        }
    });
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        router.replace(Route::HotlineFigures {
            from: from_input.get_untracked(),
            to: to_input.get_untracked(),
            unit: unit_input.get_untracked(),
        });
    };
    let options = move || {
        units.get().and_then(Result::ok).map(|l| {
            l.units
                .into_iter()
                .map(|u| {
                    let id = u.id.to_string();
                    let selected = unit_input.get_untracked() == id;
                    let name = if u.active { u.form.name } else { format!("{}（已停用）", u.form.name) };
                    view! { <option value=id selected=selected>{name}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel no-print">
            <h1>"热线运行统计"</h1>
            <form class="period" on:submit=apply>
                <label for="hf-from">"起始日期"</label>
                <input id="hf-from" type="date" bind:value=from_input/>
                <label for="hf-to">"截止日期"</label>
                <input id="hf-to" type="date" bind:value=to_input/>
                <label for="hf-unit">"单位"</label>
                <select id="hf-unit" on:change=move |ev| unit_input.set(event_target_value(&ev))>
                    <option value="" selected=unit_input.get_untracked().is_empty()>"全县及各单位"</option>
                    {options}
                </select>
                <button type="submit" class="primary">"统计"</button>
            </form>
        </section>
    }
}

#[component]
fn Figures(f: HotlineFigures, csv: String) -> impl IntoView {
    let file = format!("热线运行统计-{}至{}.csv", f.range.from, f.range.to);
    let legend = f.rows.first().map(|r| r.rates.clone()).unwrap_or_default();
    let rate_names: Vec<String> = legend.iter().map(|r| r.name.clone()).collect();
    view! {
        <section class="panel" data-testid="hotline-figures">
            <h2>{format!("{}至{}", f.range.from.zh_full(), f.range.to.zh_full())}</h2>
            <p data-testid="summary">{f.summary}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="各单位办理情况">
                <table class="cases numbers">
                    <thead><tr>
                        <HeaderCells titles=&["单位"]/>
                        {COUNTERS.map(|c| view! { <th scope="col">{c.zh()}</th> }).into_iter().collect_view()}
                        {rate_names.into_iter().map(|n| view! { <th scope="col">{n}</th> }).collect_view()}
                        <HeaderCells titles=&["平均办理时长（小时）"]/>
                    </tr></thead>
                    <tbody>{f.rows.into_iter().map(|row| view! { <FigureLine row/> }).collect_view()}</tbody>
                </table>
            </div>
            <p class="no-print"><a href=csv download=file>"下载CSV（全部计数项）"</a></p>
            <h3>"计算公式"</h3>
            <dl class="pairs">
                {legend.into_iter().map(|r| view! { <dt>{r.name}</dt><dd>{r.formula}</dd> }).collect_view()}
                <dt>"平均办理时长"</dt><dd>{shared::hotline::figures::AVERAGE_HOURS_FORMULA}</dd>
            </dl>
            <p class="muted">"比率保留一位小数；分母为0时记“—”。"</p>
        </section>
    }
}

#[component]
fn FigureLine(row: FigureRow) -> impl IntoView {
    view! {
        <tr class:total=row.unit_id.is_none()>
            <th scope="row">{row.label.clone()}</th>
            {COUNTERS.map(|c| view! { <td>{row.tally.get(c)}</td> }).into_iter().collect_view()}
            {row.rates.iter().map(|r| view! { <td>{percent(r.value)}</td> }).collect_view()}
            <td>{row.average_hours.map(|h| format!("{h:.1}")).unwrap_or_else(|| "—".into())}</td>
        </tr>
    }
}

/// Ticket numbers, each a link to its ticket.
#[component]
fn TicketLinks(nos: Vec<String>) -> impl IntoView {
    if nos.is_empty() {
        return view! { <span>"—"</span> }.into_any();
    }
    let n = nos.len();
    nos.into_iter()
        .enumerate()
        .map(|(i, no)| view! { <Link to=Route::Ticket(no.clone())>{no}</Link>{(i + 1 < n).then_some("、")} })
        .collect_view()
        .into_any()
}

#[component]
fn BulletinList(b: Bulletin) -> impl IntoView {
    if b.entries.is_empty() {
        return view! { <p class="empty">{format!("{}至{}，没有经两次催办仍未答复的单位。", b.range.from.zh_full(), b.range.to.zh_full())}</p> }.into_any();
    }
    view! {
        <p>{format!("{}至{}，以下单位的工单经两次催办仍未答复，予以通报：", b.range.from.zh_full(), b.range.to.zh_full())}</p>
        <table class="cases">
            <thead><tr><HeaderCells titles=&["单位", "工单数", "工单"]/></tr></thead>
            <tbody>{b.entries.into_iter().map(|e| view! {
                <tr class="red">
                    <th scope="row">{e.unit_name}</th>
                    <td class="num">{e.tickets.len()}</td>
                    <td><TicketLinks nos=e.tickets/></td>
                </tr>
            }).collect_view()}</tbody>
        </table>
    }
    .into_any()
}

/// Taking a hot spot up as a supervision item (or, if it already is one,
/// going to that item: the registration page checks the origin).
fn hand_off(s: &shared::hotline::hotspots::Hotspot) -> Route {
    let origin = format!("hotspot:{}:{}", s.key.as_str(), s.label);
    let title = format!("“{}”诉求反复出现问题", s.label);
    Route::Supervision(Sv::hand_off("hotline_hotspot", origin, title, format!("{}：{}（{}件）", s.key.zh(), s.label, s.count)))
}

#[component]
fn Hotspots(h: HotspotList) -> impl IntoView {
    let intro = format!("近{}日内同类诉求或同一地点的诉求达到{}件的：", h.window_days, h.min_tickets);
    if h.items.is_empty() {
        return view! { <p class="empty">{format!("近{}日内没有达到{}件的同类或同一地点诉求。", h.window_days, h.min_tickets)}</p> }
            .into_any();
    }
    view! {
        <p>{intro}</p>
        <table class="cases">
            <thead><tr><HeaderCells titles=&["类型", "类别或地点", "件数", "未办结工单", "处理建议", "督查督办"]/></tr></thead>
            <tbody>{h.items.into_iter().map(|s| { let to = hand_off(&s); view! {
                <tr>
                    <td>{s.key.zh()}</td>
                    <th scope="row">{s.label}</th>
                    <td class="num">{s.count}</td>
                    <td><TicketLinks nos=s.open_tickets/></td>
                    <td class="suggestion">{s.suggestion}</td>
                    <td><Link to>"立为督查事项"</Link></td>
                </tr>
            }}).collect_view()}</tbody>
        </table>
    }
    .into_any()
}
