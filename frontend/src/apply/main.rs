//! The apply app (phones): the online application form, the receipt, and
//! case tracking with supplement upload. Separate from the catalogue app so
//! each page's first load stays within the phone budget.

mod app;
mod draft;
mod pages;
mod route;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
