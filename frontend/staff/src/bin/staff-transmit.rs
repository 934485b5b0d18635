//! The staff app of document transmission (公文传输) (shared/src/staff_app.rs).

fn main() {
    staff::app::mount(staff::areas::transmit);
}
