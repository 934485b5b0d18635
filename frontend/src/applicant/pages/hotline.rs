//! 县长公开电话 · 我要留言 (DOMAIN.md §3), phone first and without an
//! account: the caller's form, checked with the server's own rules
//! (`CallerForm::problems`) before it is sent, posted under one
//! Idempotency-Key kept for every retry of the same message (a double tap or
//! a retry after a lost answer names the same ticket), then the receipt.
//!
//! The form is uncontrolled: the browser keeps what is typed, read once on
//! submit, and each field's message is written beside it, so the page holds
//! no signal per field (every reactive piece costs the phone bytes).

use super::public_form::{focus_later, form_values, on_field_input, ready, refused, Submit};
use crate::route::Route;
use frontend::api::{self, encode};
use frontend::router::{set_title, Link};
use frontend::widgets::ErrorRegion;
use leptos::either::Either;
use leptos::prelude::*;
use shared::admin::settings::PublicSettings;
use shared::api::SubmitTicket;
use shared::error::ApiError;
use shared::hotline::intake::{CallerForm, TicketReceipt, MAX_COURSE_CHARS, MAX_NAME_CHARS, MAX_OCCURRED_CHARS};
use shared::hotline::Kind;

/// The form's fields in the order shown; each has a control (or group) with
/// that id and a message `<id>-error`.
const FIELDS: [&str; 7] = ["kind", "caller_name", "caller_phone", "address", "occurred", "cause", "course"];

/// The county's hotline number as a tap-to-call link, if it has one.
pub(super) fn hotline_phone() -> Option<impl IntoView> {
    let phone = frontend::county::county().hotline_phone;
    let href = format!("tel:{}", PublicSettings::dial(&phone));
    (!phone.is_empty()).then(|| view! { <p>"也可拨打县长公开电话："<a href=href>{phone}</a></p> })
}

#[component]
pub fn HotlinePage() -> impl IntoView {
    let receipt = RwSignal::new(None::<TicketReceipt>);
    move || match receipt.get() {
        Some(r) => Either::Left(view! { <Receipt r receipt/> }),
        None => Either::Right(view! { <MessageForm receipt/> }),
    }
}

/// Typing in a field takes its message away; the long text shows its count.
fn on_input(ev: leptos::ev::Event) {
    if on_field_input(&ev, &FIELDS).as_deref() == Some("course") {
        let n = event_target_value(&ev).chars().count();
        if let Some(p) = document().get_element_by_id("course-count") {
            p.set_text_content(Some(&format!("已输入{n}字，最多{MAX_COURSE_CHARS}字")));
            p.set_class_name(if n > MAX_COURSE_CHARS { "muted count-over" } else { "muted" });
        }
    }
}

#[component]
fn MessageForm(receipt: RwSignal<Option<TicketReceipt>>) -> impl IntoView {
    set_title("县长公开电话 · 我要留言");
    let message = RwSignal::new(None::<ApiError>);
    let sending = RwSignal::new(false);
    let key = StoredValue::new(frontend::api::new_key());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let get = form_values(&ev);
        let body = CallerForm {
            kind: Kind::parse(&get("kind")),
            caller_name: get("caller_name"),
            caller_phone: get("caller_phone"),
            address: get("address"),
            occurred: get("occurred"),
            cause: get("cause"),
            course: get("course"),
            confidential: !get("confidential").is_empty(),
        };
        if !ready(&FIELDS, &body.problems(), message, sending) {
            return;
        }
        leptos::task::spawn_local(async move {
            let key_now = key.get_value();
            let result = api::post_keyed::<SubmitTicket>(&[], &body, &key_now).await;
            sending.set(false);
            match result {
                Ok(r) => receipt.set(Some(r)),
                Err(e) => refused(e, &FIELDS, key, message, "您修改了留言内容，将作为一条新留言提交，请再次点击“提交留言”。"),
            }
        });
    };
    view! {
        <section class="panel">
            <h1>"县长公开电话 · 我要留言"</h1>
            <p>"反映问题、提出建议或咨询政策，无需注册。留言后请保存工单编号和查询码，凭此查看办理进度和答复。"</p>
            <p class="muted">"紧急情况请直接拨打110、119、120。"</p>
            {hotline_phone()}
            <p><Link to=Route::HotlineTrack>"已留言？查询办理进度"</Link></p>
        </section>
        <form class="panel" on:submit=submit on:input=on_input novalidate>
            <fieldset id="kind" role="radiogroup" class="levels" aria-labelledby="kind-legend" aria-describedby="kind-error">
                <legend id="kind-legend">"诉求类型"</legend>
                {Kind::ALL.into_iter().map(|k| view! {
                    <label class="choice"><input type="radio" name="kind" value=k.as_str()/>{k.zh()}</label>
                }).collect_view()}
            </fieldset>
            <p class="field-error" id="kind-error"></p>
            <CallerFields/>
            <div class="field">
                <label class="choice">
                    <input type="checkbox" name="confidential" aria-describedby="confidential-hint"/>"请求对姓名和联系方式保密"
                </label>
                <p class="muted" id="confidential-hint">"勾选后，办理过程中将对您的姓名和联系方式予以保密。"</p>
            </div>
            <p class="notice">
                "个人信息说明：我们收集您的姓名、联系电话和事发地点，仅用于办理、答复本条留言和回访，不对外公开；"
                "转交承办单位办理时，姓名和电话将部分隐去显示（如138****5678）。"
            </p>
            <ErrorRegion error=message/>
            <Submit busy=sending label="提交留言"/>
        </form>
    }
}

/// The caller's fields, each with its hint and the place of its message.
/// Plain markup, so the page carries it as text rather than code; the
/// lengths mirror `CallerForm::problems`, which checks them again.
#[component]
fn CallerFields() -> impl IntoView {
    view! {
        <div class="field">
            <label for="caller_name">"姓名"</label>
            <span class="muted" id="caller_name-hint">"可只写姓氏，如“王先生”"</span>
            <input id="caller_name" name="caller_name" autocomplete="name" maxlength=MAX_NAME_CHARS.to_string() aria-describedby="caller_name-hint caller_name-error"/>
            <p class="field-error" id="caller_name-error"></p>
        </div>
        <div class="field">
            <label for="caller_phone">"联系电话"</label>
            <span class="muted" id="caller_phone-hint">"手机号码或带区号的固定电话，用于答复和回访"</span>
            <input id="caller_phone" name="caller_phone" type="tel" autocomplete="tel" maxlength="20"
                aria-describedby="caller_phone-hint caller_phone-error"/>
            <p class="field-error" id="caller_phone-error"></p>
        </div>
        <div class="field">
            <label for="address">"事发地点"</label>
            <span class="muted" id="address-hint">"如“城关镇解放路12号”"</span>
            <input id="address" name="address" autocomplete="off" maxlength="100" aria-describedby="address-hint address-error"/>
            <p class="field-error" id="address-error"></p>
        </div>
        <div class="field">
            <label for="occurred">"事发时间"</label>
            <span class="muted" id="occurred-hint">"如“11月25日晚上”"</span>
            <input id="occurred" name="occurred" autocomplete="off" maxlength=MAX_OCCURRED_CHARS.to_string() aria-describedby="occurred-hint occurred-error"/>
            <p class="field-error" id="occurred-error"></p>
        </div>
        <div class="field">
            <label for="cause">"诉求事由"</label>
            <span class="muted" id="cause-hint">"一句话说明您反映的问题"</span>
            <input id="cause" name="cause" autocomplete="off" maxlength="100" aria-describedby="cause-hint cause-error"/>
            <p class="field-error" id="cause-error"></p>
        </div>
        <div class="field">
            <label for="course">"事情经过及诉求"</label>
            <span class="muted" id="course-hint">"写清事情经过和您希望解决的问题。"</span>
            <textarea id="course" name="course" rows="8" aria-describedby="course-hint course-count course-error"></textarea>
            <p id="course-count" class="muted">"最多4000字"</p>
            <p class="field-error" id="course-error"></p>
        </div>
    }
}

#[component]
fn Receipt(r: TicketReceipt, receipt: RwSignal<Option<TicketReceipt>>) -> impl IntoView {
    set_title("留言已提交");
    focus_later("receipt-title");
    let track = format!("/hotline/track#no={}&code={}", encode(&r.ticket_no), encode(&r.query_code));
    view! {
        <section class="panel receipt" data-testid="hotline-receipt">
            <h1 id="receipt-title">"留言已提交"</h1>
            <p>{r.acknowledgement}</p>
            <dl class="pairs">
                <dt>"工单编号"</dt><dd class="big select-all" data-testid="ticket-no">{r.ticket_no}</dd>
                <dt>"查询码"</dt><dd class="big select-all" data-testid="query-code">{r.query_code}</dd>
                <dt>"提交时间"</dt><dd>{r.received_at.short()}</dd>
            </dl>
            <p class="notice">"请截图或长按复制工单编号和查询码，凭此查看办理进度和答复；查询码请勿告诉他人。"</p>
            <a class="button" href=track>"查看办理进度"</a>
            {hotline_phone()}
            <p><button type="button" class="link-like" on:click=move |_| receipt.set(None)>"再写一条留言"</button></p>
        </section>
    }
}
