//! The office's hotline figures for a period (and a unit), as JSON and
//! CSV, the bulletin, and hot spots.

use crate::auth::require_staff;
use crate::clock;
use crate::db::hotline::figures as fig;
use crate::db::Db;
use crate::error::AppError;
use crate::routes::{json, Cache, Reply};
use shared::api::HotlineRangeParams;
use shared::engine::period::Range;
use shared::error::{ApiError, ErrorCode};
use shared::hotline::figures::{summary, to_csv, Bulletin, FigureRow, HotlineFigures};
use shared::hotline::hotspots::{suggestion, Hotspot, HotspotKey, HotspotList, HOTSPOT_MIN_TICKETS, HOTSPOT_WINDOW_DAYS};
use worker::Request;

fn range_and_unit(q: &HotlineRangeParams) -> Result<(Range, Option<i64>), AppError> {
    let range = Range::parse(q.from.as_deref(), q.to.as_deref(), clock::today_cst())?;
    let unit = match q.unit.as_deref().filter(|u| !u.is_empty()) {
        Some(u) => Some(u.parse::<i64>().map_err(|_| ApiError::new(ErrorCode::InvalidParameter, "unit 应为单位编号"))?),
        None => None,
    };
    Ok((range, unit))
}

async fn figures_of(req: &Request, q: &HotlineRangeParams, db: &Db) -> Result<HotlineFigures, AppError> {
    require_staff(req, db).await?.check_is_office()?;
    let (range, unit) = range_and_unit(q)?;
    let tallies = fig::tallies(db, range, unit).await?;
    let county = crate::db::tally::county(&tallies);
    let mut rows = vec![FigureRow::new(None, "全县".into(), county)];
    rows.extend(tallies.into_iter().filter(|(id, ..)| *id != 0).map(|(id, name, t)| FigureRow::new(Some(id), name, t)));
    Ok(HotlineFigures { range, summary: summary(range, &county).to_string(), rows })
}

pub async fn figures(req: &Request, q: HotlineRangeParams, db: &Db) -> Reply {
    json(&figures_of(req, &q, db).await?, Cache::NoStore)
}

pub async fn csv(req: &Request, q: HotlineRangeParams, db: &Db) -> Reply {
    let f = figures_of(req, &q, db).await?;
    crate::routes::csv_download(to_csv(&f), &format!("attachment; filename=\"hotline-{}-{}.csv\"", f.range.from, f.range.to))
}

pub async fn bulletin(req: &Request, q: HotlineRangeParams, db: &Db) -> Reply {
    require_staff(req, db).await?.check_is_office()?;
    let (range, unit) = range_and_unit(&q)?;
    let mut entries = fig::bulletin(db, range).await?;
    entries.retain(|e| unit.is_none_or(|u| e.unit_id == u));
    json(&Bulletin { range, entries }, Cache::NoStore)
}

pub async fn hotspots(req: &Request, db: &Db) -> Reply {
    require_staff(req, db).await?.check_is_office()?;
    let since = clock::today_cst().add_days(-(HOTSPOT_WINDOW_DAYS as i32));
    let (categories, addresses) = fig::repeats(db, since, HOTSPOT_MIN_TICKETS).await?;
    let items = [(HotspotKey::Category, categories), (HotspotKey::Address, addresses)]
        .into_iter()
        .flat_map(|(key, repeats)| {
            repeats.into_iter().map(move |r| {
                let open: Vec<String> =
                    r.open_tickets.as_deref().unwrap_or("").split(',').filter(|s| !s.is_empty()).map(String::from).collect();
                Hotspot { key, suggestion: suggestion(key, r.count, open.len()), label: r.label, count: r.count, open_tickets: open }
            })
        })
        .collect();
    json(&HotspotList { window_days: HOTSPOT_WINDOW_DAYS, min_tickets: HOTSPOT_MIN_TICKETS, items }, Cache::NoStore)
}
