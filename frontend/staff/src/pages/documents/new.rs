//! `/staff/transmit/new`: the office registers an outgoing document from a
//! document request it approved and numbered (the number is the request's),
//! with its urgency, signer, main and copy recipients (units and unit
//! groups, expanded when sent) and the 非涉密 statement; then attaches the
//! body on the document's page and sends it.

use crate::doc_route::Dr;
use crate::route::Route;
use frontend::router::{set_title, use_router};
use frontend::widgets::{load, post_then, show, ErrorRegion};
use leptos::prelude::*;
use shared::api::documents::CreateDoc;
use shared::api::{DocumentsQuery, Empty, ListDocuments, ListUnitGroups, ListUnits};
use shared::documents::forms::OutgoingForm;
use shared::documents::Urgency;

#[component]
pub fn NewDocPage() -> impl IntoView {
    set_title("登记发文");
    let router = use_router::<Route>();
    let requests = load::<ListDocuments>(&[], DocumentsQuery { limit: Some("100".into()), ..Default::default() });
    let units = load::<ListUnits>(&[], Empty {});
    let groups = load::<ListUnitGroups>(&[], Empty {});
    let (request, urgency, signer, stated) =
        (RwSignal::new(String::new()), RwSignal::new("ordinary".to_string()), RwSignal::new(String::new()), RwSignal::new(false));
    let (main_units, main_groups, copy_units, copy_groups) =
        (RwSignal::new(vec![]), RwSignal::new(vec![]), RwSignal::new(vec![]), RwSignal::new(vec![]));
    let error = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = OutgoingForm {
            request_id: request.get_untracked().parse().unwrap_or(0),
            urgency: Urgency::parse(&urgency.get_untracked()).unwrap_or(Urgency::Ordinary),
            signer: signer.get_untracked(),
            main_units: main_units.get_untracked(),
            main_groups: main_groups.get_untracked(),
            copy_units: copy_units.get_untracked(),
            copy_groups: copy_groups.get_untracked(),
            not_classified: stated.get_untracked(),
        };
        post_then::<CreateDoc>(&[], form, error, move |doc| router.push(Route::Transmit(Dr::Doc(doc.doc_key))));
    };
    view! {
        <section class="panel">
            <h1>"登记发文"</h1>
            <form class="stacked" on:submit=submit>
                <label for="doc-request">"发文申请（已审核编号）"</label>
                {show(requests, move |list| view! {
                    <select id="doc-request" required on:change=move |ev| request.set(event_target_value(&ev))>
                        <option value="">"请选择"</option>
                        {list.documents.into_iter().filter_map(|d| d.number.clone().map(|n| (d, n))).map(|(d, n)| view! {
                            <option value=d.id.to_string()>{format!("{n} {}", d.subject)}</option>
                        }).collect_view()}
                    </select>
                })}
                <label for="doc-urgency">"紧急程度"</label>
                <select id="doc-urgency" on:change=move |ev| urgency.set(event_target_value(&ev))>
                    {Urgency::ALL.map(|u| view! { <option value=u.as_str() selected=u == Urgency::Ordinary>{u.zh()}</option> })}
                </select>
                <label for="doc-signer">"签发人"</label>
                <input id="doc-signer" maxlength="20" required on:input=move |ev| signer.set(event_target_value(&ev))/>
                {move || groups.get().and_then(Result::ok).map(|g| {
                    let list: Vec<(i64, String)> = g.groups.into_iter().map(|g| (g.id, g.name)).collect();
                    view! {
                        <Pick legend="主送单位分组" name="main-group" options=list.clone() chosen=main_groups/>
                        <Pick legend="抄送单位分组" name="copy-group" options=list chosen=copy_groups/>
                    }
                })}
                {move || units.get().and_then(Result::ok).map(|u| {
                    let list: Vec<(i64, String)> = u.units.into_iter().filter(|u| u.active).map(|u| (u.id, u.form.name)).collect();
                    view! {
                        <Pick legend="主送单位" name="main-unit" options=list.clone() chosen=main_units/>
                        <Pick legend="抄送单位" name="copy-unit" options=list chosen=copy_units/>
                    }
                })}
                <label class="check">
                    <input type="checkbox" on:change=move |ev| stated.set(event_target_checked(&ev))/>
                    "本人确认：本公文不涉及国家秘密（非涉密），可以通过本系统传输"
                </label>
                <ErrorRegion error/>
                <button type="submit">"登记"</button>
            </form>
        </section>
    }
}

/// A group of checkboxes choosing ids from `options` into `chosen`.
#[component]
fn Pick(legend: &'static str, name: &'static str, options: Vec<(i64, String)>, chosen: RwSignal<Vec<i64>>) -> impl IntoView {
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {options.into_iter().map(|(id, label)| {
                let toggle = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    chosen.update(|c| {
                        c.retain(|x| *x != id);
                        if on {
                            c.push(id);
                        }
                    });
                };
                view! { <label class="check"><input type="checkbox" name=name value=id.to_string() on:change=toggle/>{label}</label> }
            }).collect_view()}
        </fieldset>
    }
}
