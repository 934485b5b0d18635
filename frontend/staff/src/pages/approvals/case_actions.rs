//! What the lead department does with a case in progress: pause and
//! resume the clock, ask for and decide an extension, complete it, assign
//! a handler. Each control shows only when the rules allow it now.

use super::case::post_then_reload;
use crate::app::Me;
use frontend::widgets::{load, ErrorRegion};
use leptos::prelude::*;
use shared::api::{self as ep, Empty};
use shared::approvals::case::StaffCaseView;
use shared::engine::case_action::{action_available, CaseAction, CaseActionRequest, ExtensionState, MAX_EXTENSION_DAYS};
use shared::engine::ledger::PauseReason;
use shared::error::ApiError;

/// Pause, resume, extension and completion for the lead department.
#[component]
pub fn Actions(view: StaffCaseView) -> impl IntoView {
    let me = expect_context::<Me>();
    let error = RwSignal::new(None::<ApiError>);
    let result = RwSignal::new(String::new());
    let (no, version) = (view.progress.case_no.clone(), view.version);
    let send = move |action: CaseAction| {
        let body = CaseActionRequest { version, action };
        post_then_reload::<ep::ActOnCase>(body, no.clone(), error);
    };
    // What the rules of shared::engine::case_action leave open now, and who may.
    let ext_state = view.progress.extension.as_ref().map(|e| e.state).unwrap_or(ExtensionState::None);
    let can = |a: CaseAction| action_available(view.progress.state, view.paused, ext_state, &a);
    let can_pause = can(CaseAction::Pause { reason: PauseReason::Hearing });
    let can_resume = can(CaseAction::Resume);
    let can_extend = can(CaseAction::RequestExtension { days: 1, reason: String::new() });
    let can_decide = can(CaseAction::DecideExtension { approve: true });
    let can_complete = can(CaseAction::Complete { result: String::new() });
    let assignable = can(CaseAction::Assign { staff_id: 0 });
    let lead = view.department_id;
    let approves = move || me.get().is_some_and(|u| u.check_can_approve_extension(lead).is_ok());
    let assigns = move || me.get().is_some_and(|u| u.check_can_assign(lead).is_ok());
    let ext_text = view.progress.extension.as_ref().map(|e| {
        format!(
            "延期申请：{}个工作日，理由：{}（{}）",
            e.days,
            e.reason,
            match e.state {
                ExtensionState::Pending => "待负责人审批",
                ExtensionState::Approved => "已批准",
                ExtensionState::Refused => "未批准",
                ExtensionState::None => "",
            }
        )
    });
    let (s1, s2, s3, s4, s5, s6, s7) = (send.clone(), send.clone(), send.clone(), send.clone(), send.clone(), send.clone(), send);
    view! {
        <section class="panel no-print" data-testid="actions">
            <h2>"办理操作"</h2>
            {ext_text.map(|t| view! { <p>{t}</p> })}
            {can_pause.then(|| view! { <PauseRow send=s1/> })}
            {can_resume.then(|| view! { <button type="button" class="small" on:click=move |_| s2(CaseAction::Resume)>"恢复计时"</button> })}
            {can_extend.then(|| view! { <ExtensionRow send=s3/> })}
            <Show when=move || can_decide && approves()>
                <div class="action-row">
                    <button type="button" class="small" on:click={let s = s4.clone(); move |_| s(CaseAction::DecideExtension { approve: true })}>"批准延期"</button>
                    <button type="button" class="small danger" on:click={let s = s5.clone(); move |_| s(CaseAction::DecideExtension { approve: false })}>"不予延期"</button>
                </div>
            </Show>
            {can_complete.then(|| view! {
                <div class="action-row">
                    <label for="result">"办理结果"</label>
                    <input id="result" bind:value=result placeholder="如：准予许可，证号……"/>
                    <button type="button" class="small" on:click=move |_| s6(CaseAction::Complete { result: result.get_untracked() })>"办结"</button>
                </div>
            })}
            <Show when=move || assignable && assigns()>
                <AssignRow current=view.assignee_id send=s7.clone()/>
            </Show>
            <ErrorRegion error=error/>
        </section>
    }
}

/// Stops the clock, for one of the reasons the rules allow.
#[component]
fn PauseRow(send: impl Fn(CaseAction) + Clone + Send + Sync + 'static) -> impl IntoView {
    let reason = RwSignal::new(PauseReason::ExpertReview);
    view! {
        <div class="action-row">
            <label for="pause-reason">"暂停计时原因"</label>
            <select id="pause-reason" on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(r) = PauseReason::parse(&v) { reason.set(r) }
            }>
                {PauseReason::ALL.map(|r| view! { <option value=r.as_str() selected=r == PauseReason::ExpertReview>{r.zh()}</option> })}
            </select>
            <button type="button" class="small" on:click=move |_| send(CaseAction::Pause { reason: reason.get_untracked() })>"暂停计时"</button>
        </div>
    }
}

/// Asks the department head for more working days, with the reason the applicant will read.
#[component]
fn ExtensionRow(send: impl Fn(CaseAction) + Clone + Send + Sync + 'static) -> impl IntoView {
    let (days, reason) = (RwSignal::new(String::from("5")), RwSignal::new(String::new()));
    view! {
        <div class="action-row">
            <label for="ext-days">{format!("延期工作日（最多{MAX_EXTENSION_DAYS}）")}</label>
            <input id="ext-days" type="number" min="1" max=MAX_EXTENSION_DAYS.to_string() bind:value=days/>
            <label for="ext-reason">"延期理由（将告知申请人）"</label>
            <input id="ext-reason" bind:value=reason/>
            <button type="button" class="small" on:click=move |_| send(CaseAction::RequestExtension {
                days: days.get_untracked().trim().parse().unwrap_or(0), reason: reason.get_untracked() })>"申请延期"</button>
        </div>
    }
}

/// The department head hands the case to a colleague.
#[component]
fn AssignRow(current: Option<i64>, send: impl Fn(CaseAction) + Clone + Send + Sync + 'static) -> impl IntoView {
    let colleagues = load::<ep::ListColleagues>(&[], Empty {});
    let chosen = RwSignal::new(current.map(|c| c.to_string()).unwrap_or_default());
    view! {
        <div class="action-row">
            <label for="assignee">"承办人"</label>
            <select id="assignee" bind:value=chosen>
                <option value="">"请选择"</option>
                {move || colleagues.get().and_then(Result::ok).map(|list| list.into_iter().map(|c| view! {
                    <option value=c.id.to_string() selected=Some(c.id) == current>{format!("{}（{}）", c.name, c.role.zh())}</option>
                }).collect_view())}
            </select>
            <button type="button" class="small" on:click=move |_| {
                if let Ok(staff_id) = chosen.get_untracked().parse() { send(CaseAction::Assign { staff_id }) }
            }>"分派"</button>
        </div>
    }
}
