//! The staff app of the core: sign-in, one's password and second factor, the inbox and messages (shared/src/staff_app.rs).

fn main() {
    staff::app::mount(staff::areas::core);
}
