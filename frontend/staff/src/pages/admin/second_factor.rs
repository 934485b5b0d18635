//! Two-step verification (两步验证): binding an authenticator app by its
//! QR code, the recovery codes (shown once), renewing them, turning it off.
//! Office administrators must have it before anything else.

use crate::app::Me;
use crate::route::Route;
use frontend::router::{set_title, Link};
use frontend::widgets::{load, post_then, show, ErrorRegion};
use leptos::prelude::*;
use shared::api::Empty;
use shared::error::ApiError;
use shared::second_factor::{PasswordAndCode, SecondFactorSetup, SecondFactorStatus};

#[component]
pub fn SecondFactorPage() -> impl IntoView {
    set_title("两步验证");
    let me = expect_context::<Me>();
    let status = load::<shared::api::GetSecondFactor>(&[], Default::default());
    let setup = RwSignal::new(None::<SecondFactorSetup>);
    let codes = RwSignal::new(None::<Vec<String>>);
    let error = RwSignal::new(None::<ApiError>);
    let start = move |_| {
        codes.set(None);
        post_then::<shared::api::SetUpSecondFactor>(&[], Empty {}, error, move |s| setup.set(Some(s)));
    };
    // A new factor or new codes: show the codes, and the page's state anew.
    let shown = move |new: Vec<String>, enabled: bool| {
        codes.set(Some(new));
        setup.set(None);
        status.update(|s| {
            if let Some(Ok(s)) = s {
                s.enabled = enabled;
                s.recovery_codes_left = shared::second_factor::RECOVERY_CODES as u32;
            }
        });
        me.update(|u| {
            if let Some(u) = u {
                u.must_set_up_second_factor = false;
            }
        });
    };
    view! {
        <section class="panel narrow">
            <h1>"两步验证"</h1>
            <p class="muted">"开启后，登录时除密码外还须输入手机身份验证器（如微信小程序“腾讯身份验证器”、Google Authenticator、Microsoft Authenticator）上每30秒变化的6位动态码。"</p>
            {show(status, move |s: SecondFactorStatus| view! {
                <p role="status" data-testid="second-factor-state">{state_line(&s)}</p>
                <Show when=move || s.required && !s.enabled>
                    <p class="notice">"县府办管理员可修改所有账号和设置，须开启两步验证后才能使用工作台。"</p>
                </Show>
            })}
            <Show when=move || setup.get().is_none()>
                <button type="button" class="primary" on:click=start>
                    {move || if enabled(status) { "更换手机（重新绑定）" } else { "开始设置" }}
                </button>
            </Show>
            {move || setup.get().map(|s| view! { <Bind setup=s replacing=enabled(status) error on_done=move |c| shown(c, true)/> })}
            <ErrorRegion error=error/>
        </section>
        {move || codes.get().map(|c| view! { <CodesShown codes=c/> })}
        <Show when=move || enabled(status) && setup.get().is_none()>
            <Manage status on_renewed=move |c| shown(c, true)/>
        </Show>
    }
}

fn enabled(status: RwSignal<Option<Result<SecondFactorStatus, ApiError>>>) -> bool {
    status.with(|s| matches!(s, Some(Ok(s)) if s.enabled))
}

fn state_line(s: &SecondFactorStatus) -> String {
    if s.enabled {
        format!("已开启。剩余恢复码{}个。", s.recovery_codes_left)
    } else {
        "尚未开启。".into()
    }
}

/// Scanning the new secret and confirming a code from it (and, replacing
/// a phone, a code of the old one).
#[component]
fn Bind(
    setup: SecondFactorSetup,
    replacing: bool,
    error: RwSignal<Option<ApiError>>,
    on_done: impl Fn(Vec<String>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let (password, code, current) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current_code = replacing.then(|| current.get_untracked());
        let body = PasswordAndCode { password: password.get_untracked(), code: code.get_untracked(), current_code };
        post_then::<shared::api::ConfirmSecondFactor>(&[], body, error, move |r| on_done(r.codes));
    };
    let qr = format!("data:image/svg+xml;utf8,{}", js_sys::encode_uri_component(&setup.qr_svg));
    view! {
        <ol class="steps">
            <li>"用手机身份验证器扫描下面的二维码："
                <img class="qr" src=qr alt="身份验证器绑定二维码" width="200" height="200"/>
                <p>"无法扫码时，手动输入密钥："<code data-testid="second-factor-secret">{setup.secret}</code></p>
            </li>
            <li>"输入当前密码和验证器上显示的6位动态码，完成绑定。"</li>
        </ol>
        <form class="filters" on:submit=submit>
            <label for="sf-password">"当前密码"</label>
            <input id="sf-password" type="password" bind:value=password autocomplete="current-password" required/>
            {replacing.then(|| view! {
                <label for="sf-current">"原手机验证器上的动态码"</label>
                <input id="sf-current" bind:value=current autocomplete="one-time-code" inputmode="numeric" required/>
            })}
            <label for="sf-code">"新验证器上的动态码"</label>
            <input id="sf-code" bind:value=code autocomplete="one-time-code" inputmode="numeric" required/>
            <button type="submit" class="primary">"确认绑定"</button>
        </form>
    }
}

/// The recovery codes, shown once.
#[component]
fn CodesShown(codes: Vec<String>) -> impl IntoView {
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="panel narrow">
            <h2>"恢复码"</h2>
            <p class="notice">"请抄下或打印这些恢复码并妥善保管。手机不在身边时，可用一个恢复码代替动态码登录；每个只能用一次，换新后旧的全部作废。本页关闭后不再显示。"</p>
            <ul class="recovery-codes" data-testid="recovery-codes">{codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}</ul>
            <button type="button" class="no-print" on:click=print>"打印"</button>
            " "
            <Link to=Route::inbox()>"进入工作台"</Link>
        </section>
    }
}

/// New recovery codes, or turning it off (not for a role that requires it):
/// both ask for the password and a current code again.
#[component]
fn Manage(
    status: RwSignal<Option<Result<SecondFactorStatus, ApiError>>>,
    on_renewed: impl Fn(Vec<String>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let (password, code) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error = RwSignal::new(None::<ApiError>);
    let off_done = RwSignal::new(false);
    let body = move || PasswordAndCode { password: password.get_untracked(), code: code.get_untracked(), current_code: None };
    let renew = move |_| post_then::<shared::api::RenewRecoveryCodes>(&[], body(), error, move |r| on_renewed(r.codes));
    let turn_off = move |_| {
        post_then::<shared::api::TurnOffSecondFactor>(&[], body(), error, move |_| {
            off_done.set(true);
            status.update(|s| {
                if let Some(Ok(s)) = s {
                    s.enabled = false;
                }
            });
        })
    };
    let optional = move || status.with(|s| matches!(s, Some(Ok(s)) if !s.required));
    view! {
        <section class="panel narrow">
            <h2>"恢复码与关闭"</h2>
            <form class="filters" on:submit=|ev| ev.prevent_default()>
                <label for="m-password">"当前密码"</label>
                <input id="m-password" type="password" bind:value=password autocomplete="current-password"/>
                <label for="m-code">"动态码"</label>
                <input id="m-code" bind:value=code autocomplete="one-time-code" inputmode="numeric"/>
                <ErrorRegion error=error/>
                <button type="button" on:click=renew>"换新恢复码"</button>
                <Show when=optional><button type="button" on:click=turn_off>"关闭两步验证"</button></Show>
            </form>
            <Show when=move || off_done.get()><p class="ok" role="status">"两步验证已关闭。"</p></Show>
        </section>
    }
}
