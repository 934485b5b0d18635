//! The staff app of administration (shared/src/staff_app.rs).

fn main() {
    staff::app::mount(staff::areas::admin);
}
