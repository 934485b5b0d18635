//! One module per page.

pub mod admin;
pub mod approvals;
pub mod calendar;
pub mod complaints;
pub mod hotline;
pub mod login;
pub mod pager;
pub mod streamline;
pub mod supervision;

use crate::route::Route;
use frontend::router::{use_router, Router};
use leptos::prelude::*;

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
