//! SQL for `calendar_year` (migrations/0002_calendar.sql).

use super::Db;
use serde::Deserialize;
use shared::calendar::{Calendar, NamedDay, YearCalendar};
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
    let rows: Vec<Row> = db
        .rows(
            "SELECT year, holidays, workdays FROM calendar_year WHERE year BETWEEN ?1 AND ?2",
            &[JsValue::from(year), JsValue::from(year + 2)],
        )
        .await?;
    let years = rows.into_iter().map(|r| {
        let parse = |json: &str| -> Result<Vec<NamedDay>> {
            serde_json::from_str(json).map_err(|e| Error::RustError(format!("calendar_year {}: {e}", r.year)))
        };
        Ok(YearCalendar { year: r.year, holidays: parse(&r.holidays)?, workdays: parse(&r.workdays)? })
    });
    Ok(Calendar::new(years.collect::<Result<Vec<_>>>()?))
}
