//! One version of a matter: the editor of a draft (all nine disclosures,
//! materials, the form's fields), its changes against the version before,
//! and the steps: submit (department), publish or send back (office).

mod rows;

use super::{number_input, text_input, FormErrors};
use crate::app::Me;
use crate::route::Route;
use frontend::api;
use frontend::router::{set_title, use_router};
use frontend::widgets::{load, show_page, HeaderCells, Loading};
use leptos::prelude::*;
use rows::{Fields, Materials};
use shared::admin::catalogue::{DraftSave, MaterialSpec, MatterContent, NewDraft, VersionAction, VersionDetail, VersionState, VersionStep};
use shared::api::VersionsQuery;
use shared::approvals::matter::{HandlingClass, MaterialForm};
use shared::error::ApiError;

#[component]
pub fn VersionPage(id: String) -> impl IntoView {
    set_title("事项版本");
    let data = load::<shared::api::GetMatterVersion>(&[&id], Default::default());
    view! { {show_page(data, "事项版本".into(), |d| view! { <Editor matter_id=d.version.matter_id detail=Some(d.clone()) content=d.version.content/> })} }
}

/// A new draft: of a new matter (`matter` empty), or of a change to a
/// published one, starting from its current version.
#[component]
pub fn NewVersionPage(matter: String) -> impl IntoView {
    set_title("起草事项");
    let me = expect_context::<Me>();
    let start = RwSignal::new(None::<Result<(Option<i64>, MatterContent), ApiError>>);
    let matter_id = matter.parse::<i64>().ok();
    leptos::task::spawn_local(async move {
        let Some(id) = matter_id else {
            let department_id = me.get_untracked().and_then(|u| u.department_id).unwrap_or(0);
            return start.set(Some(Ok((None, blank(department_id)))));
        };
        let q = VersionsQuery { state: Some("published".into()), matter: Some(id.to_string()) };
        let loaded = async {
            let list = api::fetch::<shared::api::ListMatterVersions>(&[], &q).await?;
            let latest = list.versions.first().ok_or_else(|| ApiError::not_found("该事项的已发布版本"))?;
            api::fetch::<shared::api::GetMatterVersion>(&[&latest.id.to_string()], &Default::default()).await
        };
        start.set(Some(loaded.await.map(|d| (Some(id), d.version.content))));
    });
    move || match start.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => {
            view! { <section class="panel"><h1>"起草事项"</h1><p class="error" role="alert">{error.message}</p></section> }.into_any()
        }
        Some(Ok((matter_id, content))) => view! { <Editor matter_id detail=None content/> }.into_any(),
    }
}

fn blank(department_id: i64) -> MatterContent {
    MatterContent {
        code: String::new(),
        name: String::new(),
        department_id,
        class: HandlingClass::Commitment,
        legal_basis: String::new(),
        conditions: String::new(),
        materials: vec![MaterialSpec { name: String::new(), form: MaterialForm::Original, copies: 1, required: true, note: String::new() }],
        procedure: Vec::new(),
        statutory_days: 20,
        committed_days: 5,
        fee: "不收费".into(),
        fee_basis: String::new(),
        free: true,
        result: String::new(),
        yellow_days: frontend::county::county().yellow_days,
        form_fields: Vec::new(),
    }
}

#[component]
fn Editor(matter_id: Option<i64>, detail: Option<VersionDetail>, content: MatterContent) -> impl IntoView {
    let router = use_router::<Route>();
    let me = expect_context::<Me>();
    let is_office = move || me.get().is_some_and(|u| u.check_is_office().is_ok());
    let form = RwSignal::new(content);
    let procedure = RwSignal::new(form.with_untracked(|f| f.procedure.join("\n")));
    let detail = RwSignal::new(detail);
    let error = RwSignal::new(None::<ApiError>);
    let note = RwSignal::new(String::new());
    let state = move || detail.with(|d| d.as_ref().map(|d| d.version.state));
    let editable = move || matches!(state(), None | Some(VersionState::Draft | VersionState::Returned));
    let answer = move |r: Result<VersionDetail, ApiError>| match r {
        Ok(d) => {
            error.set(None);
            form.set(d.version.content.clone());
            let id = d.version.id;
            let first = detail.with_untracked(|x| x.is_none());
            detail.set(Some(d));
            if first {
                router.replace(Route::Version(id.to_string()));
            }
        }
        Err(e) => error.set(Some(e)),
    };
    // What the form says now, procedure lines included.
    let content = move || {
        let mut content = form.get_untracked();
        content.procedure = procedure.get_untracked().lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
        content
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let content = content();
        leptos::task::spawn_local(async move {
            let r = match detail.get_untracked() {
                None => api::post::<shared::api::CreateMatterDraft>(&[], &NewDraft { matter_id, content }).await,
                Some(d) => {
                    api::post::<shared::api::SaveMatterDraft>(&[&d.version.id.to_string()], &DraftSave { content, rev: d.version.rev })
                        .await
                }
            };
            answer(r);
        });
    };
    // Submitting saves what is on the screen first, so no edit is lost.
    let step = move |step: VersionStep| {
        let Some(d) = detail.get_untracked() else { return };
        let note = note.get_untracked();
        let editing = matches!(d.version.state, VersionState::Draft | VersionState::Returned);
        let (id, content) = (d.version.id.to_string(), content());
        leptos::task::spawn_local(async move {
            let mut rev = d.version.rev;
            if step == VersionStep::Submit && editing {
                match api::post::<shared::api::SaveMatterDraft>(&[&id], &DraftSave { content, rev }).await {
                    Ok(saved) => rev = saved.version.rev,
                    Err(e) => return answer(Err(e)),
                }
            }
            answer(api::post::<shared::api::ActOnMatterVersion>(&[&id], &VersionAction { step, note, rev }).await);
        });
    };
    view! {
        <section class="panel">
            <h1>{move || form.with(|f| if f.name.is_empty() { "起草新事项".to_string() } else { f.name.clone() })}</h1>
            <p role="status" data-testid="version-state">{move || detail.with(|d| d.as_ref().map(|d| {
                let number = d.version.number.map(|n| format!("第{n}版，")).unwrap_or_default();
                let note = if d.version.review_note.is_empty() { String::new() } else { format!("（退回理由：{}）", d.version.review_note) };
                format!("{number}{}{note} · {}", d.version.state.zh(), d.department_name)
            }).unwrap_or_else(|| "尚未保存".into()))}</p>
            {matter_id.map(|m| view! {
                <p><frontend::router::Link to=Route::Catalogue { state: String::new(), matter: m.to_string() }>"该事项的全部版本"</frontend::router::Link></p>
            })}
            <form class="stack-form" on:submit=save>
              // Published and submitted versions are read here, not edited.
              <fieldset class="plain" prop:disabled=move || !editable()>
                <Identity form matter_id is_office=Signal::derive(is_office)/>
                <Disclosures form procedure/>
                <Materials form/>
                <Fields form/>
              </fieldset>
                <FormErrors error=error/>
                <Show when=editable><button type="submit" class="primary">"保存草稿"</button></Show>
            </form>
            <Steps detail note is_office=Signal::derive(is_office) editable=Signal::derive(editable) step/>
        </section>
        {move || detail.get().map(|d| view! { <Changes d/> })}
    }
}

/// What can be done with the version as a whole: submit it (its
/// department), publish it or send it back with a reason (the office).
#[component]
fn Steps(
    detail: RwSignal<Option<VersionDetail>>,
    note: RwSignal<String>,
    is_office: Signal<bool>,
    editable: Signal<bool>,
    step: impl Fn(VersionStep) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = move || detail.with(|d| d.as_ref().map(|d| d.version.state));
    view! {
    <Show when=move || editable.get() && detail.with(|d| d.is_some())>
        <button type="button" on:click=move |_| step(VersionStep::Submit)>"提交县府办审核"</button>
    </Show>
    <Show when=move || is_office.get() && state() == Some(VersionState::Submitted)>
        <label for="v-note">"退回理由（退回时必填）"</label>
        <input id="v-note" bind:value=note/>
        <button type="button" class="primary" on:click=move |_| step(VersionStep::Publish)>"审核通过并发布"</button>
        " "
        <button type="button" on:click=move |_| step(VersionStep::Return)>"退回修改"</button>
    </Show>
    }
}

/// The matter's code, name, department and class of handling.
#[component]
fn Identity(form: RwSignal<MatterContent>, matter_id: Option<i64>, is_office: Signal<bool>) -> impl IntoView {
    let units = load::<shared::api::ListUnits>(&[], Default::default());
    type F = MatterContent;
    view! {
        <label for="v-code">"事项编码"</label>
        <input id="v-code" prop:value=move || form.with(|f| f.code.clone()) disabled=matter_id.is_some()
            on:input=move |ev| form.update(|f| f.code = event_target_value(&ev))/>
        <label for="v-name">"1. 事项名称"</label>
        {text_input("v-name", form, |f: &F| &f.name, |f, v| f.name = v)}
        <Show when=move || matter_id.is_none() && is_office.get()>
            <label for="v-department">"实施部门"</label>
            <select id="v-department" on:change=move |ev| form.update(|f| f.department_id = event_target_value(&ev).parse().unwrap_or(0))>
                <option value="0">"请选择"</option>
                {move || units.get().and_then(Result::ok).map(|l| l.units.into_iter().filter(|u| u.active && !u.form.window.is_empty()).map(|u| {
                    let id = u.id;
                    view! { <option value=id.to_string() selected=move || form.with(|f| f.department_id == id)>{u.form.name}</option> }
                }).collect_view())}
            </select>
        </Show>
        <label for="v-class">"办理类别"</label>
        <select id="v-class" on:change=move |ev| form.update(|f| if let Some(c) = HandlingClass::parse(&event_target_value(&ev)) { f.class = c })>
            {HandlingClass::ALL.map(|c| view! { <option value=c.as_str() selected=move || form.with(|f| f.class == c)>{c.zh()}</option> }).into_iter().collect_view()}
        </select>
    }
}

/// Disclosures 2, 3 and 5 to 8: basis, conditions, procedure, limits, fees, result.
#[component]
fn Disclosures(form: RwSignal<MatterContent>, procedure: RwSignal<String>) -> impl IntoView {
    type F = MatterContent;
    let text_area = |id: &'static str, get: fn(&F) -> &String, set: fn(&mut F, String)| {
        view! { <textarea id=id rows="3" prop:value=move || form.with(|f| get(f).clone()) on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))></textarea> }
    };
    view! {
        <label for="v-basis">"2. 设定依据"</label>
        {text_area("v-basis", |f| &f.legal_basis, |f, v| f.legal_basis = v)}
        <label for="v-conditions">"3. 申请条件"</label>
        {text_area("v-conditions", |f| &f.conditions, |f, v| f.conditions = v)}
        <label for="v-procedure">"5. 办理流程（每行一步）"</label>
        <textarea id="v-procedure" rows="5" bind:value=procedure></textarea>
        <label for="v-statutory">"6. 法定时限（工作日）"</label>
        {number_input("v-statutory", form, |f: &F| f.statutory_days, |f, v| f.statutory_days = v)}
        <label for="v-committed">"承诺时限（工作日，不超过法定时限）"</label>
        {number_input("v-committed", form, |f: &F| f.committed_days, |f, v| f.committed_days = v)}
        <label for="v-yellow">"黄牌预警（剩余工作日）"</label>
        {number_input("v-yellow", form, |f: &F| f.yellow_days, |f, v| f.yellow_days = v)}
        <label for="v-fee">"7. 收费标准"</label>
        {text_input("v-fee", form, |f: &F| &f.fee, |f, v| f.fee = v)}
        <label for="v-fee-basis">"收费依据"</label>
        {text_input("v-fee-basis", form, |f: &F| &f.fee_basis, |f, v| f.fee_basis = v)}
        <label for="v-free" class="choice"><input id="v-free" type="checkbox" prop:checked=move || form.with(|f| f.free)
            on:change=move |ev| form.update(|f| f.free = event_target_checked(&ev))/>"免费办理"</label>
        <label for="v-result">"8. 办理结果"</label>
        {text_input("v-result", form, |f: &F| &f.result, |f, v| f.result = v)}
    }
}

#[component]
fn Changes(d: VersionDetail) -> impl IntoView {
    let title = if d.version.number == Some(1) || d.version.base_number.is_none() {
        "内容（新事项）"
    } else {
        "与上一版相比的变化"
    };
    view! {
        <section class="panel">
            <h2>{title}</h2>
            {if d.changes.is_empty() {
                view! { <p class="muted">"与上一版相同。"</p> }.into_any()
            } else {
                view! {
                    <table class="data" data-testid="changes">
                        <thead><tr><HeaderCells titles=&["项目", "原内容", "新内容"]/></tr></thead>
                        <tbody>{d.changes.into_iter().map(|c| view! { <tr><td>{c.field}</td><td>{c.before}</td><td>{c.after}</td></tr> }).collect_view()}</tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
