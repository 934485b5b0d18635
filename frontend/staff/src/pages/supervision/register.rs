//! `/staff/supervision/new`: registering an item (立项). A hand-off from a
//! hotline hot spot or an upheld negative review arrives with its origin
//! and source filled in; if that origin already has an item, the page
//! leads there instead.

use crate::route::Route;
use crate::sv_route::Sv;
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, post_then, ErrorRegion};
use leptos::prelude::*;
use shared::api::{ItemsQuery, ListItems, RegisterItem};
use shared::supervision::forms::{ItemForm, Origin, OriginKind};
use shared::supervision::{Priority, Source};

/// `hotspot:…` or `case:…` as an origin.
fn origin_of(key: &str) -> Option<Origin> {
    let (kind, reference) = key.split_once(':')?;
    Some(Origin { kind: OriginKind::parse(kind)?, reference: reference.to_string() })
}

#[component]
pub fn NewItemPage(source: String, origin: String, title: String, reference: String) -> impl IntoView {
    set_title("督查事项立项");
    let origin = origin_of(&origin);
    let existing = origin.as_ref().map(|o| load::<ListItems>(&[], ItemsQuery { origin: Some(o.key()), ..Default::default() }));
    let linked = move || existing.and_then(|e| e.get()).and_then(|r| r.ok()).and_then(|l| l.items.into_iter().next());
    view! {
        <section class="panel">
            <h1>"督查事项立项"</h1>
            {move || linked().map(|i| view! {
                <p class="notice" role="status" data-testid="already-registered">
                    {format!("该来源已立项为督查事项{}（{}）：", i.item_no, i.state.zh())}
                    <Link to=Route::Supervision(Sv::Item(i.item_no.clone()))>"查看并继续督办"</Link>
                </p>
            })}
            <Form source title reference origin/>
        </section>
    }
}

#[component]
fn Form(source: String, title: String, reference: String, origin: Option<Origin>) -> impl IntoView {
    let router = use_router::<Route>();
    let error = RwSignal::new(None);
    let locked = origin.is_some();
    let source = RwSignal::new(Source::parse(&source).or(origin.as_ref().map(|o| o.source())).unwrap_or(Source::HeadOfficeMeeting));
    let (reference, title) = (RwSignal::new(reference), RwSignal::new(title));
    let (instruction, leader) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let priority = RwSignal::new(Priority::Normal);
    let difficult = RwSignal::new(false);
    let origin = StoredValue::new(origin);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = ItemForm {
            source: source.get_untracked(),
            reference: reference.get_untracked(),
            title: title.get_untracked(),
            instruction: instruction.get_untracked(),
            priority: priority.get_untracked(),
            difficult: difficult.get_untracked(),
            leader: leader.get_untracked(),
            origin: origin.get_value(),
        };
        if let Err(e) = form.validate() {
            return error.set(Some(e));
        }
        post_then::<RegisterItem>(&[], form, error, move |made| router.push(Route::Supervision(Sv::Item(made.item_no))));
    };
    view! {
        <form class="stack-form" on:submit=submit>
            {origin.get_value().map(|o| view! {
                <p class="muted">{match o.kind {
                    OriginKind::Hotspot => format!("由热线热点转来：{}", o.reference),
                    OriginKind::Case => format!("由差评整改转来：办件{}", o.reference),
                }}</p>
            })}
            <label for="sv-source">"来源"</label>
            <select id="sv-source" disabled=locked on:change=move |ev| if let Some(s) = Source::parse(&event_target_value(&ev)) { source.set(s) }>
                {Source::ALL.map(|s| view! { <option value=s.as_str() selected=move || source.get() == s>{s.zh()}</option> })}
            </select>
            <label for="sv-reference">{move || source.get().reference_label()}</label>
            <input id="sv-reference" maxlength="200" bind:value=reference/>
            <label for="sv-title">"事项名称"</label>
            <input id="sv-title" maxlength="100" bind:value=title/>
            <label for="sv-instruction">"批示或决定内容（原文）"</label>
            <textarea id="sv-instruction" rows="5" bind:value=instruction></textarea>
            <label for="sv-priority">"紧急程度"</label>
            <select id="sv-priority" on:change=move |ev| if let Some(p) = Priority::parse(&event_target_value(&ev)) { priority.set(p) }>
                {Priority::ALL.map(|p| view! { <option value=p.as_str() selected=p == Priority::Normal>{p.zh()}</option> })}
            </select>
            <label class="choice"><input type="checkbox" bind:checked=difficult/>"疑难事项（默认时限不少于30个工作日）"</label>
            <label for="sv-leader">"交办领导"</label>
            <input id="sv-leader" maxlength="50" bind:value=leader/>
            <ErrorRegion error/>
            <button type="submit">"立项"</button>
        </form>
    }
}
