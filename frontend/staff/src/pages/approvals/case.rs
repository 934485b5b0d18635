//! One case: the applicant, the materials with their files (opened in the
//! browser), the audit trail, and the disposition in the six classes.

use super::case_actions::Actions;
use crate::app::Me;
use crate::route::Route;
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, show_page, ErrorRegion};
use leptos::prelude::*;
use shared::api::{self as ep, Empty};
use shared::approvals::application::ApplicantKind;
use shared::approvals::case::{CaseState, Disposition, DispositionRequest, StaffCaseView};
use shared::approvals::matter::HandlingClass;
use shared::engine::ledger::{Derived, Standing};
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

/// The identity number and mobile, masked until the member asks to see
/// them whole (the server logs each showing).
#[component]
fn PersonalData(case_no: String, id_label: &'static str, id_number: String, mobile: String) -> impl IntoView {
    let shown = RwSignal::new((id_number, mobile));
    let revealed = RwSignal::new(false);
    let error = RwSignal::new(None);
    let reveal = move |_| {
        let no = case_no.clone();
        frontend::widgets::post_then::<ep::RevealPersonalData>(&[&no], Empty {}, error, move |full| {
            shown.set((full.id_number, full.mobile));
            revealed.set(true);
        });
    };
    view! {
        <dt>{id_label}</dt><dd data-testid="id-number">{move || shown.get().0}</dd>
        <dt>"手机号码"</dt>
        <dd>
            <span data-testid="mobile">{move || shown.get().1}</span>
            <Show when=move || !revealed.get()>
                " "<button type="button" class="link-button no-print" on:click=reveal.clone()>"显示完整号码（记入安全日志）"</button>
            </Show>
            <ErrorRegion error/>
        </dd>
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
                <PersonalData case_no=view.progress.case_no.clone() id_label id_number=view.id_number.clone() mobile=view.mobile.clone()/>
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
            <p class=format!("standing {}", frontend::widgets::standing_class(ledger.standing))>{status}</p>
            <ul class="explanation">{ledger.explanation.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </section>
    }
}
