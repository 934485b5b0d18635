//! The staff app of supervision (督查督办) (shared/src/staff_app.rs).

fn main() {
    staff::app::mount(staff::areas::supervision);
}
