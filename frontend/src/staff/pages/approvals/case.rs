//! One case: the applicant, the materials with their files (opened in the
//! browser), the audit trail, and the disposition in the six classes.

use crate::app::Me;
use crate::route::Route;
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, show_page, ErrorRegion};
use leptos::prelude::*;
use shared::api::{self as ep, Empty};
use shared::approvals::application::ApplicantKind;
use shared::approvals::case::{CaseState, Disposition, DispositionRequest, StaffCaseView};
use shared::approvals::matter::HandlingClass;
use shared::engine::case_action::{action_available, CaseAction, CaseActionRequest, ExtensionState, MAX_EXTENSION_DAYS};
use shared::engine::ledger::{Derived, PauseReason, Standing};
use shared::error::ApiError;

#[component]
pub fn CasePage(no: String) -> impl IntoView {
    set_title(&format!("办件 {no}"));
    let case = load::<ep::GetCase>(&[&no], Empty {});
    view! {
        <nav class="back no-print"><Link to=Route::inbox()>"‹ 返回办件列表"</Link></nav>
        {show_page(case, format!("办件 {no}"), |view| view! { <CaseView view/> })}
    }
}

#[component]
fn CaseView(view: StaffCaseView) -> impl IntoView {
    let me = expect_context::<Me>();
    let may_dispose = {
        let lead = view.department_id;
        move || me.get().is_some_and(|u| u.check_can_dispose(lead).is_ok())
    };
    let submitted = view.progress.state == CaseState::Submitted;
    let view_for_actions = view.clone();
    let notice = (view.progress.class == Some(HandlingClass::Commitment)).then(|| view.progress.case_no.clone());
    let id_label = if view.applicant_kind == ApplicantKind::Organisation { "统一社会信用代码" } else { "身份证号码" };
    view! {
        <section class="panel">
            <h1>{format!("{} · {}", view.progress.matter_name, view.progress.case_no)}</h1>
            <p class="state" data-testid="case-state">{view.progress.state.zh()}</p>
            <dl class="pairs">
                <dt>"申请人"</dt><dd>{view.applicant_name.clone()}</dd>
                <dt>{id_label}</dt><dd>{view.id_number.clone()}</dd>
                <dt>"手机号码"</dt><dd>{view.mobile.clone()}</dd>
                <dt>"联系地址"</dt><dd>{view.address.clone()}</dd>
                {view.fields.iter().map(|(k, v)| view! { <dt>{k.clone()}</dt><dd>{v.clone()}</dd> }).collect_view()}
                <dt>"提交时间"</dt><dd>{view.submitted_at.short()}</dd>
                <dt>"承办人"</dt><dd data-testid="assignee">{view.assignee.clone().unwrap_or_else(|| "尚未受理".into())}</dd>
                {view.progress.deadline.map(|d| view! { <dt>"承诺办结期限"</dt><dd data-testid="deadline">{d.date().zh_full()}</dd> })}
            </dl>
            {notice.map(|no| view! { <Link to=Route::Notice(no) class="button">"打印承诺件通知书"</Link> })}
        </section>
        {view.progress.ledger.clone().map(|l| view! { <LedgerPanel ledger=l/> })}
        {move || may_dispose().then(|| view! { <Actions view=view_for_actions.clone()/> })}
        {view.progress.evaluation.clone().map(|evaluation| view! {
            <super::review::ReviewPanel evaluation case_no=view.progress.case_no.clone() version=view.version lead=view.department_id/>
        })}
        <section class="panel">
            <h2>"申请材料"</h2>
            <ol class="materials">
                {view.progress.materials.iter().map(|m| {
                    let files: Vec<_> = view.files.iter().filter(|f| f.material_id == m.id).cloned().collect();
                    view! {
                        <li>
                            <span class="material-name">{m.name.clone()}{(!m.required).then_some("（视情况）")}</span>
                            {if files.is_empty() { view! { <span class="muted">"未提交"</span> }.into_any() } else {
                                files.into_iter().map(|f| view! {
                                    <a class="file" href=format!("/api/staff/files/{}", f.id) target="_blank" rel="noopener">
                                        {format!("{}{}（{}KB）", f.file_name, if f.round > 0 { "【补正】" } else { "" }, f.size.div_ceil(1024))}
                                    </a>
                                }).collect_view().into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
        {move || (submitted && may_dispose()).then(|| view! { <DispositionForm case_no=view.progress.case_no.clone() version=view.version own=view.department_id/> })}
        <section class="panel">
            <h2>"办理记录"</h2>
            <ol class="timeline">
                {view.progress.timeline.iter().map(|e| view! {
                    <li><span class="muted">{e.at.short()}</span>{format!(" {} · {}", e.actor, e.to_state.zh())}<br/>{e.note.clone()}</li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// Posts a change of the case, then shows the case afresh from the server;
/// a refusal (stale version, missing reason…) is shown in `error`.
pub fn post_then_reload<E>(body: E::Body, no: String, error: RwSignal<Option<ApiError>>)
where
    E: ep::Endpoint<Response = StaffCaseView>,
    E::Body: 'static,
{
    let router = use_router::<Route>();
    frontend::widgets::post_then::<E>(&[&no.clone()], body, error, move |_| router.replace(Route::Case(no)));
}

#[component]
fn DispositionForm(case_no: String, version: i64, own: i64) -> impl IntoView {
    let class = RwSignal::new(HandlingClass::Commitment);
    let (authority, items, reasons, note) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let co = RwSignal::new(Vec::<i64>::new());
    let error = RwSignal::new(None::<ApiError>);
    let departments = load::<ep::ListDepartments>(&[], Empty {});
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let disposition = match class.get_untracked() {
            HandlingClass::Immediate => Disposition::Immediate,
            HandlingClass::Commitment => Disposition::Commitment,
            HandlingClass::Joint => Disposition::Joint { co_departments: co.get_untracked() },
            HandlingClass::ReportUp => Disposition::ReportUp { authority: authority.get_untracked() },
            HandlingClass::Supplement => Disposition::Supplement {
                items: items.get_untracked().lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect(),
            },
            HandlingClass::Returned => Disposition::Returned { reasons: reasons.get_untracked() },
        };
        let request = DispositionRequest { version, disposition, note: note.get_untracked() };
        post_then_reload::<ep::Dispose>(request, case_no.clone(), error);
    };
    let option = move |c: HandlingClass, hint: &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="class" value=c.as_str() checked=move || class.get() == c on:change=move |_| class.set(c)/>
                <strong>{c.zh()}</strong>" "<span class="muted-inline">{hint}</span>
            </label>
        }
    };
    let shown = move |c: HandlingClass| move || class.get() == c;
    view! {
        <section class="panel" data-testid="disposition">
            <h2>"受理与处理"</h2>
            <form on:submit=submit>
                <fieldset>
                    <legend>"处理方式（六类事项办理制）"</legend>
                    {option(HandlingClass::Immediate, "材料齐全、当场办结")}
                    {option(HandlingClass::Commitment, "受理并承诺办结期限")}
                    {option(HandlingClass::Joint, "牵头办理，协办部门参与")}
                    {option(HandlingClass::ReportUp, "县级初审后上报上级机关")}
                    {option(HandlingClass::Supplement, "一次性告知需补正的材料")}
                    {option(HandlingClass::Returned, "不予受理，书面说明理由")}
                </fieldset>
                <Show when=shown(HandlingClass::Joint)>
                    <fieldset>
                        <legend>"协办部门"</legend>
                        {move || departments.get().and_then(Result::ok).map(|list| list.departments.into_iter().filter(|d| d.id != own).map(|d| {
                            let id = d.id;
                            view! {
                                <label class="choice">
                                    <input type="checkbox" on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        co.update(|v| if on { v.push(id) } else { v.retain(|x| *x != id) });
                                    }/>
                                    {d.name}
                                </label>
                            }
                        }).collect_view())}
                    </fieldset>
                </Show>
                <Show when=shown(HandlingClass::ReportUp)>
                    <label for="authority">"上报的上级机关"</label>
                    <input id="authority" bind:value=authority placeholder="如：市市场监督管理局"/>
                </Show>
                <Show when=shown(HandlingClass::Supplement)>
                    <label for="items">"需补正的全部材料（每行一项）"</label>
                    <textarea id="items" rows="4" bind:value=items></textarea>
                </Show>
                <Show when=shown(HandlingClass::Returned)>
                    <label for="reasons">"退回理由"</label>
                    <textarea id="reasons" rows="3" bind:value=reasons></textarea>
                </Show>
                <label for="note">"备注（选填）"</label>
                <input id="note" bind:value=note/>
                <ErrorRegion error=error/>
                <button type="submit" class="primary">"确认处理"</button>
            </form>
        </section>
    }
}

/// The deadline and why it is where it is.
#[component]
fn LedgerPanel(ledger: Derived) -> impl IntoView {
    let status = match ledger.standing {
        Standing::OnTrack => format!("剩余{}个工作日", ledger.remaining_days),
        Standing::Yellow => format!("黄牌预警：剩余{}个工作日", ledger.remaining_days),
        Standing::Red => format!("红牌：已逾期{}个工作日", -ledger.remaining_days),
        Standing::Paused => format!("暂停计时中，恢复后剩余{}个工作日", ledger.remaining_days),
    };
    view! {
        <section class="panel" data-testid="ledger">
            <h2>"办理时限"</h2>
            <p class=format!("standing {}", standing_class(ledger.standing))>{status}</p>
            <ul class="explanation">{ledger.explanation.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </section>
    }
}

pub fn standing_class(s: Standing) -> &'static str {
    match s {
        Standing::OnTrack => "on-track",
        Standing::Yellow => "yellow",
        Standing::Red => "red",
        Standing::Paused => "paused",
    }
}

/// Pause, resume, extension and completion for the lead department.
#[component]
fn Actions(view: StaffCaseView) -> impl IntoView {
    let me = expect_context::<Me>();
    let error = RwSignal::new(None::<ApiError>);
    let (reason, ext_days, ext_reason, result) = (
        RwSignal::new(PauseReason::ExpertReview),
        RwSignal::new(String::from("5")),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
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
            {can_pause.then(|| view! {
                <div class="action-row">
                    <label for="pause-reason">"暂停计时原因"</label>
                    <select id="pause-reason" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(r) = PauseReason::parse(&v) { reason.set(r) }
                    }>
                        {PauseReason::ALL.map(|r| view! { <option value=r.as_str() selected=r == PauseReason::ExpertReview>{r.zh()}</option> })}
                    </select>
                    <button type="button" class="small" on:click=move |_| s1(CaseAction::Pause { reason: reason.get_untracked() })>"暂停计时"</button>
                </div>
            })}
            {can_resume.then(|| view! { <button type="button" class="small" on:click=move |_| s2(CaseAction::Resume)>"恢复计时"</button> })}
            {can_extend.then(|| view! {
                <div class="action-row">
                    <label for="ext-days">{format!("延期工作日（最多{MAX_EXTENSION_DAYS}）")}</label>
                    <input id="ext-days" type="number" min="1" max=MAX_EXTENSION_DAYS.to_string() bind:value=ext_days/>
                    <label for="ext-reason">"延期理由（将告知申请人）"</label>
                    <input id="ext-reason" bind:value=ext_reason/>
                    <button type="button" class="small" on:click=move |_| s3(CaseAction::RequestExtension {
                        days: ext_days.get_untracked().trim().parse().unwrap_or(0), reason: ext_reason.get_untracked() })>"申请延期"</button>
                </div>
            })}
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
