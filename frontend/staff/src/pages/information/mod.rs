//! Information's staff pages (信息调研): items (a unit's own, the office's
//! all) and submitting one, an item with what each side does with it, the
//! office's issues and an issue's print view, and the league table with
//! the formula, the quota shortfall and the year's rules.

pub mod commissions;
pub mod emergencies;
pub mod issues;
pub mod item;
pub mod items;
pub mod league;
pub mod research;

/// Hundredths of a point as people read them.
pub fn points(hundredths: i64) -> String {
    shared::information::scoring::points_text(hundredths)
}
