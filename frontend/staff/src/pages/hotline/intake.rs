//! Taking a call (`/staff/hotline/new`): the office's hotline operator types
//! the five elements, how the call came, its type and urgency while the
//! caller speaks, with the knowledge base beside the form to read answers
//! from. The server's own rules (`IntakeForm::problems`) check the form
//! before it is sent; one Idempotency-Key serves every retry of it.

use super::lookup::KnowledgeSearch;
use crate::route::Route;
use frontend::api;
use frontend::router::{set_title, use_router};
use frontend::widgets::ErrorRegion;
use leptos::prelude::*;
use shared::api as ep;
use shared::error::{ApiError, ErrorCode, FieldError};
use shared::hotline::intake::{check, CallerForm, IntakeForm, MAX_COURSE_CHARS};
use shared::hotline::{Channel, Kind, Urgency};

#[component]
pub fn NewTicketPage() -> impl IntoView {
    set_title("话务登记");
    view! {
        <div class="hotline-desk">
            <IntakeDesk/>
            <aside class="panel lookup" aria-label="知识库">
                <h2>"知识库"</h2>
                <p class="muted">"通话中可查找答复口径，照答即可。"</p>
                <KnowledgeSearch id="intake-knowledge"/>
            </aside>
        </div>
    }
}

fn blank() -> IntakeForm {
    IntakeForm { caller: CallerForm::default(), channel: Channel::Phone, urgency: Urgency::Normal, city_ticket_no: String::new() }
}

/// The channels an operator registers (web messages and partners' posts
/// arrive by themselves).
const CHANNELS: [Channel; 4] = [Channel::Phone, Channel::City12345, Channel::MissedCall, Channel::Letter];

#[component]
fn IntakeDesk() -> impl IntoView {
    let router = use_router::<Route>();
    let form = RwSignal::new(blank());
    let key = RwSignal::new(frontend::api::new_key());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let message = RwSignal::new(None::<ApiError>);
    let sending = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = form.get_untracked();
        message.set(None);
        if let Err(e) = check(current.problems()) {
            errors.set(e.fields.clone());
            message.set(Some(e));
            return;
        }
        errors.set(Vec::new());
        sending.set(true);
        let k = key.get_untracked();
        leptos::task::spawn_local(async move {
            let result = api::post_keyed::<ep::IntakeTicket>(&[], &current, &k).await;
            sending.set(false);
            match result {
                Ok(receipt) => router.push(Route::Ticket(receipt.ticket_no)),
                Err(e) => {
                    errors.set(e.fields.clone());
                    if e.code == ErrorCode::IdempotencyMismatch {
                        // An earlier attempt with other contents was stored:
                        // the edited form becomes a new ticket.
                        key.set(frontend::api::new_key());
                        let again = "上次提交后表单有改动，将作为一张新工单登记：请核对后再点一次“登记工单”。";
                        message.set(Some(ApiError::new(e.code, again)));
                    } else {
                        message.set(Some(e));
                    }
                }
            }
        });
    };
    view! {
        <form class="panel stack-form" on:submit=submit novalidate data-testid="intake">
            <h1>"话务登记"</h1>
            <HowItCame form errors/>
            <Caller form errors/>
            <Matter form errors/>
            <ErrorRegion error=message/>
            <button type="submit" class="primary" disabled=move || sending.get()>
                {move || if sending.get() { "正在登记…" } else { "登记工单" }}
            </button>
        </form>
    }
}

/// Channel, the city's number for its forwards, type, urgency, and the
/// caller's wish for confidentiality.
#[component]
fn HowItCame(form: RwSignal<IntakeForm>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let city = move || form.with(|f| f.channel == Channel::City12345);
    view! {
        <div class="row">
            <Field field="channel" label="来源渠道" errors>
                <select id="intake-channel" on:change=move |ev| {
                    if let Some(c) = Channel::parse(&event_target_value(&ev)) {
                        // Only the city's forwards carry its number.
                        form.update(|f| { f.channel = c; if c != Channel::City12345 { f.city_ticket_no.clear() } })
                    }
                }>
                    {CHANNELS.map(|c| view! { <option value=c.as_str() selected=c == Channel::Phone>{c.zh()}</option> })}
                </select>
            </Field>
            <Show when=city>
                <Line field="city_ticket_no" label="市级工单编号" form errors get=|f| &f.city_ticket_no set=|f, v| f.city_ticket_no = v/>
            </Show>
            <Field field="kind" label="诉求类型" errors>
                <select id="intake-kind" aria-describedby="intake-kind-error" aria-invalid=move || has_problem(errors, "kind").to_string()
                    on:change=move |ev| {
                        let k = Kind::parse(&event_target_value(&ev));
                        form.update(|f| f.caller.kind = k)
                    }>
                    <option value="" selected>"请选择"</option>
                    {Kind::ALL.map(|k| view! { <option value=k.as_str()>{k.zh()}</option> })}
                </select>
            </Field>
            <Field field="urgency" label="紧急程度" errors>
                <select id="intake-urgency" on:change=move |ev| {
                    if let Some(u) = Urgency::parse(&event_target_value(&ev)) { form.update(|f| f.urgency = u) }
                }>
                    {Urgency::ALL.map(|u| view! { <option value=u.as_str() selected=u == Urgency::Normal>{u.zh()}</option> })}
                </select>
            </Field>
        </div>
        <label class="choice">
            <input type="checkbox" prop:checked=move || form.with(|f| f.caller.confidential)
                on:change=move |ev| form.update(|f| f.caller.confidential = event_target_checked(&ev))/>
            "来电人要求对姓名和联系方式保密"
        </label>
    }
}

/// Who called and how to reach them.
#[component]
fn Caller(form: RwSignal<IntakeForm>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    view! {
        <fieldset>
            <legend>"来电人"</legend>
            <div class="row">
                <Line field="caller_name" label="姓名（可只写姓氏，如“王先生”）" form errors
                    get=|f| &f.caller.caller_name set=|f, v| f.caller.caller_name = v/>
                <Line field="caller_phone" label="联系电话" kind="tel" form errors
                    get=|f| &f.caller.caller_phone set=|f, v| f.caller.caller_phone = v/>
            </div>
        </fieldset>
    }
}

/// Where, when, the point, and what happened.
#[component]
fn Matter(form: RwSignal<IntakeForm>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let count = move || form.with(|f| format!("{}/{MAX_COURSE_CHARS}字", f.caller.course.chars().count()));
    view! {
        <fieldset>
            <legend>"诉求（五要素）"</legend>
            <div class="row">
                <Line field="occurred" label="事发时间" hint="如：11月25日晚上" form errors
                    get=|f| &f.caller.occurred set=|f, v| f.caller.occurred = v/>
                <Line field="address" label="事发地点" form errors get=|f| &f.caller.address set=|f, v| f.caller.address = v/>
            </div>
            <Line field="cause" label="诉求事由（一句话）" form errors get=|f| &f.caller.cause set=|f, v| f.caller.cause = v/>
            <Field field="course" label="事情经过及诉求" errors>
                <textarea id="intake-course" rows="8" aria-describedby="intake-course-error"
                    aria-invalid=move || has_problem(errors, "course").to_string()
                    prop:value=move || form.with(|f| f.caller.course.clone())
                    on:input=move |ev| form.update(|f| f.caller.course = event_target_value(&ev))></textarea>
                <span class="muted">{count}</span>
            </Field>
        </fieldset>
    }
}

/// Whether the rules found a problem in `field`.
fn has_problem(errors: RwSignal<Vec<FieldError>>, field: &str) -> bool {
    errors.with(|e| e.iter().any(|x| x.field == field))
}

/// One labelled control (`intake-{field}`) with the problems the rules
/// found in its field beside it.
#[component]
fn Field(field: &'static str, label: &'static str, errors: RwSignal<Vec<FieldError>>, children: Children) -> impl IntoView {
    let message = move || errors.with(|e| e.iter().filter(|x| x.field == field).map(|x| x.message.as_str()).collect::<Vec<_>>().join("；"));
    view! {
        <div class="field">
            <label for=format!("intake-{field}")>{label}</label>
            {children()}
            <p class="field-error" id=format!("intake-{field}-error")>{message}</p>
        </div>
    }
}

/// A text input bound to one field of the form.
#[component]
fn Line(
    field: &'static str,
    label: &'static str,
    form: RwSignal<IntakeForm>,
    errors: RwSignal<Vec<FieldError>>,
    get: fn(&IntakeForm) -> &String,
    set: fn(&mut IntakeForm, String),
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "")] hint: &'static str,
) -> impl IntoView {
    view! {
        <Field field label errors>
            <input id=format!("intake-{field}") type=kind placeholder=hint autocomplete="off"
                aria-describedby=format!("intake-{field}-error") aria-invalid=move || has_problem(errors, field).to_string()
                prop:value=move || form.with(|f| get(f).clone()) on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))/>
        </Field>
    }
}
