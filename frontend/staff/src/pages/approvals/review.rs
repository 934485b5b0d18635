//! A completed case's evaluation (好差评) on the staff case page, and the
//! negative-review loop: the office verifies, the lead department reports
//! its rectification. Also the list of negative reviews (`/staff/reviews`).

use super::case::post_then_reload;
use crate::app::Me;
use crate::route::Route;
use crate::sv_route::Sv;
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, show, ErrorRegion};
use leptos::prelude::*;
use shared::api::{self as ep, ReviewsQuery};
use shared::approvals::evaluation::{EvaluationView, RectificationRequest, ReviewState, Verdict, VerificationRequest, MAX_RECTIFY_DAYS};
use shared::error::ApiError;

#[component]
pub fn ReviewPanel(evaluation: EvaluationView, case_no: String, version: i64, lead: i64) -> impl IntoView {
    let me = expect_context::<Me>();
    let state = evaluation.review.as_ref().map(|r| r.state);
    let is_office = move || me.get().is_some_and(|u| u.check_is_office().is_ok());
    let is_lead = move || me.get().is_some_and(|u| u.check_can_dispose(lead).is_ok());
    let details = evaluation.review.clone().map(|r| {
        view! {
            <dl class="pairs">
                <dt>"处理状态"</dt><dd data-testid="review-state">{r.state.zh()}</dd>
                {r.office_note.map(|n| view! { <dt>"核实意见"</dt><dd>{n}</dd> })}
                {r.rectify_by.map(|d| view! { <dt>"整改期限"</dt><dd>{format!("{}前", d.date().zh_full())}</dd> })}
                {r.report.map(|t| view! { <dt>"整改情况"</dt><dd>{t}</dd> })}
                {r.late.map(|late| view! { <dt>"是否按期"</dt><dd>{if late { "逾期整改" } else { "按期整改" }}</dd> })}
            </dl>
        }
    });
    let upheld = matches!(state, Some(ReviewState::Rectifying | ReviewState::Rectified));
    let hand_off =
        Route::Supervision(Sv::hand_off("negative_review", format!("case:{case_no}"), format!("办件{case_no}差评整改"), case_no.clone()));
    let (no1, no2) = (case_no.clone(), case_no);
    view! {
        <section class="panel" data-testid="review">
            <h2>"服务评价（好差评）"</h2>
            <p class=if state.is_some() { "standing red" } else { "standing on-track" }>
                {format!("{} · {}", evaluation.level.zh(), evaluation.at.short())}
            </p>
            {(!evaluation.comment.is_empty()).then(|| view! { <p>{format!("申请人意见：{}", evaluation.comment)}</p> })}
            {details}
            <Show when=move || state == Some(ReviewState::PendingVerification) && is_office()>
                <VerifyForm case_no=no1.clone() version/>
            </Show>
            <Show when=move || state == Some(ReviewState::Rectifying) && is_lead()>
                <RectifyForm case_no=no2.clone() version/>
            </Show>
            <Show when=move || upheld && is_office()>
                <p class="no-print"><Link to=hand_off.clone()>"转为督查事项（或查看已立项的事项）"</Link></p>
            </Show>
        </section>
    }
}

#[component]
fn VerifyForm(case_no: String, version: i64) -> impl IntoView {
    let upheld = RwSignal::new(true);
    let (days, text) = (RwSignal::new(String::from("5")), RwSignal::new(String::new()));
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let verdict = if upheld.get_untracked() {
            Verdict::Upheld { days: days.get_untracked().trim().parse().unwrap_or(0), instructions: text.get_untracked() }
        } else {
            Verdict::Dismissed { reason: text.get_untracked() }
        };
        post_then_reload::<ep::VerifyReview>(VerificationRequest { version, verdict }, case_no.clone(), error);
    };
    view! {
        <form on:submit=submit data-testid="verify">
            <fieldset>
                <legend>"核实结论"</legend>
                <label class="choice"><input type="radio" name="verdict" checked=true on:change=move |_| upheld.set(true)/>"属实，责成部门整改"</label>
                <label class="choice"><input type="radio" name="verdict" on:change=move |_| upheld.set(false)/>"不属实，向申请人说明"</label>
            </fieldset>
            <Show when=move || upheld.get()>
                <label for="rectify-days">{format!("整改期限（工作日，1到{MAX_RECTIFY_DAYS}）")}</label>
                <input id="rectify-days" type="number" min="1" max=MAX_RECTIFY_DAYS.to_string() bind:value=days/>
            </Show>
            <label for="verdict-text">{move || if upheld.get() { "整改要求" } else { "核实情况（将告知申请人）" }}</label>
            <textarea id="verdict-text" rows="3" bind:value=text></textarea>
            <ErrorRegion error=error/>
            <button type="submit" class="primary">"提交核实结论"</button>
        </form>
    }
}

#[component]
fn RectifyForm(case_no: String, version: i64) -> impl IntoView {
    let report = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        post_then_reload::<ep::Rectify>(RectificationRequest { version, report: report.get_untracked() }, case_no.clone(), error);
    };
    view! {
        <form on:submit=submit data-testid="rectify">
            <label for="report">"整改情况（将告知申请人）"</label>
            <textarea id="report" rows="3" bind:value=report></textarea>
            <ErrorRegion error=error/>
            <button type="submit" class="primary">"报告整改结果"</button>
        </form>
    }
}

/// `/staff/reviews?state=`: negative reviews to verify or rectify.
#[component]
pub fn ReviewsPage(state: String) -> impl IntoView {
    set_title("差评核实与整改");
    let router = use_router::<Route>();
    let list = load::<ep::ListReviews>(&[], ReviewsQuery { state: Some(state.clone()) });
    let choose = move |ev: leptos::ev::Event| router.replace(Route::Reviews(event_target_value(&ev)));
    view! {
        <section class="panel">
            <h1>"差评核实与整改"</h1>
            <label for="review-state">"处理状态"</label>
            <select id="review-state" on:change=choose>
                <option value="" selected=state.is_empty()>"待核实和整改中"</option>
                {ReviewState::ALL.map(|s| view! { <option value=s.as_str() selected=state == s.as_str()>{s.zh()}</option> })}
                <option value="all" selected=state == "all">"全部"</option>
            </select>
        </section>
        {show(list, |items| {
            if items.is_empty() {
                return view! { <p class="empty">"没有符合条件的差评。"</p> }.into_any();
            }
            view! {
                <table class="cases">
                    <thead><tr>
                        <th scope="col">"办件编号"</th><th scope="col">"事项"</th><th scope="col">"部门"</th>
                        <th scope="col">"评价"</th><th scope="col">"申请人意见"</th><th scope="col">"评价时间"</th>
                        <th scope="col">"状态"</th><th scope="col">"整改期限"</th>
                    </tr></thead>
                    <tbody>
                        {items.into_iter().map(|r| { let key = r.case_no.clone(); view! {
                            <tr data-case=key class=if r.overdue { "red" } else { "" }>
                                <td><Link to=Route::Case(r.case_no.clone())>{r.case_no.clone()}</Link></td>
                                <td>{r.matter_name}</td>
                                <td>{r.department_name}</td>
                                <td>{r.level.zh()}</td>
                                <td>{r.comment}</td>
                                <td>{r.at.short()}</td>
                                <td>{r.state.zh()}{r.overdue.then_some("（逾期未整改）")}</td>
                                <td>{r.rectify_by.map(|d| d.date().zh_full()).unwrap_or_default()}</td>
                            </tr>
                        }}).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        })}
    }
}
