//! What staff do with a complaint, each form shown only when the server
//! lists its action as open to this viewer now: the office answers a
//! consultation, decides on acceptance, decides extensions, holds to
//! account, concludes and calls back; the handler (the office, or the unit
//! it was given to) asks for more time, investigates and adds evidence.

use super::complaint::{Acting, ActingError, Shown};
use super::{form_all, form_values};
use frontend::widgets::{load, show};
use leptos::prelude::*;
use shared::api::complaints::UploadEvidence;
use shared::api::Empty;
use shared::api::ListUnits;
use shared::complaints::complaint::{ComplaintAction as A, ComplaintCallback};
use shared::complaints::views::ComplaintView;
use shared::complaints::{FaultNotice, Finding, HandlingMode, Sanction};

#[component]
pub fn Actions(view: ComplaintView, shown: Shown) -> impl IntoView {
    let acting = Acting::new(&view, shown);
    let has = |a: &str| view.actions.iter().any(|x| x == a);
    let handles = has("investigate");
    view! {
        <section class="panel no-print" data-testid="complaint-actions">
            <h2>"办理操作"</h2>
            {has("answer").then(|| view! {
                <TextAction acting id="co-answer" title="答复咨询" label="答复内容（咨询人凭查询码可见）" button="答复并办结" make=|text| A::Answer { text }/>
            })}
            {has("accept").then(|| view! { <Decide acting/> })}
            {has("request_extension").then(|| view! {
                <TextAction acting id="co-ext" title="申请延期（延长至60个工作日，须在期限届满前申请）" label="延期理由" button="申请延期" make=|reason| A::RequestExtension { reason }/>
            })}
            {has("decide_extension").then(|| view! { <ExtensionDecision acting/> })}
            {handles.then(|| view! { <Evidence acting/> <Investigate acting/> })}
            {has("hold").then(|| view! { <Hold acting/> })}
            {has("conclude").then(|| view! {
                <TextAction acting id="co-result" title="办结" label="办理结果（实名投诉人凭查询码可见；匿名投诉不予答复）" button="办结" make=|result| A::Conclude { result }/>
            })}
            {has("callback").then(|| view! { <Callback acting/> })}
            {has("note").then(|| view! {
                <TextAction acting id="co-note" title="办理进展" label="进展（仅工作人员可见）" button="记录" make=|text| A::Note { text }/>
            })}
            <ActingError acting/>
        </section>
    }
}

#[component]
fn TextAction(
    acting: Acting,
    id: &'static str,
    title: &'static str,
    label: &'static str,
    button: &'static str,
    make: fn(String) -> A,
) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| acting.act(make(form_values(&ev)("text")));
    view! {
        <form class="stack-form" on:submit=submit>
            <h3>{title}</h3>
            <label for=id>{label}</label>
            <textarea id=id name="text" rows="3"></textarea>
            <button type="submit" class="small">{button}</button>
        </form>
    }
}

/// Unit choices (all active units), for a select or checkboxes.
fn unit_options(multiple: bool, name: &'static str, id: &'static str) -> impl IntoView {
    let units = load::<ListUnits>(&[], Empty {});
    show(units, move |list| {
        let active = list.units.into_iter().filter(|u| u.active);
        if multiple {
            view! {
                <fieldset id=id class="checks"><legend>"被投诉单位"</legend>
                    {active.map(|u| view! { <label class="choice"><input type="checkbox" name=name value=u.id.to_string()/>{u.form.name}</label> }).collect_view()}
                </fieldset>
            }
            .into_any()
        } else {
            view! {
                <label for=id>"承办单位（交办或转办）"</label>
                <select id=id name=name>
                    <option value="">"（自办不选）"</option>
                    {active.map(|u| view! { <option value=u.id.to_string()>{u.form.name}</option> }).collect_view()}
                </select>
            }
            .into_any()
        }
    })
}

/// The acceptance decision: accept (自办, 交办, 转办), not accept, or
/// transfer to the competent body.
#[component]
fn Decide(acting: Acting) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let get = form_values(&ev);
        let action = match get("decision").as_str() {
            "reject" => A::Reject { reason: get("reason") },
            "transfer_out" => A::TransferOut { body: get("body"), reason: get("reason") },
            mode => match HandlingMode::parse(mode) {
                Some(mode) => A::Accept { mode, unit_id: get("unit").parse().ok(), instruction: get("reason") },
                None => return acting.refuse("请选择受理决定"),
            },
        };
        acting.act(action);
    };
    view! {
        <form class="stack-form" on:submit=submit data-testid="decide">
            <h3>"受理决定"</h3>
            <fieldset>
                <legend>"决定"</legend>
                {HandlingMode::ALL.into_iter().map(|m| view! {
                    <label class="choice"><input type="radio" name="decision" value=m.as_str()/>{format!("受理，{}", m.zh())}</label>
                }).collect_view()}
                <label class="choice"><input type="radio" name="decision" value="reject"/>"不予受理"</label>
                <label class="choice"><input type="radio" name="decision" value="transfer_out"/>"转送有权处理机关"</label>
            </fieldset>
            {unit_options(false, "unit", "co-unit")}
            <label for="co-body">"有权处理的机关（转送时填写）"</label>
            <input id="co-body" name="body" autocomplete="off"/>
            <label for="co-reason">"交办要求或理由（不予受理、转送时必填，告知投诉人）"</label>
            <textarea id="co-reason" name="reason" rows="3"></textarea>
            <button type="submit" class="small">"提交受理决定"</button>
        </form>
    }
}

#[component]
fn ExtensionDecision(acting: Acting) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let get = form_values(&ev);
        acting.act(A::DecideExtension { approve: get("approve") == "yes", reason: get("reason") });
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <h3>"审批延期"</h3>
            <label class="choice"><input type="radio" name="approve" value="yes" checked/>"同意延期至60个工作日"</label>
            <label class="choice"><input type="radio" name="approve" value="no"/>"不同意"</label>
            <label for="co-ext-reason">"意见（不同意时必填）"</label>
            <textarea id="co-ext-reason" name="reason" rows="2"></textarea>
            <button type="submit" class="small">"提交审批"</button>
        </form>
    }
}

#[component]
fn Investigate(acting: Acting) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let units: Vec<i64> = form_all(&ev, "units").iter().filter_map(|u| u.parse().ok()).collect();
        let get = form_values(&ev);
        let Some(finding) = Finding::parse(&get("finding")) else { return acting.refuse("请选择调查结论") };
        acting.act(A::Investigate { finding, unit_ids: units, people: get("people"), facts: get("facts") });
    };
    view! {
        <form class="stack-form" on:submit=submit data-testid="investigate">
            <h3>"调查记录"</h3>
            <fieldset>
                <legend>"调查结论"</legend>
                {Finding::ALL.into_iter().map(|f| view! { <label class="choice"><input type="radio" name="finding" value=f.as_str()/>{f.zh()}</label> }).collect_view()}
            </fieldset>
            {unit_options(true, "units", "co-units")}
            <label for="co-people">"被投诉人（姓名、职务）"</label>
            <input id="co-people" name="people" autocomplete="off"/>
            <label for="co-facts">"认定事实"</label>
            <textarea id="co-facts" name="facts" rows="4"></textarea>
            <button type="submit" class="small">"提交调查记录"</button>
        </form>
    }
}

/// Evidence files (JPEG, PNG or PDF), posted with the version read.
#[component]
fn Evidence(acting: Acting) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        use wasm_bindgen::JsCast;
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else { return };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
        let _ = data.set_with_str("version", &acting.version().to_string());
        let no = acting.no();
        leptos::task::spawn_local(async move {
            match frontend::api::post_form::<UploadEvidence>(&[&no], &data, &[]).await {
                Ok(view) => acting.replace(view),
                Err(e) => acting.error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <h3>"上传调查证据"</h3>
            <label for="co-files">"证据文件（JPEG、PNG照片或PDF，单个不超过10MB）"</label>
            <input id="co-files" type="file" name="material:1" multiple accept="image/jpeg,image/png,application/pdf"/>
            <button type="submit" class="small">"上传"</button>
        </form>
    }
}

#[component]
fn Hold(acting: Acting) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let get = form_values(&ev);
        acting.act(A::Hold {
            notice: FaultNotice::parse(&get("notice")),
            sanction: Sanction::parse(&get("sanction")),
            reward: !get("reward").is_empty(),
        });
    };
    view! {
        <form class="stack-form" on:submit=submit data-testid="hold">
            <h3>"追责处理"</h3>
            <label for="co-notice">"过失通知单"</label>
            <select id="co-notice" name="notice">
                <option value="">"不发"</option>
                {FaultNotice::ALL.into_iter().map(|n| view! { <option value=n.as_str()>{n.zh()}</option> }).collect_view()}
            </select>
            <label for="co-sanction">"建议处理"</label>
            <select id="co-sanction" name="sanction">
                <option value="">"无"</option>
                {Sanction::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{s.zh()}</option> }).collect_view()}
            </select>
            <label class="choice"><input type="checkbox" name="reward"/>"有奖举报（举报属实，予以奖励）"</label>
            <button type="submit" class="small">"提交追责处理"</button>
        </form>
    }
}

#[component]
fn Callback(acting: Acting) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let get = form_values(&ev);
        let Some(result) = ComplaintCallback::parse(&get("result")) else { return acting.refuse("请选择回访结果") };
        acting.act(A::Callback { result, note: get("note") });
    };
    view! {
        <form class="stack-form" on:submit=submit data-testid="callback">
            <h3>"回访"</h3>
            <fieldset>
                <legend>"回访结果"</legend>
                {ComplaintCallback::ALL.into_iter().map(|r| view! { <label class="choice"><input type="radio" name="result" value=r.as_str()/>{r.zh()}</label> }).collect_view()}
            </fieldset>
            <label for="co-cb-note">"回访记录"</label>
            <textarea id="co-cb-note" name="note" rows="2"></textarea>
            <button type="submit" class="small">"提交回访"</button>
        </form>
    }
}
