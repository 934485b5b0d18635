//! Re-deriving stored deadlines after the office saves a calendar year
//! (DOMAIN.md §2): the inbox, the daily job and the "completed late" flag
//! read `case_record.deadline`, so it must follow the calendar. The work is
//! bounded per call and resumable: the calendar save does a first step, the
//! calendar page asks for the rest, and the daily job finishes what is left.

use crate::clock;
use crate::crypto;
use crate::db::{self, Db};
use shared::date::Date;
use shared::ledger::Ledger;
use std::collections::HashMap;

/// Cases read per query.
const CHUNK: u32 = 25;

/// What a step did, and whether work remains.
pub struct Progress {
    pub moved: u32,
    pub done: bool,
}

/// Re-derives up to `budget` cases, oldest submission first.
pub async fn step(db: &Db, budget: u32) -> worker::Result<Progress> {
    let today = clock::today_cst();
    let mut calendars = HashMap::new();
    let (mut left, mut moved) = (budget, 0);
    for job in db::rederive::jobs(db).await? {
        let mut job = job;
        loop {
            if left == 0 {
                return Ok(Progress { moved, done: false });
            }
            let cases = db::rederive::next_cases(db, &job, CHUNK.min(left)).await?;
            let Some(last) = cases.last() else {
                db::rederive::advance(db, job.year, None).await?;
                break;
            };
            let (last_at, last_id) = (last.submitted_at.clone(), last.id);
            let mut moved_now = 0;
            for c in &cases {
                let Some(accepted) = Date::of_instant(&c.accepted_on) else { continue };
                let calendar = match calendars.get(&accepted.year()) {
                    Some(cal) => cal,
                    None => {
                        let cal = db::calendar::for_limits_starting_in(db, accepted.year()).await?;
                        calendars.entry(accepted.year()).or_insert(cal)
                    }
                };
                let (ledger, _) = db::ledger::load(db, c.id, accepted, c.committed_days).await?;
                let Some(derived) = Ledger::derive(&ledger, calendar, today, c.yellow_days).deadline else { continue };
                let deadline = derived.end_of_day_cst();
                if deadline == c.deadline {
                    continue;
                }
                let before = Date::of_instant(&c.deadline).map(|d| d.zh_full()).unwrap_or_default();
                let note = format!("节假日安排调整，办结期限由{before}调整为{}", derived.zh_full());
                let nonce = crypto::hex(&crypto::random_bytes::<16>()?);
                if db::rederive::move_deadline(db, c, &deadline, &note, &nonce, &clock::now_rfc3339()).await? {
                    moved_now += 1;
                }
            }
            left -= cases.len() as u32;
            moved += moved_now;
            db::rederive::advance(db, job.year, Some((&last_at, last_id))).await?;
            job.after_at = last_at;
            job.after_id = last_id;
        }
    }
    Ok(Progress { moved, done: true })
}
