//! `/staff/supervision/items/{no}`: an item with its instruction, files and
//! publications, each task the viewer may see (with what it may do), and
//! for the office the form that splits it into one more task.

use super::decompose::Decompose;
use super::task_card::TaskCard;
use crate::route::Route;
use crate::sv_route::Sv;
use frontend::router::{set_title, Link};
use frontend::widgets::{load, show_page, ErrorRegion, Loaded};
use leptos::prelude::*;
use shared::api::{GetItem, UploadSupervisionFile};
use shared::supervision::forms::OriginKind;
use shared::supervision::views::ItemView;
use wasm_bindgen::JsCast;

#[component]
pub fn ItemPage(no: String) -> impl IntoView {
    set_title(&format!("督查事项 {no}"));
    let data = load::<GetItem>(&[&no], Default::default());
    // What the last action did: kept here, above the page that redraws.
    let done = Done(RwSignal::new(None));
    provide_context(done);
    view! {
        <p role="status" class="ok no-print" data-testid="done">{move || done.0.get()}</p>
        {show_page(data, format!("督查事项 {no}"), move |item| view! { <Item item data/> })}
    }
}

/// The item page's line saying what the last action did.
#[derive(Clone, Copy)]
pub struct Done(pub RwSignal<Option<String>>);

#[component]
fn Item(item: ItemView, data: Loaded<ItemView>) -> impl IntoView {
    let origin = item.origin.clone().map(|o| match o.kind {
        OriginKind::Case => {
            view! { <p>"来源办件："<Link to=Route::Case(o.reference.clone())>{o.reference.clone()}</Link>"（差评整改）"</p> }.into_any()
        }
        OriginKind::Hotspot => view! {
            <p>"来源：热线热点“"{o.reference.clone()}"” · "
                <Link to=Route::HotlineFigures { from: String::new(), to: String::new(), unit: String::new() }>"查看热线热点"</Link></p>
        }
        .into_any(),
    });
    let files = item.files.clone();
    let can = item.can_decompose;
    let item_no = item.item_no.clone();
    view! {
        <section class="panel" data-testid="item">
            <h1>{format!("{} {}", item.item_no, item.title)}</h1>
            <dl class="pairs">
                <dt>"来源"</dt><dd>{format!("{}：{}", item.source.zh(), item.reference)}</dd>
                <dt>"紧急程度"</dt><dd>{format!("{}{}", item.priority.zh(), if item.difficult { "（疑难事项）" } else { "" })}</dd>
                <dt>"交办领导"</dt><dd>{item.leader.clone()}</dd>
                <dt>"状态"</dt><dd data-testid="item-state">{item.state.zh()}</dd>
                <dt>"立项"</dt><dd>{format!("{} {}", item.registered_at.short(), item.registered_by)}</dd>
            </dl>
            {origin}
            <h2>"批示或决定内容"</h2>
            <p class="pre-wrap">{item.instruction.clone()}</p>
            <h2>"附件"</h2>
            {if files.is_empty() { view! { <p class="muted">"无"</p> }.into_any() } else { view! {
                <ul>{files.into_iter().map(|f| view! {
                    <li><a class="file" href=format!("/api/supervision/files/{}", f.id) target="_blank" rel="noopener">{f.name}</a>
                        {format!("（{}，{} {}{}）", shared::approvals::application::human_size(f.size), f.uploaded_at.short(), f.uploaded_by,
                            f.task_no.map(|t| format!("，{t}办理结果")).unwrap_or_default())}</li>
                }).collect_view()}</ul>
            }.into_any() }}
            <Show when=move || can><Upload no=item_no.clone() task=None data/></Show>
            {(!item.publications.is_empty()).then(|| view! {
                <h2>"刊发"</h2>
                <ul>{item.publications.iter().map(|p| view! { <li>{format!("{}：{}", p.number, p.title)}</li> }).collect_view()}</ul>
            })}
        </section>
        {item.tasks.iter().cloned().map(|task| view! { <TaskCard task data/> }).collect_view()}
        {item.tasks.is_empty().then(|| view! { <p class="empty">"尚未分解任务。"</p> })}
        <Show when=move || can>
            <Decompose item=item.clone() data/>
        </Show>
        <p class="no-print"><Link to=Route::Supervision(Sv::tasks())>"返回督办任务"</Link></p>
    }
}

/// Attaching a file (PDF or photo): the item's own papers, or a task's
/// report (`task`).
#[component]
pub fn Upload(no: String, task: Option<String>, data: Loaded<ItemView>) -> impl IntoView {
    let error = RwSignal::new(None);
    let input = NodeRef::<leptos::html::Input>::new();
    let id = format!("upload-{}", task.clone().unwrap_or_else(|| "item".into()));
    let label = if task.is_some() { "上传办理结果附件（PDF或照片）" } else { "上传事项附件（PDF或照片）" };
    let (no, task) = (StoredValue::new(no), StoredValue::new(task));
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(file) = input.get().and_then(|i| i.files()).and_then(|f| f.get(0)) else {
            return error.set(Some(shared::error::ApiError::new(shared::error::ErrorCode::InvalidUpload, "请先选择文件")));
        };
        let Ok(form) = web_sys::FormData::new() else { return };
        let _ = form.append_with_blob_and_filename("file", file.unchecked_ref(), &file.name());
        if let Some(t) = task.get_value() {
            let _ = form.append_with_str("task_no", &t);
        }
        leptos::task::spawn_local(async move {
            match frontend::api::post_form::<UploadSupervisionFile>(&[&no.get_value()], &form, &[]).await {
                Ok(view) => data.set(Some(Ok(view))),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="inline-form no-print" on:submit=send>
            <label for=id.clone()>{label}</label>
            <input id=id type="file" accept="application/pdf,image/jpeg,image/png" node_ref=input/>
            <button type="submit" class="small">"上传"</button>
            <ErrorRegion error/>
        </form>
    }
}
