//! `GET /api/calendar/deadline?accepted=YYYY-MM-DD&days=N`, and the office's
//! maintenance of the calendar: `GET|POST /api/office/calendar?year=`.

use super::{json, Cache, Reply};
use crate::auth::require_staff;
use crate::clock;
use crate::db::{self, Db};
use shared::api::{DeadlineParams, YearParams};
use shared::engine::calendar::{missing_next_year, CalendarYearView, RederiveProgress, YearCalendar};
use shared::engine::deadline::{DeadlineAnswer, DeadlineQuery};
use shared::error::{ApiError, ErrorCode};
use worker::Request;

pub async fn deadline(p: DeadlineParams, db: &Db) -> Reply {
    let q = DeadlineQuery::parse(p.accepted.as_deref(), p.days.as_deref())?;
    let calendar = db::calendar::for_limits_starting_in(db, q.accepted.year()).await?;
    let answer = DeadlineAnswer::from(calendar.add_working_days(q.accepted, q.days));
    json(&answer, Cache::PublicMinute)
}

pub async fn year(req: &Request, q: YearParams, db: &Db) -> Reply {
    require_staff(req, db).await?;
    let today = clock::today_cst();
    let year = match q.year {
        Some(y) => {
            y.parse().ok().filter(|y| (2000..=2100).contains(y)).ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, "年份无效"))?
        }
        None => today.year() + 1,
    };
    let stored = db::calendar::year(db, year).await?;
    let next_published = db::calendar::year(db, today.year() + 1).await?.is_some();
    let view = CalendarYearView {
        year,
        published: stored.is_some(),
        calendar: stored.unwrap_or(YearCalendar { year, holidays: Vec::new(), workdays: Vec::new() }),
        warning: missing_next_year(today, next_published),
    };
    json(&view, Cache::NoStore)
}

pub async fn save(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let calendar: YearCalendar = super::read_json(req).await?;
    if !(2000..=2100).contains(&calendar.year) {
        return Err(ApiError::new(ErrorCode::InvalidParameter, "年份无效").into());
    }
    calendar.validate().map_err(|e| ApiError::new(ErrorCode::InvalidParameter, e.message()))?;
    let now = clock::now_rfc3339();
    let generation = format!("{now} {}", crate::crypto::hex(&crate::crypto::random_bytes::<8>()?));
    db::calendar::save(db, &calendar, user.id, &user.name, &now, &generation).await?;
    rederive_step(db).await
}

/// `POST /api/office/calendar/rederive`: the next step of moving stored
/// deadlines to the saved calendar (the calendar page calls it until done).
pub async fn rederive(req: &Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    rederive_step(db).await
}

/// Cases re-derived per request: each is a few reads and one small batch.
const STEP_BUDGET: u32 = 50;

async fn rederive_step(db: &Db) -> Reply {
    let progress = crate::rederive::step(db, STEP_BUDGET).await?;
    json(&RederiveProgress { moved: progress.moved, done: progress.done }, Cache::NoStore)
}
