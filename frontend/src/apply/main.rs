//! The apply app (phones): the online application form. Separate from the
//! catalogue app and the tracking app (`src/track/`, where a submission
//! goes on to its receipt) so each page's first load stays within the
//! phone budget.

mod app;
mod draft;
mod kept_files;
mod pages;
mod photo;
mod route;
mod xhr;

fn main() {
    // In place of the first screen the Worker served.
    frontend::first_screen::mount(app::App);
}
