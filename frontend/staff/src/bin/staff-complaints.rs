//! The staff app of efficiency complaints (shared/src/staff_app.rs).

fn main() {
    staff::app::mount(staff::areas::complaints);
}
