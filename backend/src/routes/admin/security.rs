//! `GET /api/admin/security-events`: the security event log (the office).

use crate::auth::require_staff;
use crate::db::{self, Db};
use crate::routes::{json, Cache, Reply};
use shared::api::SecurityEventsQuery;
use shared::page::{split_page, PageInfo};
use shared::security::{cursor_after, SecurityEventList, SecurityFilter};
use worker::Request;

pub async fn list(req: &Request, q: SecurityEventsQuery, db: &Db) -> Reply {
    require_staff(req, db).await?.check_is_office()?;
    let filter = SecurityFilter::parse(&q)?;
    let mut events = db::security_events::search(db, &filter).await?;
    let more = split_page(&mut events, filter.limit);
    let next = events.last().filter(|_| more).map(cursor_after);
    json(&SecurityEventList { events, page: PageInfo { next, total: None } }, Cache::NoStore)
}
