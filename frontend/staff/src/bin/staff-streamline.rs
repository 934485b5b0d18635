//! The staff app of meetings, document requests, quotas, their dashboard, the calendar (shared/src/staff_app.rs).

fn main() {
    staff::app::mount(staff::areas::streamline);
}
