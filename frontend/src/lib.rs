//! Pieces both web apps use: typed API calls, the router, small widgets.
//! The apps themselves are `applicant/` (phones) and `staff/` (desktop).

pub mod api;
pub mod county;
pub mod first_screen;
pub mod router;
pub mod widgets;
