//! The web app: applicants browse the catalogue and track their cases on
//! phones; staff work in desktop browsers. Client-side rendered with Leptos.

mod api;
mod app;
mod pages;
mod route;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
