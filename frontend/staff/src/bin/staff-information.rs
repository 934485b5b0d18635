//! The staff app of information (信息报送) (shared/src/staff_app.rs).

fn main() {
    staff::app::mount(staff::areas::information);
}
