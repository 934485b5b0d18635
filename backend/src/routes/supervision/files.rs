//! Files: the office attaches the instruction's papers to an item; a lead
//! unit attaches its final report's. Stored in R2 first, then recorded; a
//! failed record removes the object again. Served like applications' files.

use super::access::{self, viewer, Viewer};
use super::view::item_view;
use crate::auth::require_staff;
use crate::clock;
use crate::db::supervision::{self as db_sv, extras};
use crate::db::Db;
use crate::error::AppError;
use crate::routes::{created, Reply};
use crate::security_log;
use crate::storage;
use shared::approvals::application::MAX_UPLOAD_BODY_BYTES;
use shared::error::{ApiError, ErrorCode};
use shared::security::{Outcome, SecurityKind};
use shared::supervision::TaskState;
use worker::{Env, HttpMetadata, Request};

fn refuse(code: ErrorCode, m: &str) -> AppError {
    ApiError::new(code, m).into()
}

pub async fn upload(req: &mut Request, env: &Env, db: &Db, item_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let (item, who) = access::item(&user, db, item_no).await?;
    crate::routes::limits::body_within(req, MAX_UPLOAD_BODY_BYTES)?;
    let form = req.form_data().await.map_err(|_| refuse(ErrorCode::InvalidParameter, "请求应为 multipart/form-data 表单"))?;
    let task_no = match form.get("task_no") {
        Some(worker::FormEntry::Field(no)) if !no.trim().is_empty() => Some(no.trim().to_string()),
        _ => None,
    };
    // A unit attaches to its own task's report while the task is open; the
    // office to the item or any of its tasks.
    let task = match &task_no {
        Some(no) => Some(access::task(&user, db, no).await?),
        None => None,
    };
    match (who, &task) {
        (Viewer::Unit(_), None) => return Err(refuse(ErrorCode::Forbidden, "承办单位请在本单位任务的办理结果中上传附件")),
        (Viewer::Unit(_), Some((t, side))) if *side != shared::supervision::task::Side::Lead || t.state == TaskState::Closed => {
            return Err(refuse(ErrorCode::Forbidden, "只有牵头单位可以在办结前上传办理结果附件"))
        }
        _ => {}
    }
    if task.as_ref().is_some_and(|(t, _)| t.item_id != item.id) {
        return Err(refuse(ErrorCode::NotFound, "该任务不属于这个督查事项"));
    }
    let (file, content_type) = storage::received_single(&form).await?;
    let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<8>()?);
    let key = format!("supervision/{}/{nonce}", item.item_no);
    let bucket = storage::bucket(env)?;
    let size = file.bytes.len() as u64;
    let metadata = HttpMetadata { content_type: Some(content_type.to_string()), ..Default::default() };
    bucket.put(&key, file.bytes).http_metadata(metadata).execute().await?;
    let record = extras::NewFile {
        item_id: item.id,
        task_id: task.as_ref().map(|(t, _)| t.id),
        r2_key: &key,
        name: &file.file_name,
        content_type,
        size,
        at: clock::now(),
        by: &user.name,
    };
    if let Err(e) = extras::add_file(db, &record).await {
        let _ = bucket.delete(&key).await;
        return Err(e.into());
    }
    let item = db_sv::item_by_no(db, item_no).await?.ok_or_else(access::no_item)?;
    created(&item_view(db, item, who, clock::today_cst()).await?)
}

pub async fn get(req: &Request, env: &Env, db: &Db, id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let not_found = || ApiError::not_found("该文件");
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let stored = extras::file(db, id).await?.ok_or_else(not_found)?;
    let (item, _) = access::item(&user, db, &stored.item_no).await?;
    // A unit sees the item's own papers and its own tasks' reports.
    if let (Viewer::Unit(unit), Some(task_id)) = (viewer(&user), stored.task_id) {
        if db_sv::lists::part_of(db, task_id, unit).await?.is_none() {
            return Err(not_found().into());
        }
    }
    let object = storage::bucket(env)?.get(&stored.r2_key).execute().await?.ok_or_else(not_found)?;
    let body = object.body().ok_or_else(not_found)?.bytes().await?;
    let response = storage::served(body, &stored.content_type, id)?;
    let detail = format!("督查事项{}", item.item_no);
    security_log::record(db, req, SecurityKind::FileViewed, Outcome::Success, (&user).into(), &format!("supervision_file:{id}"), &detail)
        .await;
    Ok(response)
}
