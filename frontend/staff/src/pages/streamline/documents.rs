//! Document requests: departments ask to issue, the office reviews (approve,
//! lower the level with a reason, refuse); issued documents by period and
//! level (the dashboard's drill-down).

use super::period::PeriodPicker;
use crate::app::Me;
use crate::pages::pager::Pager;
use crate::route::{PageAt, PeriodQuery, Route};
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::post_then;
use frontend::widgets::{load, show, CsvButton, ErrorRegion, HeaderCells};
use leptos::prelude::*;
use shared::api::{self as ep, DocumentsQuery, Empty, PeriodParams};
use shared::error::ApiError;
use shared::streamline::{suggest_level, DocLevel, DocNature, DocumentRecord, DocumentRequest, Review, ReviewRequest};

/// Rendered afresh for each URL. `filter` is "pending" or a level (or empty).
#[component]
pub fn DocumentsPage(period: PeriodQuery, filter: String, at: PageAt) -> impl IntoView {
    set_title("发文申请");
    let router = use_router::<Route>();
    let pending = filter == "pending";
    let query = if pending {
        DocumentsQuery { state: Some("pending".into()), after: at.after(), ..Default::default() }
    } else {
        let PeriodParams { year, from, to } = period.params();
        let level = Some(filter.clone()).filter(|l| !l.is_empty());
        DocumentsQuery { year, from, to, level, after: at.after(), ..Default::default() }
    };
    let (p, f) = (period.clone(), filter.clone());
    let list = load::<ep::ListDocuments>(&[], query);
    let heading = if pending {
        "待审核的发文申请".to_string()
    } else {
        format!("已印发文件 · {}", DocLevel::parse(&filter).map(|l| l.zh()).unwrap_or("全部层级"))
    };
    view! {
        <section class="panel">
            <h1>{heading}</h1>
            <p class="no-print">
                <Link to=Route::Documents(PeriodQuery::default(), "pending".into(), PageAt::default())>"待审核"</Link>" · "
                <Link to=Route::Documents(PeriodQuery::default(), String::new(), PageAt::default())>"已印发"</Link>
            </p>
            {(!pending).then(|| view! { <PeriodPicker current=period.clone() on_change=move |p| router.replace(Route::Documents(p, filter.clone(), PageAt::default()))/> })}
        </section>
        {pending.then(|| view! { <RequestForm/> })}
        {show(list, move |l| {
            let (period, filter, at) = (p.clone(), f.clone(), at.clone());
            view! {
                <Documents documents=l.documents pending total=l.page.total/>
                <Pager at page=l.page to=move |at| Route::Documents(period.clone(), filter.clone(), at)/>
            }
        })}
    }
}

#[component]
fn Documents(documents: Vec<DocumentRecord>, pending: bool, total: Option<u64>) -> impl IntoView {
    let rows: Vec<Vec<String>> = documents
        .iter()
        .map(|d| {
            vec![
                d.number.clone().unwrap_or_default(),
                d.subject.clone(),
                d.drafting_departments.join("、"),
                d.proposed_level.zh().into(),
                d.suggested_level.zh().into(),
                d.issued_level.map(|l| l.zh()).unwrap_or(d.state.zh()).into(),
                d.issued_on.map(|x| x.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    const HEADER: &[&str] = &["文号", "标题", "起草部门", "申请层级", "建议层级", "印发层级/状态", "印发日期"];
    let csv_rows = rows.clone();
    view! {
        <section class="panel">
            <h2>{match total {
                Some(n) => format!("共 {n} 件"),
                None => format!("本页 {} 件", documents.len()),
            }}</h2>
            <table class="cases" data-testid="documents">
                <thead><tr>
                    <HeaderCells titles=HEADER/>
                    {pending.then_some(view! { <th scope="col" class="no-print">"审核"</th> })}
                </tr></thead>
                <tbody>
                    {rows.into_iter().zip(documents).map(|(r, d)| view! {
                        <tr>
                            {r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                            {pending.then(|| view! { <td class="no-print"><ReviewControls d=d.clone()/></td> })}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <CsvButton file="发文.csv".into() header=HEADER rows=csv_rows/>
        </section>
    }
}

/// The office's decision on one request.
#[component]
fn ReviewControls(d: DocumentRecord) -> impl IntoView {
    let me = expect_context::<Me>();
    let router = use_router::<Route>();
    let lower_to = RwSignal::new(d.suggested_level);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let send = move |review: Review| {
        let id = d.id.to_string();
        let body = ReviewRequest { version: d.version, review };
        post_then::<ep::ReviewDocument>(&[&id], body, error, move |_| {
            router.replace(Route::Documents(PeriodQuery::default(), "pending".into(), PageAt::default()))
        });
    };
    let lower_options: Vec<DocLevel> = DocLevel::ALL.into_iter().filter(|l| *l > d.proposed_level).collect();
    let id = d.id;
    view! {
        <Show when=move || me.get().is_some_and(|u| u.check_is_office().is_ok()) fallback=|| view! { <span class="muted-inline">"待县府办审核"</span> }>
            <div class="review">
                <button type="button" class="small" on:click=move |_| send(Review::Approve)>"同意印发"</button>
                <label for=format!("lower-{id}")>"降格为"</label>
                <select id=format!("lower-{id}") on:change=move |ev| if let Some(l) = DocLevel::parse(&event_target_value(&ev)) { lower_to.set(l) }>
                    {lower_options.iter().map(|l| view! { <option value=l.as_str() selected=*l == d.suggested_level>{l.zh()}</option> }).collect_view()}
                </select>
                <label for=format!("reason-{id}")>"理由"</label>
                <input id=format!("reason-{id}") bind:value=reason/>
                <button type="button" class="small" on:click=move |_| send(Review::Lower { level: lower_to.get_untracked(), reason: reason.get_untracked() })>"降格印发"</button>
                <button type="button" class="small danger" on:click=move |_| send(Review::Refuse { reason: reason.get_untracked() })>"不予发文"</button>
                <ErrorRegion error/>
            </div>
        </Show>
    }
}

/// A department's request to issue, with the lowest level that serves
/// suggested as it is filled in.
#[component]
fn RequestForm() -> impl IntoView {
    let me = expect_context::<Me>();
    let router = use_router::<Route>();
    let departments = load::<ep::ListDepartments>(&[], Empty {});
    let form = RwSignal::new(DocumentRequest {
        subject: String::new(),
        proposed_level: DocLevel::CountyOffice,
        drafting_departments: Vec::new(),
        within_one_department: false,
        needs_government_authority: true,
        nature: DocNature::WorkArrangement,
        length_chars: 1500,
    });
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut f = form.get_untracked();
        // Department staff always draft in their own name first.
        if let Some(own) = me.get_untracked().and_then(|u| u.department_id) {
            f.drafting_departments.retain(|d| *d != own);
            f.drafting_departments.insert(0, own);
        }
        if let Err(e) = f.validate() {
            error.set(Some(e));
            return;
        }
        post_then::<ep::RequestDocument>(&[], f, error, move |_| {
            router.replace(Route::Documents(PeriodQuery::default(), "pending".into(), PageAt::default()))
        });
    };
    let suggestion = move || form.with(|f| suggest_level(f).zh());
    let check = |f: fn(&mut DocumentRequest, bool)| move |ev: leptos::ev::Event| form.update(|r| f(r, event_target_checked(&ev)));
    view! {
        <details class="panel no-print">
            <summary>"申请发文"</summary>
            <form class="grid-form" on:submit=submit>
                <label for="d-subject">"文件标题"</label>
                <input id="d-subject" on:input=move |ev| form.update(|r| r.subject = event_target_value(&ev))/>
                <label for="d-level">"申请发文层级"</label>
                <select id="d-level" on:change=move |ev| if let Some(l) = DocLevel::parse(&event_target_value(&ev)) { form.update(|r| r.proposed_level = l) }>
                    {DocLevel::ALL.map(|l| view! { <option value=l.as_str() selected=l == DocLevel::CountyOffice>{l.zh()}</option> })}
                </select>
                <label for="d-nature">"文件性质"</label>
                <select id="d-nature" on:change=move |ev| {
                    let n = match event_target_value(&ev).as_str() { "policy" => DocNature::Policy, "correspondence" => DocNature::Correspondence, _ => DocNature::WorkArrangement };
                    form.update(|r| r.nature = n)
                }>
                    <option value="policy">"规范性文件、重大政策"</option>
                    <option value="work_arrangement" selected>"部署、落实具体工作"</option>
                    <option value="correspondence">"商洽、询问、答复等事务"</option>
                </select>
                <span class="span"><label class="choice"><input type="checkbox" on:change=check(|r, v| r.within_one_department = v)/>"属于一个部门职权范围"</label></span>
                <span class="span"><label class="choice"><input type="checkbox" checked on:change=check(|r, v| r.needs_government_authority = v)/>"需以县政府（县府办）权威部署、约束乡镇和部门"</label></span>
                <fieldset class="span">
                    <legend>"起草部门（可多选）"</legend>
                    {move || departments.get().and_then(Result::ok).map(|l| l.departments.into_iter().map(|d| {
                        let id = d.id;
                        view! { <label class="choice"><input type="checkbox" on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            form.update(|r| if on { r.drafting_departments.push(id) } else { r.drafting_departments.retain(|x| *x != id) });
                        }/>{d.name}</label> }
                    }).collect_view())}
                </fieldset>
                <label for="d-length">"篇幅（字）"</label>
                <input id="d-length" type="number" min="1" value="1500" on:input=move |ev| form.update(|r| r.length_chars = event_target_value(&ev).parse().unwrap_or(0))/>
                <p class="span suggestion" data-testid="suggestion">{move || format!("按“能低则低”原则，建议发文层级：{}", suggestion())}</p>
                <ErrorRegion error class="span"/>
                <button type="submit" class="primary span">"提交申请"</button>
            </form>
        </details>
    }
}
