//! The catalogue app (phones): the public catalogue and matter guides.
//! Applying and tracking are the `apply` app, so browsing stays light.

mod app;
mod pages;
mod route;

fn main() {
    // In place of the first screen the Worker served (the catalogue, a
    // guide, the hotline's and the complaints' forms).
    frontend::first_screen::mount(app::App);
}
