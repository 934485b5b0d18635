//! `GET /api/office/statistics?from=YYYY-MM-DD&to=YYYY-MM-DD`: the Center's
//! figures for any date range, from the maintained counters (shared::approvals::stats),
//! so rows read depend on the range's length, never on the number of cases.

use crate::auth::require_staff;
use crate::clock;
use crate::db::{self, Db};
use crate::routes::{json, Cache, Reply};
use shared::api::RangeParams;
use shared::approvals::stats::{CentreStats, Range};
use worker::Request;

pub async fn statistics(req: &Request, q: RangeParams, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let range = Range::parse(q.from.as_deref(), q.to.as_deref(), clock::today_cst())?;
    let totals = db::approvals::stats::totals(db, range).await?;
    let establishment = db::approvals::stats::establishment(db).await?;
    json(&CentreStats::new(range, establishment, &totals), Cache::NoStore)
}
