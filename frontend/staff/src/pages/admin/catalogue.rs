//! The catalogue's drafts and versions: what waits for review, what was
//! sent back, and the way to start a new matter or a change.

use crate::app::Me;
use crate::route::Route;
use frontend::api;
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, show_page, HeaderCells};
use leptos::prelude::*;
use shared::admin::catalogue::{VersionList, VersionState};
use shared::admin::catalogue_csv::{CatalogueImport, ImportReport};
use shared::api::Endpoint;
use shared::api::VersionsQuery;
use shared::error::{ApiError, ErrorCode};

#[component]
pub fn CataloguePage(state: String, matter: String) -> impl IntoView {
    set_title("事项目录维护");
    let router = use_router::<Route>();
    let me = expect_context::<Me>();
    let query = VersionsQuery { state: Some(state.clone()).filter(|s| !s.is_empty()), matter: Some(matter).filter(|m| !m.is_empty()) };
    let data = load::<shared::api::ListMatterVersions>(&[], query);
    let matters = load::<shared::api::ListMatters>(&[], Default::default());
    let picked = RwSignal::new(String::new());
    view! {
        <section class="panel">
            <h1>"事项目录维护"</h1>
            <p class="muted">"部门起草新事项或事项变更（九公开、材料、申请表栏目、时限），提交县府办审核发布；发布前公开目录不变，已提交的办件始终按提交时的版本办理。"</p>
            <nav class="filters" aria-label="按状态筛选">
                <Link to=Route::catalogue("")>"未发布的全部"</Link>
                {VersionState::ALL.map(|s| view! { <Link to=Route::catalogue(s.as_str())>{s.zh()}</Link> }).into_iter().collect_view()}
            </nav>
            <p><Link to=Route::NewVersion(String::new())>"起草新事项"</Link></p>
            <form class="filters" on:submit=move |ev| { ev.prevent_default(); router.push(Route::NewVersion(picked.get_untracked())); }>
                <label for="change-matter">"修改已发布的事项"</label>
                <select id="change-matter" on:change=move |ev| picked.set(event_target_value(&ev))>
                    <option value="">"请选择事项"</option>
                    {move || matters.get().and_then(Result::ok).map(|l| l.matters.into_iter().map(|m| view! {
                        <option value=m.id.to_string()>{format!("{} {}（{}）", m.code, m.name, m.department_name)}</option>
                    }).collect_view())}
                </select>
                <button type="submit">"起草变更"</button>
            </form>
        </section>
        {show_page(data, "事项版本".into(), |list| view! { <Versions list/> })}
        <Show when=move || me.get().is_some_and(|u| u.check_is_office().is_ok())><ImportExport/></Show>
    }
}

/// The whole catalogue as a CSV file: export, and an import checked line
/// by line that publishes everything or nothing.
#[component]
fn ImportExport() -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let error = RwSignal::new(None::<ApiError>);
    let report = RwSignal::new(None::<ImportReport>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(file) = input.get_untracked().and_then(|i| i.files()).and_then(|f| f.get(0)) else {
            return error.set(Some(ApiError::new(ErrorCode::InvalidParameter, "请选择要导入的 CSV 文件")));
        };
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()).unwrap_or_default();
            report.set(None);
            match api::post::<shared::api::ImportCatalogue>(&[], &CatalogueImport { csv: text }).await {
                Ok(r) => {
                    error.set(None);
                    report.set(Some(r));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="panel">
            <h2>"导入导出事项目录"</h2>
            <p><a href=shared::api::ExportCatalogue::PATH download="事项目录.csv">"导出全部已发布事项（CSV）"</a></p>
            <p class="muted">"导入文件与导出的格式相同（每行一个事项；材料、流程、栏目在单元格内每行一项）。逐行校验，有任何一行有误则不导入；编码已有的事项内容不同时发布新版本，相同则不变。"</p>
            <form class="filters" on:submit=submit>
                <label for="import-file">"选择 CSV 文件"</label>
                <input id="import-file" type="file" accept=".csv,text/csv" node_ref=input/>
                <super::FormErrors error=error/>
                <button type="submit" class="primary">"校验并导入"</button>
            </form>
            <div role="status">{move || report.get().map(|r| view! {
                <table class="data" data-testid="import-report">
                    <thead><tr><HeaderCells titles=&["行", "编码", "事项", "结果"]/></tr></thead>
                    <tbody>{r.rows.into_iter().map(|x| view! {
                        <tr><td class="num">{x.line}</td><td>{x.code}</td><td>{x.name}</td><td>{x.outcome.zh()}</td></tr>
                    }).collect_view()}</tbody>
                </table>
            })}</div>
        </section>
    }
}

#[component]
fn Versions(list: VersionList) -> impl IntoView {
    view! {
        <section class="panel">
            <h2>"事项版本"</h2>
            <table class="data">
                <thead><tr><HeaderCells titles=&["编码", "事项", "部门", "版本", "状态", "起草人", "更新时间"]/></tr></thead>
                <tbody>{list.versions.into_iter().map(|v| view! {
                    <tr>
                        <td>{v.code}</td>
                        <td><Link to=Route::Version(v.id.to_string())>{v.name}</Link></td>
                        <td>{v.department_name}</td>
                        <td>{v.number.map(|n| format!("第{n}版")).unwrap_or_else(|| "—".into())}</td>
                        <td>{v.state.zh()}</td>
                        <td>{v.author}</td>
                        <td>{v.updated_at.short()}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        </section>
    }
}
