//! The staff apps (desktop browsers): sign-in, the department's inbox, a
//! case with its materials and the six dispositions, and the office's other
//! lines of work. One library, one binary per area (`src/bin`): each links
//! the shared chrome (`app`) and its own pages (`areas`).

pub mod app;
pub mod areas;
mod doc_route;
mod info_route;
mod pages;
mod route;
mod sv_route;
mod url_query;
