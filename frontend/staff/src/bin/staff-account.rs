//! The staff app of one's account: password, second factor, messages
//! (shared/src/staff_app.rs).

fn main() {
    staff::app::mount(staff::areas::account);
}
