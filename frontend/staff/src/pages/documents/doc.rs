//! `/staff/transmit/{key}`: one document. The office sees the sender's
//! page (`sender.rs`); a unit its own copy, opened for it when the page is
//! first shown (the sender sees who opened it and when), with signing for,
//! returning (退文, with reasons) and recording it handled. Every change is
//! posted with the version read; the answer replaces what is shown.

use super::copy_state;
use super::sender::SenderParts;
use crate::doc_route::Dr;
use crate::pages::ConflictError;
use crate::route::Route;
use frontend::router::{set_title, Link};
use frontend::widgets::{load, post_then, show_page, Loaded};
use leptos::prelude::*;
use shared::api::documents::{ActOnDoc, GetDoc};
use shared::api::Empty;
use shared::documents::forms::{DocAction, DocActionRequest};
use shared::documents::views::DocView;
use shared::documents::RecipientState;
use shared::error::ApiError;

#[component]
pub fn DocPage(key: String) -> impl IntoView {
    set_title("公文");
    let shown = Shown { data: load::<GetDoc>(&[&key], Empty {}), done: RwSignal::new(None), error: RwSignal::new(None) };
    view! {
        <nav class="back no-print"><Link to=Route::Transmit(Dr::list())>"‹ 返回公文列表"</Link></nav>
        <div role="status">{move || shown.done.get().map(|d| view! { <p class="ok">{d}</p> })}</div>
        {show_page(shown.data, "公文".into(), move |view| view! { <Body view shown/> })}
    }
}

/// The document shown, what the last change did, and its error.
#[derive(Clone, Copy)]
pub struct Shown {
    pub data: Loaded<DocView>,
    pub done: RwSignal<Option<String>>,
    pub error: RwSignal<Option<ApiError>>,
}

impl Shown {
    /// Posts `action` as of `version`; the answer replaces the page's document.
    pub fn act(self, key: &str, version: i64, action: DocAction, done: &'static str) {
        self.done.set(None);
        post_then::<ActOnDoc>(&[key], DocActionRequest { version, action }, self.error, move |answer| {
            self.done.set(Some(done.into()));
            self.data.set(Some(Ok(answer)));
        });
    }

    pub fn reload(self, key: String) {
        self.done.set(None);
        leptos::task::spawn_local(async move {
            self.data.set(Some(frontend::api::fetch::<GetDoc>(&[&key], &Empty {}).await));
        });
    }
}

#[component]
fn Body(view: DocView, shown: Shown) -> impl IntoView {
    let files = view.files.iter().map(|f| {
        let href = format!("/api/documents/{}/files/{}", view.doc_key, f.id);
        let kind = if f.kind == shared::documents::FileKind::Body { "正文" } else { "附件" };
        view! { <li>{kind}"："<a href=href download>{f.file_name.clone()}</a></li> }
    });
    let files = files.collect_view();
    let key = view.doc_key.clone();
    let reload = Callback::new(move |()| shown.reload(key.clone()));
    view! {
        <section class="panel" data-testid="doc-summary">
            <h1>{view.title.clone()}</h1>
            <dl class="pairs">
                <dt>"发文字号"</dt><dd data-testid="doc-number">{view.number.clone()}</dd>
                <dt>"紧急程度"</dt><dd>{view.urgency.zh()}{view.limit.clone().map(|l| format!("（签收时限{l}）"))}</dd>
                <dt>"签发人"</dt><dd>{view.signer.clone()}</dd>
                <dt>"密级"</dt><dd>"非涉密（发文单位已声明）"</dd>
                <dt>"状态"</dt><dd data-testid="doc-state">{view.state.zh()}{view.sent_at.map(|t| format!("（{}）", t.to_second()))}</dd>
            </dl>
            <ul>{files}</ul>
            <ConflictError error=shown.error stale="公文已被他人处理，本页显示的不是最新内容。" reload_label="重新载入" reload/>
        </section>
        {if view.sender { view! { <SenderParts view shown/> }.into_any() } else { view! { <MyCopy view shown/> }.into_any() }}
    }
}

/// A unit's own copy: opened for it on first view, then its actions.
#[component]
fn MyCopy(view: DocView, shown: Shown) -> impl IntoView {
    let Some(copy) = view.recipients.first().cloned() else { return ().into_any() };
    let key = StoredValue::new(view.doc_key.clone());
    if copy.state == RecipientState::Delivered {
        shown.act(&key.get_value(), copy.version, DocAction::Open, "已打开公文，请签收。");
    }
    let version = copy.version;
    let reason = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let awaiting = copy.state.awaiting() && copy.state != RecipientState::Delivered;
    let signed = copy.state == RecipientState::Signed;
    let incoming = matches!(copy.state, RecipientState::Signed | RecipientState::Handled)
        .then(|| view! { <super::incoming::IncomingParts view=view.clone() shown/> });
    view! {
        <section class="panel" data-testid="my-copy">
            <h2>"本单位收文"</h2>
            <p data-testid="copy-state">{format!("{}：{}", copy.role.zh(), copy_state(&copy))}</p>
            {copy.due_at.map(|d| view! { <p class=if copy.overdue { "notice" } else { "" }>{format!("请于{}前签收{}", d.short(), if copy.overdue { "（已超时）" } else { "" })}</p> })}
            <Show when=move || awaiting>
                <button type="button" on:click=move |_| shown.act(&key.get_value(), version, DocAction::Sign, "已签收。")>"签收"</button>
                <form class="stacked" on:submit=move |ev| { ev.prevent_default(); shown.act(&key.get_value(), version, DocAction::Return { reason: reason.get_untracked() }, "已退文。") }>
                    <label for="return-reason">"退文理由"</label>
                    <textarea id="return-reason" maxlength="500" on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    <button type="submit">"退文"</button>
                </form>
            </Show>
            <Show when=move || signed>
                <form class="stacked" on:submit=move |ev| { ev.prevent_default(); shown.act(&key.get_value(), version, DocAction::Handle { note: note.get_untracked() }, "已登记办理情况。") }>
                    <label for="handle-note">"办理情况"</label>
                    <textarea id="handle-note" maxlength="500" on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                    <button type="submit">"登记办理（答复发文单位）"</button>
                </form>
            </Show>
        </section>
        {incoming}
    }
    .into_any()
}
