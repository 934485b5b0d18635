//! SQL for `case_tracking` (migrations/0027_case_tracking.sql): what the
//! applicant's tracking page shows of a case, one row rewritten from the
//! view `case_tracking_source` in the batch of every change, so a look-up
//! reads that row and not the case's history (issue 14).

use crate::db::{num, Db};
use serde::Deserialize;
use shared::approvals::case::TrackView;
use shared::engine::ledger::{Extension, Pause};
use worker::{D1PreparedStatement, Result};

/// The stored view: what the page shows but the derived ledger, which
/// depends on the day and is derived at each look-up from `clock`.
#[derive(Deserialize)]
pub struct Tracking {
    #[serde(flatten)]
    pub view: TrackView,
    pub clock: Clock,
}

/// The ledger's inputs beside the accepted date and committed days.
#[derive(Deserialize)]
pub struct Clock {
    /// The matter's yellow-card threshold.
    pub yellow_days: u32,
    pub pauses: Vec<Pause>,
    pub extensions: Vec<Extension>,
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

/// A case's stored tracking view, by the unique index on its number.
pub async fn tracking(db: &Db, case_no: &str) -> Result<Option<Tracking>> {
    #[derive(Deserialize)]
    struct Row {
        view: String,
    }
    let rows: Vec<Row> = db
        .rows("SELECT t.view FROM case_record c JOIN case_tracking t ON t.case_id = c.id WHERE c.case_no = ?1", &[case_no.into()])
        .await?;
    rows.into_iter().next().map(|r| serde_json::from_str(&r.view).map_err(|e| super::corrupt("case_tracking", e))).transpose()
}
