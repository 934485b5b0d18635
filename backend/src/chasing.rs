//! The hotline's part of the daily job (DOMAIN §3): a reminder on the last
//! working day before a ticket's deadline, and a 催办 notice (copied to the
//! unit's responsible leader) on each working day after it until the unit
//! replies. Never on a non-working day, never twice a day for one ticket.

use crate::db::hotline::notices::{self, Notice};
use crate::db::{self, Db};
use shared::engine::instant::Instant;
use shared::hotline::ticket::NoticeKind;

pub async fn run(db: &Db, now: Instant) -> worker::Result<usize> {
    let today = now.date();
    let calendar = db::calendar::for_limits_starting_in(db, today.year() - 1).await?;
    if !calendar.day_kind(today).is_working() {
        return Ok(0);
    }
    // Due by the end of the next working day: tomorrow's deadlines are
    // reminded today, so a weekend never swallows the reminder.
    let mut next = today.next();
    while !calendar.day_kind(next).is_working() {
        next = next.next();
    }
    let due = notices::due_by(db, next).await?;
    let texts: Vec<(i64, i64, NoticeKind, String)> = due
        .into_iter()
        .map(|d| {
            if d.deadline.date() < today {
                let note =
                    format!("催办通知：工单{}已于{}超过办理时限，请立即办理答复（抄送单位分管负责人）", d.ticket_no, d.deadline.short());
                (d.id, d.lead_unit_id, NoticeKind::Notice, note)
            } else {
                (
                    d.id,
                    d.lead_unit_id,
                    NoticeKind::Reminder,
                    format!("到期提醒：工单{}将于{}到期，请按时办理答复", d.ticket_no, d.deadline.short()),
                )
            }
        })
        .collect();
    let list: Vec<Notice<'_>> =
        texts.iter().map(|(id, unit, kind, note)| Notice { ticket_id: *id, unit_id: *unit, kind: *kind, note, at: now }).collect();
    notices::record(db, today, &list).await
}
