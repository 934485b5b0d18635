//! The daily job: records the day's warnings, the hotline's reminders and
//! supervision's slips, hands unsent notices to the queue again, then erases
//! personal data past its retention and drops expired rows. Run by the cron
//! trigger (wrangler.toml `[triggers]`) in the Worker that has the office's
//! code (`split.rs`).

use crate::db::Db;
use crate::{chasing, clock, escalation, housekeeping, notify, rederive, retention, storage, warnings};
use worker::Env;

pub async fn run(env: &Env) {
    let db = match Db::from_env(env) {
        Ok(db) => db,
        Err(e) => return worker::console_error!("daily job: no database: {e}"),
    };
    // First whatever a calendar change left of moving stored deadlines, so
    // the day's cards come from deadlines that follow the calendar.
    match rederive::step(&db, DAILY_REDERIVE_BUDGET).await {
        Ok(p) => worker::console_log!("deadlines re-derived: {} moved, done: {}", p.moved, p.done),
        Err(e) => worker::console_error!("re-deriving deadlines failed: {e}"),
    }
    match warnings::run(&db, clock::today_cst()).await {
        Ok(n) => worker::console_log!("daily warnings: {n} new"),
        Err(e) => worker::console_error!("daily warnings failed: {e}"),
    }
    match chasing::run(&db, clock::now()).await {
        Ok(n) => worker::console_log!("hotline reminders and notices: {n} new"),
        Err(e) => worker::console_error!("hotline reminders failed: {e}"),
    }
    match escalation::run(&db, clock::now()).await {
        Ok(n) => worker::console_log!("supervision slips: {n} new"),
        Err(e) => worker::console_error!("supervision slips failed: {e}"),
    }
    match notify::sweep(env, &db).await {
        Ok(n) => worker::console_log!("notices handed to the queue again: {n}"),
        Err(e) => worker::console_error!("notice sweep failed: {e}"),
    }
    match storage::bucket(env) {
        Ok(bucket) => {
            match housekeeping::abandoned_files(&db, &bucket).await {
                Ok(n) => worker::console_log!("abandoned submissions cleaned up: {n}"),
                Err(e) => worker::console_error!("cleaning abandoned submissions failed: {e}"),
            }
            match retention::run(&db, &bucket).await {
                Ok((files, cases, others)) => worker::console_log!(
                    "retention: {files} returned cases' files deleted; anonymised {cases} cases, {others} tickets and complaints"
                ),
                Err(e) => worker::console_error!("retention failed: {e}"),
            }
        }
        Err(e) => worker::console_error!("daily job: no file bucket: {e}"),
    }
    match housekeeping::run(&db).await {
        Ok(n) => worker::console_log!("housekeeping: {n} expired rows deleted"),
        Err(e) => worker::console_error!("housekeeping failed: {e}"),
    }
}

/// Cases the daily job re-derives at most: each is about three D1 queries,
/// well inside one invocation's limit of a thousand.
const DAILY_REDERIVE_BUDGET: u32 = 250;
