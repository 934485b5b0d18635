//! 投诉办理查询: a named complaint's result with its number and query code.
//! Both travel in the URL's fragment (`#no=…&code=…`), never to the
//! server's logs, and the code in the request body; a link from the
//! receipt is looked up at once. Anonymous complaints have no code.

use super::hotline::{focus_later, form_values, Submit};
use crate::route::Route;
use frontend::api::{self, encode};
use frontend::router::{query_param, set_title, Link};
use frontend::widgets::ErrorRegion;
use leptos::prelude::*;
use shared::api::complaints::TrackComplaint;
use shared::complaints::views::{ComplaintCode, PublicComplaint};
use shared::complaints::ComplaintState;
use shared::error::{ApiError, ErrorCode};

/// Keeps the number and code in the fragment only, replacing the entry.
fn remember(no: &str, code: &str) {
    let fragment = format!("#no={}&code={}", encode(no), encode(code));
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment));
    }
}

#[component]
pub fn ComplaintsTrackPage() -> impl IntoView {
    set_title("投诉办理查询");
    let hash = window().location().hash().unwrap_or_default();
    let from_hash = |k| query_param(hash.trim_start_matches('#'), k).unwrap_or_default();
    let (no, code) = (from_hash("no"), from_hash("code"));
    let found = RwSignal::new(None::<PublicComplaint>);
    let message = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let lookup = move |no: String, code: String, focus_result: bool| {
        let (no, code) = (no.trim().to_ascii_uppercase(), code.trim().to_string());
        if no.is_empty() || code.is_empty() {
            return message.set(Some(ApiError::new(ErrorCode::MissingParameter, "请填写投诉编号和查询码")));
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = api::post::<TrackComplaint>(&[&no], &ComplaintCode { code: code.clone() }).await;
            busy.set(false);
            match result {
                Ok(c) => {
                    remember(&no, &code);
                    message.set(None);
                    found.set(Some(c));
                    if focus_result {
                        focus_later("result-title");
                    }
                }
                Err(e) => {
                    found.set(None);
                    message.set(Some(e));
                }
            }
        });
    };
    if !no.is_empty() && !code.is_empty() {
        lookup(no.clone(), code.clone(), false);
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let get = form_values(&ev);
        if !busy.get_untracked() {
            lookup(get("no"), get("code"), true);
        }
    };
    view! {
        <section class="panel">
            <h1>"投诉办理查询"</h1>
            <p>"请输入回执上的投诉编号和查询码。匿名投诉不予答复，没有查询码。"</p>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="no">"投诉编号"</label>
                    <input id="no" name="no" value=no autocomplete="off" autocapitalize="characters" maxlength="40"/>
                </div>
                <div class="field">
                    <label for="code">"查询码"</label>
                    <input id="code" name="code" value=code autocomplete="off" maxlength="40"/>
                </div>
                <ErrorRegion error=message/>
                <Submit busy label="查询"/>
            </form>
            <p><Link to=Route::Complaints>"我要投诉"</Link></p>
        </section>
        {move || found.get().map(|c| view! { <Result c/> })}
    }
}

#[component]
fn Result(c: PublicComplaint) -> impl IntoView {
    let state = match c.close_reason {
        Some(r) => format!("{}（{}）", c.state.zh(), r.zh()),
        None => c.state.zh().to_string(),
    };
    let closed = c.state == ComplaintState::Closed;
    let deadline = c.deadline.map(|d| format!("{}前办结", d.date().zh_full())).unwrap_or_else(|| "受理后确定".into());
    let reply = c.reply.unwrap_or_else(|| if closed { "—" } else { "尚未办结，办结后将在此显示办理结果。" }.into());
    view! {
        <section class="panel" data-testid="complaint-result">
            <h2 id="result-title">"办理结果"</h2>
            <p class="state" data-testid="complaint-state">{state}</p>
            <dl class="pairs">
                <dt>"投诉编号"</dt><dd>{c.complaint_no}</dd>
                <dt>"类型"</dt><dd>{c.kind.zh()}</dd>
                <dt>"事由"</dt><dd>{c.cause}</dd>
                <dt>"收到时间"</dt><dd>{c.received_at.short()}</dd>
                <dt>"办理时限"</dt><dd>{deadline}</dd>
            </dl>
            <h3>"答复"</h3>
            <p class="pre-wrap" data-testid="complaint-reply">{reply}</p>
        </section>
        <section class="panel">
            <h2>"办理记录"</h2>
            <ol class="timeline">
                {c.timeline.into_iter().map(|n| view! {
                    <li><span class="muted">{n.at.short()}</span><span class="pre-wrap">{n.note}</span></li>
                }).collect_view()}
            </ol>
        </section>
    }
}
