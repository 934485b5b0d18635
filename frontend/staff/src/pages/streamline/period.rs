//! Choosing a period: a year and a range of months.

use crate::route::PeriodQuery;
use leptos::prelude::*;
use shared::engine::date::Date;
use shared::streamline::quota::years_offered;

/// `ahead`: offer next year too (quotas are set before the year begins).
#[component]
pub fn PeriodPicker(
    current: PeriodQuery,
    on_change: impl Fn(PeriodQuery) + Clone + 'static,
    #[prop(optional)] ahead: bool,
) -> impl IntoView {
    let today = Date::from_unix_ms_cst(js_sys::Date::now());
    let years = years_offered(today);
    let last = *years.end() + ahead as i32;
    let years: Vec<String> = (*years.start()..=last).map(|y| y.to_string()).collect();
    let (year, from, to) = (RwSignal::new(current.year.clone()), RwSignal::new(current.from.clone()), RwSignal::new(current.to.clone()));
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_change(PeriodQuery { year: year.get_untracked(), from: from.get_untracked(), to: to.get_untracked() });
    };
    let months = |selected: String| {
        (1..=12)
            .map(|m| {
                let v = m.to_string();
                let is = v == selected;
                view! { <option value=v.clone() selected=is>{format!("{m}月")}</option> }
            })
            .collect_view()
    };
    view! {
        <form class="period no-print" on:submit=apply>
            <label for="year">"年度"</label>
            <select id="year" on:change=move |ev| year.set(event_target_value(&ev))>
                <option value="" selected=current.year.is_empty()>"今年"</option>
                {years.into_iter().map(|y| view! { <option value=y.clone() selected=current.year == y>{format!("{y}年")}</option> }).collect_view()}
            </select>
            <label for="from">"起始月"</label>
            <select id="from" on:change=move |ev| from.set(event_target_value(&ev))>
                <option value="" selected=current.from.is_empty()>"1月"</option>
                {months(current.from.clone())}
            </select>
            <label for="to">"截止月"</label>
            <select id="to" on:change=move |ev| to.set(event_target_value(&ev))>
                <option value="" selected=current.to.is_empty()>"至今"</option>
                {months(current.to.clone())}
            </select>
            <button type="submit" class="primary">"查看"</button>
        </form>
    }
}
