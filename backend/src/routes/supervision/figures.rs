//! The office's dashboard: items by source, state and colour, each unit's
//! on-time rate for a period, the overdue list, the report's sentence, CSV.

use super::view::{calendar, summary as summary_of};
use crate::auth::require_staff;
use crate::clock;
use crate::db::supervision::{figures, lists};
use crate::db::Db;
use crate::error::AppError;
use crate::routes::{json, Reply};
use shared::api::HotlineRangeParams;
use shared::engine::period::Range;
use shared::error::{ApiError, ErrorCode};
use shared::supervision::figures::{csv as to_csv, summary, total, Dashboard, Tally, UnitRow};
use shared::supervision::limits::YELLOW_DAYS;
use worker::Request;

/// Rows of the overdue list on the dashboard (the task list pages on).
const OVERDUE_SHOWN: u32 = 20;

fn unit_of(q: &HotlineRangeParams) -> Result<Option<i64>, AppError> {
    match q.unit.as_deref().filter(|s| !s.is_empty()) {
        Some(u) => Ok(Some(u.parse().map_err(|_| ApiError::new(ErrorCode::InvalidParameter, "单位编号应为数字"))?)),
        None => Ok(None),
    }
}

async fn rows(db: &Db, range: Range, unit: Option<i64>) -> Result<(Tally, Vec<UnitRow>), AppError> {
    let tallies = figures::tallies(db, range, unit).await?;
    let county = crate::db::tally::county(&tallies);
    let mut rows = vec![UnitRow::new(None, "全县".into(), county)];
    rows.extend(tallies.into_iter().filter(|(id, _, _)| *id != 0).map(|(id, name, t)| UnitRow::new(Some(id), name, t)));
    Ok((county, rows))
}

pub async fn dashboard(req: &Request, q: HotlineRangeParams, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let today = clock::today_cst();
    let range = Range::parse(q.from.as_deref(), q.to.as_deref(), today)?;
    let (county, rows) = rows(db, range, unit_of(&q)?).await?;
    let cal = calendar(db, today).await?;
    let horizon = cal.add_working_days(today, YELLOW_DAYS).deadline;
    let mut sources = figures::sources(db, today, horizon).await?;
    let all = total(&sources);
    sources.push(all);
    let overdue = lists::tasks(db, &lists::Listing::Overdue { today }, None, OVERDUE_SHOWN).await?;
    let overdue = overdue.into_iter().take(OVERDUE_SHOWN as usize).map(|r| summary_of(&cal, today, r)).collect();
    let answer = Dashboard { range, summary: summary(range, &county).to_string(), overdue_total: all.red, sources, rows, overdue };
    json(&answer, crate::routes::Cache::NoStore)
}

pub async fn csv(req: &Request, q: HotlineRangeParams, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let range = Range::parse(q.from.as_deref(), q.to.as_deref(), clock::today_cst())?;
    let (_, rows) = rows(db, range, unit_of(&q)?).await?;
    crate::routes::csv_download(to_csv(&rows), &format!("attachment; filename=\"supervision-{}-{}.csv\"", range.from, range.to))
}
