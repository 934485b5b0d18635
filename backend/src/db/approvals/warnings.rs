//! SQL for `case_warning` (migrations/0009_case_warning.sql) and the case
//! look-ups the daily job needs, both index ranges on `case_record`.

use crate::db::Db;
use serde::Deserialize;
use shared::approvals::case::{Warning, WarningKind};
use shared::engine::date::Date;
use worker::wasm_bindgen::JsValue;
use worker::Result;

#[derive(Deserialize)]
pub struct Running {
    pub id: i64,
    pub deadline: shared::engine::instant::Instant,
    pub yellow_days: u32,
}

/// Cases in progress due by `until` (the only ones that can be yellow or red).
pub async fn due_by(db: &Db, until: Date) -> Result<Vec<Running>> {
    db.rows(
        "SELECT c.id, c.deadline, m.yellow_days FROM case_record c JOIN matter m ON m.id = c.matter_id
         WHERE c.state = 'in_progress' AND c.deadline IS NOT NULL AND c.deadline <= ?1",
        &[shared::engine::instant::Instant::end_of_day(until).to_string().into()],
    )
    .await
}

/// Submissions received on or before `day` and still waiting for the window.
pub async fn waiting_since(db: &Db, day: Date) -> Result<Vec<(i64, shared::engine::instant::Instant)>> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        submitted_at: shared::engine::instant::Instant,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT id, submitted_at FROM case_record WHERE state = 'submitted' AND submitted_at <= ?1",
            &[shared::engine::instant::Instant::end_of_day(day).to_string().into()],
        )
        .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.submitted_at)).collect())
}

/// Records warnings for `day`; returns how many were new.
pub async fn record(db: &Db, day: Date, warnings: &[(i64, WarningKind)]) -> Result<usize> {
    if warnings.is_empty() {
        return Ok(0);
    }
    let statements = warnings
        .iter()
        .map(|(case_id, kind)| {
            db.statement(
                "INSERT OR IGNORE INTO case_warning (case_id, day, kind) VALUES (?1, ?2, ?3)",
                &[JsValue::from_f64(*case_id as f64), day.to_string().into(), kind.as_str().into()],
            )
        })
        .collect::<Result<Vec<_>>>()?;
    let results = db.batch(statements).await?;
    Ok(results.iter().filter_map(|r| r.meta().ok().flatten()).filter_map(|m| m.changes).sum())
}

/// The warnings recorded on `day` (an index range on the primary key).
pub async fn on(db: &Db, day: Date) -> Result<Vec<Warning>> {
    db.rows(
        "SELECT c.case_no, m.name AS matter_name, d.name AS department_name, w.kind
         FROM case_warning w JOIN case_record c ON c.id = w.case_id JOIN matter m ON m.id = c.matter_id
              JOIN department d ON d.id = c.department_id
         WHERE w.day = ?1 ORDER BY w.kind, c.case_no",
        &[day.to_string().into()],
    )
    .await
}
