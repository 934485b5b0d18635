//! One module per page.

pub mod admin;
pub mod approvals;
pub mod calendar;
pub mod complaints;
pub mod documents;
pub mod hotline;
pub mod information;
pub mod login;
pub mod messages;
pub mod pager;
pub mod report;
pub mod streamline;
pub mod supervision;

use crate::route::Route;
use frontend::router::{use_router, Router};
use frontend::widgets::ErrorRegion;
use leptos::prelude::*;
use shared::engine::instant::Instant;
use shared::error::{ApiError, ErrorCode};

/// A filter's change handler: the current page again with `change` applied
/// to its route (the lists keep their filters in the URL).
pub fn refilter(router: Router<Route>, now: Route, change: fn(&mut Route, String)) -> impl Fn(leptos::ev::Event) + Clone {
    move |ev| {
        let mut next = now.clone();
        change(&mut next, leptos::prelude::event_target_value(&ev));
        router.replace(next);
    }
}

/// A list's open / closed / all choice and its state choice (`states`:
/// value and label): each keeps the other and the search, and starts
/// again at the first page. `id` names the controls (`<id>-view`,
/// `<id>-state`); `set_view` and `set_state` put a choice into the route.
#[component]
pub fn ViewStateFilters(
    id: &'static str,
    now: Route,
    view: String,
    state: String,
    states: Vec<(&'static str, &'static str)>,
    set_view: fn(&mut Route, String),
    set_state: fn(&mut Route, String),
) -> impl IntoView {
    let router = use_router::<Route>();
    let choose_view = refilter(router, now.clone(), set_view);
    let choose_state = refilter(router, now, set_state);
    let views = [("", "未办结"), ("closed", "已办结"), ("all", "全部")];
    let (view_id, state_id) = (format!("{id}-view"), format!("{id}-state"));
    view! {
        <label for=view_id.clone()>"范围"</label>
        <select id=view_id on:change=choose_view>
            {views.map(|(v, zh)| view! { <option value=v selected=view == v || (v.is_empty() && view == "open")>{zh}</option> })}
        </select>
        <label for=state_id.clone()>"状态"</label>
        <select id=state_id on:change=choose_state>
            <option value="" selected=state.is_empty()>"全部状态"</option>
            {states.into_iter().map(|(s, zh)| view! { <option value=s selected=state == s>{zh}</option> }).collect_view()}
        </select>
    }
}

/// A record's action error; after a conflict (someone changed the record
/// meanwhile, or it moved on), `stale` says so and `reload` (labelled
/// `reload_label`) reads it afresh.
#[component]
pub fn ConflictError(
    error: RwSignal<Option<ApiError>>,
    stale: &'static str,
    reload_label: &'static str,
    reload: Callback<()>,
) -> impl IntoView {
    let conflict = move || error.with(|e| e.as_ref().is_some_and(|e| e.code == ErrorCode::Conflict));
    view! {
        <ErrorRegion error/>
        <Show when=conflict>
            <p class="notice">
                {stale}
                <button type="button" class="small" on:click=move |_| reload.run(())>{reload_label}</button>
            </p>
        </Show>
    }
}

/// One line of a record's audit trail.
pub struct AuditLine {
    pub at: Instant,
    pub actor: String,
    pub note: String,
    pub public: bool,
}

/// The audit trail as the server lists it; lines the public also sees
/// marked, `public_title` saying who.
#[component]
pub fn AuditTrail(lines: Vec<AuditLine>, public_title: &'static str) -> impl IntoView {
    view! {
        <section class="panel" data-testid="events">
            <h2>"办理记录"</h2>
            <ol class="timeline">
                {lines.into_iter().map(|e| view! {
                    <li>
                        <span class="muted-inline">{e.at.short()}</span>
                        {format!(" {}", e.actor)}
                        {e.public.then(|| view! { " "<span class="badge" title=public_title>"公开"</span> })}
                        <br/><span class="pre-wrap">{e.note}</span>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}
