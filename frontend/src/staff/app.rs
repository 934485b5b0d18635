//! The shell: who is signed in, and the page for the current route. Every
//! page but sign-in needs a session; without one it goes to sign-in.

use crate::pages;
use crate::route::Route;
use frontend::api;
use frontend::router::{Link, Router};
use leptos::prelude::*;
use shared::error::ErrorCode;
use shared::staff::StaffUser;

/// The signed-in staff member, once known.
pub type Me = RwSignal<Option<StaffUser>>;

#[component]
pub fn App() -> impl IntoView {
    let router = Router::<Route>::install();
    let me: Me = RwSignal::new(None);
    provide_context(me);
    // Who is signed in: ask once; a 401 sends the browser to sign-in.
    leptos::task::spawn_local(async move {
        match api::get::<StaffUser>("/api/staff/me".into()).await {
            Ok(user) => me.set(Some(user)),
            Err(e) if e.code == ErrorCode::Unauthenticated => router.replace(Route::Login),
            Err(_) => {}
        }
    });
    let logout = move |_| {
        leptos::task::spawn_local(async move {
            let _ = api::post_json::<_, serde_json::Value>("/api/staff/logout", &()).await;
            me.set(None);
            router.replace(Route::Login);
        });
    };
    let page = move || match router.get() {
        Route::Login => view! { <pages::login::LoginPage/> }.into_any(),
        Route::Inbox { state } => pages::inbox::InboxPage(state).into_any(),
        Route::Case(no) => view! { <pages::case::CasePage no/> }.into_any(),
        Route::Notice(no) => view! { <pages::notice::NoticePage no/> }.into_any(),
        Route::NotFound => view! { <p class="panel">"页面不存在。"</p> }.into_any(),
    };
    view! {
        <header class="site-header staff no-print">
            <Link to=Route::Inbox { state: String::new() } class="brand">"示范县行政审批服务中心 · 窗口办理"</Link>
            {move || me.get().map(|u| view! {
                <span class="tagline" data-testid="who">
                    {format!("{} · {} · {}", u.name, u.department_name.clone().unwrap_or_else(|| "县人民政府办公室".into()), u.role.zh())}
                </span>
                <button type="button" class="link-button" on:click=logout>"退出登录"</button>
            })}
        </header>
        <main id="main" class="wide">{page}</main>
    }
}
