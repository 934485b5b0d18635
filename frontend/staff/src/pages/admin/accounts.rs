//! Staff accounts: the office keeps every account, a department head their
//! department's. A new account or a reset gives a one-time password, shown
//! here once, that the person must change at first sign-in.

use super::FormErrors;
use crate::app::Me;
use frontend::router::set_title;
use frontend::widgets::{load, post_then, show_page, HeaderCells};
use leptos::prelude::*;
use shared::admin::accounts::{Account, AccountList, AccountSave, NewAccount, OneTimePassword, PasswordReset};
use shared::api::Empty;
use shared::error::ApiError;
use shared::staff::Role;

#[component]
pub fn AccountsPage() -> impl IntoView {
    set_title("账号管理");
    let data = load::<shared::api::ListAccounts>(&[], Default::default());
    view! { {show_page(data, "账号管理".into(), |list| view! { <Accounts list/> })} }
}

#[component]
fn Accounts(list: AccountList) -> impl IntoView {
    let me = expect_context::<Me>();
    let accounts = RwSignal::new(list.accounts);
    let issued = RwSignal::new(None::<OneTimePassword>);
    let error = RwSignal::new(None::<ApiError>);
    let replace = move |a: Account| {
        accounts.update(|all| match all.iter_mut().find(|x| x.id == a.id) {
            Some(x) => *x = a,
            None => all.push(a),
        })
    };
    let reset = move |a: Account| {
        post_then::<shared::api::ResetPassword>(&[&a.id.to_string()], PasswordReset { version: a.version }, error, move |otp| {
            replace(otp.account.clone());
            issued.set(Some(otp));
        });
    };
    let save = move |a: Account, body: AccountSave| {
        post_then::<shared::api::SaveAccount>(&[&a.id.to_string()], body, error, replace);
    };
    let signed_out = RwSignal::new(None::<String>);
    let sign_out = move |a: Account| {
        post_then::<shared::api::EndAccountSessions>(&[&a.id.to_string()], Empty {}, error, move |r| {
            signed_out.set(Some(format!("已结束{}的{}个会话，其须重新登录。", a.name, r.ended)));
        });
    };
    let is_office = move || me.get().is_some_and(|u| u.role == Role::OfficeAdmin);
    let rows = move || {
        accounts
            .get()
            .into_iter()
            .map(|a| view! { <AccountRow a is_office=is_office() on_reset=reset on_save=save on_sign_out=sign_out/> })
            .collect_view()
    };
    view! {
        <section class="panel">
            <h1>"账号管理"</h1>
            <div role="status">{move || issued.get().map(|o| view! {
                <p class="notice" data-testid="one-time-password">
                    {format!("{}（{}）的一次性密码：", o.account.name, o.account.username)}<strong>{o.password}</strong>
                    "。请当面或电话告知本人；首次登录后须修改，此密码不会再次显示。"
                </p>
            })}
            {move || signed_out.get().map(|m| view! { <p class="ok" data-testid="signed-out">{m}</p> })}</div>
            <FormErrors error=error/>
            <table class="data">
                <thead><tr><HeaderCells titles=&["用户名", "姓名", "角色", "所在部门", "状态", "操作"]/></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
        <NewAccountForm me issued on_created=move |a| replace(a)/>
    }
}

/// One account: its role to change, its password to reset, its sessions to
/// end, and whether it is active.
#[component]
fn AccountRow(
    a: Account,
    is_office: bool,
    on_reset: impl Fn(Account) + Copy + Send + Sync + 'static,
    on_save: impl Fn(Account, AccountSave) + Copy + Send + Sync + 'static,
    on_sign_out: impl Fn(Account) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let body = |a: &Account| AccountSave {
        name: a.name.clone(),
        role: a.role,
        department_id: a.department_id,
        active: a.active,
        version: a.version,
    };
    let (r, t, c, o) = (a.clone(), a.clone(), a.clone(), a.clone());
    let toggle = move |_| on_save(t.clone(), AccountSave { active: !t.active, ..body(&t) });
    // A new role: an office admin belongs to no department (only the office may choose it).
    let change_role = move |role: Role| {
        let department_id = if role == Role::OfficeAdmin { None } else { c.department_id };
        on_save(c.clone(), AccountSave { role, department_id, ..body(&c) })
    };
    let current = a.role;
    let roles = Role::ALL
        .into_iter()
        .filter(|x| is_office || *x != Role::OfficeAdmin)
        .map(move |x| view! { <option value=x.as_str() selected=x == current>{x.zh()}</option> });
    view! {
        <tr>
            <td>{a.username.clone()}</td>
            <td>{a.name.clone()}</td>
            <td>
                {if a.role == Role::OfficeAdmin {
                    // Another role needs a department: 开设 a new account instead.
                    view! { <span>{a.role.zh()}</span> }.into_any()
                } else {
                    view! {
                        <select aria-label=format!("{}的角色", a.name)
                            on:change=move |ev| if let Some(role) = Role::parse(&event_target_value(&ev)) { change_role(role) }>
                            {roles.collect_view()}
                        </select>
                    }.into_any()
                }}
            </td>
            <td>{a.department_name.clone().unwrap_or_else(|| frontend::county::county().office().to_string())}</td>
            <td>{if !a.active { "已停用" } else if a.must_change_password { "待本人设置密码" } else { "在岗" }}</td>
            <td>
                <button type="button" class="link-button" on:click=move |_| on_reset(r.clone())>{format!("重置{}的密码", a.name)}</button>
                " "
                <button type="button" class="link-button" on:click=move |_| on_sign_out(o.clone())>{format!("让{}强制下线", a.name)}</button>
                " "
                <button type="button" class="link-button" on:click=toggle>{format!("{}{}", if a.active { "停用" } else { "启用" }, a.name)}</button>
            </td>
        </tr>
    }
}

#[component]
fn NewAccountForm(
    me: Me,
    issued: RwSignal<Option<OneTimePassword>>,
    on_created: impl Fn(Account) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let is_office = move || me.get().is_some_and(|u| u.role == Role::OfficeAdmin);
    let units = load::<shared::api::ListUnits>(&[], Default::default());
    let form = RwSignal::new(NewAccount { role: Some(Role::WindowStaff), ..Default::default() });
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut body = form.get_untracked();
        if !is_office() {
            body.department_id = me.get_untracked().and_then(|u| u.department_id);
        }
        if body.role == Some(Role::OfficeAdmin) {
            body.department_id = None;
        }
        post_then::<shared::api::CreateAccount>(&[], body, error, move |otp| {
            on_created(otp.account.clone());
            issued.set(Some(otp));
            form.set(NewAccount { role: Some(Role::WindowStaff), ..Default::default() });
        });
    };
    let roles = move || {
        Role::ALL
            .into_iter()
            .filter(|r| is_office() || *r != Role::OfficeAdmin)
            .map(|r| view! { <option value=r.as_str() selected=move || form.with(|f| f.role == Some(r))>{r.zh()}</option> })
            .collect_view()
    };
    view! {
        <section class="panel">
            <h2>"开设账号"</h2>
            <form class="grid-form" on:submit=submit>
                <label for="a-username">"用户名（字母、数字、下划线或点）"</label>
                <input id="a-username" autocomplete="off" prop:value=move || form.with(|f| f.username.clone())
                    on:input=move |ev| form.update(|f| f.username = event_target_value(&ev))/>
                <label for="a-name">"姓名"</label>
                <input id="a-name" prop:value=move || form.with(|f| f.name.clone()) on:input=move |ev| form.update(|f| f.name = event_target_value(&ev))/>
                <label for="a-role">"角色"</label>
                <select id="a-role" on:change=move |ev| form.update(|f| f.role = Role::parse(&event_target_value(&ev)))>{roles}</select>
                <Show when=is_office>
                    <label for="a-department">"所在部门（县府办管理员不选）"</label>
                    <select id="a-department" on:change=move |ev| form.update(|f| f.department_id = event_target_value(&ev).parse().ok())>
                        <option value="">"（不属于部门）"</option>
                        {move || units.get().and_then(Result::ok).map(|l| l.units.into_iter().filter(|u| u.active)
                            .map(|u| view! { <option value=u.id.to_string()>{u.form.name}</option> }).collect_view())}
                    </select>
                </Show>
                <FormErrors error=error/>
                <button type="submit" class="primary">"开设并生成一次性密码"</button>
            </form>
        </section>
    }
}
