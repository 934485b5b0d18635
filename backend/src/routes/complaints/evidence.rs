//! Evidence files of an investigation: uploaded by the handler under the
//! same rules as application materials (`storage::check`, i.e.
//! shared::approvals::application::check_uploads: JPEG, PNG or PDF by their
//! bytes, ≤ 10 MB each, ≤ 50 MB and 30 files), kept in R2, recorded in the
//! same guarded batch as an audit row; served like stored case files.

use super::access::visible;
use super::view::{situation, staff_view};
use crate::auth::require_staff;
use crate::clock;
use crate::db::complaints::write::{Event, NewEvidence, Write};
use crate::db::{complaints, Db};
use crate::error::AppError;
use crate::routes::{json, Cache, Reply};
use crate::security_log;
use crate::storage;
use shared::approvals::application::MAX_UPLOAD_BODY_BYTES;
use shared::approvals::matter::{Material, MaterialForm};
use shared::complaints::complaint::check_evidence;
use shared::error::{ApiError, ErrorCode};
use shared::security::{Outcome, SecurityKind};
use worker::{Env, FormEntry, Request, Response};

/// The one "material" evidence is filed under: `material:1`, optional.
fn evidence_material() -> Vec<Material> {
    vec![Material { id: 1, name: "调查证据".into(), form: MaterialForm::Copy, copies: 1, required: false, note: String::new() }]
}

fn bad(m: &str) -> AppError {
    ApiError::new(ErrorCode::InvalidParameter, m).into()
}

pub async fn upload(req: &mut Request, env: &Env, db: &Db, complaint_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    crate::routes::limits::body_within(req, MAX_UPLOAD_BODY_BYTES)?;
    let seen = visible(&user, db, complaint_no).await?;
    let now = clock::now();
    check_evidence(seen.side, &situation(&seen.complaint, now))?;
    let form = req.form_data().await.map_err(|_| bad("请求应为 multipart/form-data 表单"))?;
    let version: i64 = match form.get("version") {
        Some(FormEntry::Field(v)) => v.trim().parse().map_err(|_| bad("version 应为数字"))?,
        _ => return Err(bad("请提交所读取的版本号 version")),
    };
    let files = storage::received_files(form).await?;
    if files.is_empty() {
        return Err(ApiError::new(ErrorCode::InvalidUpload, "请选择要上传的证据文件（字段 material:1）").into());
    }
    let types = storage::check(&files, &evidence_material())?;
    if version != seen.complaint.version {
        let e = ApiError {
            current_state: Some(seen.complaint.state.as_str().into()),
            ..ApiError::new(ErrorCode::Conflict, "该投诉已被他人更新，请刷新后再上传")
        };
        return Err(e.into());
    }
    let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
    let bucket = storage::bucket(env)?;
    let prefix = format!("complaints/{complaint_no}/{nonce}");
    let stored = storage::put_all(&bucket, &prefix, files, &types).await?;
    let landed = async {
        let mut w = Write::update(db, complaint_no, version, &nonce, &[])?;
        let names: Vec<&str> = stored.iter().map(|f| f.file_name.as_str()).collect();
        let note = format!("上传调查证据{}件：{}", stored.len(), names.join("、"));
        let state = seen.complaint.state;
        w.event(&Event { at: now, actor: &user.name, staff_id: Some(user.id), from: Some(state), to: state, note: &note, public: None })?;
        for f in &stored {
            let e = NewEvidence {
                r2_key: &f.r2_key,
                file_name: &f.file_name,
                content_type: f.content_type,
                size: f.size,
                at: now,
                staff_id: user.id,
            };
            w.evidence(&e)?;
        }
        w.run().await
    }
    .await;
    match landed {
        Ok(true) => {}
        Ok(false) => {
            storage::delete_all(&bucket, &stored).await;
            let e = ApiError::new(ErrorCode::Conflict, "该投诉刚被他人更新，请刷新后再上传");
            return Err(e.into());
        }
        Err(e) => {
            storage::delete_all(&bucket, &stored).await;
            return Err(e.into());
        }
    }
    let after = visible(&user, db, complaint_no).await?;
    json(&staff_view(db, after, user.role, now).await?, Cache::NoStore)
}

pub async fn file(req: &Request, env: &Env, db: &Db, complaint_no: &str, id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let not_found = || ApiError::not_found("该文件");
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let seen = visible(&user, db, complaint_no).await?;
    let stored = complaints::stored_evidence(db, seen.complaint.id, id).await?.ok_or_else(not_found)?;
    let object = storage::bucket(env)?.get(&stored.r2_key).execute().await?.ok_or_else(not_found)?;
    let body = object.body().ok_or_else(not_found)?.bytes().await?;
    let mut response = Response::from_bytes(body)?;
    let headers = response.headers_mut();
    headers.set("Content-Type", &stored.content_type)?;
    // Never run on the app's origin: a PDF is downloaded, a photo sandboxed.
    let disposition = if stored.content_type == "application/pdf" { "attachment" } else { "inline" };
    headers.set("Content-Disposition", &format!("{disposition}; filename=\"evidence-{id}\""))?;
    headers.set("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")?;
    headers.set("X-Content-Type-Options", "nosniff")?;
    headers.set("Cache-Control", "private, no-store")?;
    let detail = format!("效能投诉{complaint_no}证据");
    security_log::record(db, req, SecurityKind::FileViewed, Outcome::Success, (&user).into(), &format!("evidence:{id}"), &detail).await;
    Ok(response)
}
