//! The office's disposition of a ticket at intake (DOMAIN §3): answered at
//! once from the knowledge base, redirected (110/119/120/122, a legal
//! route, or explained), merged into an open ticket, escalated to a leader,
//! or dispatched from the catalogue to a lead unit and assisting units.

use super::lookup::KnowledgeSearch;
use super::ticket::{Acting, ActingError, Shown};
use frontend::widgets::{load, Loaded};
use leptos::prelude::*;
use shared::admin::units::UnitList;
use shared::api::{self as ep, Empty};
use shared::hotline::catalogue::{check_dispatch, Category, CategoryList, KnowledgeItem};
use shared::hotline::intake::Disposition;
use shared::hotline::views::TicketView;
use shared::hotline::{RedirectTo, Urgency};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    Answer,
    Redirect,
    Merge,
    Escalate,
    Dispatch,
}

impl Way {
    const ALL: [Way; 5] = [Way::Dispatch, Way::Answer, Way::Redirect, Way::Merge, Way::Escalate];

    fn zh(self) -> (&'static str, &'static str) {
        match self {
            Way::Answer => ("直接答复", "用知识库的答复口径当即答复来电人"),
            Way::Redirect => ("告知转接", "转110/119/120/122，告知法定途径，或解释说明"),
            Way::Merge => ("并单", "与一张未办结工单是同一事项，并入该工单"),
            Way::Escalate => ("呈阅", "呈领导阅示，按批示再转办"),
            Way::Dispatch => ("转办", "按派单目录转主办单位和协办单位办理"),
        }
    }
}

/// Everything the five ways need, one signal each.
#[derive(Clone, Copy)]
struct Draft {
    way: RwSignal<Way>,
    /// The knowledge item picked: its id and title.
    knowledge: RwSignal<Option<(i64, String)>>,
    answer: RwSignal<String>,
    redirect: RwSignal<Option<RedirectTo>>,
    explanation: RwSignal<String>,
    into: RwSignal<String>,
    leader: RwSignal<String>,
    note: RwSignal<String>,
    category: RwSignal<Option<i64>>,
    urgency: RwSignal<Urgency>,
    lead: RwSignal<Option<i64>>,
    assists: RwSignal<Vec<i64>>,
    instruction: RwSignal<String>,
}

impl Draft {
    fn new(urgency: Urgency) -> Draft {
        let text = || RwSignal::new(String::new());
        Draft {
            way: RwSignal::new(Way::Dispatch),
            knowledge: RwSignal::new(None),
            answer: text(),
            redirect: RwSignal::new(None),
            explanation: text(),
            into: text(),
            leader: text(),
            note: text(),
            category: RwSignal::new(None),
            urgency: RwSignal::new(urgency),
            lead: RwSignal::new(None),
            assists: RwSignal::new(Vec::new()),
            instruction: text(),
        }
    }

    /// The disposition chosen, or what is yet to be chosen.
    fn disposition(self) -> Result<Disposition, &'static str> {
        let text = |s: RwSignal<String>| s.get_untracked().trim().to_string();
        Ok(match self.way.get_untracked() {
            Way::Answer => {
                let (knowledge_id, _) = self.knowledge.get_untracked().ok_or("请在知识库中查找并选用答复所依据的条目")?;
                Disposition::Answer { knowledge_id, answer: text(self.answer) }
            }
            Way::Redirect => {
                let to = self.redirect.get_untracked().ok_or("请选择转接或告知的去向")?;
                Disposition::Redirect { to, explanation: text(self.explanation) }
            }
            Way::Merge => Disposition::Merge { into: text(self.into) },
            Way::Escalate => Disposition::Escalate { leader: text(self.leader), note: text(self.note) },
            Way::Dispatch => Disposition::Dispatch {
                category_id: self.category.get_untracked().ok_or("请选择诉求类别")?,
                urgency: self.urgency.get_untracked(),
                lead_unit_id: self.lead.get_untracked().ok_or("请选择主办单位")?,
                assist_unit_ids: self.assists.get_untracked(),
                instruction: text(self.instruction),
            },
        })
    }
}

#[component]
pub fn DisposeForm(view: TicketView, shown: Shown) -> impl IntoView {
    let acting = Acting::new(&view, shown);
    let d = Draft::new(view.urgency);
    // Read once, whichever way is shown: dispatching is the usual one.
    let cats = load::<ep::ListCategories>(&[], Empty {});
    let units = load::<ep::ListUnits>(&[], Empty {});
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match d.disposition() {
            Ok(disposition) => acting.dispose(disposition),
            Err(message) => acting.refuse(message),
        }
    };
    let is = move |w: Way| move || d.way.get() == w;
    view! {
        <section class="panel no-print" data-testid="dispose">
            <h2>"受理处置"</h2>
            <form class="stack-form" on:submit=submit>
                <fieldset>
                    <legend>"处置方式"</legend>
                    {Way::ALL.map(|w| {
                        let (name, hint) = w.zh();
                        view! {
                            <label class="choice">
                                <input type="radio" name="way" checked=move || d.way.get() == w on:change=move |_| d.way.set(w)/>
                                <strong>{name}</strong>" "<span class="muted-inline">{hint}</span>
                            </label>
                        }
                    })}
                </fieldset>
                <Show when=is(Way::Dispatch)><DispatchPart d cats units/></Show>
                <Show when=is(Way::Answer)><AnswerPart d/></Show>
                <Show when=is(Way::Redirect)><RedirectPart d/></Show>
                <Show when=is(Way::Merge)>
                    <label for="dispose-into">"并入的工单编号（同一事项、尚未办结）"</label>
                    <input id="dispose-into" bind:value=d.into autocomplete="off"/>
                </Show>
                <Show when=is(Way::Escalate)>
                    <label for="dispose-leader">"呈阅的领导"</label>
                    <input id="dispose-leader" bind:value=d.leader placeholder="如：县长、分管副县长"/>
                    <label for="dispose-note">"呈阅说明"</label>
                    <textarea id="dispose-note" rows="3" bind:value=d.note></textarea>
                </Show>
                <ActingError acting/>
                <button type="submit" class="primary">"确认处置"</button>
            </form>
        </section>
    }
}

/// Picks the knowledge item that answers the call; its answer fills the
/// text, which may be edited to fit the call.
#[component]
fn AnswerPart(d: Draft) -> impl IntoView {
    let pick = Callback::new(move |k: KnowledgeItem| {
        d.knowledge.set(Some((k.id, k.form.title.clone())));
        d.answer.set(k.form.answer);
    });
    let picked = move || d.knowledge.get().map(|(_, t)| format!("已选用：{t}")).unwrap_or_else(|| "尚未选用知识库条目".into());
    view! {
        <KnowledgeSearch id="dispose-knowledge" pick/>
        <p role="status">{picked}</p>
        <label for="dispose-answer">"答复内容（可按来电情况修改）"</label>
        <textarea id="dispose-answer" rows="6" bind:value=d.answer></textarea>
    }
}

#[component]
fn RedirectPart(d: Draft) -> impl IntoView {
    view! {
        <label for="dispose-redirect">"转接或告知"</label>
        <select id="dispose-redirect" on:change=move |ev| d.redirect.set(RedirectTo::parse(&event_target_value(&ev)))>
            <option value="" prop:selected=move || d.redirect.get().is_none()>"请选择"</option>
            {RedirectTo::ALL.map(|r| view! { <option value=r.as_str() prop:selected=move || d.redirect.get() == Some(r)>{r.zh()}</option> })}
        </select>
        <label for="dispose-explanation">"向来电人说明的内容"</label>
        <textarea id="dispose-explanation" rows="3" bind:value=d.explanation></textarea>
    }
}

/// The category chosen, from the loaded catalogue.
fn category_of(cats: Loaded<CategoryList>, id: Option<i64>) -> Option<Category> {
    let id = id?;
    cats.with(|c| c.as_ref().and_then(|r| r.as_ref().ok()).and_then(|l| l.items.iter().find(|x| x.id == id).cloned()))
}

/// Category and urgency (which set the limit), then the units: choosing a
/// category fills in its lead and assisting units, which may be changed.
#[component]
fn DispatchPart(d: Draft, cats: Loaded<CategoryList>, units: Loaded<UnitList>) -> impl IntoView {
    let choose = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev).parse().ok();
        d.category.set(id);
        if let Some(c) = category_of(cats, id) {
            d.lead.set(c.form.lead_unit_id);
            d.assists.set(c.form.assist_unit_ids);
        }
    };
    let limit = move || category_of(cats, d.category.get()).map(|c| format!("办理时限：{}", c.form.limits.of(d.urgency.get()).zh()));
    view! {
        <div class="row">
            <div class="field">
                <label for="dispose-category">"诉求类别"</label>
                <select id="dispose-category" on:change=choose>
                    <option value="" prop:selected=move || d.category.get().is_none()>"请选择"</option>
                    {move || cats.get().and_then(Result::ok).map(|l| l.items.into_iter().filter(|c| c.active).map(|c| {
                        let id = c.id;
                        view! {
                            <option value=id.to_string() prop:selected=move || d.category.get() == Some(id)>
                                {format!("{} · {}", c.form.group, c.form.name)}
                            </option>
                        }
                    }).collect_view())}
                </select>
            </div>
            <div class="field">
                <label for="dispose-urgency">"紧急程度"</label>
                <select id="dispose-urgency" on:change=move |ev| {
                    if let Some(u) = Urgency::parse(&event_target_value(&ev)) { d.urgency.set(u) }
                }>
                    {Urgency::ALL.map(|u| view! { <option value=u.as_str() prop:selected=move || d.urgency.get() == u>{u.zh()}</option> })}
                </select>
            </div>
        </div>
        <p role="status">{limit}</p>
        <UnitsPick d cats units/>
        <label for="dispose-instruction">"转办意见（选填）"</label>
        <textarea id="dispose-instruction" rows="3" bind:value=d.instruction></textarea>
    }
}

/// The lead unit and any assisting units, active ones only; warns when a
/// county department's matter would go to a township.
#[component]
fn UnitsPick(d: Draft, cats: Loaded<CategoryList>, units: Loaded<UnitList>) -> impl IntoView {
    let active =
        move || units.get().and_then(Result::ok).map(|l| l.units.into_iter().filter(|u| u.active).collect::<Vec<_>>()).unwrap_or_default();
    let warning = move || {
        let cat = category_of(cats, d.category.get())?;
        let chosen: Vec<i64> = d.lead.get().into_iter().chain(d.assists.get()).collect();
        active()
            .into_iter()
            .filter(|u| chosen.contains(&u.id))
            .find_map(|u| u.form.kind.and_then(|kind| check_dispatch(&cat.form, &u.form.name, kind).err()).map(|e| e.message))
    };
    view! {
        <label for="dispose-lead">"主办单位"</label>
        <select id="dispose-lead" on:change=move |ev| {
            let lead = event_target_value(&ev).parse().ok();
            d.lead.set(lead);
            d.assists.update(|a| a.retain(|x| Some(*x) != lead));
        }>
            <option value="" prop:selected=move || d.lead.get().is_none()>"请选择"</option>
            {move || active().into_iter().map(|u| {
                let id = u.id;
                view! { <option value=id.to_string() prop:selected=move || d.lead.get() == Some(id)>{u.form.name}</option> }
            }).collect_view()}
        </select>
        <fieldset>
            <legend>"协办单位（选填，最多10个）"</legend>
            <div class="unit-checks">
                {move || active().into_iter().map(|u| {
                    let id = u.id;
                    view! {
                        <label class="choice">
                            <input type="checkbox" prop:checked=move || d.assists.with(|a| a.contains(&id))
                                disabled=move || d.lead.get() == Some(id)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    d.assists.update(|a| if on { a.push(id) } else { a.retain(|x| *x != id) });
                                }/>
                            {u.form.name}
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
        {move || warning().map(|w| view! { <p class="warning" role="alert">{w}</p> })}
    }
}
