//! The county's settings (office): names, the Center's address and hours,
//! phones, document number prefixes, the default yellow-card threshold.

use super::{number_input, text_input};
use frontend::router::set_title;
use frontend::widgets::{load, post_then, show_page};
use leptos::prelude::*;
use shared::admin::settings::{CountySettings, SettingsView};
use shared::error::ApiError;
use shared::streamline::DocLevel;

#[component]
pub fn SettingsPage() -> impl IntoView {
    set_title("县情与服务设置");
    let data = load::<shared::api::GetSettings>(&[], Default::default());
    view! { {show_page(data, "县情与服务设置".into(), |v| view! { <Editor v/> })} }
}

#[component]
fn Editor(v: SettingsView) -> impl IntoView {
    let form = RwSignal::new(v.settings);
    let version = RwSignal::new(v.version);
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = SettingsView { settings: form.get_untracked(), version: version.get_untracked() };
        saved.set(false);
        post_then::<shared::api::SaveSettings>(&[], body, error, move |v| {
            version.set(v.version);
            form.set(v.settings);
            saved.set(true);
        });
    };
    type S = CountySettings;
    let prefixes = DocLevel::ALL.map(|level| {
        let id = format!("prefix-{}", level.as_str());
        view! {
            <label for=id.clone()>{format!("{}发文字号前缀", level.zh())}</label>
            <input id=id prop:value=move || form.with(|f| f.doc_prefixes.get(level).to_string())
                on:input=move |ev| form.update(|f| *f.doc_prefixes.get_mut(level) = event_target_value(&ev))/>
        }
    });
    view! {
        <section class="panel">
            <h1>"县情与服务设置"</h1>
            <p class="muted">"这里的名称、电话和时间显示在每个办事指南、通知书和页面底部；发文字号前缀用于此后印发的文件。"</p>
            <form class="grid-form" on:submit=submit>
                <label for="county_name">"县名"</label>
                {text_input("county_name", form, |f: &S| &f.public.county_name, |f, v| f.public.county_name = v)}
                <label for="office_name">"县政府办公室名称"</label>
                {text_input("office_name", form, |f: &S| &f.public.office_name, |f, v| f.public.office_name = v)}
                <label for="centre_name">"服务中心名称"</label>
                {text_input("centre_name", form, |f: &S| &f.public.centre_name, |f, v| f.public.centre_name = v)}
                <label for="centre_address">"服务中心地址"</label>
                {text_input("centre_address", form, |f: &S| &f.public.centre_address, |f, v| f.public.centre_address = v)}
                <label for="centre_hours">"办公时间"</label>
                {text_input("centre_hours", form, |f: &S| &f.public.centre_hours, |f, v| f.public.centre_hours = v)}
                <label for="complaint_phone">"监督投诉电话"</label>
                {text_input("complaint_phone", form, |f: &S| &f.public.complaint_phone, |f, v| f.public.complaint_phone = v)}
                <label for="hotline_phone">"县长公开电话"</label>
                {text_input("hotline_phone", form, |f: &S| &f.public.hotline_phone, |f, v| f.public.hotline_phone = v)}
                {prefixes.into_iter().collect_view()}
                <label for="yellow_days">"新事项的黄牌预警（剩余工作日）"</label>
                {number_input("yellow_days", form, |f: &S| f.public.yellow_days, |f, v| f.public.yellow_days = v)}
                <super::FormErrors error=error/>
                <div role="status">{move || saved.get().then(|| view! { <p class="ok" data-testid="saved">"已保存。"</p> })}</div>
                <button type="submit" class="primary">"保存"</button>
            </form>
        </section>
    }
}
