//! What the Worker's HTML shell hands to the applicant apps (issue 14): a
//! first screen painted before the app has loaded, and the data that screen
//! was made from, as JSON blocks the app reads instead of asking again.
//! Named here once for both sides (`backend/src/shell`, `frontend`).

/// The element holding the served first screen; the app takes its place.
pub const FIRST_SCREEN: &str = "first-screen";

/// `GET /api/departments`'s answer, on the catalogue `/`.
pub const CATALOGUE_DEPARTMENTS: &str = "catalogue-departments";
/// `GET /api/matters`'s answer, on the catalogue `/`.
pub const CATALOGUE_MATTERS: &str = "catalogue-matters";
/// `GET /api/matters/{id}`'s answer, on the guide and the form of that matter.
pub const MATTER: &str = "matter";
