//! The staff app (desktop browsers): sign-in, the department's inbox, a
//! case with its materials and the six dispositions, the commitment notice.

mod app;
mod doc_route;
mod info_route;
mod pages;
mod route;
mod sv_route;
mod url_query;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
