//! Annual quotas per meeting class and document level, and the annual
//! meeting plan: set by the office, visible to all.

use super::period::PeriodPicker;
use crate::app::Me;
use crate::route::{PeriodQuery, Route};
use frontend::router::{set_title, use_router};
use frontend::widgets::post_then;
use frontend::widgets::{load, show, ErrorRegion};
use leptos::prelude::*;
use shared::api::{self as ep, Empty, YearParams};
use shared::engine::date::Date;
use shared::error::ApiError;
use shared::streamline::{DocLevel, MeetingClass, QuotaEntry};
use shared::streamline::{NewPlanItem, RegisterKind};

/// Rendered afresh for each URL.
#[component]
pub fn QuotasPage(period: PeriodQuery) -> impl IntoView {
    set_title("指标与计划");
    let router = use_router::<Route>();
    let year: i32 = period.year.parse().unwrap_or_else(|_| Date::from_unix_ms_cst(js_sys::Date::now()).year());
    let year_query = || YearParams { year: Some(year.to_string()) };
    let quotas = load::<ep::GetQuotas>(&[], year_query());
    let plan = load::<ep::GetPlan>(&[], year_query());
    view! {
        <section class="panel">
            <h1>{format!("{year}年度会议、文件指标与会议计划")}</h1>
            <PeriodPicker current=period.clone() on_change=move |p| router.replace(Route::Quotas(p)) ahead=true/>
        </section>
        {show(quotas, move |q| view! { <Quotas year quotas=q.quotas/> })}
        {show(plan, move |p| view! { <Plan year plan=p.plan/> })}
        <Events/>
    }
}

/// The office's audit trail (office admin only).
#[component]
fn Events() -> impl IntoView {
    let me = expect_context::<Me>();
    view! {
        <Show when=move || me.get().is_some_and(|u| u.check_is_office().is_ok())>
            {
                let events = load::<ep::ListOfficeEvents>(&[], Empty {});
                view! {
                    <section class="panel">
                        <h2>"操作记录"</h2>
                        {show(events, |l| view! {
                            <table class="cases" data-testid="events">
                                <thead><tr><th scope="col">"时间"</th><th scope="col">"操作人"</th><th scope="col">"事项"</th><th scope="col">"内容"</th></tr></thead>
                                <tbody>{l.events.into_iter().map(|e| view! {
                                    <tr><td>{e.at.short()}</td><td>{e.staff}</td><td>{e.subject}</td><td>{e.detail}</td></tr>
                                }).collect_view()}</tbody>
                            </table>
                        })}
                    </section>
                }
            }
        </Show>
    }
}

#[component]
fn Quotas(year: i32, quotas: Vec<QuotaEntry>) -> impl IntoView {
    let me = expect_context::<Me>();
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(None::<String>);
    let categories: Vec<(RegisterKind, &'static str, &'static str)> = MeetingClass::ALL
        .iter()
        .map(|c| (RegisterKind::Meeting, c.as_str(), c.zh()))
        .chain(DocLevel::ALL.iter().map(|l| (RegisterKind::Document, l.as_str(), l.zh())))
        .collect();
    let rows = categories
        .into_iter()
        .map(|(kind, category, label)| {
            let current = quotas.iter().find(|q| q.kind == kind && q.category == category).map(|q| q.quota.to_string()).unwrap_or_default();
            let value = RwSignal::new(current);
            let id = format!("quota-{category}");
            let save = move |_| {
                let entry = QuotaEntry { year, kind, category: category.into(), quota: value.get_untracked().trim().parse().unwrap_or(u64::MAX) };
                let said = format!("已保存：{label} {}", entry.quota);
                post_then::<ep::SetQuota>(&[], entry, error, move |_| saved.set(Some(said)));
            };
            view! {
                <tr>
                    <th scope="row"><label for=id.clone()>{label}</label></th>
                    <td><input id=id type="number" min="0" bind:value=value disabled=move || me.get().is_none_or(|u| u.check_is_office().is_err())/></td>
                    <td><Show when=move || me.get().is_some_and(|u| u.check_is_office().is_ok())><button type="button" class="small" on:click=save>"保存"</button></Show></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel">
            <h2>"年度指标"</h2>
            <table class="cases"><tbody>{rows}</tbody></table>
            <div role="status">{move || saved.get()}</div>
            <ErrorRegion error=error/>
        </section>
    }
}

#[component]
fn Plan(year: i32, plan: Vec<shared::streamline::PlanItem>) -> impl IntoView {
    let me = expect_context::<Me>();
    let router = use_router::<Route>();
    let (title, month, class) = (RwSignal::new(String::new()), RwSignal::new(1u32), RwSignal::new(MeetingClass::Class2));
    let error = RwSignal::new(None::<ApiError>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = NewPlanItem { year, title: title.get_untracked(), class: class.get_untracked(), month: month.get_untracked() };
        post_then::<ep::AddPlanItem>(&[], body, error, move |_| {
            router.replace(Route::Quotas(PeriodQuery { year: year.to_string(), ..Default::default() }))
        });
    };
    view! {
        <section class="panel">
            <h2>"年度会议计划"</h2>
            <table class="cases">
                <thead><tr><th scope="col">"月份"</th><th scope="col">"会议"</th><th scope="col">"类别"</th></tr></thead>
                <tbody>{plan.into_iter().map(|p| view! { <tr><td>{format!("{}月", p.month)}</td><td>{p.title}</td><td>{p.class.zh()}</td></tr> }).collect_view()}</tbody>
            </table>
            <Show when=move || me.get().is_some_and(|u| u.check_is_office().is_ok())>
                <form class="grid-form no-print" on:submit=add>
                    <label for="p-title">"计划会议名称"</label>
                    <input id="p-title" bind:value=title/>
                    <label for="p-month">"计划月份"</label>
                    <select id="p-month" on:change=move |ev| month.set(event_target_value(&ev).parse().unwrap_or(1))>
                        {(1..=12).map(|m| view! { <option value=m.to_string()>{format!("{m}月")}</option> }).collect_view()}
                    </select>
                    <label for="p-class">"会议类别"</label>
                    <select id="p-class" on:change=move |ev| class.set(MeetingClass::parse(&event_target_value(&ev)).unwrap_or(MeetingClass::Class2))>
                        {MeetingClass::ALL.map(|c| view! { <option value=c.as_str() selected=c == MeetingClass::Class2>{c.zh()}</option> })}
                    </select>
                    <ErrorRegion error=error class="span"/>
                    <button type="submit" class="primary span">"加入计划"</button>
                </form>
            </Show>
        </section>
    }
}
