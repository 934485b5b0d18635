//! The staff app of a case, its notice, the office's oversight of approvals (shared/src/staff_app.rs).

fn main() {
    staff::app::mount(staff::areas::cases);
}
