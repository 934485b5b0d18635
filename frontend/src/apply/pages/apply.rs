//! The online application form (在线申请), phone first. The same rules as
//! the server (shared::approvals::application) check it before anything is sent; the
//! draft is saved on every keystroke, its chosen files with it; files go up
//! with the form in one request carrying the draft's Idempotency-Key
//! (`send`), kept until the phone is back online when it gets no answer.

use super::send::{send, Progress};
use super::upload::{UploadProgress, UploadSlot, Uploads};
use crate::draft;
use crate::kept_files;
use frontend::router::{set_title, track_href};
use frontend::widgets::{load_inline, show_page, ErrorRegion};
use leptos::prelude::*;
use shared::api::{self as ep, Empty};
use shared::approvals::application::{human_size, ApplicantKind, ApplicationForm, MAX_FILE_BYTES, MAX_TOTAL_BYTES};
use shared::approvals::matter::MatterDetail;
use shared::error::{ApiError, ErrorCode, FieldError};

#[component]
pub fn ApplyPage(id: i64) -> impl IntoView {
    set_title("在线申请");
    let matter = load_inline::<ep::GetMatter>(shared::shell::MATTER, &[&id.to_string()], Empty {}, move |m| m.id == id);
    view! {
        <nav class="back"><a href=format!("/matters/{id}")>"‹ 返回办事指南"</a></nav>
        {show_page(matter, "在线申请".into(), |m| view! { <ApplyForm m/> })}
    }
}

#[component]
fn ApplyForm(m: MatterDetail) -> impl IntoView {
    set_title(&format!("在线申请：{}", m.name));
    let (saved, restored) = draft::load(m.id);
    let draft = RwSignal::new(saved);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let message = RwSignal::new(None::<ApiError>);
    let sending = RwSignal::new(false);
    let uploads = Uploads::new(m.id, &m.materials);
    let progress = Progress::new();
    let fields = m.form_fields.clone();

    let edit = move |f: fn(&mut ApplicationForm, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            draft.update(|d| f(&mut d.form, value));
            draft.with_untracked(draft::save);
        }
    };
    let error_for = move |field: &'static str| move || errors.with(|e| e.iter().find(|x| x.field == field).map(|x| x.message.clone()));

    let (preparing, files_restored) = (uploads.preparing, uploads.restored);
    let uploads_for_submit = uploads.clone();
    let materials = m.materials.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Waiting for the connection, the button sends again at once.
        if progress.retry_now() || sending.get_untracked() || preparing.get_untracked() > 0 {
            return;
        }
        let (files, materials, fields) = (uploads_for_submit.chosen(), materials.clone(), fields.clone());
        let current = draft.get_untracked();
        message.set(None);
        if let Err(e) = current.form.validate(&fields) {
            errors.set(e.fields.clone());
            message.set(Some(e));
            return;
        }
        errors.set(Vec::new());
        sending.set(true);
        leptos::task::spawn_local(async move {
            let result = send(&current, &files, &materials, progress).await;
            sending.set(false);
            match result {
                Ok(receipt) => {
                    draft::clear(current.form.matter_id);
                    kept_files::clear(current.form.matter_id).await;
                    // The receipt is the tracking app's page: a page load.
                    let _ = window().location().assign(&track_href(&receipt.case_no, &receipt.query_code, true));
                }
                Err(e) => {
                    if e.code == ErrorCode::IdempotencyMismatch {
                        // An earlier attempt with other contents was stored:
                        // the edited form becomes a new submission.
                        draft.update(|d| d.key = frontend::api::new_key());
                        draft.with_untracked(draft::save);
                    }
                    errors.set(e.fields.clone());
                    message.set(Some(e));
                }
            }
        });
    };

    let is_org = move || draft.with(|d| d.form.applicant_kind == Some(ApplicantKind::Organisation));
    let kind_radio = move |kind: ApplicantKind, label: &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="applicant_kind" checked=move || draft.with(|d| d.form.applicant_kind == Some(kind))
                    on:change=move |_| { draft.update(|d| d.form.applicant_kind = Some(kind)); draft.with_untracked(draft::save); }/>
                {label}
            </label>
        }
    };

    view! {
        <form class="apply" on:submit=submit novalidate>
            // Locked while it is being sent, and while it waits for the
            // network: a resend carries the form as it was submitted.
            <fieldset class="plain" disabled=move || sending.get()>
            <section class="panel">
                <h1>{format!("在线申请：{}", m.name)}</h1>
                <p class="muted">{format!("{} · 承诺时限 {} 个工作日", m.department_name, m.committed_days)}</p>
                {move || (restored || files_restored.get()).then(|| view! {
                    <p class="notice" role="status">{move || if files_restored.get() {
                        "已恢复您上次填写的内容和所选文件。"
                    } else {
                        "已恢复您上次填写的内容；如已选过文件，请重新选择。"
                    }}</p>
                })}
                <ErrorRegion error=message/>
            </section>
            <section class="panel">
                <h2>"申请人信息"</h2>
                <fieldset>
                    <legend>"申请人类型"</legend>
                    {kind_radio(ApplicantKind::Person, "个人")}
                    {kind_radio(ApplicantKind::Organisation, "单位（企业、社会组织）")}
                    <FieldMessage message=Signal::derive(error_for("applicant_kind"))/>
                </fieldset>
                <TextField id="name" label=Signal::derive(move || if is_org() { "单位名称" } else { "姓名" }.to_string())
                    value=Signal::derive(move || draft.with(|d| d.form.name.clone()))
                    on_input=edit(|f, v| f.name = v) error=Signal::derive(error_for("name")) autocomplete="name"/>
                <TextField id="id_number"
                    label=Signal::derive(move || if is_org() { "统一社会信用代码（18位）" } else { "居民身份证号码（18位）" }.to_string())
                    value=Signal::derive(move || draft.with(|d| d.form.id_number.clone()))
                    on_input=edit(|f, v| f.id_number = v) error=Signal::derive(error_for("id_number")) autocomplete="off"/>
                <TextField id="mobile" label=Signal::derive(|| "手机号码".to_string()) input_type="tel"
                    value=Signal::derive(move || draft.with(|d| d.form.mobile.clone()))
                    on_input=edit(|f, v| f.mobile = v) error=Signal::derive(error_for("mobile")) autocomplete="tel"/>
                <TextField id="address" label=Signal::derive(|| "联系地址".to_string())
                    value=Signal::derive(move || draft.with(|d| d.form.address.clone()))
                    on_input=edit(|f, v| f.address = v) error=Signal::derive(error_for("address")) autocomplete="street-address"/>
                {m.form_fields.iter().map(|f| {
                    let key = f.key.clone();
                    let key_for_input = key.clone();
                    let label = format!("{}{}", f.label, if f.required { "" } else { "（选填）" });
                    let field_name = format!("fields.{key}");
                    let id = format!("field-{key}");
                    view! {
                        <TextField id=id label=Signal::derive(move || label.clone())
                            value=Signal::derive(move || draft.with(|d| d.form.fields.get(&key).cloned().unwrap_or_default()))
                            on_input=move |ev: leptos::ev::Event| {
                                let value = event_target_value(&ev);
                                draft.update(|d| { d.form.fields.insert(key_for_input.clone(), value); });
                                draft.with_untracked(draft::save);
                            }
                            error=Signal::derive(move || errors.with(|e| e.iter().find(|x| x.field == field_name).map(|x| x.message.clone())))
                            autocomplete="off"/>
                    }
                }).collect_view()}
            </section>
            <section class="panel">
                <h2>"申请材料"</h2>
                <p class="muted">{format!("可拍照或选择 PDF 文件；每个文件不超过 {}，合计不超过 {}。", human_size(MAX_FILE_BYTES), human_size(MAX_TOTAL_BYTES))}</p>
                {uploads.slots.iter().map(|s| view! { <UploadSlot upload=s.clone() uploads=uploads.clone()/> }).collect_view()}
            </section>
            <section class="panel">
                <h2>"个人信息保护"</h2>
                <p id="consent-notice">{shared::retention::notice()}</p>
                <label class="choice">
                    <input type="checkbox" id="consent" aria-describedby="consent-notice" checked=move || draft.with(|d| d.form.consent)
                        on:change=move |ev| { draft.update(|d| d.form.consent = event_target_checked(&ev)); draft.with_untracked(draft::save); }/>
                    "我已阅读上述说明，同意提供这些信息用于办理本事项"
                </label>
                <FieldMessage message=Signal::derive(error_for("consent"))/>
            </section>
            <section class="panel">
                <h2>"短信通知"</h2>
                <label class="choice">
                    // Checked by default: unticked, the applicant follows the case on the tracking page only.
                    <input type="checkbox" id="sms" checked=move || draft.with(|d| !d.form.sms_opt_out)
                        on:change=move |ev| { draft.update(|d| d.form.sms_opt_out = !event_target_checked(&ev)); draft.with_untracked(draft::save); }/>
                    "接收短信通知（受理、补正、办结等进度）；不接收时请凭办件编号和查询码在查询页查看进度"
                </label>
            </section>
            </fieldset>
            <UploadProgress rows=progress.rows/>
            {move || progress.offline.get().then(|| view! {
                <p class="notice" role="status">
                    "暂时连接不上网络。申请已保存在本机，网络恢复后将自动提交，请保持本页面打开；提交前表单不可修改。"
                </p>
            })}
            <button type="submit" class="primary" disabled=move || { preparing.get() > 0 || (sending.get() && !progress.offline.get()) }>
                {move || if preparing.get() > 0 {
                    "正在处理照片…"
                } else if progress.offline.get() {
                    "等待网络恢复（点此立即重试）"
                } else if sending.get() {
                    "正在提交…"
                } else {
                    "提交申请"
                }}
            </button>
        </form>
    }
}

#[component]
fn TextField(
    #[prop(into)] id: String,
    label: Signal<String>,
    value: Signal<String>,
    on_input: impl FnMut(leptos::ev::Event) + 'static,
    error: Signal<Option<String>>,
    #[prop(default = "text")] input_type: &'static str,
    autocomplete: &'static str,
) -> impl IntoView {
    let hint = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type=input_type prop:value=value on:input=on_input autocomplete=autocomplete
                aria-invalid=move || error.get().is_some().to_string() aria-describedby=hint.clone()/>
            <FieldMessage id=hint message=error/>
        </div>
    }
}

#[component]
fn FieldMessage(#[prop(optional, into)] id: String, message: Signal<Option<String>>) -> impl IntoView {
    view! { <p class="field-error" id=id>{move || message.get()}</p> }
}
