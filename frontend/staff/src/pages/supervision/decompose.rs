//! Splitting an item into one more task (分解立项): what to do, the lead
//! and assisting units, the responsible person and supervisor, the
//! deadline (or the limit table's), checkpoints and a monthly report day.
//! The task goes out with its 交办单.

use frontend::widgets::{load, post_then, show, ErrorRegion, Loaded};
use leptos::prelude::*;
use shared::api::{AddTask, ListUnits};
use shared::engine::date::Date;
use shared::error::{ApiError, ErrorCode};
use shared::supervision::forms::{Milestone, TaskForm};
use shared::supervision::views::ItemView;

/// Checkpoints typed one a line: `2026-12-15 完成调研`.
fn milestones(text: &str) -> Result<Vec<Milestone>, ApiError> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (day, what) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
            let due = Date::parse(day)
                .map_err(|_| ApiError::new(ErrorCode::InvalidParameter, format!("进度节点“{l}”应以日期开头，如 2026-12-15 完成调研")))?;
            Ok(Milestone { due, text: what.trim().to_string() })
        })
        .collect()
}

#[component]
pub fn Decompose(item: ItemView, data: Loaded<ItemView>) -> impl IntoView {
    let units = load::<ListUnits>(&[], Default::default());
    let error = RwSignal::new(None);
    let (requirement, lead, responsible, supervisor) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (due, steps, report_day) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let assists = RwSignal::new(Vec::<i64>::new());
    let (no, version) = (StoredValue::new(item.item_no.clone()), item.version);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let milestones = match milestones(&steps.get_untracked()) {
            Ok(m) => m,
            Err(e) => return error.set(Some(e)),
        };
        let due_text = due.get_untracked();
        let form = TaskForm {
            version,
            requirement: requirement.get_untracked(),
            lead_unit_id: lead.get_untracked().parse().unwrap_or(0),
            assist_unit_ids: assists.get_untracked(),
            responsible: responsible.get_untracked(),
            supervisor: supervisor.get_untracked(),
            due: Date::parse(due_text.trim()).ok(),
            milestones,
            report_day: report_day.get_untracked().trim().parse().ok(),
        };
        post_then::<AddTask>(&[&no.get_value()], form, error, move |view| data.set(Some(Ok(view))));
    };
    view! {
        <section class="panel no-print" data-testid="decompose">
            <h2>"分解交办任务"</h2>
            <form class="stack-form" on:submit=submit>
                <label for="task-requirement">"工作要求"</label>
                <textarea id="task-requirement" rows="3" bind:value=requirement></textarea>
                {show(units, move |list| {
                    let active: Vec<(i64, String)> = list.units.into_iter().filter(|u| u.active).map(|u| (u.id, u.form.name)).collect();
                    let boxes = active.clone();
                    view! {
                        <label for="task-lead">"牵头单位"</label>
                        <select id="task-lead" on:change=move |ev| lead.set(event_target_value(&ev))>
                            <option value="">"请选择"</option>
                            {active.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                        </select>
                        <fieldset class="unit-checks">
                            <legend>"配合单位"</legend>
                            {boxes.into_iter().map(|(id, name)| view! {
                                <label class="choice"><input type="checkbox" on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    assists.update(|a| { a.retain(|x| *x != id); if on { a.push(id) } });
                                }/>{name}</label>
                            }).collect_view()}
                        </fieldset>
                    }
                })}
                <label for="task-responsible">"责任人"</label>
                <input id="task-responsible" maxlength="50" bind:value=responsible/>
                <label for="task-supervisor">"督办人"</label>
                <input id="task-supervisor" maxlength="50" bind:value=supervisor/>
                <label for="task-due">{format!("办结时限（不填：按默认时限{}个工作日）", item.default_days)}</label>
                <input id="task-due" type="date" bind:value=due/>
                <label for="task-milestones">"序时进度节点（每行一个：日期 内容，可不填）"</label>
                <textarea id="task-milestones" rows="3" placeholder="2026-12-15 完成调研摸底" bind:value=steps></textarea>
                <label for="task-report-day">"每月报送进度日（1–28，可不填）"</label>
                <input id="task-report-day" type="number" min="1" max="28" bind:value=report_day/>
                <ErrorRegion error/>
                <button type="submit">"交办（发出交办单）"</button>
            </form>
        </section>
    }
}
