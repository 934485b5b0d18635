//! 留言办理查询: a ticket's progress with its number and query code. Both
//! travel in the URL's fragment (`#no=…&code=…`), which never reaches the
//! server's logs, and in the request body; a link from the receipt is
//! looked up at once, and a successful look-up is kept in the fragment so
//! a reload shows it again. After the call-back the caller may rate.

use super::hotline::hotline_phone;
use super::public_form::{focus_later, form_values, from_fragment, look_up, LookupForm, Submit, Timeline};
use crate::route::Route;
use frontend::api;
use frontend::router::{set_title, Link};
use frontend::widgets::ErrorRegion;
use leptos::prelude::*;
use shared::api::{RateTicket, TrackTicket};
use shared::engine::instant::Instant;
use shared::error::{ApiError, ErrorCode};
use shared::hotline::ticket::Rating;
use shared::hotline::views::{PublicTicket, QueryCode, RatingRequest};
use shared::hotline::TicketState;

/// A ticket found, and the code it was found with (for the rating).
type Found = RwSignal<Option<(PublicTicket, String)>>;

#[component]
pub fn HotlineTrackPage() -> impl IntoView {
    set_title("留言办理查询");
    let (no, code) = from_fragment();
    let found: Found = RwSignal::new(None);
    let message = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let lookup = move |no_code: (String, String), focus_result: bool| {
        look_up(
            no_code,
            "请填写工单编号和查询码",
            busy,
            message,
            |no, code| async move { api::post::<TrackTicket>(&[&no], &QueryCode { code }).await },
            move |t| {
                let shown = t.is_some();
                found.set(t);
                if shown && focus_result {
                    focus_later("progress-title");
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
            <h1>"留言办理查询"</h1>
            <p>"请输入留言回执上的工单编号和查询码。"</p>
            <LookupForm no code no_label="工单编号" busy message on_look_up/>
            <p><Link to=Route::Hotline>"我要留言"</Link></p>
        </section>
        {move || found.get().map(|(t, code)| view! { <Progress t code found/> })}
    }
}

/// "…前办结": a day's end as the day, an hour limit to the minute.
fn due(d: Instant) -> String {
    let when = if Instant::end_of_day(d.date()) == d { d.date().zh_full() } else { d.short() };
    format!("{when}前办结")
}

#[component]
fn Progress(t: PublicTicket, code: String, found: Found) -> impl IntoView {
    let state = match t.close_reason {
        Some(r) => format!("{}（{}）", t.state.zh(), r.zh()),
        None => t.state.zh().to_string(),
    };
    let closed = t.state == TicketState::Closed;
    let unit = t.unit_name.unwrap_or_else(|| if closed { "—" } else { "尚未转办" }.into());
    let deadline = t.deadline.map(due).unwrap_or_else(|| if closed { "—" } else { "转办承办单位后确定" }.into());
    let reply = t.reply.unwrap_or_else(|| if closed { "—" } else { "尚未答复，办理完毕后将在此显示。" }.into());
    let order = if t.timeline.is_empty() { "暂无办理记录。" } else { "按时间先后排列，最新的在最后。" };
    let no = t.ticket_no.clone();
    view! {
        <section class="panel" data-testid="hotline-progress">
            <h2 id="progress-title">"办理进度"</h2>
            <p class="state" data-testid="ticket-state">{state}</p>
            <dl class="pairs">
                <dt>"工单编号"</dt><dd>{t.ticket_no}</dd>
                <dt>"诉求类型"</dt><dd>{t.kind.zh()}</dd>
                <dt>"诉求事由"</dt><dd>{t.cause}</dd>
                <dt>"受理时间"</dt><dd>{t.received_at.short()}</dd>
                <dt>"承办单位"</dt><dd>{unit}</dd>
                <dt>"承诺办理时限"</dt><dd data-testid="deadline">{deadline}</dd>
            </dl>
            <h3>"答复意见"</h3>
            <p class="pre-wrap" data-testid="hotline-reply">{reply}</p>
            {t.rating.map(|r| view! { <p class="ok" id="rated">{format!("您的评价：{}。感谢您的评价！", r.zh())}</p> })}
            {hotline_phone()}
        </section>
        {t.can_rate.then(|| view! { <RateForm no code found/> })}
        <section class="panel">
            <h2>"办理记录"</h2>
            <p class="muted">{order}</p>
            <Timeline notes=t.timeline.into_iter().map(|n| (n.at, n.note)).collect()/>
        </section>
    }
}

/// 满意 / 基本满意 / 不满意, with an optional comment, once.
#[component]
fn RateForm(no: String, code: String, found: Found) -> impl IntoView {
    let message = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let send = move |ev: leptos::ev::SubmitEvent| {
        let get = form_values(&ev);
        let Some(rating) = Rating::parse(&get("rating")) else {
            return message.set(Some(ApiError::new(ErrorCode::InvalidParameter, "请选择满意、基本满意或不满意")));
        };
        if busy.get_untracked() {
            return;
        }
        let (no, code) = (no.clone(), code.clone());
        let body = RatingRequest { code: code.clone(), rating, comment: get("comment").trim().to_string() };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = api::post::<RateTicket>(&[&no], &body).await;
            busy.set(false);
            match result {
                Ok(t) => {
                    found.set(Some((t, code)));
                    focus_later("rated");
                }
                Err(e) => message.set(Some(e)),
            }
        });
    };
    view! {
        <section class="panel" data-testid="hotline-rate">
            <h2>"评价办理结果"</h2>
            <form on:submit=send novalidate>
                <fieldset class="levels">
                    <legend>"您对本次办理结果是否满意？"</legend>
                    {Rating::ALL.into_iter().map(|r| view! {
                        <label class="choice"><input type="radio" name="rating" value=r.as_str()/>{r.zh()}</label>
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="rating-comment">"意见或建议（选填）"</label>
                    <textarea id="rating-comment" name="comment" rows="3" maxlength=shared::hotline::views::MAX_RATING_COMMENT.to_string()></textarea>
                </div>
                <ErrorRegion error=message/>
                <Submit busy label="提交评价"/>
            </form>
        </section>
    }
}
