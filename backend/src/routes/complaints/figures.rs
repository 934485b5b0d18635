//! The office's complaint figures for a period, as JSON and CSV: the
//! county, then each unit (what it handled and what it was complained
//! about), with the report's sentence.

use crate::auth::require_staff;
use crate::clock;
use crate::db::complaints::figures as fig;
use crate::db::Db;
use crate::error::AppError;
use crate::routes::{json, Cache, Reply};
use shared::api::complaints::ComplaintRangeParams;
use shared::complaints::figures::{summary, to_csv, ComplaintFigureRow, ComplaintFigures};
use shared::engine::period::Range;
use worker::Request;

async fn figures_of(req: &Request, q: &ComplaintRangeParams, db: &Db) -> Result<ComplaintFigures, AppError> {
    require_staff(req, db).await?.check_is_office()?;
    let range = Range::parse(q.from.as_deref(), q.to.as_deref(), clock::today_cst())?;
    let tallies = fig::tallies(db, range).await?;
    let county = crate::db::tally::county(&tallies);
    let mut rows = vec![ComplaintFigureRow::new(None, "全县".into(), county)];
    rows.extend(tallies.into_iter().filter(|(id, ..)| *id != 0).map(|(id, name, t)| ComplaintFigureRow::new(Some(id), name, t)));
    Ok(ComplaintFigures { range, summary: summary(range, &county).to_string(), rows })
}

pub async fn figures(req: &Request, q: ComplaintRangeParams, db: &Db) -> Reply {
    json(&figures_of(req, &q, db).await?, Cache::NoStore)
}

pub async fn csv(req: &Request, q: ComplaintRangeParams, db: &Db) -> Reply {
    let f = figures_of(req, &q, db).await?;
    crate::routes::csv_download(to_csv(&f), &format!("attachment; filename=\"complaints-{}-{}.csv\"", f.range.from, f.range.to))
}
