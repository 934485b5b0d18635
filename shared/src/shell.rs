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
/// On `/track#no=…&code=…`: the look-up's answer, as `POST /track` put it
/// beside that case's first screen (the start script fetches it, since the
/// code travels only in the fragment, which never reaches the server).
pub const TRACK_ANSWER: &str = "track-answer";

/// The [`TRACK_ANSWER`] block: what was asked (the app takes the block only
/// for its URL's number and code), and what `POST /api/track/{case_no}`
/// would have answered, the error too, so the app shows it without a second
/// look-up (each counts against the throttle).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TrackAnswer {
    pub asked: TrackAsked,
    pub answer: Result<crate::approvals::case::TrackView, crate::error::ApiError>,
}

/// The body of `POST /track`: the fragment's number and code.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TrackAsked {
    pub no: String,
    pub code: String,
}
