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
use frontend::router::Router;

/// A filter's change handler: the current page again with `change` applied
/// to its route (the lists keep their filters in the URL).
pub fn refilter(router: Router<Route>, now: Route, change: fn(&mut Route, String)) -> impl Fn(leptos::ev::Event) + Clone {
    move |ev| {
        let mut next = now.clone();
        change(&mut next, leptos::prelude::event_target_value(&ev));
        router.replace(next);
    }
}
