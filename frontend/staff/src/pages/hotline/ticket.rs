//! One hotline ticket (`/staff/hotline/tickets/{no}`): what was taken in,
//! where it stands against its limit and why, each unit's part, the reply,
//! the audit trail, and the forms for what this viewer may do now (the
//! actions the server lists in the view). Every change is posted with the
//! version read; the server answers the ticket as it now stands, which
//! replaces the one shown.

use super::dispose::DisposeForm;
use super::list::card;
use super::ticket_actions::Actions;
use super::ticket_record::{Events, PartsTable, ReplyPanel};
use crate::pages::ConflictError;
use crate::route::Route;
use frontend::router::{set_title, Link};
use frontend::widgets::standing_class;
use frontend::widgets::{load, post_then, show_page, Loaded};
use leptos::prelude::*;
use shared::api::{self as ep, Empty, Endpoint};
use shared::engine::case_action::ExtensionState;
use shared::engine::limit::Limit;
use shared::error::{ApiError, ErrorCode};
use shared::hotline::intake::{Disposition, DispositionRequest};
use shared::hotline::ticket::{TicketAction, TicketActionRequest, CALLBACK_TRIES};
use shared::hotline::views::{Contact, TicketView};

#[component]
pub fn TicketPage(no: String) -> impl IntoView {
    set_title(&format!("工单 {no}"));
    let shown = Shown { data: load::<ep::GetTicket>(&[&no], Empty {}), done: RwSignal::new(None) };
    view! {
        <nav class="back no-print"><Link to=Route::tickets()>"‹ 返回工单列表"</Link></nav>
        <div role="status">{move || shown.done.get().map(|d| view! { <p class="ok">{d}</p> })}</div>
        {show_page(shown.data, format!("工单 {no}"), move |view| view! { <TicketBody view shown/> })}
    }
}

/// The ticket shown, and what the last change did (announced above it).
#[derive(Clone, Copy)]
pub struct Shown {
    data: Loaded<TicketView>,
    done: RwSignal<Option<String>>,
}

#[component]
fn TicketBody(view: TicketView, shown: Shown) -> impl IntoView {
    let disposes = view.actions.iter().any(|a| a == "dispose");
    let acts = view.actions.iter().any(|a| a != "dispose");
    view! {
        <Summary view=view.clone()/>
        <CallerPanel view=view.clone()/>
        <LimitPanel view=view.clone()/>
        <PartsTable parts=view.parts.clone()/>
        <ReplyPanel view=view.clone()/>
        {disposes.then(|| view! { <DisposeForm view=view.clone() shown/> })}
        {acts.then(|| view! { <Actions view=view.clone() shown/> })}
        <Events events=view.events/>
    }
}

/// Posting one change of the ticket from a form: the number, the version
/// read, where the answer goes, and the form's error region.
#[derive(Clone, Copy)]
pub struct Acting {
    no: StoredValue<String>,
    version: i64,
    shown: Shown,
    pub error: RwSignal<Option<ApiError>>,
}

impl Acting {
    pub fn new(view: &TicketView, shown: Shown) -> Acting {
        Acting { no: StoredValue::new(view.ticket_no.clone()), version: view.version, shown, error: RwSignal::new(None) }
    }

    /// A `TicketAction`, as of the version read.
    pub fn act(self, action: TicketAction) {
        self.post::<ep::ActOnTicket>(TicketActionRequest { version: self.version, action });
    }

    /// A disposition at intake, as of the version read.
    pub fn dispose(self, disposition: Disposition) {
        if let Err(e) = disposition.validate() {
            self.error.set(Some(e));
            return;
        }
        self.post::<ep::DisposeTicket>(DispositionRequest { version: self.version, disposition });
    }

    /// Says what is missing before anything is sent.
    pub fn refuse(self, message: &str) {
        self.error.set(Some(ApiError::new(ErrorCode::InvalidParameter, message)));
    }

    fn post<E>(self, body: E::Body)
    where
        E: Endpoint<Response = TicketView>,
        E::Body: 'static,
    {
        let shown = self.shown;
        shown.done.set(None);
        post_then::<E>(&[&self.no.get_value()], body, self.error, move |answer| {
            shown.done.set(Some(format!("已提交。工单现在的状态：{}", answer.state.zh())));
            shown.data.set(Some(Ok(answer)));
        });
    }

    /// Reads the ticket afresh (after a refusal for a stale version).
    fn reload(self) {
        let (no, shown) = (self.no.get_value(), self.shown);
        shown.done.set(None);
        leptos::task::spawn_local(async move {
            shown.data.set(Some(frontend::api::fetch::<ep::GetTicket>(&[&no], &Empty {}).await));
        });
    }
}

/// A form's error region; after a conflict (someone changed the ticket
/// meanwhile, or it moved on), a way to read it afresh.
#[component]
pub fn ActingError(acting: Acting) -> impl IntoView {
    let reload = Callback::new(move |()| acting.reload());
    view! { <ConflictError error=acting.error stale="工单已被他人处理或状态已变化，本页显示的不是最新内容。" reload_label="重新载入工单" reload/> }
}

/// `n` in the unit of the ticket's limit: hours, or working days.
pub fn same_unit(limit: Option<Limit>, n: u32) -> Limit {
    match limit {
        Some(Limit::Hours(_)) => Limit::Hours(n),
        _ => Limit::WorkingDays(n),
    }
}

/// A caller's detail, saying so when it is hidden from this viewer.
fn hidden(value: &str, masked: bool) -> String {
    match (masked, value.is_empty()) {
        (false, _) => value.to_string(),
        (true, true) => "已隐去".into(),
        (true, false) => format!("{value}（已隐去）"),
    }
}

fn contact_line(c: &Contact) -> String {
    [&c.name, &c.phone, &c.address].iter().map(|v| hidden(v, c.masked)).collect::<Vec<_>>().join(" · ")
}

/// Number, state, how it came and what kind of matter it is.
#[component]
fn Summary(view: TicketView) -> impl IntoView {
    let state = match view.close_reason {
        Some(r) => format!("{}（{}）", view.state.zh(), r.zh()),
        None => view.state.zh().to_string(),
    };
    let callbacks = format!("已回访{}次（未接通最多{CALLBACK_TRIES}次）", view.callback_tries);
    view! {
        <section class="panel">
            <h1>{format!("工单 {}", view.ticket_no)}{view.confidential.then(|| view! { " "<span class="badge">"来电人要求保密"</span> })}</h1>
            <p class="state" data-testid="ticket-state">{state}</p>
            <dl class="pairs">
                <dt>"来源渠道"</dt><dd>{view.channel.zh()}</dd>
                {(!view.city_ticket_no.is_empty()).then(|| view! { <dt>"市级工单编号"</dt><dd>{view.city_ticket_no.clone()}</dd> })}
                <dt>"诉求类型"</dt><dd>{view.kind.zh()}</dd>
                <dt>"紧急程度"</dt><dd>{view.urgency.zh()}</dd>
                <dt>"受理时间"</dt><dd>{view.received_at.short()}</dd>
                <dt>"诉求类别"</dt><dd>{view.category_name.clone().unwrap_or_else(|| "尚未转办".into())}</dd>
                {view.merged_into.clone().map(|into| view! { <dt>"已并入工单"</dt><dd><Link to=Route::Ticket(into.clone())>{into}</Link></dd> })}
                <dt>"重办次数"</dt><dd>{view.reopened}</dd>
                <dt>"催办次数"</dt><dd>{view.notices}</dd>
                <dt>"回访"</dt><dd>{callbacks}{view.last_callback.map(|r| format!("，最近一次：{}", r.zh()))}</dd>
                {view.rating.map(|r| view! { <dt>"来电人网上评价"</dt><dd>{r.zh()}</dd> })}
            </dl>
        </section>
    }
}

/// The caller (masked for a unit without the office's grant) and the five
/// elements; callers of merged tickets too.
#[component]
fn CallerPanel(view: TicketView) -> impl IntoView {
    let c = view.caller.clone();
    let others = view.other_callers.clone();
    view! {
        <section class="panel" data-testid="caller">
            <h2>"来电人与诉求"</h2>
            {c.masked.then(|| view! { <p class="muted">"来电人姓名、电话和地址已隐去；如需联系来电人，请商县府办授权。"</p> })}
            <dl class="pairs">
                <dt>"来电人"</dt><dd>{hidden(&c.name, c.masked)}</dd>
                <dt>"联系电话"</dt><dd>{hidden(&c.phone, c.masked)}</dd>
                <dt>"事发地点"</dt><dd>{hidden(&c.address, c.masked)}</dd>
                <dt>"事发时间"</dt><dd>{view.occurred.clone()}</dd>
                <dt>"诉求事由"</dt><dd>{view.cause.clone()}</dd>
                <dt>"事情经过及诉求"</dt><dd class="pre-wrap">{view.course.clone()}</dd>
            </dl>
            {(!others.is_empty()).then(|| view! {
                <h3>"并单的其他来电人"</h3>
                <ul>{others.iter().map(|o| view! { <li>{contact_line(o)}</li> }).collect_view()}</ul>
            })}
        </section>
    }
}

/// The limit, the deadline with its card and why it is where it is, and
/// any extension.
#[component]
fn LimitPanel(view: TicketView) -> impl IntoView {
    if view.limit.is_none() && view.deadline.is_none() {
        return ().into_any();
    }
    let extension = (view.extension != ExtensionState::None).then(|| {
        let state = match view.extension {
            ExtensionState::Pending => "待县府办审批",
            ExtensionState::Approved => "已同意",
            _ => "未同意",
        };
        let amount = same_unit(view.limit, view.extension_amount).zh();
        format!("延期申请：延长{amount}，理由：{}（{state}）", view.extension_reason)
    });
    view! {
        <section class="panel" data-testid="ticket-limit">
            <h2>"办理时限"</h2>
            <dl class="pairs">
                {view.limit.map(|l| view! { <dt>"时限"</dt><dd>{l.zh()}</dd> })}
                {view.deadline.map(|d| view! { <dt>"办结期限"</dt><dd data-testid="deadline">{d.short()}</dd> })}
            </dl>
            {view.standing.map(|s| view! { <p class=format!("standing {}", standing_class(s)) data-testid="card">{card(s)}</p> })}
            <ul class="explanation">{view.explanation.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            {extension.map(|t| view! { <p>{t}</p> })}
        </section>
    }
    .into_any()
}
