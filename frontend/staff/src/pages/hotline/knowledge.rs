//! `/staff/hotline/knowledge?q=`: the knowledge base the hotline answers
//! from (直接答复): search by words and category; the office adds, changes
//! and stops items under the version read.

use super::categories::ConflictHint;
use crate::pages::admin::{text_input, FormErrors};
use crate::route::Route;
use frontend::api;
use frontend::router::{set_title, use_router};
use frontend::widgets::{load, post_then, show, HeaderCells, Loaded};
use leptos::prelude::*;
use shared::api::KnowledgeQuery;
use shared::error::ApiError;
use shared::hotline::catalogue::{Category, CategoryList, KnowledgeForm, KnowledgeItem, KnowledgeList, KnowledgeSave};

fn some(s: String) -> Option<String> {
    Some(s).filter(|s| !s.trim().is_empty())
}

/// The categories once loaded (none while loading or if they failed to load).
fn category_list(categories: Loaded<CategoryList>) -> Vec<Category> {
    categories.with(|c| c.as_ref().and_then(|r| r.as_ref().ok()).map(|l| l.items.clone()).unwrap_or_default())
}

fn category_name(categories: Loaded<CategoryList>, id: Option<i64>) -> String {
    let Some(id) = id else { return "不限类别".into() };
    category_list(categories).into_iter().find(|c| c.id == id).map(|c| c.form.name).unwrap_or_default()
}

/// `<option>`s of the categories `keep` lets through, `selected` marked.
fn category_options(
    categories: Loaded<CategoryList>,
    keep: impl Fn(&Category) -> bool,
    selected: impl Fn(i64) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    category_list(categories)
        .into_iter()
        .filter(|c| keep(c))
        .map(|c| {
            let (id, name) = (c.id, if c.active { c.form.name } else { format!("{}（已停用）", c.form.name) });
            view! { <option value=id.to_string() selected=move || selected(id)>{name}</option> }
        })
        .collect_view()
}

/// Rendered afresh for each `q`; the category filter is kept on the page.
#[component]
pub fn KnowledgePage(q: String) -> impl IntoView {
    set_title("知识库");
    let categories = load::<shared::api::ListCategories>(&[], Default::default());
    let (q, category) = (StoredValue::new(q), RwSignal::new(String::new()));
    let items: Loaded<KnowledgeList> = RwSignal::new(None);
    let (form, active, editing) = (RwSignal::new(KnowledgeForm::default()), RwSignal::new(true), RwSignal::new(None::<KnowledgeItem>));
    let (error, list_error) = (RwSignal::new(None::<ApiError>), RwSignal::new(None::<ApiError>));
    // Reads the list (again), and the item being edited at its version now.
    let refresh = move || {
        let query = KnowledgeQuery { q: some(q.get_value()), category: some(category.get_untracked()) };
        leptos::task::spawn_local(async move {
            let answer = api::fetch::<shared::api::ListKnowledge>(&[], &query).await;
            if let Ok(l) = &answer {
                editing.update(|e| {
                    if let Some(fresh) = e.as_ref().and_then(|e| l.items.iter().find(|i| i.id == e.id)) {
                        *e = Some(fresh.clone());
                    }
                });
                error.set(None);
                list_error.set(None);
            }
            items.set(Some(answer));
        })
    };
    Effect::new(move || {
        category.track();
        refresh();
    });
    let saved = move |item: KnowledgeItem| {
        // Being edited too: the form saves under the new version.
        if editing.with_untracked(|e| e.as_ref().is_some_and(|e| e.id == item.id)) {
            active.set(item.active);
            editing.set(Some(item.clone()));
        }
        items.update(|l| {
            if let Some(Ok(l)) = l {
                match l.items.iter_mut().find(|x| x.id == item.id) {
                    Some(x) => *x = item,
                    None => l.items.push(item),
                }
            }
        })
    };
    let toggle = move |i: KnowledgeItem| {
        let body = KnowledgeSave { form: i.form.clone(), active: !i.active, version: i.version };
        post_then::<shared::api::SaveKnowledge>(&[&i.id.to_string()], body, list_error, saved);
    };
    let edit = move |i: KnowledgeItem| {
        form.set(i.form.clone());
        active.set(i.active);
        editing.set(Some(i));
    };
    view! {
        <section class="panel">
            <h1>"知识库"</h1>
            <Search q category categories refresh/>
            <FormErrors error=list_error/>
            <ConflictHint error=list_error reload=refresh/>
            {show(items, move |l| view! { <KnowledgeTable l categories on_edit=edit on_toggle=toggle/> })}
        </section>
        <KnowledgeEditor form active editing categories error on_saved=saved reload=refresh/>
    }
}

/// Words (they go to the URL) and a category (kept on the page).
#[component]
fn Search(
    q: StoredValue<String>,
    category: RwSignal<String>,
    categories: Loaded<CategoryList>,
    refresh: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let router = use_router::<Route>();
    let q_input = RwSignal::new(q.get_value());
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match q_input.get_untracked() {
            same if same == q.get_value() => refresh(),
            other => router.replace(Route::Knowledge(other.trim().to_string())),
        }
    };
    view! {
        <form class="period" role="search" on:submit=search>
            <label for="kn-q">"关键词（标题或答复内容）"</label>
            <input id="kn-q" type="search" bind:value=q_input/>
            <label for="kn-filter">"类别"</label>
            <select id="kn-filter" on:change=move |ev| category.set(event_target_value(&ev))>
                <option value="">"全部类别"</option>
                {move || category_options(categories, |_| true, move |id| category.get() == id.to_string())}
            </select>
            <button type="submit" class="primary">"查找"</button>
        </form>
    }
}

#[component]
fn KnowledgeTable(
    l: KnowledgeList,
    categories: Loaded<CategoryList>,
    on_edit: impl Fn(KnowledgeItem) + Copy + Send + Sync + 'static,
    on_toggle: impl Fn(KnowledgeItem) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    if l.items.is_empty() {
        return view! { <p class="empty">"没有找到相关条目。"</p> }.into_any();
    }
    let count = format!("显示{}条（在用的在前，按答复次数排列）", l.items.len());
    let rows = l
        .items
        .into_iter()
        .map(|i| {
            let (e, t) = (i.clone(), i.clone());
            let updated = i.updated_at.short();
            let category = move || category_name(categories, i.form.category_id);
            view! {
                <tr>
                    <td>
                        <details>
                            <summary>{i.form.title.clone()}</summary>
                            <p>{i.form.answer}</p>
                            <p class="muted">{format!("政策依据：{}", if i.form.policy_refs.is_empty() { "无" } else { &i.form.policy_refs })}</p>
                        </details>
                    </td>
                    <td>{category}</td>
                    <td class="num">{i.uses}</td>
                    <td>{if i.active { "在用" } else { "已停用" }}</td>
                    <td>{updated}</td>
                    <td>
                        <button type="button" class="link-like" on:click=move |_| on_edit(e.clone())>{format!("修改“{}”", i.form.title)}</button>
                        " "
                        <button type="button" class="link-like" on:click=move |_| on_toggle(t.clone())>{if i.active { "停用" } else { "启用" }}</button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="count" role="status">{count}</p>
        <table class="cases" data-testid="knowledge">
            <thead><tr><HeaderCells titles=&["标题（点击展开答复口径）", "类别", "答复次数", "状态", "更新时间", "操作"]/></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// The form that adds an item, or changes the one being edited.
#[component]
fn KnowledgeEditor(
    form: RwSignal<KnowledgeForm>,
    active: RwSignal<bool>,
    editing: RwSignal<Option<KnowledgeItem>>,
    categories: Loaded<CategoryList>,
    error: RwSignal<Option<ApiError>>,
    on_saved: impl Fn(KnowledgeItem) + Copy + Send + Sync + 'static,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let reset = move || {
        editing.set(None);
        form.set(KnowledgeForm::default());
        active.set(true);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = form.get_untracked();
        if let Err(e) = f.validate() {
            return error.set(Some(e));
        }
        let target = editing.get_untracked();
        let body = KnowledgeSave { form: f, active: active.get_untracked(), version: target.as_ref().map_or(0, |i| i.version) };
        let done = move |i| {
            on_saved(i);
            reset();
        };
        match &target {
            None => post_then::<shared::api::CreateKnowledge>(&[], body, error, done),
            Some(i) => post_then::<shared::api::SaveKnowledge>(&[&i.id.to_string()], body, error, done),
        }
    };
    let chosen = move |id: i64| form.with(|f| f.category_id == Some(id));
    type F = KnowledgeForm;
    view! {
        <section class="panel">
            <h2>{move || editing.with(|e| e.as_ref().map(|i| format!("修改：{}", i.form.title)).unwrap_or_else(|| "新增条目".into()))}</h2>
            <form class="stack-form" on:submit=submit>
                <label for="kn-title">"标题"</label>
                {text_input("kn-title", form, |f: &F| &f.title, |f, v| f.title = v)}
                <label for="kn-category">"类别"</label>
                <select id="kn-category" on:change=move |ev| form.update(|f| f.category_id = event_target_value(&ev).parse().ok())>
                    <option value="" selected=move || form.with(|f| f.category_id.is_none())>"不限类别"</option>
                    {move || category_options(categories, move |c| c.active || chosen(c.id), chosen)}
                </select>
                <label for="kn-answer">"答复口径"</label>
                <textarea id="kn-answer" rows="8" prop:value=move || form.with(|f| f.answer.clone())
                    on:input=move |ev| form.update(|f| f.answer = event_target_value(&ev))></textarea>
                <label for="kn-refs">"政策依据（文件名称、文号、条款）"</label>
                <textarea id="kn-refs" rows="3" prop:value=move || form.with(|f| f.policy_refs.clone())
                    on:input=move |ev| form.update(|f| f.policy_refs = event_target_value(&ev))></textarea>
                <label for="kn-active" class="choice">
                    <input id="kn-active" type="checkbox" prop:checked=move || active.get() on:change=move |ev| active.set(event_target_checked(&ev))/>
                    "在用（停用的条目不再供答复选用）"
                </label>
                <FormErrors error=error/>
                <ConflictHint error reload/>
                <button type="submit" class="primary">{move || if editing.with(Option::is_some) { "保存修改" } else { "新增条目" }}</button>
                <Show when=move || editing.with(Option::is_some)>
                    <button type="button" on:click=move |_| { reset(); error.set(None); }>"取消修改"</button>
                </Show>
            </form>
        </section>
    }
}
