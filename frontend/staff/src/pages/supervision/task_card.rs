//! One task on its item's page: units, deadline and why, checkpoints,
//! report, check and leader's notes, slips, the audit trail, and the forms
//! of the actions open to the viewer.

use super::item::Upload;
use super::task_actions::Actions;
use super::{colour_class, colour_zh};
use crate::route::Route;
use crate::sv_route::Sv;
use frontend::router::Link;
use frontend::widgets::Loaded;
use leptos::prelude::*;
use shared::engine::case_action::ExtensionState;
use shared::supervision::views::{ItemView, TaskView};
use shared::supervision::{TaskRole, TaskState};

#[component]
pub fn TaskCard(task: TaskView, data: Loaded<ItemView>) -> impl IntoView {
    let t = task.clone();
    let assists: Vec<String> = t.parts.iter().filter(|p| p.role == TaskRole::Assist).map(|p| p.unit_name.clone()).collect();
    let contributions: Vec<_> = t.parts.iter().filter(|p| !p.contribution.is_empty()).cloned().collect();
    let extension = match t.extension {
        ExtensionState::None => None,
        e => Some(format!("{}个工作日（{}）：{}", t.extension_days, e_zh(e), t.extension_reason)),
    };
    let lead_can_upload = t.my_role == Some(TaskRole::Lead) && t.state != TaskState::Closed;
    let (row, class) = (t.task_no.clone(), format!("panel task {}", colour_class(t.colour)));
    let slips = t.slips.clone();
    let (item_no, task_no) = (task.item_no.clone(), task.task_no.clone());
    view! {
        <section class=class data-testid="task" data-task=row>
            <h2>{format!("任务 {}", t.task_no)}<span class="badge" data-testid="task-state">{t.state.zh()}</span>
                <span class="badge">{colour_zh(t.colour)}</span></h2>
            <p class="pre-wrap">{t.requirement.clone()}</p>
            <dl class="pairs">
                <dt>"牵头单位"</dt><dd>{t.lead_unit_name.clone()}</dd>
                <dt>"配合单位"</dt><dd>{if assists.is_empty() { "无".to_string() } else { assists.join("、") }}</dd>
                <dt>"责任人"</dt><dd>{t.responsible.clone()}</dd>
                <dt>"督办人"</dt><dd>{t.supervisor.clone()}</dd>
                <dt>"办结时限"</dt><dd data-testid="deadline">{format!("{}24时前", t.deadline.zh_full())}</dd>
                <dt>"时限依据"</dt><dd>{t.deadline_why.join("；")}</dd>
                {t.next_report_due.map(|d| view! { <dt>"下次报送进度"</dt><dd>{format!("{}前（每月{}日）", d.zh_full(), t.report_day.unwrap_or_default())}</dd> })}
                {extension.map(|e| view! { <dt>"延期"</dt><dd>{e}</dd> })}
                {t.follows.clone().map(|f| view! { <dt>"接续"</dt><dd>{format!("原任务{f}的后续交办")}</dd> })}
                {t.followed_by.clone().map(|f| view! { <dt>"后续"</dt><dd>{format!("领导新批示，已转任务{f}")}</dd> })}
            </dl>
            {(!t.milestones.is_empty()).then(|| view! {
                <h3>"序时进度"</h3>
                <ol>{t.milestones.iter().map(|m| view! {
                    <li>{format!("{} {}：{}", m.milestone.due.zh_full(), m.milestone.text,
                        m.reached_at.map(|r| format!("已完成（{}）", r.short())).unwrap_or_else(|| "未完成".into()))}</li>
                }).collect_view()}</ol>
            })}
            {(!contributions.is_empty()).then(|| view! {
                <h3>"配合意见"</h3>
                <ul>{contributions.into_iter().map(|p| view! { <li>{format!("{}：{}", p.unit_name, p.contribution)}</li> }).collect_view()}</ul>
            })}
            {t.report.clone().map(|r| view! {
                <h3>"办理结果"</h3>
                <p class="pre-wrap" data-testid="report">{r.text}</p>
                <p class="muted">{format!("{}报送{}", r.at.short(), if r.late { format!("（逾期，原因：{}）", r.late_reason) } else { String::new() })}</p>
            })}
            {(!t.check_note.is_empty()).then(|| view! { <p>{format!("审核意见：{}", t.check_note)}</p> })}
            {(!t.leader_note.is_empty()).then(|| view! { <p>{format!("呈报领导：{}", t.leader_note)}</p> })}
            {(!slips.is_empty()).then(|| view! {
                <h3>"督办单"</h3>
                <ul data-testid="slips">{slips.into_iter().map(|s| view! {
                    <li><Link to=Route::Supervision(Sv::Slip(s.id.to_string()))>{s.slip_no}</Link>
                        {format!(" {}{} {}", s.colour.zh(), s.kind.zh(), s.issued_at.short())}</li>
                }).collect_view()}</ul>
            })}
            <details>
                <summary>"办理记录"</summary>
                <ol class="timeline">{t.events.iter().map(|e| view! { <li>{format!("{} {}：{}", e.at.short(), e.actor, e.note)}</li> }).collect_view()}</ol>
            </details>
            <Show when=move || lead_can_upload><Upload no=item_no.clone() task=Some(task_no.clone()) data/></Show>
            <Actions task=task data/>
        </section>
    }
}

fn e_zh(e: ExtensionState) -> &'static str {
    match e {
        ExtensionState::Pending => "待审批",
        ExtensionState::Approved => "已批准",
        ExtensionState::Refused => "未批准",
        ExtensionState::None => "",
    }
}
