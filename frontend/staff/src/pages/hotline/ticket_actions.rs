//! What staff do with a dispatched ticket, each form shown only when the
//! server lists its action as open to this viewer now: a unit signs,
//! returns, asks for more time, notes progress, contributes and replies;
//! the office reviews (in `ticket_review`).

use super::ticket::{same_unit, Acting, ActingError, Shown};
use super::ticket_review::{CallbackForm, ExtensionDecision, GrantContact, ReplyReview, ReturnReview};
use leptos::prelude::*;
use shared::engine::limit::Limit;
use shared::hotline::ticket::TicketAction;
use shared::hotline::views::TicketView;
use shared::hotline::PartState;

#[component]
pub fn Actions(view: TicketView, shown: Shown) -> impl IntoView {
    let acting = Acting::new(&view, shown);
    let has = |a: &str| view.actions.iter().any(|x| x == a);
    let returns: Vec<_> = view.parts.iter().filter(|p| p.state == PartState::ReturnRequested).cloned().collect();
    let (amount, reason) = (same_unit(view.limit, view.extension_amount), view.extension_reason.clone());
    view! {
        <section class="panel no-print" data-testid="ticket-actions">
            <h2>"办理操作"</h2>
            {has("sign").then(|| view! {
                <div class="action-row">
                    <button type="button" on:click=move |_| acting.act(TicketAction::Sign)>"签收"</button>
                    <span class="muted-inline">"签收后开始办理；不属于本单位职责的，请申请退单。"</span>
                </div>
            })}
            {has("request_return").then(|| view! {
                <TextAction acting id="return-reason" title="申请退单" label="退单理由（为何不属于本单位职责，县府办审核）"
                    button="申请退单" make=|reason| TicketAction::RequestReturn { reason }/>
            })}
            {has("review_return").then(|| returns.into_iter().map(|part| view! { <ReturnReview acting part/> }).collect_view())}
            {has("request_extension").then(|| view! { <ExtensionRequest acting limit=view.limit/> })}
            {has("decide_extension").then(|| view! { <ExtensionDecision acting amount reason/> })}
            {has("note").then(|| view! { <NoteForm acting/> })}
            {has("contribute").then(|| view! {
                <TextAction acting id="contribution" title="协办意见" label="协办意见（供主办单位答复时采用）"
                    button="提交协办意见" make=|text| TicketAction::Contribute { text }/>
            })}
            {has("reply").then(|| view! { <ReplyForm acting/> })}
            {has("review_reply").then(|| view! { <ReplyReview acting/> })}
            {has("callback").then(|| view! { <CallbackForm acting tries=view.callback_tries/> })}
            {has("grant_contact").then(|| view! { <GrantContact acting/> })}
            <ActingError acting/>
        </section>
    }
}

/// One text and a button that sends it as `make(text)`.
#[component]
pub fn TextAction(
    acting: Acting,
    id: &'static str,
    title: &'static str,
    label: &'static str,
    button: &'static str,
    make: fn(String) -> TicketAction,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        acting.act(make(text.get_untracked()));
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <h3>{title}</h3>
            <label for=id>{label}</label>
            <textarea id=id rows="3" bind:value=text></textarea>
            <button type="submit" class="small">{button}</button>
        </form>
    }
}

/// More time, once, before the deadline: in the limit's own unit (hours
/// or working days), with the reason the caller will be told.
#[component]
fn ExtensionRequest(acting: Acting, limit: Option<Limit>) -> impl IntoView {
    let unit = match same_unit(limit, 0) {
        Limit::Hours(_) => "小时",
        Limit::WorkingDays(_) => "工作日",
    };
    let (amount, reason) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let amount = amount.get_untracked().trim().parse().unwrap_or(0);
        acting.act(TicketAction::RequestExtension { amount, reason: reason.get_untracked() });
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <h3>"申请延期"</h3>
            <p class="muted">{format!("现办理时限：{}。须在期限前申请，每张工单只能申请一次，由县府办审批。", limit.map(|l| l.zh()).unwrap_or_default())}</p>
            <label for="ext-amount">{format!("延长{unit}数")}</label>
            <input id="ext-amount" type="number" min="1" bind:value=amount/>
            <label for="ext-reason">"延期理由（将告知来电人）"</label>
            <textarea id="ext-reason" rows="3" bind:value=reason></textarea>
            <button type="submit" class="small">"申请延期"</button>
        </form>
    }
}

/// A progress note, public to the caller if ticked.
#[component]
fn NoteForm(acting: Acting) -> impl IntoView {
    let (text, public) = (RwSignal::new(String::new()), RwSignal::new(false));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        acting.act(TicketAction::Note { text: text.get_untracked(), public: public.get_untracked() });
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <h3>"办理进展"</h3>
            <label for="note-text">"进展情况"</label>
            <textarea id="note-text" rows="3" bind:value=text></textarea>
            <label class="choice">
                <input type="checkbox" bind:checked=public/>
                "向来电人公开（来电人凭工单编号和查询码可以看到）"
            </label>
            <button type="submit" class="small">"记录进展"</button>
        </form>
    }
}

/// The lead unit's reply: the answer, the policy or law it rests on, and
/// the responsible leader who signed it off.
#[component]
fn ReplyForm(acting: Acting) -> impl IntoView {
    let (text, policy, signed_off_by) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        acting.act(TicketAction::Reply {
            text: text.get_untracked(),
            policy: policy.get_untracked(),
            signed_off_by: signed_off_by.get_untracked(),
        });
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <h3>"答复"</h3>
            <label for="reply-text">"答复内容（针对来电人的诉求逐项答复）"</label>
            <textarea id="reply-text" rows="6" bind:value=text></textarea>
            <label for="reply-policy">"政策依据"</label>
            <input id="reply-policy" bind:value=policy placeholder="所依据的法律、法规或政策文件"/>
            <label for="reply-signed">"审签的分管负责人"</label>
            <input id="reply-signed" bind:value=signed_off_by/>
            <button type="submit" class="small">"提交答复"</button>
        </form>
    }
}
