//! The daily job's retention of personal data (`shared::retention`): the
//! files of returned applications, closed cases' applicant data, then
//! hotline callers and complainants, past their periods. For a case R2
//! first, then one guarded D1 batch, so a failure half-way is finished by
//! the next run; callers and complainants in one batch; one security event
//! says what went.

use crate::clock;
use crate::crypto;
use crate::db::approvals::retention::{self, Due, Erasure};
use crate::db::{self, Db};
use crate::storage;
use shared::retention::{due_before, CLOSED_PERSONAL_DAYS, PER_RUN, RETURNED_FILES_DAYS};
use shared::security::{Outcome, SecurityKind};
use worker::{Bucket, Result};

/// Erases what is due today; returns (cases whose files went, cases
/// anonymised, tickets and complaints anonymised).
pub async fn run(db: &Db, bucket: &Bucket) -> Result<(usize, usize, usize)> {
    let today = clock::today_cst();
    let files = retention::files_due(db, &due_before(today, RETURNED_FILES_DAYS).to_string(), PER_RUN).await?;
    let files = erase_each(db, bucket, &files, || Erasure::Files).await?;
    let before = due_before(today, CLOSED_PERSONAL_DAYS).to_string();
    let personal = retention::anonymise_due(db, &before, PER_RUN).await?;
    let personal = erase_each(db, bucket, &personal, || Erasure::Anonymise).await?;
    let mut statements = db::retention::anonymise(db, &db::hotline::CALLERS, &today.to_string(), &before, PER_RUN)?;
    let tickets = statements.len() - 1;
    statements.extend(db::retention::anonymise(db, &db::complaints::COMPLAINANTS, &today.to_string(), &before, PER_RUN)?);
    let results = db.batch(statements).await?;
    let changed = |i: usize| results.get(i).and_then(|r| r.meta().ok().flatten()).and_then(|m| m.changes).unwrap_or(0);
    let (tickets, complaints) = (changed(tickets), changed(results.len() - 1));
    if files + personal + tickets + complaints > 0 {
        let event = db::security_events::Event {
            at: clock::now_rfc3339(),
            kind: SecurityKind::PersonalDataErased,
            outcome: Outcome::Success,
            staff_id: None,
            username: String::new(),
            address: String::new(),
            target: "cases".into(),
            detail: format!(
                "删除{files}件退回满{RETURNED_FILES_DAYS}天的申请材料；匿名化办结满{}年的办件{personal}件、热线工单{tickets}件、效能投诉{complaints}件",
                CLOSED_PERSONAL_DAYS / 365
            ),
        };
        db.batch(vec![db::security_events::insert(db, &event)?]).await?;
    }
    Ok((files, personal, tickets + complaints))
}

async fn erase_each(db: &Db, bucket: &Bucket, due: &[Due], what: impl Fn() -> Erasure) -> Result<usize> {
    let (today, now) = (clock::today_cst().to_string(), clock::now_rfc3339());
    let mut done = 0;
    for case in due {
        storage::delete_prefix(bucket, &storage::case_prefix(&case.case_no)).await?;
        let nonce = crypto::hex(&crypto::random_bytes::<16>()?);
        if retention::erase(db, case, what(), &today, &nonce, &now).await? {
            done += 1;
        }
    }
    Ok(done)
}
