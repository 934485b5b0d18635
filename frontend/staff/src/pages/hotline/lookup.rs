//! The knowledge base at hand while on the call: words in, answers out to
//! read to the caller, or (at the disposition) one picked as the direct
//! answer. Not a form of its own, so it may sit inside one.

use frontend::api;
use frontend::widgets::{show, Loaded};
use leptos::prelude::*;
use shared::api::{self as ep, KnowledgeQuery};
use shared::hotline::catalogue::{KnowledgeItem, KnowledgeList};

#[component]
pub fn KnowledgeSearch(id: &'static str, #[prop(optional)] pick: Option<Callback<KnowledgeItem>>) -> impl IntoView {
    let words = RwSignal::new(String::new());
    let found: Loaded<KnowledgeList> = RwSignal::new(None);
    let asked = RwSignal::new(false);
    let find = move || {
        let q = words.get_untracked().trim().to_string();
        asked.set(true);
        found.set(None);
        leptos::task::spawn_local(async move {
            let query = KnowledgeQuery { q: Some(q).filter(|q| !q.is_empty()), category: None };
            found.set(Some(api::fetch::<ep::ListKnowledge>(&[], &query).await));
        });
    };
    let on_enter = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            find();
        }
    };
    view! {
        <div role="search" data-testid="knowledge-search">
            <label for=id>"查找知识库"</label>
            <div class="search-row">
                <input id=id type="search" maxlength="50" placeholder="关键词，如：停水、医保、噪音" bind:value=words on:keydown=on_enter/>
                <button type="button" class="inline" on:click=move |_| find()>"查找"</button>
            </div>
            {move || asked.get().then(|| show(found, move |list| view! { <Answers items=list.items pick/> }))}
        </div>
    }
}

/// The active items found, each opened to read; with `pick`, a button to
/// take it as the answer.
#[component]
fn Answers(items: Vec<KnowledgeItem>, pick: Option<Callback<KnowledgeItem>>) -> impl IntoView {
    let items: Vec<KnowledgeItem> = items.into_iter().filter(|k| k.active).collect();
    if items.is_empty() {
        return view! { <p class="empty">"知识库中没有相符的条目，请换个关键词。"</p> }.into_any();
    }
    items
        .into_iter()
        .map(|k| {
            let summary = format!("{}（已答复{}次）", k.form.title, k.uses);
            let policy = (!k.form.policy_refs.trim().is_empty()).then(|| format!("政策依据：{}", k.form.policy_refs));
            let answer = k.form.answer.clone();
            let take = pick.map(|p| {
                let item = k.clone();
                view! { <button type="button" class="small" on:click=move |_| p.run(item.clone())>"采用此条答复"</button> }
            });
            view! {
                <details class="knowledge-item">
                    <summary>{summary}</summary>
                    <p class="pre-wrap">{answer}</p>
                    {policy.map(|p| view! { <p class="muted">{p}</p> })}
                    {take}
                </details>
            }
        })
        .collect_view()
        .into_any()
}
