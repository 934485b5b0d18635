//! SQL for `case_tracking` (migrations/0027_case_tracking.sql): what the
//! applicant's tracking page shows of a case, one row rewritten from the
//! view `case_tracking_source` in the batch of every change, so a look-up
//! reads that row and not the case's history (issue 14).

use crate::db::approvals::ledger::{ExtensionRow, PauseRow};
use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use worker::js_sys::{Array, Reflect, JSON};
use worker::wasm_bindgen::JsValue;
use worker::{D1PreparedStatement, Result};

/// A stored view as the look-up needs it.
pub struct Tracking {
    /// The JSON of `TrackView` but its derived ledger, answered as it is.
    pub view: String,
    /// The ledger's inputs, while the clock runs (`in_progress`).
    pub clock: Option<Clock>,
}

pub struct Clock {
    pub accepted_on: Option<Date>,
    pub committed_days: Option<u32>,
    pub deadline: Option<Instant>,
    /// The matter's yellow-card threshold.
    pub yellow_days: u32,
    pub pauses: Vec<PauseRow>,
    pub extension: Option<ExtensionRow>,
}

/// Rewrites the case's tracking row if the case's last change is `nonce`:
/// the last statement of every batch that changes a case, after the rows
/// the page shows.
pub fn refresh_tracking(db: &Db, case_no: &str, nonce: &str) -> Result<D1PreparedStatement> {
    db.statement(
        "INSERT INTO case_tracking (case_id, view)
         SELECT case_id, view FROM case_tracking_source WHERE case_no = ?1 AND last_change = ?2
         ON CONFLICT (case_id) DO UPDATE SET view = excluded.view",
        &[case_no.into(), nonce.into()],
    )
}

/// Rewrites the tracking rows of a department's open cases in the batch
/// that saves it (a new name), if that save landed (`nonce`). Closed cases
/// keep the name they were decided under.
pub fn refresh_department(db: &Db, department_id: i64, nonce: &str) -> Result<D1PreparedStatement> {
    db.statement(
        "INSERT INTO case_tracking (case_id, view)
         SELECT case_id, view FROM case_tracking_source
         WHERE department_id = ?1 AND state NOT IN ('completed', 'returned')
           AND EXISTS (SELECT 1 FROM department WHERE id = ?1 AND last_change = ?2)
         ON CONFLICT (case_id) DO UPDATE SET view = excluded.view",
        &[num(department_id), nonce.into()],
    )
}

/// A case's stored tracking view, by the unique index on its number: one
/// row (the JSON taken apart by SQLite, so the Worker parses only the clock).
pub async fn tracking(db: &Db, case_no: &str) -> Result<Option<Tracking>> {
    #[derive(Deserialize)]
    struct Row {
        view: String,
        clock: Option<String>,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT json_remove(t.view, '$.clock') AS view,
                    iif(json_extract(t.view, '$.state') = 'in_progress', json_extract(t.view, '$.clock'), NULL) AS clock
             FROM case_record c JOIN case_tracking t ON t.case_id = c.id WHERE c.case_no = ?1",
            &[case_no.into()],
        )
        .await?;
    let Some(row) = rows.into_iter().next() else { return Ok(None) };
    let clock = row.clock.as_deref().map(clock).transpose()?;
    Ok(Some(Tracking { view: row.view, clock }))
}

/// The clock's JSON, parsed by the runtime and read as D1's rows are (the
/// pauses and extension as `ledger.rs` reads them from their tables).
fn clock(text: &str) -> Result<Clock> {
    #[derive(Deserialize)]
    struct Head {
        accepted_on: Option<Date>,
        committed_days: Option<u32>,
        deadline: Option<Instant>,
        yellow_days: u32,
    }
    let bad = |e: JsValue| super::corrupt("case_tracking clock", format!("{e:?}"));
    let js = JSON::parse(text).map_err(bad)?;
    let head: Head = serde_wasm_bindgen::from_value(js.clone())?;
    let pauses = Array::from(&Reflect::get(&js, &"pauses".into()).map_err(bad)?);
    let pauses = pauses.iter().map(serde_wasm_bindgen::from_value).collect::<std::result::Result<Vec<PauseRow>, _>>()?;
    let extension = Reflect::get(&js, &"extension".into()).map_err(bad)?;
    let extension = if extension.is_null() { None } else { Some(serde_wasm_bindgen::from_value(extension)?) };
    let Head { accepted_on, committed_days, deadline, yellow_days } = head;
    Ok(Clock { accepted_on, committed_days, deadline, yellow_days, pauses, extension })
}
