//! Staff sign-in.

use crate::app::Me;
use crate::route::Route;
use frontend::router::{set_title, use_router};
use frontend::widgets::{post_then, ErrorRegion};
use leptos::prelude::*;
use shared::error::ApiError;
use shared::staff::LoginRequest;

#[component]
pub fn LoginPage() -> impl IntoView {
    set_title("工作人员登录");
    let router = use_router::<Route>();
    let me = expect_context::<Me>();
    let (username, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = LoginRequest { username: username.get_untracked(), password: password.get_untracked() };
        post_then::<shared::api::Login>(&[], body, error, move |user| {
            let next = if user.must_change_password { Route::Password } else { Route::inbox() };
            me.set(Some(user));
            router.replace(next);
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
                <ErrorRegion error=error/>
                <button type="submit" class="primary">"登录"</button>
            </form>
        </section>
    }
}
