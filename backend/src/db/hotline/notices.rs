//! The daily job's reminders (before expiry) and 催办 notices (after), one
//! per ticket and day: each statement below runs only while the day's
//! notice row is still missing, and the row is written last, so a second
//! run the same day writes nothing.

use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::hotline::ticket::NoticeKind;
use worker::Result;

#[derive(Deserialize)]
pub struct Due {
    pub id: i64,
    pub ticket_no: String,
    pub lead_unit_id: i64,
    pub deadline: Instant,
}

/// Tickets a unit holds (dispatched or in progress) due by the end of
/// `until`, through the (state, sort_key) index: only those, never all.
pub async fn due_by(db: &Db, until: Date) -> Result<Vec<Due>> {
    db.rows(
        "SELECT id, ticket_no, lead_unit_id, deadline FROM hotline_ticket
         WHERE state IN ('dispatched', 'in_progress') AND sort_key <= ?1 AND lead_unit_id IS NOT NULL",
        &[Instant::end_of_day(until).to_string().into()],
    )
    .await
}

/// What the job sends for one ticket today.
pub struct Notice<'a> {
    pub ticket_id: i64,
    pub unit_id: i64,
    pub kind: NoticeKind,
    pub note: &'a str,
    pub at: Instant,
}

/// Records the day's notices in one batch; the number new today.
pub async fn record(db: &Db, day: Date, notices: &[Notice<'_>]) -> Result<usize> {
    if notices.is_empty() {
        return Ok(0);
    }
    let day_text = day.to_string();
    let (mut statements, mut rows) = (Vec::new(), Vec::new());
    for n in notices {
        let fresh = "NOT EXISTS (SELECT 1 FROM hotline_notice WHERE ticket_id = ?1 AND day = ?2)";
        let params = |extra: Vec<worker::wasm_bindgen::JsValue>| {
            let mut p = vec![num(n.ticket_id), day_text.as_str().into()];
            p.extend(extra);
            p
        };
        if n.kind == NoticeKind::Notice {
            // The first notice ever makes the ticket "chased" in the figures.
            let keys = serde_json::to_string(&shared::engine::period::keys_of(day))?;
            statements.push(db.statement(
                "INSERT INTO hotline_tally (key, unit_id, chased) SELECT k.value, u.value, 1 FROM json_each(?3) k, json_each(?4) u
                 WHERE NOT EXISTS (SELECT 1 FROM hotline_notice WHERE ticket_id = ?1 AND kind = 'notice') AND ?2 = ?2
                 ON CONFLICT (key, unit_id) DO UPDATE SET chased = chased + 1",
                &params(vec![keys.into(), format!("[0,{}]", n.unit_id).into()]),
            )?);
            statements.push(
                db.statement(&format!("UPDATE hotline_ticket SET notices = notices + 1 WHERE id = ?1 AND {fresh}"), &params(vec![]))?,
            );
        }
        statements.push(db.statement(
            &format!(
                "INSERT INTO hotline_event (ticket_id, at, actor, staff_id, from_state, to_state, note, public)
                 SELECT ?1, ?3, '系统（每日催办）', NULL, state, state, ?4, 0 FROM hotline_ticket WHERE id = ?1 AND {fresh}"
            ),
            &params(vec![n.at.to_string().into(), n.note.into()]),
        )?);
        rows.push(statements.len());
        statements.push(db.statement(
            "INSERT OR IGNORE INTO hotline_notice (ticket_id, day, unit_id, kind) VALUES (?1, ?2, ?3, ?4)",
            &params(vec![num(n.unit_id), n.kind.as_str().into()]),
        )?);
    }
    let results = db.batch(statements).await?;
    Ok(rows.into_iter().filter(|i| crate::db::wrote(results.get(*i))).count())
}
