//! Slips: the office sees every slip, a unit its own; each prints on A4.

use super::access::{viewer, Viewer};
use crate::auth::require_staff;
use crate::db::supervision::slips;
use crate::db::Db;
use crate::error::AppError;
use crate::routes::{json, Cache, Reply};
use shared::api::SlipsQuery;
use shared::error::{ApiError, ErrorCode};
use shared::page::{page_size, split_page};
use shared::supervision::views::SlipList;
use shared::supervision::SlipKind;
use worker::Request;

fn bad(m: &str) -> AppError {
    ApiError::new(ErrorCode::InvalidParameter, m).into()
}

pub async fn list(req: &Request, q: SlipsQuery, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let size = page_size(q.limit.as_deref())?;
    let kind = match q.kind.as_deref().filter(|s| !s.is_empty()) {
        Some(k) => Some(SlipKind::parse(k).ok_or_else(|| bad("种类应为 assignment、reminder 或 notice"))?),
        None => None,
    };
    let before = match q.after.as_deref().filter(|s| !s.is_empty()) {
        Some(a) => Some(a.parse::<i64>().map_err(|_| bad("翻页参数无效，请回到第一页重新查看"))?),
        None => None,
    };
    let unit = match viewer(&user) {
        Viewer::Office => None,
        Viewer::Unit(u) => Some(u),
    };
    let mut rows = slips::page(db, unit, kind, before, size).await?;
    let more = split_page(&mut rows, size);
    let next = more.then(|| rows.last().map(|r| r.id.to_string())).flatten();
    json(&SlipList { slips: rows.into_iter().map(|r| r.view()).collect(), next }, Cache::NoStore)
}

pub async fn get(req: &Request, db: &Db, id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let not_found = || ApiError::not_found("该督办单");
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let slip = slips::by_id(db, id).await?.ok_or_else(not_found)?;
    // A unit sees the slips of the tasks it has a part in (sent to the lead unit).
    if let Viewer::Unit(u) = viewer(&user) {
        if crate::db::supervision::lists::part_of(db, slip.task_id, u).await?.is_none() {
            return Err(not_found().into());
        }
    }
    json(&slip.view(), Cache::NoStore)
}
