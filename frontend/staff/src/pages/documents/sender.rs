//! The sender's page: before sending, the body (PDF or OFD) and
//! attachments, and the send; after, every recipient unit as one row (who
//! opened it, who signed and when, who has not, who returned it and why),
//! recall and chase per unit or for all unsigned, the urgent flag, and the
//! check of the receipt chain with the printable 签收回执.

use super::copy_state;
use super::doc::Shown;
use crate::doc_route::Dr;
use crate::route::Route;
use frontend::router::Link;
use frontend::widgets::{ErrorRegion, HeaderCells};
use leptos::prelude::*;
use shared::api::documents::{UploadDocFile, VerifyReceipts};
use shared::api::Empty;
use shared::documents::forms::DocAction;
use shared::documents::views::{DocView, RecipientRow};
use shared::documents::DocState;
use wasm_bindgen::JsCast;

#[component]
pub fn SenderParts(view: DocView, shown: Shown) -> impl IntoView {
    if view.state == DocState::Draft {
        return view! { <Draft view shown/> }.into_any();
    }
    let key = StoredValue::new(view.doc_key.clone());
    let version = view.version;
    let c = view.counts;
    let summary = format!(
        "共{}个单位：已打开{}，已签收{}，未签收{}，退文{}，撤回{}",
        c.recipients,
        c.opened,
        c.signed,
        c.unsigned(),
        c.returned,
        c.recalled
    );
    view! {
        <section class="panel" data-testid="recipients">
            <h2>"签收情况"</h2>
            <p data-testid="doc-counts">{summary}</p>
            <div class="no-print">
                <button type="button" on:click=move |_| shown.act(&key.get_value(), version, DocAction::Chase { unit_id: None }, "已向未签收单位催收。")>"催收全部未签收单位"</button>
                " "
                <button type="button" on:click=move |_| shown.act(&key.get_value(), version, DocAction::Recall { unit_id: None }, "已撤回全部未签收的公文。")>"撤回全部未签收"</button>
                " "
                <Link to=Route::Transmit(Dr::Receipt(view.doc_key.clone()))>"签收回执（打印）"</Link>
            </div>
            <Rows rows=view.recipients.clone() shown key=view.doc_key.clone() version/>
            <Verify key=view.doc_key.clone()/>
        </section>
    }
    .into_any()
}

const COLUMNS: &[&str] = &["收文单位", "主送/抄送", "状态", "签收时限", "催收", "操作"];

#[component]
fn Rows(rows: Vec<RecipientRow>, shown: Shown, key: String, version: i64) -> impl IntoView {
    let key = StoredValue::new(key);
    view! {
        <div class="table-scroll">
            <table class="cases">
                <thead><tr><HeaderCells titles=COLUMNS/></tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let (unit, copy_version, waiting) = (r.unit_id, r.version, r.state.awaiting());
                        let chase = format!("催收{}", r.unit_name);
                        let recall = format!("撤回{}", r.unit_name);
                        view! {
                            <tr class=if r.overdue { "red" } else { "" } data-unit=r.unit_name.clone()>
                                <th scope="row">{r.unit_name.clone()}</th>
                                <td>{r.role.zh()}</td>
                                <td data-testid="copy-state">{copy_state(&r)}</td>
                                <td>{r.due_at.map(|d| d.short()).unwrap_or_default()}{if r.overdue { "（超时未签收）" } else { "" }}</td>
                                <td>{if r.chased > 0 { format!("{}次", r.chased) } else { String::new() }}</td>
                                <td class="no-print">
                                    <Show when=move || waiting>
                                        <button type="button" class="small" aria-label=chase.clone() on:click=move |_| shown.act(&key.get_value(), version, DocAction::Chase { unit_id: Some(unit) }, "已催收。")>"催收"</button>
                                        <button type="button" class="small" aria-label=recall.clone() on:click=move |_| shown.act(&key.get_value(), copy_version, DocAction::Recall { unit_id: Some(unit) }, "已撤回。")>"撤回"</button>
                                    </Show>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The check of the receipt chain, on demand.
#[component]
fn Verify(key: String) -> impl IntoView {
    let result = RwSignal::new(None::<Result<shared::documents::receipt::ChainCheck, shared::error::ApiError>>);
    let check = move |_| {
        let key = key.clone();
        leptos::task::spawn_local(async move { result.set(Some(frontend::api::fetch::<VerifyReceipts>(&[&key], &Empty {}).await)) });
    };
    view! {
        <div class="no-print">
            <button type="button" on:click=check>"核验回执链"</button>
            <p role="status" data-testid="chain-check">
                {move || result.get().map(|r| match r {
                    Ok(c) if c.ok => format!("核验通过：{}", c.message),
                    Ok(c) => format!("核验未通过：{}", c.message),
                    Err(e) => e.message,
                })}
            </p>
        </div>
    }
}

/// Before sending: the body and attachments, then the send.
#[component]
fn Draft(view: DocView, shown: Shown) -> impl IntoView {
    let key = StoredValue::new(view.doc_key.clone());
    let version = view.version;
    let error = RwSignal::new(None);
    let upload = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
        let Some(data) = form.and_then(|f| web_sys::FormData::new_with_form(&f).ok()) else { return };
        leptos::task::spawn_local(async move {
            match frontend::api::post_form::<UploadDocFile>(&[&key.get_value()], &data, &[]).await {
                Ok(answer) => {
                    error.set(None);
                    shown.done.set(Some("文件已上传。".into()));
                    shown.data.set(Some(Ok(answer)));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let has_body = view.files.iter().any(|f| f.kind == shared::documents::FileKind::Body);
    view! {
        <section class="panel" data-testid="draft">
            <h2>"正文与附件"</h2>
            <form class="stacked" on:submit=upload>
                <label for="doc-file-kind">"文件类别"</label>
                <select id="doc-file-kind" name="kind">
                    <option value="body">"正文（PDF或OFD）"</option>
                    <option value="attachment">"附件"</option>
                </select>
                <label for="doc-file">"文件"</label>
                <input id="doc-file" name="file" type="file" required accept=".pdf,.ofd,.jpg,.jpeg,.png"/>
                <ErrorRegion error/>
                <button type="submit">"上传"</button>
            </form>
            <p>{if has_body { "正文已上传，可以发送。" } else { "请先上传正文。" }}</p>
            <button type="button" on:click=move |_| shown.act(&key.get_value(), version, DocAction::Send, "已发送。")>"发送"</button>
        </section>
    }
}
