//! `/staff/information/items/{no}`: an item, its units' shares and points,
//! its trail, and what the viewer may do now: the unit revises after a
//! return; the editors adopt into an issue, return, decline, un-adopt,
//! forward upward and record a higher adoption or a leader's instruction.

use super::points;
use crate::info_route::Info;
use crate::pages::{AuditLine, AuditTrail, ConflictError};
use crate::route::Route;
use frontend::router::{set_title, Link};
use frontend::widgets::{load, post_then, show_page, HeaderCells, Loaded};
use leptos::prelude::*;
use shared::api::information::{ActOnInfoItem, GetInfoItem, ListInfoIssues};
use shared::information::item::{InfoAction, InfoActionRequest};
use shared::information::views::InfoItemView;
use shared::information::Level;

#[component]
pub fn ItemPage(no: String) -> impl IntoView {
    set_title("信息");
    let data = load::<GetInfoItem>(&[&no], Default::default());
    show_page(data, "信息".into(), move |v| {
        let levels = |l: &[Level]| l.iter().map(|l| l.zh()).collect::<Vec<_>>().join("、");
        view! {
            <article class="panel" data-testid="info-item">
                <h1>{v.title.clone()}</h1>
                <dl class="pairs">
                    <dt>"编号"</dt><dd>{v.item_no.clone()}</dd>
                    <dt>"状态"</dt><dd data-testid="info-state">{v.state.zh()}</dd>
                    <dt>"类别"</dt><dd>{v.category.zh()}</dd>
                    <dt>"报送单位"</dt><dd>{v.unit_name.clone()}</dd>
                    <dt>"执笔人"</dt><dd>{format!("{}（{}）", v.writer, v.writer_phone)}</dd>
                    <dt>"签发人"</dt><dd>{v.signed_off_by.clone()}</dd>
                    <dt>"刊发"</dt><dd>{v.issue_no.clone().unwrap_or_else(|| "未刊发".into())}</dd>
                    <dt>"转报"</dt><dd>{levels(&v.forwarded)}</dd>
                    <dt>"上级采用"</dt><dd>{levels(&v.adopted_by)}</dd>
                    {(!v.reason.is_empty()).then(|| view! { <dt>"理由"</dt><dd>{v.reason.clone()}</dd> })}
                </dl>
                <p class="pre-wrap">{v.body.clone()}</p>
                <table class="cases">
                    <thead><tr><HeaderCells titles=&["单位", "比例", "本条得分"]/></tr></thead>
                    <tbody>{v.shares.iter().map(|s| view! {
                        <tr><td>{s.unit_name.clone()}</td><td>{format!("{}%", s.percent)}</td><td>{points(s.points)}</td></tr>
                    }).collect_view()}</tbody>
                </table>
                <p><Link to=Route::Information(Info::items())>"返回信息列表"</Link></p>
            </article>
            <AuditTrail lines=v.trail.iter().map(|l| AuditLine { at: l.at, actor: l.actor.clone(), note: l.note.clone(), public: false }).collect() public_title=""/>
            {(!v.actions.is_empty()).then(|| view! { <Actions v=v.clone() data/> })}
        }
    })
}

fn zh(action: &str) -> &'static str {
    match action {
        "resubmit" => "修改后重新报送",
        "adopt" => "采用并编入刊物",
        "return" => "退回修改",
        "decline" => "不予采用",
        "unadopt" => "撤销采用",
        "forward" => "转报上级",
        "higher_adoption" => "记录上级采用",
        _ => "记录领导批示",
    }
}

#[component]
fn Actions(v: InfoItemView, data: Loaded<InfoItemView>) -> impl IntoView {
    let error = RwSignal::new(None);
    let chosen = RwSignal::new(v.actions[0].clone());
    let (text, title, body, leader) =
        (RwSignal::new(String::new()), RwSignal::new(v.title.clone()), RwSignal::new(v.body.clone()), RwSignal::new(String::new()));
    let (issue, level) = (RwSignal::new(String::new()), RwSignal::new(Level::City));
    let office = v.actions.iter().any(|a| a == "adopt");
    let issues = office.then(|| load::<ListInfoIssues>(&[], Default::default()));
    let (no, version) = (v.item_no.clone(), v.version);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = text.get_untracked();
        let action = match chosen.get_untracked().as_str() {
            "resubmit" => InfoAction::Resubmit { title: title.get_untracked(), body: body.get_untracked() },
            "adopt" => InfoAction::Adopt {
                issue_id: issue.get_untracked().parse().unwrap_or(0),
                title: title.get_untracked(),
                body: String::new(),
            },
            "return" => InfoAction::Return { reason: t },
            "decline" => InfoAction::Decline { reason: t },
            "unadopt" => InfoAction::Unadopt { reason: t },
            "forward" => InfoAction::Forward { level: level.get_untracked() },
            "higher_adoption" => InfoAction::HigherAdoption { level: level.get_untracked() },
            _ => InfoAction::Instruction { leader: leader.get_untracked(), text: t },
        };
        post_then::<ActOnInfoItem>(&[&no], InfoActionRequest::new(version, action), error, move |after| data.set(Some(Ok(after))));
    };
    let is = move |names: &'static [&'static str]| move || names.contains(&chosen.get().as_str());
    let reload = {
        let no = v.item_no.clone();
        Callback::new(move |()| {
            let no = no.clone();
            leptos::task::spawn_local(
                async move { data.set(Some(frontend::api::fetch::<GetInfoItem>(&[&no], &Default::default()).await)) },
            );
        })
    };
    view! {
        <section class="panel no-print">
            <h2>"办理"</h2>
            <form class="stack-form" on:submit=send>
                <label for="info-action">"操作"</label>
                <select id="info-action" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {v.actions.iter().map(|a| view! { <option value=a.clone()>{zh(a)}</option> }).collect_view()}
                </select>
                <Show when=is(&["adopt"])>
                    <label for="info-issue">"编入刊物"</label>
                    <select id="info-issue" on:change=move |ev| issue.set(event_target_value(&ev))>
                        <option value="">"请选择"</option>
                        {move || issues.and_then(|l| l.get()).and_then(|r| r.ok()).map(|l| l.issues.into_iter().map(|s| view! {
                            <option value=s.id.to_string()>{format!("{}（{}）", s.number, s.title)}</option>
                        }).collect_view())}
                    </select>
                </Show>
                <Show when=is(&["adopt", "resubmit"])>
                    <label for="info-edit-title">"标题（可编辑）"</label>
                    <input id="info-edit-title" maxlength="100" bind:value=title/>
                </Show>
                <Show when=is(&["resubmit"])>
                    <label for="info-edit-body">"正文"</label>
                    <textarea id="info-edit-body" rows="8" bind:value=body></textarea>
                </Show>
                <Show when=is(&["forward", "higher_adoption"])>
                    <label for="info-level">"上级机关"</label>
                    <select id="info-level" on:change=move |ev| if let Some(l) = Level::parse(&event_target_value(&ev)) { level.set(l) }>
                        {Level::ALL.map(|l| view! { <option value=l.as_str()>{l.zh()}</option> })}
                    </select>
                </Show>
                <Show when=is(&["instruction"])>
                    <label for="info-leader">"批示领导"</label>
                    <input id="info-leader" maxlength="50" bind:value=leader/>
                </Show>
                <Show when=is(&["return", "decline", "unadopt", "instruction"])>
                    <label for="info-text">{move || if chosen.get() == "instruction" { "批示内容" } else { "理由" }}</label>
                    <textarea id="info-text" rows="3" bind:value=text></textarea>
                </Show>
                <ConflictError error stale="该信息已被他人更新。" reload_label="刷新" reload/>
                <button type="submit">"确定"</button>
            </form>
        </section>
    }
}
