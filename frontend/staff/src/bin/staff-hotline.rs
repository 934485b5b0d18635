//! The staff app of the 12345 hotline (shared/src/staff_app.rs).

fn main() {
    staff::app::mount(staff::areas::hotline);
}
