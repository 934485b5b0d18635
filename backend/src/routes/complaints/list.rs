//! Reading complaints: a staff list (`GET /api/complaints`), one complaint
//! (`GET /api/complaints/{no}`), and a named complainant's look-up
//! (`POST /api/complaints/track/{no}`, the code in the body).

use super::access::{self, visible};
use super::view::{calendar, public_view, staff_view};
use crate::auth::require_staff;
use crate::clock;
use crate::db::complaints::lists::{self, Listing};
use crate::db::Db;
use crate::routes::{json, read_json, Cache, Reply};
use shared::api::complaints::ComplaintsQuery;
use shared::complaints::complaint::{handling_limit, ACCEPT_LIMIT, YELLOW_DAYS};
use shared::complaints::views::{ComplaintCode, ComplaintList, ComplaintRow};
use shared::complaints::ComplaintState;
use shared::error::{ApiError, ErrorCode};
use shared::page::{next_after, page_size, split_page, Cursor};
use worker::{Env, Request};

pub async fn list(req: &Request, q: ComplaintsQuery, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let size = page_size(q.limit.as_deref())?;
    let after = q.after.as_deref().filter(|a| !a.is_empty()).map(Cursor::decode).transpose()?;
    let state = match q.state.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => {
            Some(ComplaintState::parse(s).ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, format!("没有“{s}”这个投诉状态")))?)
        }
    };
    let search = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if search.is_some_and(|s| s.chars().count() > 30) {
        return Err(ApiError::new(ErrorCode::InvalidParameter, "投诉编号最长30个字符").into());
    }
    let unit = user.list_scope()?;
    let office = unit.is_none();
    let listing = Listing::choose(search, unit, q.view.as_deref(), state)?;
    let mut rows = lists::page(db, &listing, after.as_ref(), size).await?;
    let more = split_page(&mut rows, size);
    let next = next_after(more, rows.last().map(|r| (r.sort.clone().unwrap_or_default(), r.id)));
    let now = clock::now();
    let calendar = calendar(db, now).await?;
    let items = rows
        .into_iter()
        .map(|r| {
            let standing = match (r.state, r.deadline) {
                // Before acceptance: against the acceptance decision's limit.
                (ComplaintState::Received, _) => Some(ACCEPT_LIMIT.standing(&calendar, now, r.accept_by, 1)),
                (s, Some(d)) if s.on_the_clock() => Some(handling_limit(r.extension).standing(&calendar, now, d, YELLOW_DAYS)),
                _ => None,
            };
            ComplaintRow {
                complaint_no: r.complaint_no,
                state: r.state,
                kind: r.kind,
                anonymous: r.anonymous == 1,
                // Units' rows never carry it (not even selected for them).
                complainant_name: (office && r.anonymous == 0).then_some(r.name),
                subject: r.subject,
                cause: r.cause,
                unit_name: r.unit_name,
                received_at: r.received_at,
                deadline: r.deadline,
                standing,
            }
        })
        .collect();
    json(&ComplaintList { items, next }, Cache::NoStore)
}

pub async fn get(req: &Request, db: &Db, complaint_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let seen = visible(&user, db, complaint_no).await?;
    json(&staff_view(db, seen, user.role, clock::now()).await?, Cache::NoStore)
}

pub async fn track(req: &mut Request, env: &Env, db: &Db, complaint_no: &str) -> Reply {
    let body: ComplaintCode = read_json(req).await?;
    let complaint = access::by_code(req, env, db, complaint_no, &body.code).await?;
    json(&public_view(&complaint)?, Cache::NoStore)
}
