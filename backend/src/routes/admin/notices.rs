//! `GET /api/admin/notices` and `POST /api/admin/notices/{id}/resend`: the
//! office's page of messages to applicants (numbers masked).

use crate::auth::require_staff;
use crate::clock;
use crate::db::{self, Db};
use crate::routes::{json, Cache, Reply};
use shared::api::NoticesQuery;
use shared::error::{ApiError, ErrorCode};
use shared::notify::{NoticeList, NoticeState};
use shared::page::{page_size, split_page, PageInfo};
use worker::Request;

pub async fn list(req: &Request, q: NoticesQuery, db: &Db) -> Reply {
    require_staff(req, db).await?.check_is_office()?;
    let state = match q.state.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => Some(
            NoticeState::parse(s)
                .ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, "状态应为 queued、sent、delivered、failed 或 skipped"))?,
        ),
        None => None,
    };
    let before = match q.after.as_deref().filter(|s| !s.is_empty()) {
        Some(a) => Some(a.parse::<i64>().map_err(|_| ApiError::new(ErrorCode::InvalidParameter, "翻页参数无效，请回到第一页重新查看"))?),
        None => None,
    };
    let size = page_size(q.limit.as_deref())?;
    let mut notices = db::notify::page(db, state, before, size).await?;
    let more = split_page(&mut notices, size);
    let next = notices.last().filter(|_| more).map(|n| n.id.to_string());
    let counts = db::notify::counts(db).await?;
    json(&NoticeList { counts, notices, page: PageInfo { next, total: None } }, Cache::NoStore)
}

pub async fn resend(req: &Request, db: &Db, id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let not_found = || ApiError::not_found("该短信");
    let id = super::id(id, "该短信")?;
    if !db::notify::resend(db, id, user.id, &clock::now_rfc3339()).await? {
        return match db::notify::by_id(db, id).await? {
            Some(n) => {
                Err(ApiError::new(ErrorCode::Conflict, format!("只能重发发送失败的短信，该短信当前状态为“{}”", n.state.zh())).into())
            }
            None => Err(not_found().into()),
        };
    }
    json(&db::notify::by_id(db, id).await?.ok_or_else(not_found)?, Cache::NoStore)
}
