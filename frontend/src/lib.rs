//! Pieces both web apps use: typed API calls, the router, small widgets.
//! The apps themselves are `applicant/`, `apply/` and `track/` (phones) and
//! the `staff` package, `frontend/staff/` (desktop, one app per area).

pub mod api;
pub mod county;
pub mod first_screen;
pub mod router;
pub mod widgets;
