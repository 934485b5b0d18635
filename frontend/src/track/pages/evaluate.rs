//! 好差评 on the tracking page: the five-level rating once a case is
//! completed, and afterwards what became of it (a negative review's
//! verification and rectification).

use crate::route::Route;
use frontend::api::{self};
use frontend::router::use_router;
use frontend::widgets::ErrorRegion;
use leptos::prelude::*;
use shared::approvals::evaluation::{EvaluationRequest, EvaluationView, Level, ReviewState, MAX_COMMENT_CHARS};
use shared::error::ApiError;

#[component]
pub fn Evaluate(no: String, code: String) -> impl IntoView {
    let router = use_router::<Route>();
    let level = RwSignal::new(None::<Level>);
    let comment = RwSignal::new(String::new());
    let message = RwSignal::new(None::<ApiError>);
    let sending = RwSignal::new(false);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(level) = level.get_untracked() else {
            message.set(Some(ApiError::new(shared::error::ErrorCode::InvalidParameter, "请选择一个评价等级")));
            return;
        };
        let (no, code) = (no.clone(), code.clone());
        let body = EvaluationRequest { code: code.clone(), level, comment: comment.get_untracked() };
        sending.set(true);
        leptos::task::spawn_local(async move {
            let result = api::post::<shared::api::Rate>(&[&no], &body).await;
            sending.set(false);
            match result {
                Ok(_) => router.replace(Route::Track { no, code, new: false }),
                Err(e) => message.set(Some(e)),
            }
        });
    };
    let negative = move || level.get().is_some_and(Level::is_negative);
    view! {
        <section class="panel" data-testid="evaluate">
            <h2>"服务评价（好差评）"</h2>
            <form on:submit=send>
                <fieldset class="levels">
                    <legend>"您对本次办理服务是否满意？"</legend>
                    {Level::ALL.into_iter().map(|l| view! {
                        // The label wraps its radio button: the whole word is the target.
                        <label class="choice">
                            <input type="radio" name="level" value=l.rank() on:change=move |_| level.set(Some(l))/>
                            {l.zh()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="comment">{move || if negative() { "不满意的原因（必填，将由县政府办核实）" } else { "评价内容（选填）" }}</label>
                    <textarea id="comment" rows="3" maxlength=MAX_COMMENT_CHARS.to_string() bind:value=comment></textarea>
                </div>
                <ErrorRegion error=message/>
                <button type="submit" class="primary" disabled=move || sending.get()>"提交评价"</button>
            </form>
        </section>
    }
}

/// The rating given, and for a negative one where its handling stands.
#[component]
pub fn Outcome(evaluation: EvaluationView) -> impl IntoView {
    let review = evaluation.review.clone();
    view! {
        <section class="panel" data-testid="evaluation">
            <h2>"您的评价"</h2>
            <p class="state">{evaluation.level.zh()}</p>
            {(!evaluation.comment.is_empty()).then(|| view! { <p>{evaluation.comment.clone()}</p> })}
            {review.map(|r| {
                let step = match r.state {
                    ReviewState::PendingVerification => "您的差评已转县政府办核实，核实结果将在此告知。".to_string(),
                    ReviewState::Dismissed => format!("经县政府办核实：{}", r.office_note.clone().unwrap_or_default()),
                    ReviewState::Rectifying => format!(
                        "经县政府办核实，差评反映的问题属实，已责成办理部门于{}前整改：{}",
                        r.rectify_by.map(|d| d.date().zh_full()).unwrap_or_default(),
                        r.office_note.clone().unwrap_or_default()
                    ),
                    ReviewState::Rectified => format!("办理部门已整改：{}", r.report.clone().unwrap_or_default()),
                };
                view! {
                    <p class="notice" data-testid="review-outcome"><strong>{r.state.zh()}</strong>"　"{step}</p>
                }
            })}
        </section>
    }
}
