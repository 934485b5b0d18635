//! Supervision's part of the daily job (DOMAIN §6): for each task in
//! progress whose watch date has come, the slip the rules say is due today
//! (shared::supervision::escalation): a red 督办通知单 once overdue, a yellow
//! 催办单 near the deadline, a blue one for a missed checkpoint or progress
//! report. Never on a non-working day; at most one slip a day per task.

use crate::db::supervision::slips::{self, NewSlip};
use crate::db::supervision::StoredMilestone;
use crate::db::{self, Db};
use shared::engine::instant::Instant;
use shared::supervision::escalation::{due_today, Facts};
use shared::supervision::limits::YELLOW_DAYS;

pub async fn run(db: &Db, now: Instant) -> worker::Result<usize> {
    let today = now.date();
    let calendar = db::calendar::for_limits_starting_in(db, today.year() - 1).await?;
    if !calendar.day_kind(today).is_working() {
        return Ok(0);
    }
    let horizon = calendar.add_working_days(today, YELLOW_DAYS).deadline;
    let watched = slips::watched(db, horizon).await?;
    let mut due = Vec::new();
    for w in &watched {
        let milestones: Vec<StoredMilestone> = serde_json::from_str(&w.milestones).map_err(|e| db::corrupt("milestones", e))?;
        let chased: Vec<String> = serde_json::from_str(&w.chased).map_err(|e| db::corrupt("chased", e))?;
        let open = milestones.iter().enumerate().filter(|(_, m)| m.reached_at.is_none()).map(|(i, m)| (i, m.due)).collect();
        let facts = Facts { deadline: w.deadline, open_milestones: open, report_due: w.next_report_due };
        if let Some(d) = due_today(&calendar, today, &facts, &chased, YELLOW_DAYS) {
            due.push(NewSlip { task_no: &w.task_no, kind: d.kind, colour: d.colour, key: d.key, at: now, why: d.why });
        }
    }
    // Batches of a few slips (each five statements, the slip row last): a
    // failing one loses only its own, and no invocation nears D1's limits.
    let mut issued = 0;
    for chunk in due.chunks(SLIPS_PER_BATCH) {
        let mut statements = Vec::new();
        let mut last = Vec::new();
        for slip in chunk {
            statements.extend(slips::issue(db, slip)?);
            last.push(statements.len() - 1);
        }
        let results = db.batch(statements).await?;
        issued += last.into_iter().filter(|i| db::wrote(results.get(*i))).count();
    }
    Ok(issued)
}

/// Slips written in one batch.
const SLIPS_PER_BATCH: usize = 20;
