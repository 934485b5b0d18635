//! The daily scheduled job (wrangler.toml `[triggers]`): records yellow and
//! red cards and deemed-acceptance warnings for the day. Running it twice on
//! the same day changes nothing.

use crate::db::{self, Db};
use shared::approvals::case::{deemed_acceptance_warning, WarningKind};
use shared::engine::date::Date;
use shared::engine::ledger::{standing, working_days_between, Standing};

/// The longest yellow threshold a matter may set (migration 0007), in
/// calendar days with weekends and the longest holiday around it.
const LOOKAHEAD_DAYS: i32 = 30 * 2 + 10;

pub async fn run(db: &Db, today: Date) -> worker::Result<usize> {
    let calendar = db::calendar::for_limits_starting_in(db, today.year() - 1).await?;
    let mut until = today;
    for _ in 0..LOOKAHEAD_DAYS {
        until = until.next();
    }
    let mut found: Vec<(i64, WarningKind)> = Vec::new();
    for c in db::approvals::warnings::due_by(db, until).await? {
        let deadline = c.deadline.date();
        match standing(&calendar, today, deadline, c.yellow_days).1 {
            Standing::Red => found.push((c.id, WarningKind::Red)),
            Standing::Yellow => found.push((c.id, WarningKind::Yellow)),
            Standing::OnTrack | Standing::Paused => {}
        }
    }
    // Submissions still waiting: a small set (the windows' open work), read
    // through the (state, submitted_at) index.
    for (id, submitted_at) in db::approvals::warnings::waiting_since(db, today).await? {
        let received = submitted_at.date();
        if deemed_acceptance_warning(working_days_between(&calendar, received, today)).is_some() {
            found.push((id, WarningKind::Deemed));
        }
    }
    db::approvals::warnings::record(db, today, &found).await
}
