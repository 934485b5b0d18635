//! The staff app of the core: sign-in and the inbox, the first screens (shared/src/staff_app.rs).

fn main() {
    staff::app::mount(staff::areas::core);
}
