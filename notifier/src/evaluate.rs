//! The invitation to rate (好差评): a case completed three days ago whose
//! applicant has not rated it gets one message, from the notifier's daily
//! cron. Once per case: the outbox's event key is the case's own
//! (`case_evaluate:{case_no}:0`, as `NoticeEvent::key(no, 0)`), so a second
//! run, or a cron that fires twice, adds nothing.

use crate::db::Db;
use shared::engine::instant::Instant;
use worker::Result;

/// Days after completion before the invitation.
pub const AFTER_DAYS: i32 = 3;
/// How far back a run also looks, so that days the cron missed are caught
/// up (a case is invited once however many runs see it).
const CATCH_UP_DAYS: i32 = 7;

/// Writes the day's invitations; returns the event keys to enqueue (those
/// of applicants who chose no SMS are recorded as skipped, not enqueued).
pub async fn invitations(db: &Db, now: Instant) -> Result<Vec<String>> {
    let last = now.date().add_days(-AFTER_DAYS);
    let first = last.add_days(-CATCH_UP_DAYS);
    db.invite_to_rate(&first.to_string(), &last.to_string(), &now.to_string()).await
}
