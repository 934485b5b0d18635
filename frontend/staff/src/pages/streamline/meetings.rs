//! The meeting register: meetings held in a period (the dashboard's
//! drill-down), and registering a meeting with its approval.

use super::period::PeriodPicker;
use crate::app::Me;
use crate::pages::pager::Pager;
use crate::route::{PageAt, PeriodQuery, Route};
use frontend::router::{set_title, use_router};
use frontend::widgets::post_then;
use frontend::widgets::{load, show, CsvButton, ErrorRegion, HeaderCells};
use leptos::prelude::*;
use shared::api::{self as ep, Empty, MeetingsQuery, PeriodParams, YearParams};
use shared::engine::date::Date;
use shared::error::ApiError;
use shared::streamline::{ApprovingBody, MeetingClass, MeetingForm, MeetingRecord};

/// Rendered afresh for each URL.
#[component]
pub fn MeetingsPage(period: PeriodQuery, class: String, at: PageAt) -> impl IntoView {
    set_title("会议登记");
    let router = use_router::<Route>();
    let PeriodParams { year, from, to } = period.params();
    let query = MeetingsQuery { year, from, to, class: Some(class.clone()).filter(|c| !c.is_empty()), after: at.after(), limit: None };
    let list = load::<ep::ListMeetings>(&[], query);
    let heading = MeetingClass::parse(&class).map(|c| c.zh()).unwrap_or("全部会议");
    let p = period.clone();
    let (list_period, list_class) = (period.clone(), class.clone());
    view! {
        <section class="panel">
            <h1>{format!("会议登记 · {heading}")}</h1>
            <PeriodPicker current=period.clone() on_change=move |np| router.replace(Route::Meetings(np, class.clone(), PageAt::default()))/>
        </section>
        <RegisterForm year=p.year.clone()/>
        {show(list, move |l| {
            let (period, class, at) = (list_period.clone(), list_class.clone(), at.clone());
            view! {
                <Meetings meetings=l.meetings total=l.page.total/>
                <Pager at page=l.page to=move |at| Route::Meetings(period.clone(), class.clone(), at)/>
            }
        })}
    }
}

#[component]
fn Meetings(meetings: Vec<MeetingRecord>, total: Option<u64>) -> impl IntoView {
    let rows: Vec<Vec<String>> = meetings
        .iter()
        .map(|m| {
            vec![
                m.date.to_string(),
                m.title.clone(),
                m.class.zh().into(),
                m.organiser.clone(),
                format!("{}（{}）", m.approved_by.zh(), m.approval_ref),
                m.plan_item.clone().unwrap_or_else(|| "计划外".into()),
            ]
        })
        .collect();
    const HEADER: &[&str] = &["日期", "会议名称", "类别", "主办单位", "批准", "年度计划"];
    let csv_rows = rows.clone();
    view! {
        <section class="panel">
            <h2>{format!("共 {} 次会议", total.unwrap_or(meetings.len() as u64))}</h2>
            <table class="cases" data-testid="meetings">
                <thead><tr><HeaderCells titles=HEADER/></tr></thead>
                <tbody>
                    {rows.into_iter().zip(&meetings).map(|(r, m)| view! {
                        <tr class:flagged=m.plan_item.is_none()>
                            {r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <CsvButton file="会议登记.csv".into() header=HEADER rows=csv_rows/>
        </section>
    }
}

/// Registering a meeting; the class rule is checked before sending and again
/// by the server.
#[component]
fn RegisterForm(year: String) -> impl IntoView {
    let me = expect_context::<Me>();
    let router = use_router::<Route>();
    let today = Date::from_unix_ms_cst(js_sys::Date::now());
    let departments = load::<ep::ListDepartments>(&[], Empty {});
    let form = RwSignal::new(MeetingForm {
        title: String::new(),
        organiser_department_id: 0,
        date: today,
        duration_minutes: 90,
        participants: String::new(),
        class: MeetingClass::Class2,
        approved_by: ApprovingBody::CountyHead,
        approval_date: today,
        approval_ref: String::new(),
        plan_item_id: None,
    });
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut f = form.get_untracked();
        if let Some(u) = me.get_untracked().filter(|u| u.check_is_office().is_err()) {
            f.organiser_department_id = u.department_id.unwrap_or(0);
        }
        if let Err(e) = f.validate() {
            error.set(Some(e));
            return;
        }
        post_then::<ep::RegisterMeeting>(&[], f, error, move |_| {
            done.set(true);
            router.replace(Route::Meetings(PeriodQuery::default(), String::new(), PageAt::default()));
        });
    };
    let text = |f: fn(&mut MeetingForm, String)| move |ev: leptos::ev::Event| form.update(|m| f(m, event_target_value(&ev)));
    let date = |f: fn(&mut MeetingForm, Date)| {
        move |ev: leptos::ev::Event| {
            if let Ok(d) = Date::parse(&event_target_value(&ev)) {
                form.update(|m| f(m, d));
            }
        }
    };
    let is_office = move || me.get().is_some_and(|u| u.check_is_office().is_ok());
    view! {
        <details class="panel no-print">
            <summary>"登记一次会议"</summary>
            <form class="grid-form" on:submit=submit>
                <label for="m-title">"会议名称"</label>
                <input id="m-title" on:input=text(|m, v| m.title = v)/>
                <Show when=is_office>
                    <label for="m-organiser">"主办单位"</label>
                    <select id="m-organiser" on:change=move |ev| form.update(|m| m.organiser_department_id = event_target_value(&ev).parse().unwrap_or(0))>
                        <option value="0">{frontend::county::county().office().to_string()}</option>
                        {move || departments.get().and_then(Result::ok).map(|l| l.departments.into_iter().map(|d| view! { <option value=d.id.to_string()>{d.name}</option> }).collect_view())}
                    </select>
                </Show>
                <label for="m-date">"会议日期"</label>
                <input id="m-date" type="date" value=today.to_string() on:change=date(|m, d| m.date = d)/>
                <label for="m-duration">"时长（分钟）"</label>
                <input id="m-duration" type="number" min="10" value="90" on:input=move |ev| form.update(|m| m.duration_minutes = event_target_value(&ev).parse().unwrap_or(0))/>
                <label for="m-participants">"参会范围"</label>
                <input id="m-participants" on:input=text(|m, v| m.participants = v)/>
                <Approval form today year/>
                <ErrorRegion error class="span"/>
                <ul class="field-errors span">
                    {move || error.get().map(|e| e.fields.into_iter().map(|f| view! { <li>{f.message}</li> }).collect_view())}
                </ul>
                <div class="span" role="status">{move || done.get().then_some(view! { <p class="ok">"已登记。"</p> })}</div>
                <button type="submit" class="primary span">"登记"</button>
            </form>
        </details>
    }
}

/// The meeting's class and its approval: who approved it, when, under
/// which reference, and the annual plan's item it carries out.
#[component]
fn Approval(form: RwSignal<MeetingForm>, today: Date, year: String) -> impl IntoView {
    let plan = load::<ep::GetPlan>(&[], YearParams { year: Some(year).filter(|y| !y.is_empty()) });
    let text = |f: fn(&mut MeetingForm, String)| move |ev: leptos::ev::Event| form.update(|m| f(m, event_target_value(&ev)));
    let date = |f: fn(&mut MeetingForm, Date)| {
        move |ev: leptos::ev::Event| {
            if let Ok(d) = Date::parse(&event_target_value(&ev)) {
                form.update(|m| f(m, d));
            }
        }
    };
    view! {
    <label for="m-class">"会议类别"</label>
    <select id="m-class" on:change=move |ev| form.update(|m| m.class = MeetingClass::parse(&event_target_value(&ev)).unwrap_or(MeetingClass::Class2))>
        {MeetingClass::ALL.map(|c| view! { <option value=c.as_str() selected=c == MeetingClass::Class2>{c.zh()}</option> })}
    </select>
    <label for="m-approved-by">"批准机构"</label>
    <select id="m-approved-by" on:change=move |ev| {
        let v = event_target_value(&ev);
        if let Some(b) = ApprovingBody::ALL.into_iter().find(|b| b.as_str() == v) { form.update(|m| m.approved_by = b) }
    }>
        {ApprovingBody::ALL.map(|b| view! { <option value=b.as_str() selected=b == ApprovingBody::CountyHead>{b.zh()}</option> })}
    </select>
    <label for="m-approval-date">"批准日期"</label>
    <input id="m-approval-date" type="date" value=today.to_string() on:change=date(|m, d| m.approval_date = d)/>
    <label for="m-ref">"批准文号或纪要编号"</label>
    <input id="m-ref" on:input=text(|m, v| m.approval_ref = v)/>
    <label for="m-plan">"年度会议计划"</label>
    <select id="m-plan" on:change=move |ev| form.update(|m| m.plan_item_id = event_target_value(&ev).parse().ok())>
        <option value="">"计划外"</option>
        {move || plan.get().and_then(Result::ok).map(|l| l.plan.into_iter().map(|p| view! {
            <option value=p.id.to_string()>{format!("{}月 {}（{}）", p.month, p.title, p.class.zh())}</option>
        }).collect_view())}
    </select>
    }
}
