//! Choosing a new password: required after signing in with a one-time
//! password, and open to anyone at any time.

use crate::app::Me;
use crate::route::Route;
use frontend::router::{set_title, use_router};
use frontend::widgets::{load, post_then, ErrorRegion, HeaderCells};
use leptos::prelude::*;
use shared::admin::accounts::{PasswordChange, MIN_PASSWORD_CHARS};
use shared::error::ApiError;
use shared::staff::EndSessions;

#[component]
pub fn PasswordPage() -> impl IntoView {
    set_title("修改密码");
    let router = use_router::<Route>();
    let me = expect_context::<Me>();
    let (current, new, again) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if new.get_untracked() != again.get_untracked() {
            return error.set(Some(ApiError::new(shared::error::ErrorCode::InvalidParameter, "两次输入的新密码不一致")));
        }
        let body = PasswordChange { current: current.get_untracked(), new: new.get_untracked() };
        post_then::<shared::api::ChangePassword>(&[], body, error, move |user| {
            router.replace(Route::account_setup(&user).unwrap_or_else(Route::inbox));
            me.set(Some(user));
        });
    };
    let forced = move || me.get().is_some_and(|u| u.must_change_password);
    view! {
        <section class="panel narrow">
            <h1>"修改密码"</h1>
            <Show when=forced><p class="notice" role="status">"您正在使用一次性密码登录，请先设置自己的新密码。"</p></Show>
            <form class="filters" on:submit=submit>
                <label for="current">"当前密码"</label>
                <input id="current" type="password" bind:value=current autocomplete="current-password" required/>
                <label for="new">{format!("新密码（至少{MIN_PASSWORD_CHARS}个字符，不能全是数字，不含用户名，不能是常见密码）")}</label>
                <input id="new" type="password" bind:value=new autocomplete="new-password" required/>
                <label for="again">"再次输入新密码"</label>
                <input id="again" type="password" bind:value=again autocomplete="new-password" required/>
                <ErrorRegion error=error/>
                <button type="submit" class="primary">"保存新密码"</button>
            </form>
        </section>
        <Show when=move || !forced()><Sessions/></Show>
    }
}

/// Where the member is signed in, and signing out everywhere else (a
/// session also ends after 30 minutes unused, and 8 hours at most).
#[component]
fn Sessions() -> impl IntoView {
    let list = load::<shared::api::ListSessions>(&[], Default::default());
    let error = RwSignal::new(None::<ApiError>);
    let ended = RwSignal::new(None::<u32>);
    let password = RwSignal::new(String::new());
    let end_others = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        post_then::<shared::api::EndOtherSessions>(&[], EndSessions { password: password.get_untracked() }, error, move |r| {
            ended.set(Some(r.ended));
            list.update(|l| {
                if let Some(Ok(l)) = l {
                    l.sessions.retain(|s| s.current)
                }
            });
        })
    };
    view! {
        <section class="panel">
            <h2>"登录的设备"</h2>
            <p class="muted">"登录状态在 30 分钟无操作或登录 8 小时后自动失效。"</p>
            <table class="data">
                <thead><tr><HeaderCells titles=&["登录时间", "最近使用", "地址", "浏览器", "当前"]/></tr></thead>
                <tbody>{move || list.get().and_then(Result::ok).map(|l| l.sessions.into_iter().map(|s| view! {
                    <tr>
                        <td>{s.started_at.short()}</td>
                        <td>{s.last_active_at.short()}</td>
                        <td>{s.address}</td>
                        <td>{s.agent}</td>
                        <td>{if s.current { "本设备" } else { "" }}</td>
                    </tr>
                }).collect_view())}</tbody>
            </table>
            <form class="filters" on:submit=end_others>
                <label for="end-password">"当前密码（确认是本人操作）"</label>
                <input id="end-password" type="password" bind:value=password autocomplete="current-password" required/>
                <ErrorRegion error=error/>
                <div role="status">{move || ended.get().map(|n| view! { <p class="ok">{format!("已退出其他{n}个设备。")}</p> })}</div>
                <button type="submit">"退出其他所有设备"</button>
            </form>
        </section>
    }
}
