//! Case tracking (办件查询) with the case number and query code, the receipt
//! right after submission, and the supplement upload when one is due.

use super::evaluate::{Evaluate, Outcome};
use super::sms::SmsSwitch;
use crate::route::Route;
use frontend::api::{self, encode};
use frontend::router::{set_title, use_router};
use frontend::widgets::{load_posted, show, take_block, ErrorRegion};
use leptos::html::Input;
use leptos::prelude::*;
use shared::api as ep;
use shared::approvals::case::DEEMED_ACCEPTANCE_DAYS;
use shared::approvals::case::{CaseState, TrackView};
use shared::approvals::matter::Material;
use shared::engine::case_action::ExtensionState;
use shared::error::ApiError;
use shared::hotline::views::QueryCode;
use shared::shell::{TrackAnswer, TRACK_ANSWER};

/// Rendered afresh for each URL.
#[component]
pub fn TrackPage(no: String, code: String, new: bool) -> impl IntoView {
    set_title(if new { "提交成功" } else { "办件查询" });
    let router = use_router::<Route>();
    let (no_input, code_input) = (RwSignal::new(no.clone()), RwSignal::new(code.clone()));
    let lookup = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let no = no_input.get_untracked().trim().to_uppercase();
        let code = code_input.get_untracked().trim().to_string();
        router.replace(Route::Track { no, code, new: false });
    };
    // The look-up's answer, if the start script fetched it with the page's
    // first screen (`backend/src/shell/first_screen/track.rs`).
    let answered = take_block::<TrackAnswer>(TRACK_ANSWER).filter(|a| a.asked.no == no && a.asked.code == code);
    let case = (!no.is_empty()).then(|| match answered {
        Some(a) => RwSignal::new(Some(a.answer)),
        None => load_posted::<ep::TrackCase>(&[&no], QueryCode { code: code.clone() }),
    });
    view! {
        {new.then(|| view! { <Receipt no=no.clone() code=code.clone()/> })}
        {(!new).then(|| view! {
            <section class="panel">
                <h1>"办件查询"</h1>
                <form class="filters" on:submit=lookup>
                    <label for="no">"办件编号"</label>
                    <input id="no" bind:value=no_input autocomplete="off" placeholder="如 SP20261126123456"/>
                    <label for="code">"查询码"</label>
                    <input id="code" bind:value=code_input inputmode="numeric" autocomplete="off" placeholder="回执上的8位数字"/>
                    <button type="submit" class="primary">"查询"</button>
                </form>
            </section>
        })}
        {case.map(|case| show(case, move |view| view! { <Progress view code=code.clone()/> }))}
    }
}

#[component]
fn Receipt(no: String, code: String) -> impl IntoView {
    // The QR code of the tracking link (number and code in its fragment),
    // asked for with the code in the body and shown from memory, so no
    // request URL carries the code.
    let qr = RwSignal::new(None::<String>);
    let body = QueryCode { code: code.clone() };
    let qr_no = no.clone();
    leptos::task::spawn_local(async move {
        if let Ok(svg) = api::post_for_text::<ep::TrackQr>(&[&qr_no], &body).await {
            qr.set(Some(format!("data:image/svg+xml,{}", encode(&svg))));
        }
    });
    view! {
        <section class="panel receipt" data-testid="receipt">
            <h1>"申请已提交"</h1>
            <p>"请保存办件编号和查询码，凭此随时查询办理进度。"</p>
            <dl class="pairs">
                <dt>"办件编号"</dt><dd class="big" data-testid="case-no">{no}</dd>
                <dt>"查询码"</dt><dd class="big" data-testid="query-code">{code}</dd>
            </dl>
            {move || qr.get().map(|src| view! {
                <img class="qr" src=src width="160" height="160" alt="办件查询二维码：扫码打开本办件的查询页面"/>
            })}
            <h2>"接下来"</h2>
            <ol class="steps">
                <li>{format!("窗口工作人员将在{DEEMED_ACCEPTANCE_DAYS}个工作日内审核您的申请材料。")}</li>
                <li>"材料齐全的予以受理，承诺件会告知办结期限；需要补正的，将一次性告知需补正的全部材料。"</li>
                <li>"办理进度可在本页或“办件查询”中查看。"</li>
            </ol>
        </section>
    }
}

#[component]
fn Progress(view: TrackView, code: String) -> impl IntoView {
    let deadline = view.deadline.map(|d| d.date().zh_full());
    let class = view.class.map(|c| c.zh());
    let supplement_due = view.state == CaseState::AwaitingSupplement;
    let completed = view.state == CaseState::Completed;
    let evaluation = view.evaluation.clone();
    view! {
        <section class="panel" data-testid="progress">
            <h2>"办理进度"</h2>
            <p class="state">{view.state.zh()}</p>
            <dl class="pairs">
                <dt>"办件编号"</dt><dd>{view.case_no.clone()}</dd>
                <dt>"办理事项"</dt><dd>{view.matter_name.clone()}</dd>
                <dt>"办理部门"</dt><dd>{view.department_name.clone()}</dd>
                {class.map(|c| view! { <dt>"办理类别"</dt><dd>{c}</dd> })}
                {view.accepted_on.map(|d| view! { <dt>"受理日期"</dt><dd>{d.zh_full()}</dd> })}
                {deadline.map(|d| view! { <dt>"承诺办结期限"</dt><dd data-testid="deadline">{format!("{d}前办结")}</dd> })}
                {view.report_authority.clone().map(|a| view! { <dt>"上报机关"</dt><dd>{a}</dd> })}
            </dl>
            {view.return_reasons.clone().map(|r| view! { <p class="error">{format!("退回理由：{r}")}</p> })}
            {view.result.clone().map(|r| view! { <p class="ok">{format!("办理结果：{r}")}</p> })}
            {view.extension.clone().filter(|e| e.state == ExtensionState::Approved).map(|e| view! {
                <p class="notice">{format!("已延期{}个工作日，理由：{}", e.days, e.reason)}</p>
            })}
            {view.ledger.clone().map(|l| view! {
                <div data-testid="explanation">
                    <p class="state">{l.countdown()}</p>
                    <p class="muted">"期限是这样算出来的："</p>
                    <ul class="explanation">{l.explanation.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                </div>
            })}
        </section>
        {supplement_due.then(|| view! { <Supplement view=view.clone() code=code.clone()/> })}
        {match evaluation {
            Some(evaluation) => view! { <Outcome evaluation/> }.into_any(),
            None if completed => view! { <Evaluate no=view.case_no.clone() code=code.clone()/> }.into_any(),
            None => ().into_any(),
        }}
        <SmsSwitch no=view.case_no.clone() code=code.clone() opt_out=view.sms_opt_out/>
        <section class="panel">
            <h2>"办理记录"</h2>
            <ol class="timeline">
                {view.timeline.iter().map(|e| view! {
                    <li><span class="muted">{e.at.short()}</span>" "{e.to_state.zh()}<br/>{e.note.clone()}</li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// The one-time supplement notice and the upload that answers it.
#[component]
fn Supplement(view: TrackView, code: String) -> impl IntoView {
    let router = use_router::<Route>();
    let (no, items) = (view.case_no.clone(), view.supplement_items.clone());
    let inputs: Vec<(Material, NodeRef<Input>)> = view.materials.iter().map(|m| (m.clone(), NodeRef::new())).collect();
    let refs: Vec<(i64, NodeRef<Input>)> = inputs.iter().map(|(m, node)| (m.id, *node)).collect();
    let message = RwSignal::new(None::<ApiError>);
    let sending = RwSignal::new(false);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (no, code) = (no.clone(), code.clone());
        let form = web_sys::FormData::new().expect("FormData");
        let _ = form.set_with_str("code", &code);
        for (material_id, input) in &refs {
            let Some(list) = input.get_untracked().and_then(|i| i.files()) else { continue };
            for f in (0..list.length()).filter_map(|i| list.get(i)) {
                let _ = form.append_with_blob_and_filename(&format!("material:{material_id}"), &f, &f.name());
            }
        }
        sending.set(true);
        leptos::task::spawn_local(async move {
            let result = api::post_form::<ep::Supplement>(&[&no], &form, &[]).await;
            sending.set(false);
            match result {
                Ok(_) => router.replace(Route::Track { no, code, new: false }),
                Err(e) => message.set(Some(e)),
            }
        });
    };
    let slots = inputs
        .into_iter()
        .map(|(m, node)| {
            let id = format!("supplement-{}", m.id);
            view! {
                <div class="field upload">
                    <label for=id.clone()>{m.name}</label>
                    <input id=id type="file" multiple accept="image/jpeg,image/png,application/pdf" node_ref=node/>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="panel notice-panel" data-testid="supplement">
            <h2>"补正材料通知（一次性告知）"</h2>
            <p>"请按以下意见补正材料后重新提交；补正前办理时限不计算："</p>
            <ol class="steps">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ol>
            <form on:submit=send>
                {slots}
                <ErrorRegion error=message/>
                <button type="submit" class="primary" disabled=move || sending.get()>"提交补正材料"</button>
            </form>
        </section>
    }
}
