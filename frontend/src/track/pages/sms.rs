//! The applicant's SMS choice on the tracking page, after the code check:
//! turned off, their messages are recorded but not sent, and this page is
//! where they follow the case.

use crate::route::Route;
use frontend::api;
use frontend::router::use_router;
use frontend::widgets::ErrorRegion;
use leptos::prelude::*;
use shared::error::ApiError;
use shared::notify::SmsChoice;

#[component]
pub fn SmsSwitch(no: String, code: String, opt_out: bool) -> impl IntoView {
    let router = use_router::<Route>();
    let message = RwSignal::new(None::<ApiError>);
    let sending = RwSignal::new(false);
    let change = move |ev: leptos::ev::Event| {
        let body = SmsChoice { code: code.clone(), sms_opt_out: !event_target_checked(&ev) };
        let (no, code) = (no.clone(), code.clone());
        sending.set(true);
        leptos::task::spawn_local(async move {
            let result = api::post::<shared::api::ChooseSms>(&[&no], &body).await;
            sending.set(false);
            match result {
                Ok(_) => router.replace(Route::Track { no, code, new: false }),
                Err(e) => message.set(Some(e)),
            }
        });
    };
    view! {
        <section class="panel" data-testid="sms-choice">
            <h2>"短信通知"</h2>
            <label class="choice">
                <input type="checkbox" id="sms" checked=!opt_out disabled=move || sending.get() on:change=change/>
                "接收本办件的短信通知"
            </label>
            <p class="muted">"不接收短信时，请凭办件编号和查询码在本页查看办理进度。"</p>
            <ErrorRegion error=message/>
        </section>
    }
}
