//! The office's figures (documents sent by level, sign-for rate, average
//! and median time to sign from the minutes histogram, late sign-fors by
//! unit), their CSV, and the sign-for limits of urgent documents.

use crate::auth::require_staff;
use crate::clock;
use crate::db::documents::{self as docs, figures};
use crate::db::Db;
use crate::error::AppError;
use crate::routes::{json, read_json, Cache, Reply};
use shared::api::HotlineRangeParams;
use shared::documents::figures::{csv as to_csv, summary, DocFigures, UnitRow};
use shared::documents::forms::SignLimits;
use shared::engine::period::Range;
use shared::error::{ApiError, ErrorCode};
use worker::Request;

async fn rows(req: &Request, q: &HotlineRangeParams, db: &Db) -> Result<(Range, String, Vec<UnitRow>), AppError> {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let range = Range::parse(q.from.as_deref(), q.to.as_deref(), clock::today_cst())?;
    let unit = match q.unit.as_deref().filter(|s| !s.is_empty()) {
        Some(u) => Some(u.parse().map_err(|_| ApiError::new(ErrorCode::InvalidParameter, "单位编号应为数字"))?),
        None => None,
    };
    let tallies = figures::tallies(db, range, unit).await?;
    let county = crate::db::tally::county(&tallies);
    let mut units: Vec<UnitRow> =
        tallies.into_iter().filter(|(id, _, _)| *id != 0).map(|(id, name, t)| UnitRow::new(Some(id), name, t)).collect();
    // The units late to sign first.
    units.sort_by_key(|r| std::cmp::Reverse(r.tally.signed_late));
    let mut all = vec![UnitRow::new(None, "全县".into(), county)];
    all.extend(units);
    Ok((range, summary(range, &county).to_string(), all))
}

pub async fn figures(req: &Request, q: HotlineRangeParams, db: &Db) -> Reply {
    let (range, summary, rows) = rows(req, &q, db).await?;
    json(&DocFigures { range, rows, summary }, Cache::NoStore)
}

pub async fn csv(req: &Request, q: HotlineRangeParams, db: &Db) -> Reply {
    let (range, _, rows) = rows(req, &q, db).await?;
    crate::routes::csv_download(to_csv(&rows), &format!("attachment; filename=\"documents-{}-{}.csv\"", range.from, range.to))
}

pub async fn limits(req: &Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    json(&docs::limits(db).await?, Cache::NoStore)
}

pub async fn save_limits(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let limits: SignLimits = read_json(req).await?;
    limits.validate()?;
    docs::save_limits(db, limits).await?;
    json(&limits, Cache::NoStore)
}
