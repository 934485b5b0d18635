//! `/staff/hotline/partners`: the Open311 partners' API keys (office).
//! A key is shown once when issued (the server keeps only its hash) and
//! can be revoked.

use crate::pages::admin::{text_input, FormErrors};
use frontend::api;
use frontend::router::set_title;
use frontend::widgets::{load, post_then, show_page, HeaderCells};
use leptos::prelude::*;
use shared::error::ApiError;
use shared::hotline::partners::{ApiKeyList, ApiKeyView, IssuedApiKey, NewApiKey};

#[component]
pub fn PartnersPage() -> impl IntoView {
    set_title("开放接口");
    let data = load::<shared::api::ListApiKeys>(&[], Default::default());
    view! { {show_page(data, "开放接口".into(), |list| view! { <Keys list/> })} }
}

#[component]
fn Keys(list: ApiKeyList) -> impl IntoView {
    let keys = RwSignal::new(list.items);
    let issued = RwSignal::new(None::<IssuedApiKey>);
    let error = RwSignal::new(None::<ApiError>);
    let revoke = move |k: ApiKeyView| {
        let question = format!("确定吊销“{}”的密钥（尾号{}）吗？吊销后对方将不能再用它提交诉求，且无法恢复。", k.partner, k.hint);
        if window().confirm_with_message(&question).unwrap_or(false) {
            post_then::<shared::api::RevokeApiKey>(&[&k.id.to_string()], Default::default(), error, move |l| keys.set(l.items));
        }
    };
    // The new key's row (its time and who issued it) comes from the list.
    let on_issued = move |k: IssuedApiKey| {
        issued.set(Some(k));
        leptos::task::spawn_local(async move {
            match api::fetch::<shared::api::ListApiKeys>(&[], &Default::default()).await {
                Ok(l) => keys.set(l.items),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let rows = move || keys.get().into_iter().map(|k| view! { <KeyRow k on_revoke=revoke/> }).collect_view();
    view! {
        <section class="panel">
            <h1>"开放接口（Open311）"</h1>
            <p>
                "本县长公开电话按 Open311 GeoReport v2 标准开放接口，地址为 "<code>"/open311/v2/"</code>
                "（服务发现："<a href="/open311/v2/discovery.json">"/open311/v2/discovery.json"</a>"）。"
                "合作单位可查询诉求类别和工单办理状态；提交诉求（POST）须附本页发放的 "<code>"api_key"</code>
                "。接口不输出来电人的姓名、电话和地址。"
            </p>
            <IssuedKey issued/>
            <FormErrors error=error/>
            <table class="cases" data-testid="api-keys">
                <thead><tr><HeaderCells titles=&["使用单位", "密钥尾号", "发放时间", "发放人", "吊销时间", "调用次数", "操作"]/></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
        <IssueForm on_issued/>
    }
}

#[component]
fn KeyRow(k: ApiKeyView, on_revoke: impl Fn(ApiKeyView) + Copy + Send + Sync + 'static) -> impl IntoView {
    let revoked = k.revoked_at.is_some();
    let label = format!("吊销{}的密钥", k.partner);
    let target = k.clone();
    view! {
        <tr>
            <td>{k.partner}</td>
            <td>{format!("…{}", k.hint)}</td>
            <td>{k.created_at.short()}</td>
            <td>{k.created_by}</td>
            <td>{k.revoked_at.map(|t| t.short()).unwrap_or_else(|| "—（有效）".into())}</td>
            <td class="num">{k.uses}</td>
            <td>
                <Show when=move || !revoked fallback=|| "已吊销">
                    <button type="button" class="small danger" on:click={
                        let target = target.clone();
                        move |_| on_revoke(target.clone())
                    }>{label.clone()}</button>
                </Show>
            </td>
        </tr>
    }
}

/// The key just issued, shown this once.
#[component]
fn IssuedKey(issued: RwSignal<Option<IssuedApiKey>>) -> impl IntoView {
    let select_all = |ev: leptos::ev::FocusEvent| {
        use wasm_bindgen::JsCast;
        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            input.select();
        }
    };
    view! {
        <div role="status">{move || issued.get().map(|k| view! {
            <div class="notice" data-testid="issued-key">
                <label for="new-key">{format!("发给“{}”的密钥", k.partner)}</label>
                <input id="new-key" readonly prop:value=k.key on:focus=select_all/>
                <p><strong>"仅显示一次，请立即复制并安全交给对方。"</strong>"本系统只保存密钥的校验值，离开本页后无法再次查看；如遗失，请吊销后重新发放。"</p>
            </div>
        })}</div>
    }
}

#[component]
fn IssueForm(on_issued: impl Fn(IssuedApiKey) + Copy + Send + Sync + 'static) -> impl IntoView {
    let form = RwSignal::new(NewApiKey { partner: String::new() });
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = form.get_untracked();
        if let Err(e) = body.validate() {
            return error.set(Some(e));
        }
        post_then::<shared::api::IssueApiKey>(&[], body, error, move |k| {
            form.set(NewApiKey { partner: String::new() });
            on_issued(k);
        });
    };
    view! {
        <section class="panel">
            <h2>"发放密钥"</h2>
            <form class="stack-form" on:submit=submit>
                <label for="key-partner">"使用单位（如：市12345平台）"</label>
                {text_input("key-partner", form, |f: &NewApiKey| &f.partner, |f, v| f.partner = v)}
                <FormErrors error=error/>
                <button type="submit" class="primary">"发放新密钥"</button>
            </form>
        </section>
    }
}
