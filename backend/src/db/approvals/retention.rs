//! SQL of the retention rules (`shared::retention`; migrations/0026): which
//! closed cases are past their period, and the batch that erases what goes
//! (the files' rows; the applicant's data) with its audit event, guarded by
//! a nonce so a second run on the same day writes nothing twice.

use super::cases::event_statement;
use crate::db::{num, Db};
use serde::Deserialize;
use shared::approvals::case::CaseState;
use shared::retention::ANONYMISED;
use worker::Result;

#[derive(Deserialize)]
pub struct Due {
    pub id: i64,
    pub case_no: String,
    pub state: CaseState,
}

/// Returned cases whose files are still kept and that were returned
/// before `before` (oldest first, by the partial index `case_files_due`).
pub async fn files_due(db: &Db, before: &str, limit: u32) -> Result<Vec<Due>> {
    db.rows(
        "SELECT id, case_no, state FROM case_record INDEXED BY case_files_due
         WHERE state = 'returned' AND files_erased_on IS NULL AND closed_on < ?1 ORDER BY closed_on LIMIT ?2",
        &[before.into(), num(limit.into())],
    )
    .await
}

/// Closed cases not yet anonymised that closed before `before` (oldest
/// first, by the partial index `case_anonymise_due`).
pub async fn anonymise_due(db: &Db, before: &str, limit: u32) -> Result<Vec<Due>> {
    db.rows(
        "SELECT id, case_no, state FROM case_record INDEXED BY case_anonymise_due
         WHERE closed_on IS NOT NULL AND anonymised_on IS NULL AND closed_on < ?1 ORDER BY closed_on LIMIT ?2",
        &[before.into(), num(limit.into())],
    )
    .await
}

/// What an erasure does to the case row.
pub enum Erasure {
    /// The files only (a returned case past `RETURNED_FILES_DAYS`).
    Files,
    /// The applicant's data and the files (past `CLOSED_PERSONAL_DAYS`).
    Anonymise,
}

/// Records the erasure (the R2 objects are already deleted): the case row,
/// its files' rows, and the audit event, all only where the row's guard
/// landed. `false` if another run did it first.
pub async fn erase(db: &Db, case: &Due, what: Erasure, today: &str, nonce: &str, now: &str) -> Result<bool> {
    // D1 refuses more values than the statement's highest `?n`: the name
    // only where it is used.
    let mut params = vec![num(case.id), today.into(), nonce.into()];
    let anonymise = matches!(what, Erasure::Anonymise);
    let (update, note) = match what {
        Erasure::Files => (
            "UPDATE case_record SET files_erased_on = ?2, last_change = ?3 WHERE id = ?1 AND files_erased_on IS NULL",
            "按保存期限删除申请材料（退回已满期限）",
        ),
        Erasure::Anonymise => {
            params.push(ANONYMISED.into());
            (
                "UPDATE case_record SET applicant_name = ?4, id_number = '', mobile = '', address = '', fields = '{}',
                     anonymised_on = ?2, files_erased_on = coalesce(files_erased_on, ?2), last_change = ?3
                 WHERE id = ?1 AND anonymised_on IS NULL",
                "按保存期限匿名化申请人信息并删除申请材料（办结已满期限）",
            )
        }
    };
    let mut statements = vec![
        db.statement(update, &params)?,
        db.statement(
            "DELETE FROM case_file WHERE case_id = ?1 AND EXISTS (SELECT 1 FROM case_record WHERE id = ?1 AND last_change = ?2)",
            &[num(case.id), nonce.into()],
        )?,
        event_statement(db, &case.case_no, nonce, "系统（保存期限）", None, Some(case.state), case.state, note, now)?,
        super::cases::refresh_tracking(db, &case.case_no, nonce)?,
    ];
    if anonymise {
        statements.extend(crate::db::notify::forget_numbers(db, &case.case_no, nonce)?);
    }
    let results = db.batch(statements).await?;
    Ok(crate::db::wrote(results.first()))
}
