//! The catalogue app (phones): the public catalogue and matter guides.
//! Applying and tracking are the `apply` app, so browsing stays light.

mod app;
mod pages;
mod route;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
