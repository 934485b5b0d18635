//! Staff sign-in.

use crate::app::Me;
use crate::route::Route;
use frontend::router::{set_title, use_router};
use frontend::widgets::{post_then, ErrorRegion};
use leptos::prelude::*;
use shared::error::{ApiError, ErrorCode};
use shared::staff::LoginRequest;

#[component]
pub fn LoginPage() -> impl IntoView {
    set_title("工作人员登录");
    let router = use_router::<Route>();
    let me = expect_context::<Me>();
    let (username, password, code) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error = RwSignal::new(None::<ApiError>);
    // Asked for once the password was right; stays for the next try.
    let ask_code = RwSignal::new(false);
    Effect::new(move || {
        if error.with(|e| e.as_ref().is_some_and(|e| e.code == ErrorCode::SecondFactorRequired)) {
            ask_code.set(true);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = Some(code.get_untracked()).filter(|c| ask_code.get_untracked() && !c.trim().is_empty());
        let body = LoginRequest { username: username.get_untracked(), password: password.get_untracked(), code };
        post_then::<shared::api::Login>(&[], body, error, move |user| {
            router.replace(Route::account_setup(&user).unwrap_or_else(Route::inbox));
            me.set(Some(user));
        });
    };
    view! {
        <section class="panel narrow">
            <h1>"工作人员登录"</h1>
            <form class="filters" on:submit=submit>
                <label for="username">"用户名"</label>
                <input id="username" bind:value=username autocomplete="username" required/>
                <label for="password">"密码"</label>
                <input id="password" type="password" bind:value=password autocomplete="current-password" required/>
                <Show when=move || ask_code.get()>
                    <label for="code">"动态码（手机身份验证器上的6位数字，或恢复码）"</label>
                    <input id="code" bind:value=code autocomplete="one-time-code" inputmode="text" autofocus required/>
                </Show>
                <ErrorRegion error=error/>
                <button type="submit" class="primary">"登录"</button>
            </form>
        </section>
    }
}
