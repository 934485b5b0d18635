//! `GET /api/supervision/tasks`: a unit's inbox (its open tasks by
//! deadline, each with its colour), or the office's open, overdue and
//! struck-off tasks.

use super::access::{viewer, Viewer};
use super::view::{calendar, summary};
use crate::auth::require_staff;
use crate::clock;
use crate::db::supervision::lists::{self, Listing};
use crate::db::Db;
use crate::routes::{json, Cache, Reply};
use shared::api::SupervisionTasksQuery;
use shared::error::{ApiError, ErrorCode};
use shared::page::{next_after, page_size, split_page, Cursor};
use shared::supervision::views::TaskList;
use worker::Request;

pub async fn list(req: &Request, q: SupervisionTasksQuery, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let size = page_size(q.limit.as_deref())?;
    let after = q.after.as_deref().filter(|s| !s.is_empty()).map(Cursor::decode).transpose()?;
    let today = clock::today_cst();
    let view = q.view.as_deref().unwrap_or("open");
    let listing = match (viewer(&user), view) {
        (Viewer::Unit(unit), "open" | "overdue" | "") => Listing::Unit { unit, open: true },
        (Viewer::Unit(unit), "closed") => Listing::Unit { unit, open: false },
        (Viewer::Office, "open" | "") => Listing::Open,
        (Viewer::Office, "overdue") => Listing::Overdue { today },
        (Viewer::Office, "closed") => Listing::Closed,
        _ => return Err(ApiError::new(ErrorCode::InvalidParameter, "view 应为 open、overdue 或 closed").into()),
    };
    let mut rows = lists::tasks(db, &listing, after.as_ref(), size).await?;
    let more = split_page(&mut rows, size);
    let next = next_after(more, rows.last().map(|r| (r.deadline.to_string(), r.id)));
    let cal = calendar(db, today).await?;
    let tasks = rows.into_iter().map(|r| summary(&cal, today, r)).collect();
    json(&TaskList { tasks, next }, Cache::NoStore)
}
