//! Reading tickets: a staff list (`GET /api/hotline/tickets`), one ticket
//! (`GET /api/hotline/tickets/{no}`), and the caller's look-up and rating
//! (`POST /api/hotline/track/{no}`, `…/rating`), the code in the body.

use super::access::{self, visible};
use super::view::{self, calendar, public_view, staff_view};
use crate::auth::require_staff;
use crate::clock;
use crate::db::hotline::lists::{self, Listing};
use crate::db::hotline::write::{self, Event};
use crate::db::Db;
use crate::routes::{json, read_json, Cache, Reply};
use shared::api::TicketsQuery;
use shared::error::{ApiError, ErrorCode};
use shared::hotline::ticket::YELLOW_DAYS;
use shared::hotline::views::{QueryCode, RatingRequest, TicketList, TicketRow};
use shared::hotline::TicketState;
use shared::page::{next_after, page_size, split_page, Cursor};
use worker::{Env, Request};

pub async fn list(req: &Request, q: TicketsQuery, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let size = page_size(q.limit.as_deref())?;
    let after = q.after.as_deref().filter(|a| !a.is_empty()).map(Cursor::decode).transpose()?;
    let state = match q.state.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(TicketState::parse(s).ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, format!("没有“{s}”这个工单状态")))?),
    };
    let search = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if search.is_some_and(|s| s.chars().count() > 50) {
        return Err(ApiError::new(ErrorCode::InvalidParameter, "查找内容最长50个字符").into());
    }
    let unit = user.list_scope()?;
    let listing = Listing::choose(search, unit, q.view.as_deref(), state)?;
    let mut rows = lists::page(db, &listing, after.as_ref(), size).await?;
    let more = split_page(&mut rows, size);
    let next = next_after(more, rows.last().map(|r| (r.sort.clone().unwrap_or_default(), r.id)));
    let now = clock::now();
    let calendar = calendar(db, now).await?;
    let items = rows
        .into_iter()
        .map(|r| {
            let limit = r.limit_code.as_deref().and_then(shared::engine::limit::Limit::from_code);
            let standing = match (limit, r.deadline) {
                (Some(l), Some(d)) if r.state.with_units() => Some(l.standing(&calendar, now, d, YELLOW_DAYS)),
                _ => None,
            };
            TicketRow {
                ticket_no: r.ticket_no,
                state: r.state,
                kind: r.kind,
                urgency: r.urgency,
                cause: r.cause,
                category_name: r.category_name,
                lead_unit_name: r.lead_unit_name,
                received_at: r.received_at,
                deadline: r.deadline,
                standing,
                my_part: r.my_part,
                reopened: r.reopened,
                confidential: r.confidential == 1,
            }
        })
        .collect();
    json(&TicketList { items, next }, Cache::NoStore)
}

pub async fn get(req: &Request, db: &Db, ticket_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let seen = visible(&user, db, ticket_no).await?;
    json(&staff_view(db, seen, clock::now()).await?, Cache::NoStore)
}

pub async fn track(req: &mut Request, env: &Env, db: &Db, ticket_no: &str) -> Reply {
    let body: QueryCode = read_json(req).await?;
    let ticket = access::by_code(req, env, db, ticket_no, &body.code).await?;
    json(&public_view(&ticket)?, Cache::NoStore)
}

pub async fn rate(req: &mut Request, env: &Env, db: &Db, ticket_no: &str) -> Reply {
    let body: RatingRequest = read_json(req).await?;
    crate::routes::limits::anonymous_write(req, env).await?;
    if body.comment.chars().count() > shared::hotline::views::MAX_RATING_COMMENT {
        return Err(ApiError::new(ErrorCode::InvalidParameter, "评价意见最长500个字").into());
    }
    let ticket = access::by_code(req, env, db, ticket_no, &body.code).await?;
    if !view::may_rate(&ticket) {
        let why = if ticket.rating.is_some() { "您已评价过该工单" } else { "回访办结后才能评价" };
        return Err(ApiError { current_state: Some(ticket.state.as_str().into()), ..ApiError::new(ErrorCode::Conflict, why) }.into());
    }
    let now = clock::now();
    let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
    let columns = [("rating", body.rating.as_str().into()), ("rating_comment", body.comment.trim().into())];
    let mut w = write::update(db, ticket_no, ticket.version, &nonce, &columns)?;
    let note = format!("来电人网上评价：{}", body.rating.zh());
    w.event(&Event { at: now, actor: "来电人", staff_id: None, from: Some(ticket.state), to: ticket.state, note: &note, public: true })?;
    if !w.run().await? {
        return Err(ApiError::new(ErrorCode::Conflict, "工单刚刚有更新，请刷新后再评价").into());
    }
    let after = crate::db::hotline::by_no(db, ticket_no).await?.ok_or_else(access::not_found)?;
    json(&public_view(&after)?, Cache::NoStore)
}
