//! The office's side of a dispatched ticket: deciding a unit's return
//! (re-assigning the lead's part, or rejecting with a reason the unit will
//! see), deciding an extension, reviewing the reply, the call-back, and
//! letting the lead unit see the caller's contact.

use super::ticket::Acting;
use frontend::widgets::load;
use leptos::prelude::*;
use shared::api::{self as ep, Empty};
use shared::engine::limit::Limit;
use shared::hotline::ticket::{CallbackResult, TicketAction, CALLBACK_TRIES};
use shared::hotline::views::Part;
use shared::hotline::Role;

/// One unit's return request: accept it (the lead's part goes to another
/// unit) or reject it with a reason.
#[component]
pub fn ReturnReview(acting: Acting, part: Part) -> impl IntoView {
    let units = load::<ep::ListUnits>(&[], Empty {});
    let (accept, reassign, reason) = (RwSignal::new(true), RwSignal::new(None::<i64>), RwSignal::new(String::new()));
    let (unit_id, lead) = (part.unit_id, part.role == Role::Lead);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let accept = accept.get_untracked();
        let reassign_to = if accept && lead { reassign.get_untracked() } else { None };
        if accept && lead && reassign_to.is_none() {
            return acting.refuse("同意主办单位退单，请选择改派的主办单位");
        }
        acting.act(TicketAction::ReviewReturn { unit_id, accept, reassign_to, reason: reason.get_untracked() });
    };
    let name = move |suffix: &str| format!("return-{unit_id}-{suffix}");
    let heading = format!("{}（{}）申请退单", part.unit_name, if lead { "主办" } else { "协办" });
    view! {
        <form class="stack-form" on:submit=submit>
            <h3>{heading}</h3>
            <p>{format!("退单理由：{}", part.return_reason)}</p>
            <fieldset class="plain">
                <legend>"审核意见"</legend>
                <label class="choice"><input type="radio" name=name("decision") checked=true on:change=move |_| accept.set(true)/>"同意退单"</label>
                <label class="choice"><input type="radio" name=name("decision") on:change=move |_| accept.set(false)/>"驳回退单（办理期限不变）"</label>
            </fieldset>
            <Show when=move || lead && accept.get()>
                <label for=name("reassign")>"改派主办单位"</label>
                <select id=name("reassign") on:change=move |ev| reassign.set(event_target_value(&ev).parse().ok())>
                    <option value="">"请选择"</option>
                    {move || units.get().and_then(Result::ok).map(|l| l.units.into_iter().filter(|u| u.active && u.id != unit_id).map(|u| view! {
                        <option value=u.id.to_string() prop:selected=move || reassign.get() == Some(u.id)>{u.form.name}</option>
                    }).collect_view())}
                </select>
            </Show>
            <label for=name("reason")>"审核理由（驳回时必填，承办单位将看到）"</label>
            <textarea id=name("reason") rows="2" bind:value=reason></textarea>
            <button type="submit" class="small">"提交审核"</button>
        </form>
    }
}

/// The lead unit's request for more time: approve or refuse with a reason.
#[component]
pub fn ExtensionDecision(acting: Acting, amount: Limit, reason: String) -> impl IntoView {
    let note = RwSignal::new(String::new());
    let decide = move |approve: bool| acting.act(TicketAction::DecideExtension { approve, reason: note.get_untracked() });
    view! {
        <div class="stack-form">
            <h3>"延期审批"</h3>
            <p>{format!("申请延长{}，理由：{reason}", amount.zh())}</p>
            <label for="ext-decision">"审批意见（不同意时必填）"</label>
            <input id="ext-decision" bind:value=note/>
            <div class="action-row">
                <button type="button" class="small" on:click=move |_| decide(true)>"同意延期"</button>
                <button type="button" class="small danger" on:click=move |_| decide(false)>"不同意延期"</button>
            </div>
        </div>
    }
}

/// The lead unit's reply (shown above): on to the call-back, or back to
/// the unit with a reason.
#[component]
pub fn ReplyReview(acting: Acting) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let review = move |accept: bool| acting.act(TicketAction::ReviewReply { accept, reason: reason.get_untracked() });
    view! {
        <div class="stack-form">
            <h3>"答复审核"</h3>
            <label for="reply-review-reason">"退回理由（退回时必填）"</label>
            <input id="reply-review-reason" bind:value=reason/>
            <div class="action-row">
                <button type="button" class="small" on:click=move |_| review(true)>"审核通过，转入回访"</button>
                <button type="button" class="small danger" on:click=move |_| review(false)>"退回重新答复"</button>
            </div>
        </div>
    }
}

/// What the caller said when called back (or that nobody answered).
#[component]
pub fn CallbackForm(acting: Acting, tries: u32) -> impl IntoView {
    let (result, note) = (RwSignal::new(None::<CallbackResult>), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match result.get_untracked() {
            Some(result) => acting.act(TicketAction::Callback { result, note: note.get_untracked() }),
            None => acting.refuse("请选择回访结果"),
        }
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <h3>"回访"</h3>
            <p class="muted">{format!("已回访{tries}次；第{CALLBACK_TRIES}次仍未接通的，按未回访办结。")}</p>
            <label for="callback-result">"回访结果"</label>
            <select id="callback-result" on:change=move |ev| result.set(CallbackResult::parse(&event_target_value(&ev)))>
                <option value="">"请选择"</option>
                {CallbackResult::ALL.map(|r| view! { <option value=r.as_str()>{r.zh()}</option> })}
            </select>
            <label for="callback-note">"回访记录"</label>
            <textarea id="callback-note" rows="2" bind:value=note></textarea>
            <button type="submit" class="small">"记录回访结果"</button>
        </form>
    }
}

/// Lets the lead unit see the caller's name, phone and address, or takes
/// that back.
#[component]
pub fn GrantContact(acting: Acting) -> impl IntoView {
    let grant = move |grant: bool| acting.act(TicketAction::GrantContact { grant });
    view! {
        <div class="stack-form">
            <h3>"来电人信息授权"</h3>
            <p class="muted">"成员单位默认看不到来电人姓名、电话和地址；确需联系来电人的，可授权主办单位查看。"</p>
            <div class="action-row">
                <button type="button" class="small" on:click=move |_| grant(true)>"授权主办单位查看"</button>
                <button type="button" class="small danger" on:click=move |_| grant(false)>"撤销授权"</button>
            </div>
        </div>
    }
}
