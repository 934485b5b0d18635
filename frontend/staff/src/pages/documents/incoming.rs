//! A unit's incoming handling (收文) of its signed copy: registration with
//! the receiving number and 拟办, the leader's 批示, circulation (传阅) to
//! colleagues with where the document is now, read or taken back, and the
//! lead office (承办) with its deadline.

use super::doc::Shown;
use crate::app::Me;
use frontend::widgets::load;
use leptos::prelude::*;
use shared::api::{Empty, ListColleagues};
use shared::documents::forms::DocAction;
use shared::documents::incoming::Incoming;
use shared::documents::views::DocView;

#[component]
pub fn IncomingParts(view: DocView, shown: Shown) -> impl IntoView {
    let Some(copy) = view.recipients.first().cloned() else { return ().into_any() };
    let key = StoredValue::new(view.doc_key.clone());
    let version = copy.version;
    let act = move |action: DocAction, done: &'static str| shown.act(&key.get_value(), version, action, done);
    let Some(record) = view.incoming else {
        let proposal = RwSignal::new(String::new());
        return view! {
            <section class="panel" data-testid="incoming">
                <h2>"收文登记"</h2>
                <form class="stacked" on:submit=move |ev| { ev.prevent_default(); act(DocAction::Register { proposal: proposal.get_untracked() }, "已登记收文。") }>
                    <label for="in-proposal">"拟办意见"</label>
                    <textarea id="in-proposal" maxlength="500" on:input=move |ev| proposal.set(event_target_value(&ev))></textarea>
                    <button type="submit">"登记收文"</button>
                </form>
            </section>
        }
        .into_any();
    };
    view! {
        <section class="panel" data-testid="incoming">
            <h2>"收文办理"</h2>
            <Record record=record.clone() handled=copy.state == shared::documents::RecipientState::Handled/>
            <Instruct act/>
            <Circulate act record/>
            <Assign act/>
        </section>
    }
    .into_any()
}

#[component]
fn Record(record: Incoming, handled: bool) -> impl IntoView {
    // Past its deadline without the answer back: flagged (the copy is then still signed, not handled).
    let today = shared::engine::date::Date::from_unix_ms_cst(js_sys::Date::now());
    let late = record.lead_due.is_some_and(|d| d < today) && !handled;
    let lead = record.lead.clone().map(|l| {
        let due = record.lead_due.map(|d| format!("（{}前办结{}）", d.zh_full(), if late { "，已超期" } else { "" })).unwrap_or_default();
        format!("{l}{due}")
    });
    view! {
        <dl class="pairs">
            <dt>"收文号"</dt><dd data-testid="receive-no">{record.receive_no}</dd>
            <dt>"拟办意见"</dt><dd>{record.proposal}</dd>
            <dt>"领导批示"</dt><dd data-testid="instruction">{record.instruction.map(|i| format!("{i}（{}）", record.instructed_by.unwrap_or_default())).unwrap_or_else(|| "尚无".into())}</dd>
            <dt>"承办"</dt><dd>{lead.unwrap_or_else(|| "尚未交承办".into())}</dd>
            <dt>"公文去向"</dt><dd data-testid="whereabouts">{record.whereabouts}</dd>
        </dl>
        <ol class="timeline" data-testid="circulation">
            {record.circulation.into_iter().map(|c| {
                let state = match (c.read_at, c.recalled_at) {
                    (Some(t), _) => format!("已阅 {}", t.short()),
                    (None, Some(t)) => format!("已收回 {}", t.short()),
                    _ => "未阅".into(),
                };
                view! { <li>{format!("{} · 送阅 {} · {state}", c.reader, c.sent_at.short())}</li> }
            }).collect_view()}
        </ol>
    }
}

#[component]
fn Instruct(act: impl Fn(DocAction, &'static str) + Copy + Send + Sync + 'static) -> impl IntoView {
    let text = RwSignal::new(String::new());
    view! {
        <form class="stacked" on:submit=move |ev| { ev.prevent_default(); act(DocAction::Instruct { instruction: text.get_untracked() }, "已批示。") }>
            <label for="in-instruction">"领导批示（本单位负责人）"</label>
            <textarea id="in-instruction" maxlength="500" on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <button type="submit">"批示"</button>
        </form>
    }
}

#[component]
fn Circulate(act: impl Fn(DocAction, &'static str) + Copy + Send + Sync + 'static, record: Incoming) -> impl IntoView {
    let me = expect_context::<Me>();
    let colleagues = load::<ListColleagues>(&[], Empty {});
    let chosen = RwSignal::new(Vec::<i64>::new());
    let with_me = move || {
        let name = me.get().map(|u| u.name).unwrap_or_default();
        record.circulation.iter().any(|c| c.reader == name && c.read_at.is_none() && c.recalled_at.is_none())
    };
    view! {
        <form class="stacked" on:submit=move |ev| { ev.prevent_default(); act(DocAction::Circulate { staff_ids: chosen.get_untracked() }, "已送传阅。") }>
            <fieldset class="choices">
                <legend>"传阅人"</legend>
                {move || colleagues.get().and_then(Result::ok).map(|list| list.into_iter().map(|c| {
                    let id = c.id;
                    let toggle = move |ev: leptos::ev::Event| {
                        let on = event_target_checked(&ev);
                        chosen.update(|v| { v.retain(|x| *x != id); if on { v.push(id) } });
                    };
                    view! { <label class="check"><input type="checkbox" on:change=toggle/>{c.name}</label> }
                }).collect_view())}
            </fieldset>
            <button type="submit">"送传阅"</button>
        </form>
        <Show when=with_me>
            <button type="button" on:click=move |_| act(DocAction::Read, "已阅。")>"阅毕"</button>
        </Show>
        " "
        <button type="button" on:click=move |_| act(DocAction::RecallCirculation, "已收回未阅的传阅件。")>"收回未阅传阅件"</button>
    }
}

#[component]
fn Assign(act: impl Fn(DocAction, &'static str) + Copy + Send + Sync + 'static) -> impl IntoView {
    let (lead, due) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let due = shared::engine::date::Date::parse(&due.get_untracked()).ok();
        act(DocAction::Assign { lead: lead.get_untracked(), due }, "已交承办。");
    };
    view! {
        <form class="stacked" on:submit=submit>
            <label for="in-lead">"承办科室或承办人"</label>
            <input id="in-lead" maxlength="100" on:input=move |ev| lead.set(event_target_value(&ev))/>
            <label for="in-due">"办结期限（紧急公文）"</label>
            <input id="in-due" type="date" on:input=move |ev| due.set(event_target_value(&ev))/>
            <button type="submit">"交承办"</button>
        </form>
    }
}
