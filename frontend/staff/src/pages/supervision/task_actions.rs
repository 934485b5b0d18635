//! What each side does with a task, each form shown only when the server
//! lists its action as open to this viewer now: units report progress,
//! contribute, report the result and ask for more time; the office decides
//! extensions, checks results, reports to the leader, strikes off or hands
//! on a leader's new instruction.

use super::item::Done;
use frontend::widgets::{post_then, ErrorRegion, Loaded};
use leptos::prelude::*;
use shared::api::ActOnTask;
use shared::engine::date::Date;
use shared::supervision::task::{TaskAction, TaskActionRequest};
use shared::supervision::views::{ItemView, TaskView};

/// Posting one action on a task, as of the version read.
#[derive(Clone, Copy)]
struct Acting {
    no: StoredValue<String>,
    version: i64,
    data: Loaded<ItemView>,
    error: RwSignal<Option<shared::error::ApiError>>,
    done: Done,
}

impl Acting {
    fn act(self, action: TaskAction) {
        let (data, done, no) = (self.data, self.done.0, self.no.get_value());
        done.set(None);
        post_then::<ActOnTask>(&[&no.clone()], TaskActionRequest { version: self.version, action }, self.error, move |view| {
            let state = view.tasks.iter().find(|t| t.task_no == no).map(|t| t.state.zh()).unwrap_or_default();
            done.set(Some(format!("已提交。任务{no}现在的状态：{state}")));
            data.set(Some(Ok(view)));
        });
    }
}

#[component]
pub fn Actions(task: TaskView, data: Loaded<ItemView>) -> impl IntoView {
    if task.actions.is_empty() {
        return ().into_any();
    }
    let acting = Acting {
        no: StoredValue::new(task.task_no.clone()),
        version: task.version,
        data,
        error: RwSignal::new(None),
        done: expect_context::<Done>(),
    };
    let has = |a: &str| task.actions.iter().any(|x| x == a);
    let id = |s: &str| format!("{s}-{}", task.task_no);
    let milestones: Vec<(usize, String)> = task
        .milestones
        .iter()
        .enumerate()
        .filter(|(_, m)| m.reached_at.is_none())
        .map(|(i, m)| (i, format!("{} {}", m.milestone.due.zh_full(), m.milestone.text)))
        .collect();
    view! {
        <div class="task-actions no-print" data-testid="task-actions">
            <h3>"办理操作"</h3>
            {has("progress").then(|| view! { <Progress acting id=id("progress") milestones/> })}
            {has("contribute").then(|| view! {
                <TextAction acting id=id("contribute") label="配合意见（供牵头单位汇总报送）" button="提交配合意见"
                    make=|text, _| TaskAction::Contribute { text }/>
            })}
            {has("report").then(|| view! {
                <TextAction acting id=id("report") label="办理结果（代表全部承办单位的一个答复）" button="报送办理结果"
                    late=true make=|text, late_reason| TaskAction::Report { text, late_reason }/>
            })}
            {has("request_extension").then(|| view! { <Extension acting id=id("ext")/> })}
            {has("decide_extension").then(|| view! { <Decide acting id=id("decide") yes="同意延期" no="不同意延期"
                make=|approve, reason, _| TaskAction::DecideExtension { approve, reason }/> })}
            {has("check").then(|| view! { <Decide acting id=id("check") yes="审核通过" no="退回重办" with_date=true
                make=|pass, reason, redo_by| TaskAction::Check { pass, reason, redo_by }/> })}
            {has("report_to_leader").then(|| view! {
                <TextAction acting id=id("leader") label="呈报情况（呈报哪位领导、如何呈报）" button="呈报领导"
                    make=|note, _| TaskAction::ReportToLeader { note }/>
            })}
            {has("strike_off").then(|| view! {
                <TextAction acting id=id("strike") label="领导阅示意见（无进一步批示的，销号）" button="销号"
                    make=|note, _| TaskAction::StrikeOff { note }/>
            })}
            {has("follow_up").then(|| view! { <FollowUp acting id=id("follow")/> })}
            <ErrorRegion error=acting.error/>
        </div>
    }
    .into_any()
}

/// A text (and, for a late report, the reason) sent as `make(text, reason)`.
#[component]
fn TextAction(
    acting: Acting,
    id: String,
    label: &'static str,
    button: &'static str,
    #[prop(optional)] late: bool,
    make: fn(String, String) -> TaskAction,
) -> impl IntoView {
    let (text, reason) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        acting.act(make(text.get_untracked(), reason.get_untracked()));
    };
    let reason_id = format!("{id}-late");
    view! {
        <form class="stack-form" on:submit=submit>
            <label for=id.clone()>{label}</label>
            <textarea id=id rows="3" bind:value=text></textarea>
            {late.then(|| view! {
                <label for=reason_id.clone()>"逾期原因（超过办结时限报送时必填）"</label>
                <input id=reason_id bind:value=reason/>
            })}
            <button type="submit" class="small">{button}</button>
        </form>
    }
}

/// A progress report: what was done, a checkpoint reached, and the reason
/// if the report day has passed.
#[component]
fn Progress(acting: Acting, id: String, milestones: Vec<(usize, String)>) -> impl IntoView {
    let (text, reason, milestone) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let milestone = milestone.get_untracked().parse().ok();
        acting.act(TaskAction::Progress { text: text.get_untracked(), milestone, late_reason: reason.get_untracked() });
    };
    let (m_id, r_id) = (format!("{id}-milestone"), format!("{id}-late"));
    view! {
        <form class="stack-form" on:submit=submit>
            <label for=id.clone()>"工作进展"</label>
            <textarea id=id rows="3" bind:value=text></textarea>
            {(!milestones.is_empty()).then(|| view! {
                <label for=m_id.clone()>"完成的进度节点"</label>
                <select id=m_id on:change=move |ev| milestone.set(event_target_value(&ev))>
                    <option value="">"无"</option>
                    {milestones.into_iter().map(|(i, m)| view! { <option value=i.to_string()>{m}</option> }).collect_view()}
                </select>
            })}
            <label for=r_id.clone()>"迟报原因（过了报送日期时必填）"</label>
            <input id=r_id bind:value=reason/>
            <button type="submit" class="small">"报送进展"</button>
        </form>
    }
}

#[component]
fn Extension(acting: Acting, id: String) -> impl IntoView {
    let (days, reason) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        acting.act(TaskAction::RequestExtension { days: days.get_untracked().trim().parse().unwrap_or(0), reason: reason.get_untracked() });
    };
    let r_id = format!("{id}-reason");
    view! {
        <form class="stack-form" on:submit=submit>
            <p class="muted">"须在办结时限前申请，每项任务只能申请一次，由县府办审批。"</p>
            <label for=id.clone()>"延长工作日数"</label>
            <input id=id type="number" min="1" max="60" bind:value=days/>
            <label for=r_id.clone()>"延期理由"</label>
            <textarea id=r_id rows="2" bind:value=reason></textarea>
            <button type="submit" class="small">"申请延期"</button>
        </form>
    }
}

/// Yes or no with a reason (and, for sending back, a new date).
#[component]
fn Decide(
    acting: Acting,
    id: String,
    yes: &'static str,
    no: &'static str,
    #[prop(optional)] with_date: bool,
    make: fn(bool, String, Option<Date>) -> TaskAction,
) -> impl IntoView {
    let (reason, date) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let send = move |approve: bool| acting.act(make(approve, reason.get_untracked(), Date::parse(date.get_untracked().trim()).ok()));
    let d_id = format!("{id}-date");
    view! {
        <div class="stack-form">
            <label for=id.clone()>"意见或理由（不同意或退回时必填）"</label>
            <textarea id=id rows="2" bind:value=reason></textarea>
            {with_date.then(|| view! {
                <label for=d_id.clone()>"重办时限（可不填，沿用原时限）"</label>
                <input id=d_id type="date" bind:value=date/>
            })}
            <div class="action-row">
                <button type="button" class="small" on:click=move |_| send(true)>{yes}</button>
                <button type="button" class="small secondary" on:click=move |_| send(false)>{no}</button>
            </div>
        </div>
    }
}

#[component]
fn FollowUp(acting: Acting, id: String) -> impl IntoView {
    let (instruction, due) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Date::parse(due.get_untracked().trim()) {
            Ok(due) => acting.act(TaskAction::FollowUp { instruction: instruction.get_untracked(), due }),
            Err(_) => {
                acting.error.set(Some(shared::error::ApiError::new(shared::error::ErrorCode::InvalidParameter, "请选择后续任务的办结时限")))
            }
        }
    };
    let d_id = format!("{id}-due");
    view! {
        <form class="stack-form" on:submit=submit>
            <label for=id.clone()>"领导新批示（转为后续任务，本任务销号）"</label>
            <textarea id=id rows="2" bind:value=instruction></textarea>
            <label for=d_id.clone()>"后续任务办结时限"</label>
            <input id=d_id type="date" bind:value=due/>
            <button type="submit" class="small">"后续交办"</button>
        </form>
    }
}
