//! SQL for `calendar_year` (migrations/0002_calendar.sql).

use super::Db;
use serde::Deserialize;
use shared::engine::calendar::{Calendar, NamedDay, YearCalendar};
use worker::wasm_bindgen::JsValue;
use worker::{Error, Result};

#[derive(Deserialize)]
struct Row {
    year: i32,
    holidays: String,
    workdays: String,
}

/// The published years needed for any time limit starting in `year`: the
/// longest limit, 365 working days, ends well within two years. One row a year.
pub async fn for_limits_starting_in(db: &Db, year: i32) -> Result<Calendar> {
    for_years(db, year, year + 2).await
}

/// The published years `from..=to`, one row a year: for a limit whose end
/// is known, just the years it spans (a tracking look-up, mostly one row).
pub async fn for_years(db: &Db, from: i32, to: i32) -> Result<Calendar> {
    let rows: Vec<Row> = db
        .rows("SELECT year, holidays, workdays FROM calendar_year WHERE year BETWEEN ?1 AND ?2", &[JsValue::from(from), JsValue::from(to)])
        .await?;
    let years = rows.into_iter().map(|r| {
        let parse = |json: &str| -> Result<Vec<NamedDay>> {
            serde_json::from_str(json).map_err(|e| Error::RustError(format!("calendar_year {}: {e}", r.year)))
        };
        Ok(YearCalendar { year: r.year, holidays: parse(&r.holidays)?, workdays: parse(&r.workdays)? })
    });
    Ok(Calendar::new(years.collect::<Result<Vec<_>>>()?))
}

/// One year's calendar, if published.
pub async fn year(db: &Db, year: i32) -> Result<Option<YearCalendar>> {
    let calendar = for_limits_starting_in(db, year).await?;
    Ok(calendar.year(year).cloned())
}

/// Stores a year (replacing it) with the audit event, atomically.
/// `generation` names this save for the deadline walk it starts (db/rederive.rs).
pub async fn save(db: &Db, y: &YearCalendar, staff_id: i64, staff_name: &str, now: &str, generation: &str) -> Result<()> {
    let holidays = serde_json::to_string(&y.holidays).map_err(|e| Error::RustError(e.to_string()))?;
    let workdays = serde_json::to_string(&y.workdays).map_err(|e| Error::RustError(e.to_string()))?;
    let detail = format!("节假日{}天，调休上班{}天", y.holidays.len(), y.workdays.len());
    db.batch(vec![
        db.statement(
            "INSERT INTO calendar_year (year, holidays, workdays, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (year) DO UPDATE SET holidays = excluded.holidays, workdays = excluded.workdays,
                 updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            &[JsValue::from(y.year), holidays.into(), workdays.into(), now.into(), staff_name.into()],
        )?,
        super::streamline::event(db, staff_id, "set_calendar", &format!("{}年节假日安排", y.year), &detail, now, None)?,
        // The open cases whose deadlines this year may move (rederive.rs).
        super::approvals::rederive::start(db, y.year, generation)?,
    ])
    .await?;
    Ok(())
}
