//! `/staff/hotline/categories`: the dispatch catalogue (派单目录, office):
//! each category of request with its lead and assisting units and its
//! limits by urgency, edited in place under the version read.

use crate::pages::admin::{text_input, FormErrors};
use frontend::api;
use frontend::router::set_title;
use frontend::widgets::{load, post_then, show_page, HeaderCells, Loaded};
use leptos::prelude::*;
use shared::admin::units::{Unit, UnitList};
use shared::engine::limit::Limit;
use shared::error::{ApiError, ErrorCode};
use shared::hotline::catalogue::{check_dispatch, Category, CategoryForm, CategoryList, CategorySave, Limits};
use shared::hotline::Urgency;

#[component]
pub fn CategoriesPage() -> impl IntoView {
    set_title("派单目录");
    let data = load::<shared::api::ListCategories>(&[], Default::default());
    let units = load::<shared::api::ListUnits>(&[], Default::default());
    view! { {show_page(data, "派单目录".into(), move |list| view! { <Catalogue list units/> })} }
}

/// The units once loaded (none while loading or if they failed to load).
fn unit_list(units: Loaded<UnitList>) -> Vec<Unit> {
    units.with(|u| u.as_ref().and_then(|r| r.as_ref().ok()).map(|l| l.units.clone()).unwrap_or_default())
}

/// Units to offer: the active ones, and any already chosen (marked if stopped).
fn offered(units: &[Unit], chosen: &[i64]) -> Vec<(i64, String)> {
    units
        .iter()
        .filter(|u| u.active || chosen.contains(&u.id))
        .map(|u| (u.id, if u.active { u.form.name.clone() } else { format!("{}（已停用）", u.form.name) }))
        .collect()
}

fn blank() -> CategoryForm {
    CategoryForm {
        code: String::new(),
        name: String::new(),
        group: String::new(),
        county_matter: false,
        lead_unit_id: None,
        assist_unit_ids: Vec::new(),
        limits: Limits::default(),
    }
}

#[component]
fn Catalogue(list: CategoryList, units: Loaded<UnitList>) -> impl IntoView {
    let categories = RwSignal::new(list.items);
    // The form's refusals, and those of the list's 停用/启用 buttons.
    let (error, list_error) = (RwSignal::new(None::<ApiError>), RwSignal::new(None::<ApiError>));
    let form = RwSignal::new(blank());
    // The category being changed (the form then saves it), or none: a new one.
    let editing = RwSignal::new(None::<Category>);
    let replace = move |c: Category| {
        // Being edited too: the form saves under the new version.
        if editing.with_untracked(|e| e.as_ref().is_some_and(|e| e.id == c.id)) {
            editing.set(Some(c.clone()));
        }
        categories.update(|all| match all.iter_mut().find(|x| x.id == c.id) {
            Some(x) => *x = c,
            None => all.push(c),
        })
    };
    let toggle = move |c: Category| {
        let body = CategorySave { form: c.form.clone(), active: !c.active, version: c.version };
        post_then::<shared::api::SaveCategory>(&[&c.id.to_string()], body, list_error, replace);
    };
    let edit = move |c: Category| {
        form.set(c.form.clone());
        editing.set(Some(c));
    };
    // After a refusal as stale: the list as it is now, and the category
    // being edited at its new version (what was typed stays in the form).
    let reload = move || {
        leptos::task::spawn_local(async move {
            match api::fetch::<shared::api::ListCategories>(&[], &Default::default()).await {
                Ok(l) => {
                    editing.update(|e| {
                        if let Some(e) = e {
                            if let Some(fresh) = l.items.iter().find(|c| c.id == e.id) {
                                *e = fresh.clone();
                            }
                        }
                    });
                    categories.set(l.items);
                    error.set(None);
                    list_error.set(None);
                }
                Err(e) => list_error.set(Some(e)),
            }
        })
    };
    view! {
        <section class="panel">
            <h1>"派单目录"</h1>
            <p class="muted">"诉求按类别转办给主办单位，可同时转协办单位；县直部门职责的类别不能转办给乡镇（街道）。停用的类别不再用于新工单，已有工单不受影响。"</p>
            <FormErrors error=list_error/>
            <ConflictHint error=list_error reload/>
            <CategoryTable categories units on_edit=edit on_toggle=toggle/>
            <CategoryEditor form editing units error on_saved=replace/>
            <ConflictHint error reload/>
        </section>
    }
}

#[component]
fn CategoryTable(
    categories: RwSignal<Vec<Category>>,
    units: Loaded<UnitList>,
    on_edit: impl Fn(Category) + Copy + Send + Sync + 'static,
    on_toggle: impl Fn(Category) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    const TITLES: &[&str] = &["代码", "名称", "大类", "县直部门职责", "主办单位", "协办单位", "一般", "紧急", "特急", "状态", "操作"];
    let names = move |ids: &[i64]| {
        let all = unit_list(units);
        ids.iter().filter_map(|id| all.iter().find(|u| u.id == *id)).map(|u| u.form.name.clone()).collect::<Vec<_>>().join("、")
    };
    let rows = move || {
        categories
            .get()
            .into_iter()
            .map(|c| {
                let (e, t) = (c.clone(), c.clone());
                let f = &c.form;
                view! {
                    <tr>
                        <td>{f.code.clone()}</td>
                        <td>{f.name.clone()}</td>
                        <td>{f.group.clone()}</td>
                        <td>{if f.county_matter { "是" } else { "否" }}</td>
                        <td>{c.lead_unit_name.clone().unwrap_or_else(|| "未指定".into())}</td>
                        <td>{names(&f.assist_unit_ids)}</td>
                        {Urgency::ALL.map(|u| view! { <td>{f.limits.of(u).zh()}</td> }).into_iter().collect_view()}
                        <td>{if c.active { "在用" } else { "已停用" }}</td>
                        <td>
                            <button type="button" class="link-like" on:click=move |_| on_edit(e.clone())>{format!("修改{}", f.name)}</button>
                            " "
                            <button type="button" class="link-like" on:click=move |_| on_toggle(t.clone())>
                                {format!("{}{}", if c.active { "停用" } else { "启用" }, f.name)}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="诉求类别">
            <table class="cases" data-testid="categories">
                <thead><tr><HeaderCells titles=TITLES/></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The form that adds a category, or changes the one being edited.
#[component]
fn CategoryEditor(
    form: RwSignal<CategoryForm>,
    editing: RwSignal<Option<Category>>,
    units: Loaded<UnitList>,
    error: RwSignal<Option<ApiError>>,
    on_saved: impl Fn(Category) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body_form = form.get_untracked();
        if let Err(e) = body_form.validate() {
            error.set(Some(e));
            return;
        }
        let target = editing.get_untracked();
        let body = CategorySave {
            form: body_form,
            active: target.as_ref().is_none_or(|c| c.active),
            version: target.as_ref().map_or(0, |c| c.version),
        };
        let done = move |c| {
            on_saved(c);
            editing.set(None);
            form.set(blank());
        };
        match &target {
            None => post_then::<shared::api::CreateCategory>(&[], body, error, done),
            Some(c) => post_then::<shared::api::SaveCategory>(&[&c.id.to_string()], body, error, done),
        }
    };
    let cancel = move |_| {
        editing.set(None);
        form.set(blank());
        error.set(None);
    };
    type F = CategoryForm;
    view! {
        <h2>{move || editing.with(|e| e.as_ref().map(|c| format!("修改：{}", c.form.name)).unwrap_or_else(|| "新增类别".into()))}</h2>
        <form class="grid-form" on:submit=submit>
            <label for="cat-code">"代码（小写字母、数字或下划线）"</label>
            {text_input("cat-code", form, |f: &F| &f.code, |f, v| f.code = v)}
            <label for="cat-name">"类别名称"</label>
            {text_input("cat-name", form, |f: &F| &f.name, |f, v| f.name = v)}
            <label for="cat-group">"所属大类"</label>
            {text_input("cat-group", form, |f: &F| &f.group, |f, v| f.group = v)}
            <label for="cat-county" class="choice span">
                <input id="cat-county" type="checkbox" prop:checked=move || form.with(|f| f.county_matter)
                    on:change=move |ev| form.update(|f| f.county_matter = event_target_checked(&ev))/>
                "县直部门职责（不转办乡镇、街道）"
            </label>
            <UnitChoice form units/>
            <div class="span">{Urgency::ALL.map(|urgency| view! { <LimitField urgency form/> }).into_iter().collect_view()}</div>
            <div class="span"><FormErrors error=error/></div>
            <button type="submit" class="primary span">{move || if editing.with(Option::is_some) { "保存修改" } else { "新增类别" }}</button>
            <Show when=move || editing.with(Option::is_some)>
                <button type="button" class="span" on:click=cancel>"取消修改"</button>
            </Show>
        </form>
    }
}

/// The lead unit (a select) and the assisting units (checkboxes), with a
/// warning when a county department's matter would go to a township.
#[component]
fn UnitChoice(form: RwSignal<CategoryForm>, units: Loaded<UnitList>) -> impl IntoView {
    let set_lead = move |v: String| {
        form.update(|f| {
            f.lead_unit_id = v.parse().ok();
            f.assist_unit_ids.retain(|a| Some(*a) != f.lead_unit_id);
        })
    };
    let toggle_assist = move |id: i64, on: bool| {
        form.update(|f| {
            f.assist_unit_ids.retain(|a| *a != id);
            if on {
                f.assist_unit_ids.push(id);
            }
        })
    };
    let lead_options = move || {
        let chosen: Vec<i64> = form.with(|f| f.lead_unit_id.into_iter().collect());
        offered(&unit_list(units), &chosen)
            .into_iter()
            .map(|(id, name)| view! { <option value=id.to_string() selected=move || form.with(|f| f.lead_unit_id == Some(id))>{name}</option> })
            .collect_view()
    };
    let assists = move || {
        offered(&unit_list(units), &form.with(|f| f.assist_unit_ids.clone()))
            .into_iter()
            .map(|(id, name)| {
                let (for_key, key) = (format!("cat-assist-{id}"), format!("cat-assist-{id}"));
                view! {
                    <label for=for_key class="choice">
                        <input type="checkbox" id=key prop:checked=move || form.with(|f| f.assist_unit_ids.contains(&id))
                            prop:disabled=move || form.with(|f| f.lead_unit_id == Some(id))
                            on:change=move |ev| toggle_assist(id, event_target_checked(&ev))/>
                        {name}
                    </label>
                }
            })
            .collect_view()
    };
    // The shared rule, for every unit chosen: say so before the server does.
    let warnings = move || {
        let all = unit_list(units);
        form.with(|f| {
            let chosen = f.lead_unit_id.iter().chain(f.assist_unit_ids.iter());
            chosen
                .filter_map(|id| all.iter().find(|u| u.id == *id))
                .filter_map(|u| check_dispatch(f, &u.form.name, u.form.kind?).err())
                .map(|e| view! { <p class="warning">{e.message}</p> })
                .collect_view()
        })
    };
    view! {
        <label for="cat-lead">"主办单位"</label>
        <select id="cat-lead" on:change=move |ev| set_lead(event_target_value(&ev))>
            <option value="" selected=move || form.with(|f| f.lead_unit_id.is_none())>"暂不指定（受理时选择）"</option>
            {lead_options}
        </select>
        <fieldset class="span">
            <legend>"协办单位（可多选）"</legend>
            {assists}
        </fieldset>
        <div class="span" role="status">{warnings}</div>
    }
}

/// One urgency's limit: an amount and its unit (hours, or working days
/// where 0 is the same day).
#[component]
fn LimitField(urgency: Urgency, form: RwSignal<CategoryForm>) -> impl IntoView {
    let get = move || form.with(|f| f.limits.of(urgency));
    let set = move |l: Limit| {
        form.update(|f| match urgency {
            Urgency::Normal => f.limits.normal = l,
            Urgency::Urgent => f.limits.urgent = l,
            Urgency::Critical => f.limits.critical = l,
        })
    };
    let with_amount = move |n: u32| match get() {
        Limit::Hours(_) => Limit::Hours(n),
        Limit::WorkingDays(_) => Limit::WorkingDays(n),
    };
    let with_unit = move |unit: String| match unit.as_str() {
        "hours" => Limit::Hours(get().amount()),
        _ => Limit::WorkingDays(get().amount()),
    };
    let (amount_id, unit_id) = (format!("cat-limit-{}", urgency.as_str()), format!("cat-limit-{}-unit", urgency.as_str()));
    view! {
        <fieldset>
            <legend>{format!("{}件办理时限", urgency.zh())}</legend>
            <div class="action-row">
                <label for=amount_id.clone()>"时限"</label>
                <input id=amount_id type="number" min="0" prop:value=move || get().amount().to_string()
                    on:input=move |ev| set(with_amount(event_target_value(&ev).trim().parse().unwrap_or(0)))/>
                <label for=unit_id.clone()>"计时单位"</label>
                <select id=unit_id on:change=move |ev| set(with_unit(event_target_value(&ev)))>
                    <option value="hours" selected=move || matches!(get(), Limit::Hours(_))>"小时"</option>
                    <option value="working_days" selected=move || matches!(get(), Limit::WorkingDays(_))>"个工作日"</option>
                </select>
                <span class="muted-inline">{move || format!("即：{}", get().zh())}</span>
            </div>
        </fieldset>
    }
}

/// Under a form's errors: when a save was refused as stale or taken (409),
/// how to go on. `reload` reads the list afresh.
#[component]
pub(super) fn ConflictHint(error: RwSignal<Option<ApiError>>, reload: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let conflict = move || error.with(|e| e.as_ref().is_some_and(|e| e.code == ErrorCode::Conflict));
    view! {
        <Show when=conflict>
            <p class="notice">
                "未保存：该条目可能已被他人修改（或代码与其他条目重复）。您填写的内容仍在表单中，请"
                <button type="button" class="link-like" on:click=move |_| reload()>"重新载入最新内容"</button>
                "，核对后再保存。"
            </p>
        </Show>
    }
}
