//! 效能投诉 · 我要投诉 (DOMAIN.md §6), phone first and without an account,
//! open around the clock: a complaint about how an official or a unit
//! works, or a consultation; named or anonymous. Checked with the server's
//! own rules (`ComplaintForm::problems`), posted under one Idempotency-Key
//! kept for every retry, then the receipt: a named complainant gets a
//! query code, an anonymous one does not (no reply is given).
//!
//! The form is uncontrolled, as the hotline's: the browser keeps what is
//! typed, read once on submit, each message written beside its field.

use super::public_form::{focus_later, form_values, on_field_input, ready, refused, Submit};
use crate::route::Route;
use frontend::api::{self, encode};
use frontend::router::{set_title, Link};
use frontend::widgets::ErrorRegion;
use leptos::either::Either;
use leptos::prelude::*;
use shared::api::complaints::SubmitComplaint;
use shared::complaints::intake::{ComplaintForm, ComplaintReceipt, MAX_COURSE_CHARS, MAX_NAME_CHARS};
use shared::complaints::ComplaintKind;
use shared::error::ApiError;
use wasm_bindgen::JsCast;

/// The form's fields in the order shown; each has a control (or group) with
/// that id and a message `<id>-error`.
const FIELDS: [&str; 8] = ["kind", "anonymous", "name", "phone", "id_number", "subject", "cause", "course"];

#[component]
pub fn ComplaintsPage() -> impl IntoView {
    let receipt = RwSignal::new(None::<ComplaintReceipt>);
    move || match receipt.get() {
        Some(r) => Either::Left(view! { <Receipt r receipt/> }),
        None => Either::Right(view! { <ComplaintFormPage receipt/> }),
    }
}

/// Typing takes a field's message away; ticking "anonymous" hides the
/// identity fields (and they are not sent).
fn on_input(ev: leptos::ev::Event) {
    if on_field_input(&ev, &FIELDS).as_deref() == Some("anonymous") {
        let checked = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|t| t.checked());
        if let Some(block) = document().get_element_by_id("identity") {
            let _ = if checked { block.set_attribute("hidden", "") } else { block.remove_attribute("hidden") };
        }
    }
}

#[component]
fn ComplaintFormPage(receipt: RwSignal<Option<ComplaintReceipt>>) -> impl IntoView {
    set_title("效能投诉 · 我要投诉");
    let message = RwSignal::new(None::<ApiError>);
    let sending = RwSignal::new(false);
    let key = StoredValue::new(frontend::api::new_key());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let get = form_values(&ev);
        let anonymous = !get("anonymous").is_empty();
        let who = |name: &str| if anonymous { String::new() } else { get(name) };
        let body = ComplaintForm {
            kind: ComplaintKind::parse(&get("kind")),
            anonymous,
            name: who("name"),
            phone: who("phone"),
            id_number: who("id_number"),
            subject: get("subject"),
            cause: get("cause"),
            course: get("course"),
        };
        if !ready(&FIELDS, &body.problems(), message, sending) {
            return;
        }
        leptos::task::spawn_local(async move {
            let result = api::post_keyed::<SubmitComplaint>(&[], &body, &key.get_value()).await;
            sending.set(false);
            match result {
                Ok(r) => receipt.set(Some(r)),
                Err(e) => refused(e, &FIELDS, key, message, "您修改了投诉内容，将作为一件新投诉提交，请再次点击“提交”。"),
            }
        });
    };
    view! {
        <section class="panel">
            <h1>"效能投诉 · 我要投诉"</h1>
            <p>"对机关单位和工作人员办事拖拉、推诿扯皮、态度生硬、吃拿卡要等作风效能问题，可随时投诉或咨询，无需注册。"</p>
            <p><Link to=Route::ComplaintsTrack>"已投诉？查询办理结果"</Link></p>
        </section>
        <form class="panel" on:submit=submit on:input=on_input novalidate>
            <fieldset id="kind" role="radiogroup" class="levels" aria-labelledby="kind-legend" aria-describedby="kind-error">
                <legend id="kind-legend">"类型"</legend>
                {ComplaintKind::ALL.into_iter().map(|k| view! {
                    <label class="choice"><input type="radio" name="kind" value=k.as_str()/>{k.zh()}</label>
                }).collect_view()}
            </fieldset>
            <p class="field-error" id="kind-error"></p>
            <div class="field">
                <label class="choice">
                    <input type="checkbox" id="anonymous" name="anonymous" aria-describedby="anonymous-hint anonymous-error"/>"匿名投诉"
                </label>
                <p class="muted" id="anonymous-hint">"匿名投诉同样依规办理，但不予答复，也不发放查询码。"</p>
                <p class="field-error" id="anonymous-error"></p>
            </div>
            <Identity/>
            <Matter/>
            <p class="notice">
                "个人信息说明：您的姓名、电话和身份证号仅由县府办投诉受理人员查看，用于答复和回访，"
                "不会告知被投诉单位和承办单位，也不对外公开。"
            </p>
            <ErrorRegion error=message/>
            <Submit busy=sending label="提交"/>
        </form>
    }
}

/// Who complains: hidden (and not sent) when anonymous.
#[component]
fn Identity() -> impl IntoView {
    view! {
        <div id="identity">
            <div class="field">
                <label for="name">"姓名"</label>
                <input id="name" name="name" autocomplete="name" maxlength=MAX_NAME_CHARS.to_string() aria-describedby="name-error"/>
                <p class="field-error" id="name-error"></p>
            </div>
            <div class="field">
                <label for="phone">"联系电话"</label>
                <span class="muted" id="phone-hint">"手机号码或带区号的固定电话，用于答复和回访"</span>
                <input id="phone" name="phone" type="tel" autocomplete="tel" maxlength="20" aria-describedby="phone-hint phone-error"/>
                <p class="field-error" id="phone-error"></p>
            </div>
            <div class="field">
                <label for="id_number">"身份证号（选填）"</label>
                <input id="id_number" name="id_number" autocomplete="off" maxlength="18" aria-describedby="id_number-error"/>
                <p class="field-error" id="id_number-error"></p>
            </div>
        </div>
    }
}

/// What it is about. Plain markup; the lengths mirror `ComplaintForm::problems`.
#[component]
fn Matter() -> impl IntoView {
    view! {
        <div class="field">
            <label for="subject">"被投诉单位或人员"</label>
            <span class="muted" id="subject-hint">"如“县住建局审批窗口”"</span>
            <input id="subject" name="subject" autocomplete="off" maxlength="100" aria-describedby="subject-hint subject-error"/>
            <p class="field-error" id="subject-error"></p>
        </div>
        <div class="field">
            <label for="cause">"事由"</label>
            <span class="muted" id="cause-hint">"一句话说明您反映的问题"</span>
            <input id="cause" name="cause" autocomplete="off" maxlength="100" aria-describedby="cause-hint cause-error"/>
            <p class="field-error" id="cause-error"></p>
        </div>
        <div class="field">
            <label for="course">"事情经过及诉求"</label>
            <span class="muted" id="course-hint">{format!("写清时间、经过和您的诉求，最多{MAX_COURSE_CHARS}字。")}</span>
            <textarea id="course" name="course" rows="8" aria-describedby="course-hint course-error"></textarea>
            <p class="field-error" id="course-error"></p>
        </div>
    }
}

#[component]
fn Receipt(r: ComplaintReceipt, receipt: RwSignal<Option<ComplaintReceipt>>) -> impl IntoView {
    set_title("投诉已提交");
    focus_later("receipt-title");
    let track = r.query_code.as_ref().map(|code| format!("/complaints/track#no={}&code={}", encode(&r.complaint_no), encode(code)));
    view! {
        <section class="panel receipt" data-testid="complaint-receipt">
            <h1 id="receipt-title">"投诉已提交"</h1>
            <p>{r.acknowledgement}</p>
            <dl class="pairs">
                <dt>"投诉编号"</dt><dd class="big select-all" data-testid="complaint-no">{r.complaint_no}</dd>
                {r.query_code.map(|c| view! { <dt>"查询码"</dt><dd class="big select-all" data-testid="complaint-code">{c}</dd> })}
                <dt>"提交时间"</dt><dd>{r.received_at.short()}</dd>
            </dl>
            {track.map(|href| view! {
                <p class="notice">"请截图或长按复制投诉编号和查询码，凭此查看办理结果；查询码请勿告诉他人。"</p>
                <a class="button" href=href>"查看办理结果"</a>
            })}
            <p><button type="button" class="link-like" on:click=move |_| receipt.set(None)>"再提交一件"</button></p>
        </section>
    }
}
