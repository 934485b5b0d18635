//! The track app (phones): case tracking (办件查询), the receipt, the
//! supplement upload and the rating. Separate from the application form's
//! app so each page's first load carries only its own code (issue 14).

mod app;
mod pages;
mod route;

fn main() {
    // In place of the first screen the Worker served.
    frontend::first_screen::mount(app::App);
}
