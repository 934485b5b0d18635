//! Small SVG charts drawn by the app itself (no chart library): monthly bars
//! this year against last, and the cumulative count against the quota with
//! the year-end projection.

use leptos::prelude::*;
use shared::streamline::quota::MonthlySeries;

const W: f64 = 360.0;
const H: f64 = 170.0;
const LEFT: f64 = 28.0;
const BOTTOM: f64 = 20.0;
const TOP: f64 = 12.0;

fn y(value: f64, max: f64) -> f64 {
    H - BOTTOM - (value / max) * (H - BOTTOM - TOP)
}

fn x_month(m: usize) -> f64 {
    LEFT + (m as f64 + 0.5) * (W - LEFT) / 12.0
}

#[component]
fn Axes(max: f64) -> impl IntoView {
    let labels = (0..12)
        .map(|m| view! { <text x=format!("{:.1}", x_month(m)) y=format!("{}", H - 5.0) text-anchor="middle" class="tick">{(m + 1).to_string()}</text> })
        .collect_view();
    view! {
        <line x1=LEFT.to_string() y1=format!("{}", H - BOTTOM) x2=W.to_string() y2=format!("{}", H - BOTTOM) class="axis"/>
        <text x="2" y=format!("{}", TOP + 4.0) class="tick">{format!("{max:.0}")}</text>
        <text x="2" y=format!("{}", H - BOTTOM) class="tick">"0"</text>
        {labels}
    }
}

/// Bars per month: last year (grey) beside this year (red).
#[component]
pub fn MonthlyBars(series: MonthlySeries) -> impl IntoView {
    let max = series.this_year.iter().chain(&series.last_year).copied().max().unwrap_or(0).max(1) as f64;
    let band = (W - LEFT) / 12.0;
    let bar = band * 0.35;
    let label = format!(
        "{}按月数量：今年{}，去年{}",
        series.label,
        series.this_year.iter().map(u64::to_string).collect::<Vec<_>>().join("、"),
        series.last_year.iter().map(u64::to_string).collect::<Vec<_>>().join("、")
    );
    let bars = (0..12)
        .map(|m| {
            let (last, this) = (series.last_year[m] as f64, series.this_year[m] as f64);
            let x0 = LEFT + m as f64 * band + band * 0.12;
            view! {
                <rect x=format!("{x0:.1}") y=format!("{:.1}", y(last, max)) width=format!("{bar:.1}") height=format!("{:.1}", H - BOTTOM - y(last, max)) class="bar-last"/>
                <rect x=format!("{:.1}", x0 + bar) y=format!("{:.1}", y(this, max)) width=format!("{bar:.1}") height=format!("{:.1}", H - BOTTOM - y(this, max)) class="bar-this"/>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {W} {H}") role="img" aria-label=label>
            <Axes max/>
            {bars}
        </svg>
    }
}

/// Cumulative count this year (red) and last year (grey), the quota (dashed
/// line) and the projection to year end (dotted) from `through` months.
#[component]
pub fn Cumulative(series: MonthlySeries, through: usize, projected: u64) -> impl IntoView {
    let running = |v: &[u64]| {
        v.iter()
            .scan(0u64, |acc, n| {
                *acc += n;
                Some(*acc)
            })
            .collect::<Vec<u64>>()
    };
    let this: Vec<u64> = running(&series.this_year).into_iter().take(through.max(1)).collect();
    let last = running(&series.last_year);
    let quota = series.quota.unwrap_or(0);
    let max = [projected, quota, *last.last().unwrap_or(&0), *this.last().unwrap_or(&0)].into_iter().max().unwrap_or(1).max(1) as f64 * 1.1;
    let path =
        |v: &[u64]| v.iter().enumerate().map(|(m, n)| format!("{:.1},{:.1}", x_month(m), y(*n as f64, max))).collect::<Vec<_>>().join(" ");
    let end = this.len() - 1;
    let label = format!(
        "{}累计：今年至{}月{}，全年预计{}{}",
        series.label,
        this.len(),
        this.last().copied().unwrap_or(0),
        projected,
        series.quota.map(|q| format!("，年度指标{q}")).unwrap_or_default()
    );
    view! {
        <svg class="chart" viewBox=format!("0 0 {W} {H}") role="img" aria-label=label>
            <Axes max/>
            {series.quota.map(|q| view! {
                <line x1=LEFT.to_string() x2=W.to_string() y1=format!("{:.1}", y(q as f64, max)) y2=format!("{:.1}", y(q as f64, max)) class="quota-line"/>
                <text x=format!("{}", W - 4.0) y=format!("{:.1}", y(q as f64, max) - 3.0) text-anchor="end" class="tick">{format!("指标 {q}")}</text>
            })}
            <polyline points=path(&last) class="line-last"/>
            <polyline points=path(&this) class="line-this"/>
            <line x1=format!("{:.1}", x_month(end)) y1=format!("{:.1}", y(this[end] as f64, max)) x2=format!("{:.1}", x_month(11)) y2=format!("{:.1}", y(projected as f64, max)) class="projection"/>
        </svg>
    }
}
