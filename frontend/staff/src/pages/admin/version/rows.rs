//! The rows of a matter's materials and of its form's own fields, each
//! added, changed and removed in place.

use leptos::prelude::*;
use shared::admin::catalogue::{MaterialSpec, MatterContent};
use shared::approvals::application::FormField;
use shared::approvals::matter::MaterialForm;

#[component]
pub fn Materials(form: RwSignal<MatterContent>) -> impl IntoView {
    let rows = move || {
        (0..form.with(|f| f.materials.len()))
            .map(|i| {
                let n = i + 1;
                let get = move |g: fn(&MaterialSpec) -> String| move || form.with(|f| f.materials.get(i).map(g).unwrap_or_default());
                let set = move |s: fn(&mut MaterialSpec, String)| move |ev| form.update(|f| if let Some(m) = f.materials.get_mut(i) { s(m, event_target_value(&ev)) });
                view! {
                    <fieldset class="row">
                        <legend>{format!("材料{n}")}</legend>
                        <div>
                            <label for=format!("m-name-{i}")>"名称"</label>
                            <input id=format!("m-name-{i}") prop:value=get(|m| m.name.clone()) on:input=set(|m, v| m.name = v)/>
                        </div>
                        <div>
                            <label for=format!("m-form-{i}")>"形式"</label>
                            <select id=format!("m-form-{i}") on:change=set(|m, v| if let Some(x) = MaterialForm::parse(&v) { m.form = x })>
                                {MaterialForm::ALL.map(|x| view! { <option value=x.as_str() selected=move || form.with(|f| f.materials.get(i).is_some_and(|m| m.form == x))>{x.zh()}</option> }).into_iter().collect_view()}
                            </select>
                        </div>
                        <div>
                            <label for=format!("m-copies-{i}")>"份数"</label>
                            <input id=format!("m-copies-{i}") type="number" min="1" prop:value=get(|m| m.copies.to_string()) on:input=set(|m, v| m.copies = v.parse().unwrap_or(0))/>
                        </div>
                        <label for=format!("m-required-{i}") class="choice">
                            <input id=format!("m-required-{i}") type="checkbox" prop:checked=move || form.with(|f| f.materials.get(i).is_some_and(|m| m.required))
                                on:change=move |ev| form.update(|f| if let Some(m) = f.materials.get_mut(i) { m.required = event_target_checked(&ev) })/>"必交"
                        </label>
                        <div>
                            <label for=format!("m-note-{i}")>"说明"</label>
                            <input id=format!("m-note-{i}") prop:value=get(|m| m.note.clone()) on:input=set(|m, v| m.note = v)/>
                        </div>
                        <button type="button" class="link-button" on:click=move |_| form.update(|f| { f.materials.remove(i); })>{format!("删除材料{n}")}</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        form.update(|f| {
            f.materials.push(MaterialSpec {
                name: String::new(),
                form: MaterialForm::Original,
                copies: 1,
                required: true,
                note: String::new(),
            })
        })
    };
    view! {
        <h2>"4. 申请材料（每项材料在网上申请表中对应一个上传栏）"</h2>
        {rows}
        <button type="button" on:click=add>"增加材料"</button>
    }
}

#[component]
pub fn Fields(form: RwSignal<MatterContent>) -> impl IntoView {
    let rows = move || {
        (0..form.with(|f| f.form_fields.len()))
            .map(|i| {
                let n = i + 1;
                let get = move |g: fn(&FormField) -> String| move || form.with(|f| f.form_fields.get(i).map(g).unwrap_or_default());
                let set = move |s: fn(&mut FormField, String)| move |ev| form.update(|f| if let Some(x) = f.form_fields.get_mut(i) { s(x, event_target_value(&ev)) });
                view! {
                    <fieldset class="row">
                        <legend>{format!("栏目{n}")}</legend>
                        <div>
                            <label for=format!("f-key-{i}")>"代码（小写字母）"</label>
                            <input id=format!("f-key-{i}") prop:value=get(|x| x.key.clone()) on:input=set(|x, v| x.key = v)/>
                        </div>
                        <div>
                            <label for=format!("f-label-{i}")>"名称"</label>
                            <input id=format!("f-label-{i}") prop:value=get(|x| x.label.clone()) on:input=set(|x, v| x.label = v)/>
                        </div>
                        <label for=format!("f-required-{i}") class="choice">
                            <input id=format!("f-required-{i}") type="checkbox" prop:checked=move || form.with(|f| f.form_fields.get(i).is_some_and(|x| x.required))
                                on:change=move |ev| form.update(|f| if let Some(x) = f.form_fields.get_mut(i) { x.required = event_target_checked(&ev) })/>"必填"
                        </label>
                        <button type="button" class="link-button" on:click=move |_| form.update(|f| { f.form_fields.remove(i); })>{format!("删除栏目{n}")}</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let add = move |_| form.update(|f| f.form_fields.push(FormField { key: String::new(), label: String::new(), required: false }));
    view! {
        <h2>"申请表自定义栏目"</h2>
        {rows}
        <button type="button" on:click=add>"增加栏目"</button>
    }
}
