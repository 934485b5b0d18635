//! Departments, townships and other member units with their windows; unit
//! groups for distribution lists; intermediaries (office).

use super::{number_input, text_input, FormErrors};

use frontend::router::set_title;
use frontend::widgets::{load, post_then, show_page, HeaderCells};
use leptos::prelude::*;
use shared::admin::units::{Intermediary, IntermediaryForm, Unit, UnitForm, UnitGroup, UnitGroupSave, UnitKind, UnitList, UnitSave};
use shared::error::ApiError;

#[component]
pub fn UnitsPage() -> impl IntoView {
    set_title("部门与单位");
    let data = load::<shared::api::ListUnits>(&[], Default::default());
    view! {
        {show_page(data, "部门与单位".into(), |list| view! { <Units list/> })}
        <Groups/>
        <Intermediaries/>
    }
}

#[component]
fn Units(list: UnitList) -> impl IntoView {
    let units = RwSignal::new(list.units);
    let error = RwSignal::new(None::<ApiError>);
    let replace = move |u: Unit| {
        units.update(|all| match all.iter_mut().find(|x| x.id == u.id) {
            Some(x) => *x = u,
            None => all.push(u),
        })
    };
    let toggle = move |u: Unit| {
        let body = UnitSave { form: u.form.clone(), active: !u.active, version: u.version };
        post_then::<shared::api::SaveUnit>(&[&u.id.to_string()], body, error, replace);
    };
    let form = RwSignal::new(blank());
    // The unit being changed (the form then saves it), or none (a new one).
    let editing = RwSignal::new(None::<Unit>);
    let edit = move |u: Unit| {
        form.set(u.form.clone());
        editing.set(Some(u));
    };
    let rows = move || {
        units
            .get()
            .into_iter()
            .map(|u| {
                let (t, e) = (u.clone(), u.clone());
                view! {
                    <tr>
                        <td>{u.form.name.clone()}</td>
                        <td>{u.form.kind.map(UnitKind::zh).unwrap_or_default()}</td>
                        <td>{format!("{} {}", u.form.window, u.form.window_location)}</td>
                        <td class="num">{u.form.window_staff}</td>
                        <td class="num">{u.open_cases}</td>
                        <td>{if u.active { "在用" } else { "已停用" }}</td>
                        <td>
                            <button type="button" class="link-button" on:click=move |_| edit(e.clone())>{format!("修改{}", u.form.name)}</button>
                            " "
                            <button type="button" class="link-button" on:click=move |_| toggle(t.clone())>
                                {format!("{}{}", if u.active { "停用" } else { "启用" }, u.form.name)}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel">
            <h1>"部门与单位"</h1>
            <p class="muted">"有在办件的单位不能停用；停用的单位不再出现在办事指南和分派名单中，历史办件保留。"</p>
            <FormErrors error=error/>
            <table class="data">
                <thead><tr><HeaderCells titles=&["名称", "类别", "窗口及位置", "窗口人数", "在办件", "状态", "操作"]/></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <UnitEditor form editing error on_saved=replace/>
        </section>
    }
}

/// A blank unit: a county department.
fn blank() -> UnitForm {
    UnitForm { kind: Some(UnitKind::Department), ..Default::default() }
}

/// The form that adds a unit, or changes the one being edited.
#[component]
fn UnitEditor(
    form: RwSignal<UnitForm>,
    editing: RwSignal<Option<Unit>>,
    error: RwSignal<Option<ApiError>>,
    on_saved: impl Fn(Unit) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let target = editing.get_untracked();
        let body = UnitSave {
            form: form.get_untracked(),
            active: target.as_ref().is_none_or(|u| u.active),
            version: target.as_ref().map_or(0, |u| u.version),
        };
        let done = move |u| {
            on_saved(u);
            editing.set(None);
            form.set(blank());
        };
        match &target {
            None => post_then::<shared::api::CreateUnit>(&[], body, error, done),
            Some(u) => post_then::<shared::api::SaveUnit>(&[&u.id.to_string()], body, error, done),
        }
    };
    type F = UnitForm;
    view! {
        <h2>{move || editing.with(|e| e.as_ref().map(|u| format!("修改：{}", u.form.name)).unwrap_or_else(|| "新增单位".into()))}</h2>
        <form class="grid-form" on:submit=submit>
            <label for="u-name">"名称"</label>
            {text_input("u-name", form, |f: &F| &f.name, |f, v| f.name = v)}
            <label for="u-kind">"类别"</label>
            <select id="u-kind" on:change=move |ev| form.update(|f| f.kind = UnitKind::parse(&event_target_value(&ev)))>
                {UnitKind::ALL.map(|k| view! { <option value=k.as_str() selected=move || form.with(|f| f.kind == Some(k))>{k.zh()}</option> }).into_iter().collect_view()}
            </select>
            <label for="u-window">"中心窗口（未进驻则留空）"</label>
            {text_input("u-window", form, |f: &F| &f.window, |f, v| f.window = v)}
            <label for="u-location">"窗口位置"</label>
            {text_input("u-location", form, |f: &F| &f.window_location, |f, v| f.window_location = v)}
            <label for="u-staff">"窗口人数"</label>
            {number_input("u-staff", form, |f: &F| f.window_staff, |f, v| f.window_staff = v)}
            <label for="u-phone">"联系电话"</label>
            {text_input("u-phone", form, |f: &F| &f.phone, |f, v| f.phone = v)}
            <button type="submit" class="primary">{move || if editing.with(Option::is_some) { "保存修改" } else { "新增" }}</button>
            <Show when=move || editing.with(Option::is_some)>
                <button type="button" on:click=move |_| { editing.set(None); form.set(blank()); }>"取消修改"</button>
            </Show>
        </form>
    }
}

#[component]
fn Groups() -> impl IntoView {
    let groups = load::<shared::api::ListUnitGroups>(&[], Default::default());
    let units = load::<shared::api::ListUnits>(&[], Default::default());
    let name_of = move |id: i64| {
        units.with(|u| {
            u.as_ref().and_then(|r| r.as_ref().ok()).and_then(|l| l.units.iter().find(|u| u.id == id)).map(|u| u.form.name.clone())
        })
    };
    let form = RwSignal::new(UnitGroupSave::default());
    // The group being changed (its id), or none: a new one.
    let editing = RwSignal::new(None::<i64>);
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (body, target) = (form.get_untracked(), editing.get_untracked());
        let done = move |g: UnitGroup| {
            groups.update(|l| {
                if let Some(Ok(l)) = l {
                    l.groups.retain(|x| x.id != g.id);
                    l.groups.push(g);
                }
            });
            form.set(UnitGroupSave::default());
            editing.set(None);
        };
        match target {
            None => post_then::<shared::api::CreateUnitGroup>(&[], body, error, done),
            Some(id) => post_then::<shared::api::SaveUnitGroup>(&[&id.to_string()], body, error, done),
        }
    };
    let toggle_member = move |id: i64, on: bool| {
        form.update(|f| {
            f.members.retain(|m| *m != id);
            if on {
                f.members.push(id);
            }
        })
    };
    view! {
        <section class="panel">
            <h2>"单位分组（分发名单）"</h2>
            <ul>{move || groups.get().and_then(Result::ok).map(|l| l.groups.into_iter().map(|g| {
                let names: Vec<String> = g.members.iter().filter_map(|m| name_of(*m)).collect();
                let (id, save) = (g.id, UnitGroupSave { name: g.name.clone(), members: g.members.clone(), version: g.version });
                view! {
                    <li>
                        <strong>{g.name.clone()}</strong>{format!("：{} ", names.join("、"))}
                        <button type="button" class="link-button" on:click=move |_| { form.set(save.clone()); editing.set(Some(id)); }>
                            {format!("修改{}", g.name)}
                        </button>
                    </li>
                }
            }).collect_view())}</ul>
            <form on:submit=submit>
                <label for="g-name">{move || if editing.with(Option::is_some) { "分组名称" } else { "新分组名称" }}</label>
                <input id="g-name" prop:value=move || form.with(|f| f.name.clone()) on:input=move |ev| form.update(|f| f.name = event_target_value(&ev))/>
                <fieldset>
                    <legend>"成员单位"</legend>
                    {move || units.get().and_then(Result::ok).map(|l| l.units.into_iter().filter(|u| u.active).map(|u| {
                        let (for_id, id) = (format!("g-member-{}", u.id), format!("g-member-{}", u.id));
                        let member = u.id;
                        view! {
                            <label for=for_id class="choice">
                                <input type="checkbox" id=id prop:checked=move || form.with(|f| f.members.contains(&member))
                                    on:change=move |ev| toggle_member(member, event_target_checked(&ev))/>
                                {u.form.name}
                            </label>
                        }
                    }).collect_view())}
                </fieldset>
                <FormErrors error=error/>
                <button type="submit" class="primary">{move || if editing.with(Option::is_some) { "保存分组" } else { "新增分组" }}</button>
            </form>
        </section>
    }
}

#[component]
fn Intermediaries() -> impl IntoView {
    let list = load::<shared::api::ListIntermediaries>(&[], Default::default());
    let form = RwSignal::new(IntermediaryForm { active: true, ..Default::default() });
    let editing = RwSignal::new(None::<i64>);
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (body, target) = (form.get_untracked(), editing.get_untracked());
        let done = move |i: Intermediary| {
            list.update(|l| {
                if let Some(Ok(l)) = l {
                    l.intermediaries.retain(|x| x.id != i.id);
                    l.intermediaries.push(i);
                }
            });
            form.set(IntermediaryForm { active: true, ..Default::default() });
            editing.set(None);
        };
        match target {
            None => post_then::<shared::api::CreateIntermediary>(&[], body, error, done),
            Some(id) => post_then::<shared::api::SaveIntermediary>(&[&id.to_string()], body, error, done),
        }
    };
    type F = IntermediaryForm;
    view! {
        <section class="panel">
            <h2>"中介机构"</h2>
            <table class="data">
                <thead><tr><HeaderCells titles=&["名称", "服务内容", "从业人数", "状态", "操作"]/></tr></thead>
                <tbody>{move || list.get().and_then(Result::ok).map(|l| l.intermediaries.into_iter().map(|i| {
                    let (id, f) = (i.id, i.form.clone());
                    view! {
                        <tr><td>{i.form.name.clone()}</td><td>{i.form.service}</td><td class="num">{i.form.staff}</td>
                            <td>{if i.form.active { "在用" } else { "已停用" }}</td>
                            <td><button type="button" class="link-button" on:click=move |_| { form.set(f.clone()); editing.set(Some(id)); }>
                                {format!("修改{}", i.form.name)}
                            </button></td></tr>
                    }
                }).collect_view())}</tbody>
            </table>
            <form class="grid-form" on:submit=submit>
                <label for="i-name">"机构名称"</label>
                {text_input("i-name", form, |f: &F| &f.name, |f, v| f.name = v)}
                <label for="i-service">"服务内容"</label>
                {text_input("i-service", form, |f: &F| &f.service, |f, v| f.service = v)}
                <label for="i-staff">"从业人数"</label>
                {number_input("i-staff", form, |f: &F| f.staff, |f, v| f.staff = v)}
                <label for="i-active" class="choice"><input id="i-active" type="checkbox" prop:checked=move || form.with(|f| f.active)
                    on:change=move |ev| form.update(|f| f.active = event_target_checked(&ev))/>"在用"</label>
                <FormErrors error=error/>
                <button type="submit" class="primary">{move || if editing.with(Option::is_some) { "保存修改" } else { "新增中介机构" }}</button>
            </form>
        </section>
    }
}
