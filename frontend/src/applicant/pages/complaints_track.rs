//! 投诉办理查询: a named complaint's result with its number and query code.
//! Both travel in the URL's fragment (`#no=…&code=…`), never to the
//! server's logs, and the code in the request body; a link from the
//! receipt is looked up at once. Anonymous complaints have no code.

use super::public_form::{focus_later, from_fragment, look_up, LookupForm, Timeline};
use crate::route::Route;
use frontend::api;
use frontend::router::{set_title, Link};
use leptos::prelude::*;
use shared::api::complaints::TrackComplaint;
use shared::complaints::views::{ComplaintCode, PublicComplaint};
use shared::complaints::ComplaintState;
use shared::error::ApiError;

#[component]
pub fn ComplaintsTrackPage() -> impl IntoView {
    set_title("投诉办理查询");
    let (no, code) = from_fragment();
    let found = RwSignal::new(None::<PublicComplaint>);
    let message = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let lookup = move |no_code: (String, String), focus_result: bool| {
        look_up(
            no_code,
            "请填写投诉编号和查询码",
            busy,
            message,
            |no, code| async move { api::post::<TrackComplaint>(&[&no], &ComplaintCode { code }).await },
            move |c| {
                let shown = c.is_some();
                found.set(c.map(|(c, _)| c));
                if shown && focus_result {
                    focus_later("result-title");
                }
            },
        )
    };
    if !no.is_empty() && !code.is_empty() {
        lookup((no.clone(), code.clone()), false);
    }
    let on_look_up = Callback::new(move |no_code| lookup(no_code, true));
    view! {
        <section class="panel">
            <h1>"投诉办理查询"</h1>
            <p>"请输入回执上的投诉编号和查询码。匿名投诉不予答复，没有查询码。"</p>
            <LookupForm no code no_label="投诉编号" busy message on_look_up/>
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
            <Timeline notes=c.timeline.into_iter().map(|n| (n.at, n.note)).collect()/>
        </section>
    }
}
