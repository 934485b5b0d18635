//! One complaint (`/staff/complaints/{no}`): what was taken in, who
//! complained (the office's complaint staff only: the server sends no
//! identity to anyone else), the decision, where it stands against its
//! limit and why, the investigation with its evidence, accountability, the
//! result, the audit trail, and the forms for what this viewer may do now.
//! Every change is posted with the version read; the answer replaces the
//! complaint shown.

use super::actions::Actions;
use super::card;
use crate::pages::{AuditLine, AuditTrail, ConflictError};
use crate::route::Route;
use frontend::router::{set_title, Link};
use frontend::widgets::{load, post_then, show_page, Loaded};
use leptos::prelude::*;
use shared::api::complaints::{ActOnComplaint, GetComplaint};
use shared::api::Empty;
use shared::complaints::complaint::{ComplaintAction, ComplaintActionRequest};
use shared::complaints::views::{ComplaintEvent, ComplaintView};
use shared::engine::case_action::ExtensionState;
use shared::error::{ApiError, ErrorCode};

#[component]
pub fn ComplaintPage(no: String) -> impl IntoView {
    set_title(&format!("效能投诉 {no}"));
    let shown = Shown { data: load::<GetComplaint>(&[&no], Empty {}), done: RwSignal::new(None) };
    view! {
        <nav class="back no-print"><Link to=Route::complaints()>"‹ 返回投诉列表"</Link></nav>
        <div role="status">{move || shown.done.get().map(|d| view! { <p class="ok">{d}</p> })}</div>
        {show_page(shown.data, format!("效能投诉 {no}"), move |view| view! { <Body view shown/> })}
    }
}

/// The complaint shown, and what the last change did (announced above it).
#[derive(Clone, Copy)]
pub struct Shown {
    pub data: Loaded<ComplaintView>,
    done: RwSignal<Option<String>>,
}

#[component]
fn Body(view: ComplaintView, shown: Shown) -> impl IntoView {
    let acts = !view.actions.is_empty();
    view! {
        <Summary view=view.clone()/>
        <Record view=view.clone()/>
        {acts.then(|| view! { <Actions view=view.clone() shown/> })}
        <Events events=view.events/>
    }
}

/// Posting one action from a form, as of the version read.
#[derive(Clone, Copy)]
pub struct Acting {
    no: StoredValue<String>,
    version: i64,
    pub shown: Shown,
    pub error: RwSignal<Option<ApiError>>,
}

impl Acting {
    pub fn new(view: &ComplaintView, shown: Shown) -> Acting {
        Acting { no: StoredValue::new(view.complaint_no.clone()), version: view.version, shown, error: RwSignal::new(None) }
    }

    pub fn no(&self) -> String {
        self.no.get_value()
    }

    pub fn version(&self) -> i64 {
        self.version
    }

    pub fn act(self, action: ComplaintAction) {
        let shown = self.shown;
        shown.done.set(None);
        let body = ComplaintActionRequest { version: self.version, action };
        post_then::<ActOnComplaint>(&[&self.no.get_value()], body, self.error, move |answer| {
            shown.done.set(Some(format!("已提交。投诉现在的状态：{}", answer.state.zh())));
            shown.data.set(Some(Ok(answer)));
        });
    }

    /// The complaint as the server now answers it (after an upload).
    pub fn replace(self, answer: ComplaintView) {
        self.shown.done.set(Some("证据已上传。".into()));
        self.shown.data.set(Some(Ok(answer)));
    }

    pub fn refuse(self, message: &str) {
        self.error.set(Some(ApiError::new(ErrorCode::InvalidParameter, message)));
    }

    fn reload(self) {
        let (no, shown) = (self.no.get_value(), self.shown);
        shown.done.set(None);
        leptos::task::spawn_local(async move {
            shown.data.set(Some(frontend::api::fetch::<GetComplaint>(&[&no], &Empty {}).await));
        });
    }
}

/// A form's error region; after a conflict, a way to read it afresh.
#[component]
pub fn ActingError(acting: Acting) -> impl IntoView {
    let reload = Callback::new(move |()| acting.reload());
    view! { <ConflictError error=acting.error stale="投诉已被他人处理或状态已变化，本页显示的不是最新内容。" reload_label="重新载入" reload/> }
}

#[component]
fn Summary(view: ComplaintView) -> impl IntoView {
    let state = match view.close_reason {
        Some(r) => format!("{}（{}）", view.state.zh(), r.zh()),
        None => view.state.zh().to_string(),
    };
    let who = match (&view.complainant, view.anonymous) {
        (_, true) => "匿名投诉（不予答复）".to_string(),
        (Some(c), false) => {
            let id = if c.id_number.is_empty() { String::new() } else { format!(" · 身份证 {}", c.id_number) };
            format!("{} · {}{id}", c.name, c.phone)
        }
        (None, false) => "仅县府办投诉受理人员可见".to_string(),
    };
    let handling = view.mode.map(|m| format!("{}{}", m.zh(), view.unit.as_ref().map(|u| format!("：{}", u.name)).unwrap_or_default()));
    let limit = match (view.deadline, view.standing) {
        (Some(d), s) => format!("{}{}", d.short(), s.map(|s| format!("（{}）", card(s))).unwrap_or_default()),
        (None, s) => format!("受理决定期限 {}{}", view.accept_by.short(), s.map(|s| format!("（{}）", card(s))).unwrap_or_default()),
    };
    view! {
        <section class="panel" data-testid="complaint-summary">
            <h1>{format!("效能投诉 {}", view.complaint_no)}</h1>
            <p class="state" data-testid="complaint-state">{state}</p>
            <dl class="pairs">
                <dt>"类型与来源"</dt><dd>{format!("{} · {}", view.kind.zh(), view.channel.zh())}</dd>
                <dt>"投诉人"</dt><dd data-testid="complainant">{who}</dd>
                <dt>"被投诉单位或人员"</dt><dd>{view.subject}</dd>
                <dt>"事由"</dt><dd>{view.cause}</dd>
                <dt>"事情经过及诉求"</dt><dd class="pre-wrap">{view.course}</dd>
                <dt>"收到时间"</dt><dd>{view.received_at.short()}</dd>
                <dt>"办理方式"</dt><dd>{handling.unwrap_or_else(|| "待受理".into())}</dd>
                <dt>"期限"</dt><dd data-testid="complaint-deadline">{limit}</dd>
                <dt>"延期"</dt><dd>{extension(view.extension, &view.extension_reason)}</dd>
            </dl>
            {(!view.explanation.is_empty()).then(|| view! {
                <ul class="muted">{view.explanation.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            })}
            {(!view.decision.is_empty()).then(|| view! { <p><strong>"答复或决定："</strong>{view.decision}</p> })}
        </section>
    }
}

fn extension(e: ExtensionState, reason: &str) -> String {
    let state = match e {
        ExtensionState::None => return "未申请".into(),
        ExtensionState::Pending => "待审批",
        ExtensionState::Approved => "已批准（60个工作日）",
        ExtensionState::Refused => "未批准",
    };
    format!("{state}：{reason}")
}

/// The investigation, its evidence, accountability and the result.
#[component]
fn Record(view: ComplaintView) -> impl IntoView {
    let no = view.complaint_no.clone();
    let inv = view.investigation.map(|i| {
        let units = i.units.iter().map(|u| u.name.as_str()).collect::<Vec<_>>().join("、");
        view! {
            <dl class="pairs" data-testid="investigation">
                <dt>"调查结论"</dt><dd>{i.finding.zh()}</dd>
                <dt>"被投诉单位"</dt><dd>{units}</dd>
                <dt>"被投诉人"</dt><dd>{i.people}</dd>
                <dt>"认定事实"</dt><dd class="pre-wrap">{i.facts}</dd>
            </dl>
        }
    });
    let held = view.accountability.map(|a| {
        let parts: Vec<&str> =
            [a.notice.map(|n| n.zh()), a.sanction.map(|s| s.zh()), a.reward.then_some("有奖举报")].into_iter().flatten().collect();
        view! { <p data-testid="accountability"><strong>"追责处理："</strong>{parts.join("，")}</p> }
    });
    view! {
        <section class="panel" data-testid="complaint-record">
            <h2>"调查与处理"</h2>
            {match inv {
                Some(v) => v.into_any(),
                None => view! { <p data-testid="investigation">"尚未调查"</p> }.into_any(),
            }}
            <h3>"调查证据"</h3>
            <ul>
                {view.evidence.into_iter().map(|e| { let href = format!("/api/complaints/{}/evidence/{}", no, e.id); view! {
                    <li><a href=href target="_blank" rel="noopener">{e.file_name}</a>" "<span class="muted-inline">{format!("{} KB", e.size.div_ceil(1024))}</span></li>
                }}).collect_view()}
            </ul>
            {held}
            {view.result.map(|r| view! { <p data-testid="complaint-result"><strong>"办理结果："</strong><span class="pre-wrap">{r}</span></p> })}
            {view.concluded_late.then(|| view! { <p class="notice">"超过期限办结"</p> })}
            {(view.redone > 0).then(|| view! { <p>{format!("回访后重办{}次", view.redone)}</p> })}
        </section>
    }
}

#[component]
fn Events(events: Vec<ComplaintEvent>) -> impl IntoView {
    let lines = events.into_iter().map(|e| AuditLine { at: e.at, actor: e.actor, note: e.note, public: e.public }).collect();
    view! { <AuditTrail lines public_title="投诉人查询时可见"/> }
}
