//! 县长公开电话 · 我要留言 (DOMAIN.md §3), phone first and without an
//! account: the caller's form, checked with the server's own rules
//! (`CallerForm::problems`) before it is sent, posted under one
//! Idempotency-Key kept for every retry of the same message (a double tap or
//! a retry after a lost answer names the same ticket), then the receipt.

use crate::route::Route;
use frontend::api::{self, encode};
use frontend::router::{focus, set_title, Link};
use frontend::widgets::ErrorRegion;
use leptos::prelude::*;
use shared::admin::settings::PublicSettings;
use shared::api::SubmitTicket;
use shared::error::{ApiError, ErrorCode, FieldError};
use shared::hotline::intake::{CallerForm, TicketReceipt, MAX_CAUSE_CHARS, MAX_COURSE_CHARS, MAX_SHORT_CHARS};
use shared::hotline::Kind;
use wasm_bindgen::JsCast;

/// A fresh Idempotency-Key: one per message, the same on each of its retries.
fn new_key() -> String {
    window().crypto().map(|c| c.random_uuid()).unwrap_or_default()
}

/// Puts the keyboard focus on element `id` once it is drawn (a heading that
/// replaces what had the focus).
pub(super) fn focus_later(id: impl AsRef<str> + 'static) {
    request_animation_frame(move || {
        if let Some(e) = document().get_element_by_id(id.as_ref()) {
            focus(&e);
        }
    });
}

/// The county's hotline number as a tap-to-call link, if it has one.
pub(super) fn hotline_phone() -> Option<impl IntoView> {
    let phone = frontend::county::county().hotline_phone;
    let href = format!("tel:{}", PublicSettings::dial(&phone));
    (!phone.is_empty()).then(|| view! { <p>"也可拨打县长公开电话："<a href=href>{phone}</a></p> })
}

#[component]
pub fn HotlinePage() -> impl IntoView {
    set_title("县长公开电话 · 我要留言");
    let receipt = RwSignal::new(None::<TicketReceipt>);
    move || match receipt.get() {
        Some(r) => view! { <Receipt r receipt/> }.into_any(),
        None => view! { <MessageForm receipt/> }.into_any(),
    }
}

/// The messages for `field`, joined.
fn message_for(errors: RwSignal<Vec<FieldError>>, field: &str) -> Option<String> {
    errors.with(|e| {
        let m: Vec<&str> = e.iter().filter(|x| x.field == field).map(|x| x.message.as_str()).collect();
        (!m.is_empty()).then(|| m.join("；"))
    })
}

/// Editing a field takes its message away until the form is sent again.
fn clear(errors: RwSignal<Vec<FieldError>>, field: &str) {
    if errors.with_untracked(|e| e.iter().any(|x| x.field == field)) {
        errors.update(|e| e.retain(|x| x.field != field));
    }
}

/// Shows each problem beside its field, then moves the focus to the first.
fn show_problems(errors: RwSignal<Vec<FieldError>>, problems: Vec<FieldError>) {
    if let Some(first) = problems.first() {
        focus_later(first.field.clone());
    }
    errors.set(problems);
}

#[component]
fn MessageForm(receipt: RwSignal<Option<TicketReceipt>>) -> impl IntoView {
    let form = RwSignal::new(CallerForm::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let message = RwSignal::new(None::<ApiError>);
    let sending = RwSignal::new(false);
    let key = StoredValue::new(new_key());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let body = form.get_untracked();
        let problems = body.problems();
        if !problems.is_empty() {
            let text = format!("有{}处需要填写或修改，请按各项下方的提示修改后再提交。", problems.len());
            message.set(Some(ApiError::new(ErrorCode::InvalidApplication, text)));
            show_problems(errors, problems);
            return;
        }
        errors.set(Vec::new());
        message.set(None);
        sending.set(true);
        leptos::task::spawn_local(async move {
            let key_now = key.get_value();
            let result = api::post_keyed::<SubmitTicket>(&[], &body, (!key_now.is_empty()).then_some(key_now.as_str())).await;
            sending.set(false);
            match result {
                Ok(r) => receipt.set(Some(r)),
                Err(e) if e.code == ErrorCode::IdempotencyMismatch => {
                    // An earlier attempt with other contents was stored: the
                    // edited message becomes a new one.
                    key.set_value(new_key());
                    message.set(Some(ApiError::new(e.code, "您修改了留言内容，将作为一条新留言提交，请再次点击“提交留言”。")));
                }
                Err(e) => {
                    show_problems(errors, e.fields.clone());
                    message.set(Some(e));
                }
            }
        });
    };
    let text = |id: &'static str, label: &'static str, hint: &'static str, max: usize, set: fn(&mut CallerForm, String)| {
        view! { <Field form errors id label hint max set/> }
    };
    view! {
        <section class="panel">
            <h1>"县长公开电话 · 我要留言"</h1>
            <p>"反映问题、提出建议或咨询政策，无需注册。留言后请保存工单编号和查询码，凭此查看办理进度和答复。"</p>
            <p class="muted">"紧急情况请直接拨打110、119、120。"</p>
            {hotline_phone()}
            <p><Link to=Route::HotlineTrack>"已留言？查询办理进度"</Link></p>
        </section>
        <form class="panel" on:submit=submit novalidate>
            <KindChoice form errors/>
            <Field form errors id="caller_name" label="姓名" hint="可只写姓氏，如“王先生”" max=30 autocomplete="name"
                set=|f, v| f.caller_name = v/>
            <Field form errors id="caller_phone" label="联系电话" hint="手机号码或带区号的固定电话，用于答复和回访" max=20
                input_type="tel" autocomplete="tel" set=|f, v| f.caller_phone = v/>
            {text("address", "事发地点", "如“城关镇解放路12号”", MAX_SHORT_CHARS, |f, v| f.address = v)}
            {text("occurred", "事发时间", "如“11月25日晚上”", 50, |f, v| f.occurred = v)}
            {text("cause", "诉求事由", "一句话说明您反映的问题", MAX_CAUSE_CHARS, |f, v| f.cause = v)}
            <Course form errors/>
            <div class="field">
                <label class="choice">
                    <input type="checkbox" aria-describedby="confidential-hint"
                        on:change=move |ev| form.update(|f| f.confidential = event_target_checked(&ev))/>
                    "请求对姓名和联系方式保密"
                </label>
                <p class="muted" id="confidential-hint">"勾选后，办理过程中将对您的姓名和联系方式予以保密。"</p>
            </div>
            <p class="notice">
                "个人信息说明：我们收集您的姓名、联系电话和事发地点，仅用于办理、答复本条留言和回访，不对外公开；"
                "转交承办单位办理时，姓名和电话将部分隐去显示（如138****5678）。"
            </p>
            <ErrorRegion error=message/>
            <button type="submit" class="primary" disabled=move || sending.get()>
                {move || if sending.get() { "正在提交…" } else { "提交留言" }}
            </button>
        </form>
    }
}

/// A one-line field of the form, its hint and its message.
#[component]
fn Field(
    form: RwSignal<CallerForm>,
    errors: RwSignal<Vec<FieldError>>,
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    max: usize,
    set: fn(&mut CallerForm, String),
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
) -> impl IntoView {
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        form.update(|f| set(f, value));
        clear(errors, id);
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <span class="muted" id=format!("{id}-hint")>{hint}</span>
            <input id=id name=id type=input_type autocomplete=autocomplete maxlength=max.to_string() on:input=on_input
                aria-invalid=move || message_for(errors, id).is_some().to_string()
                aria-describedby=format!("{id}-hint {id}-error")/>
            <p class="field-error" id=format!("{id}-error")>{move || message_for(errors, id)}</p>
        </div>
    }
}

/// 诉求类型 as radio buttons, each word a large target.
#[component]
fn KindChoice(form: RwSignal<CallerForm>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let invalid = move || message_for(errors, "kind").is_some().to_string();
    view! {
        <fieldset class="levels" aria-describedby="kind-error">
            <legend>"诉求类型"</legend>
            {Kind::ALL.into_iter().enumerate().map(|(i, k)| view! {
                <label class="choice">
                    <input type="radio" name="kind" value=k.as_str() id=(i == 0).then_some("kind") aria-invalid=invalid
                        on:change=move |_| { form.update(|f| f.kind = Some(k)); clear(errors, "kind"); }/>
                    {k.zh()}
                </label>
            }).collect_view()}
        </fieldset>
        <p class="field-error" id="kind-error">{move || message_for(errors, "kind")}</p>
    }
}

/// 事情经过及诉求, with a live count of the characters allowed.
#[component]
fn Course(form: RwSignal<CallerForm>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let count = move || form.with(|f| f.course.chars().count());
    let over = move || if count() > MAX_COURSE_CHARS { "muted count-over" } else { "muted" };
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        form.update(|f| f.course = value);
        clear(errors, "course");
    };
    view! {
        <div class="field">
            <label for="course">"事情经过及诉求"</label>
            <span class="muted" id="course-hint">"写清事情经过和您希望解决的问题。"</span>
            <textarea id="course" name="course" rows="8" on:input=on_input
                aria-invalid=move || message_for(errors, "course").is_some().to_string()
                aria-describedby="course-hint course-count course-error"></textarea>
            <p id="course-count" class=over>
                {move || format!("已输入{}字，最多{MAX_COURSE_CHARS}字", count())}
            </p>
            <p class="field-error" id="course-error">{move || message_for(errors, "course")}</p>
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
                <dt>"工单编号"</dt>
                <dd class="copy-row"><span class="big" data-testid="ticket-no">{r.ticket_no.clone()}</span><CopyButton text=r.ticket_no what="工单编号"/></dd>
                <dt>"查询码"</dt>
                <dd class="copy-row"><span class="big" data-testid="query-code">{r.query_code.clone()}</span><CopyButton text=r.query_code what="查询码"/></dd>
                <dt>"提交时间"</dt><dd>{r.received_at.short()}</dd>
            </dl>
            <p class="notice">"请截图或记下工单编号和查询码，凭此查看办理进度和答复；查询码请勿告诉他人。"</p>
            <a class="button" href=track>"查看办理进度"</a>
            {hotline_phone()}
            <p><button type="button" class="link-like" on:click=move |_| receipt.set(None)>"再写一条留言"</button></p>
        </section>
    }
}

/// Copies `text` to the clipboard, and says so.
#[component]
fn CopyButton(text: String, what: &'static str) -> impl IntoView {
    let done = RwSignal::new(false);
    let copy = move |_| {
        let text = text.clone();
        leptos::task::spawn_local(async move { done.set(write_clipboard(&text).await) });
    };
    view! {
        <button type="button" class="inline" aria-label=format!("复制{what}") on:click=copy>"复制"</button>
        <span role="status">{move || done.get().then_some("已复制")}</span>
    }
}

/// `navigator.clipboard.writeText`, looked up at run time (no web-sys
/// feature, and a browser without it simply does not copy).
async fn write_clipboard(text: &str) -> bool {
    use js_sys::{Function, Promise, Reflect};
    let get = |o: &wasm_bindgen::JsValue, k: &str| Reflect::get(o, &k.into()).ok();
    let Some(clipboard) = get(&window(), "navigator").and_then(|n| get(&n, "clipboard")) else { return false };
    let Some(write) = get(&clipboard, "writeText").and_then(|f| f.dyn_into::<Function>().ok()) else { return false };
    let Some(promise) = write.call1(&clipboard, &text.into()).ok().and_then(|p| p.dyn_into::<Promise>().ok()) else { return false };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
