//! `GET /api/staff/inbox` and `POST /api/staff/inbox/{id}/read`: the
//! signed-in member's in-app messages (the staff header shows the unread count).

use crate::auth::require_staff;
use crate::clock;
use crate::db::{self, Db};
use crate::routes::{json, Cache, Reply};
use shared::error::ApiError;
use worker::Request;

pub async fn get(req: &Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    json(&db::inbox::of(db, user.id).await?, Cache::NoStore)
}

pub async fn read(req: &Request, db: &Db, id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let not_found = || ApiError::not_found("该消息");
    let id: i64 = id.parse().map_err(|_| not_found())?;
    if !db::inbox::mark_read(db, user.id, id, &clock::now_rfc3339()).await? {
        return Err(not_found().into());
    }
    json(&db::inbox::of(db, user.id).await?, Cache::NoStore)
}
