//! Re-deriving stored deadlines after the office saves a calendar year
//! (DOMAIN.md §2): the inbox, the daily job and the "completed late" flag
//! read `case_record.deadline`, so it must follow the calendar. The work is
//! bounded per call and resumable: the calendar save does a first step, the
//! calendar page asks for the rest, and the daily job finishes what is left
//! before it gives the day's cards.
//!
//! The walk is read again before every chunk: if the year was saved once
//! more meanwhile, the walk starts over with the newer calendar, and this
//! step's progress, made with the older one, is not recorded.

use crate::clock;
use crate::crypto;
use crate::db::approvals::rederive::OpenCase;
use crate::db::{self, Db};
use shared::engine::calendar::Calendar;
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
    let (mut left, mut moved) = (budget, 0);
    for year in db::approvals::rederive::years(db).await? {
        // Calendars by acceptance year, for one generation of the walk.
        let mut calendars: HashMap<i32, Calendar> = HashMap::new();
        let mut generation = String::new();
        loop {
            if left == 0 {
                return Ok(Progress { moved, done: false });
            }
            let Some(job) = db::approvals::rederive::job(db, year).await? else { break };
            if job.started_at != generation {
                calendars.clear();
                generation = job.started_at.clone();
            }
            let cases = db::approvals::rederive::next_cases(db, &job, CHUNK.min(left)).await?;
            let Some(last) = cases.last() else {
                db::approvals::rederive::advance(db, &job, None).await?;
                break;
            };
            let last = (last.submitted_at.to_string(), last.id);
            for c in &cases {
                moved += rederive_one(db, c, &mut calendars).await? as u32;
            }
            left -= cases.len() as u32;
            db::approvals::rederive::advance(db, &job, Some((&last.0, last.1))).await?;
        }
    }
    Ok(Progress { moved, done: true })
}

/// Moves one case's stored deadline if its ledger now derives another;
/// whether it moved.
async fn rederive_one(db: &Db, c: &OpenCase, calendars: &mut HashMap<i32, Calendar>) -> worker::Result<bool> {
    let accepted = c.accepted_on;
    let calendar = match calendars.entry(accepted.year()) {
        std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
        std::collections::hash_map::Entry::Vacant(e) => e.insert(db::calendar::for_limits_starting_in(db, accepted.year()).await?),
    };
    let (ledger, _) = db::approvals::ledger::load(db, c.id, accepted, c.committed_days).await?;
    let Some(derived) = ledger.derive(calendar, clock::today_cst(), c.yellow_days).deadline else { return Ok(false) };
    let deadline = shared::engine::instant::Instant::end_of_day(derived);
    if deadline == c.deadline {
        return Ok(false);
    }
    let before = c.deadline.date().zh_full();
    let note = format!("节假日安排调整，办结期限由{before}调整为{}", derived.zh_full());
    let nonce = crypto::hex(&crypto::random_bytes::<16>()?);
    db::approvals::rederive::move_deadline(db, c, deadline, &note, &nonce, &clock::now_rfc3339()).await
}
