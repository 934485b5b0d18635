//! Taking a complaint in by the office (`/staff/complaints/new`): a call, a
//! letter or a visit, named or anonymous, with one Idempotency-Key for every
//! retry of the same entry; then to the complaint.

use super::form_values;
use crate::route::Route;
use frontend::api;
use frontend::router::{set_title, use_router};
use frontend::widgets::ErrorRegion;
use leptos::prelude::*;
use shared::api::complaints::IntakeComplaint;
use shared::complaints::intake::{ComplaintForm, StaffIntakeForm};
use shared::complaints::{ComplaintChannel, ComplaintKind};
use shared::error::{ApiError, ErrorCode};

#[component]
pub fn NewComplaintPage() -> impl IntoView {
    set_title("登记效能投诉");
    let router = use_router::<Route>();
    let error = RwSignal::new(None::<ApiError>);
    let key = StoredValue::new(api::new_key());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let get = form_values(&ev);
        let anonymous = !get("anonymous").is_empty();
        let who = |n: &str| if anonymous { String::new() } else { get(n) };
        let Some(channel) = ComplaintChannel::parse(&get("channel")) else {
            return error.set(Some(ApiError::new(ErrorCode::InvalidParameter, "请选择来源")));
        };
        let form = ComplaintForm {
            kind: ComplaintKind::parse(&get("kind")),
            anonymous,
            name: who("name"),
            phone: who("phone"),
            id_number: who("id_number"),
            subject: get("subject"),
            cause: get("cause"),
            course: get("course"),
        };
        if let Err(e) = shared::complaints::intake::check(form.problems()) {
            return error.set(Some(e));
        }
        let body = StaffIntakeForm { form, channel };
        leptos::task::spawn_local(async move {
            match api::post_keyed::<IntakeComplaint>(&[], &body, &key.get_value()).await {
                Ok(r) => router.push(Route::Complaint(r.complaint_no)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="panel">
            <h1>"登记效能投诉"</h1>
            <form class="stack-form" on:submit=submit novalidate>
                <label for="ci-channel">"来源"</label>
                <select id="ci-channel" name="channel">
                    {ComplaintChannel::ALL.into_iter().filter(|c| *c != ComplaintChannel::Web).map(|c| view! { <option value=c.as_str()>{c.zh()}</option> }).collect_view()}
                </select>
                <label for="ci-kind">"类型"</label>
                <select id="ci-kind" name="kind">
                    {ComplaintKind::ALL.into_iter().rev().map(|k| view! { <option value=k.as_str()>{k.zh()}</option> }).collect_view()}
                </select>
                <label class="choice"><input type="checkbox" name="anonymous"/>"匿名（不登记姓名、电话和身份证号，不予答复）"</label>
                <label for="ci-name">"投诉人姓名"</label>
                <input id="ci-name" name="name" autocomplete="off"/>
                <label for="ci-phone">"联系电话"</label>
                <input id="ci-phone" name="phone" type="tel" autocomplete="off"/>
                <label for="ci-id">"身份证号（选填）"</label>
                <input id="ci-id" name="id_number" autocomplete="off"/>
                <label for="ci-subject">"被投诉单位或人员"</label>
                <input id="ci-subject" name="subject" autocomplete="off"/>
                <label for="ci-cause">"事由"</label>
                <input id="ci-cause" name="cause" autocomplete="off"/>
                <label for="ci-course">"事情经过及诉求"</label>
                <textarea id="ci-course" name="course" rows="6"></textarea>
                <ErrorRegion error/>
                <button type="submit" class="primary">"登记"</button>
            </form>
        </section>
    }
}
