//! Registering an outgoing document (`POST /api/documents`) from a request
//! the office approved and numbered (DOMAIN §5: the number is the
//! streamline wing's, read through `db::streamline`), its body (PDF or OFD)
//! and attachments in R2, and serving them to the sender and recipients.

use super::access::{not_found, visible};
use super::view::doc_view;
use crate::auth::require_staff;
use crate::clock;
use crate::db::documents as docs;
use crate::db::Db;
use crate::error::AppError;
use crate::routes::{created, read_json, Reply};
use crate::security_log;
use crate::storage;
use shared::approvals::application::MAX_UPLOAD_BODY_BYTES;
use shared::documents::forms::OutgoingForm;
use shared::documents::rules::Side;
use shared::documents::{DocState, FileKind, RecipientState};
use shared::error::{ApiError, ErrorCode};
use shared::security::{Outcome, SecurityKind};
use shared::streamline::DocState as RequestState;
use worker::{Env, FormEntry, HttpMetadata, Request};

fn refuse(code: ErrorCode, m: &str) -> AppError {
    ApiError::new(code, m).into()
}

pub async fn create(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let form: OutgoingForm = read_json(req).await?;
    form.validate()?;
    let request =
        crate::db::streamline::document(db, form.request_id).await?.ok_or_else(|| refuse(ErrorCode::NotFound, "没有这份发文申请"))?;
    let (Some(level), Some(number), RequestState::Issued) = (request.issued_level, request.number.clone(), request.state) else {
        return Err(refuse(ErrorCode::Conflict, "发文申请尚未经县府办审核编号（或已不予发文），不能发文"));
    };
    let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
    let now = clock::now();
    let Some(key) = docs::create(db, &form, &request.subject, &number, level, user.id, now, &nonce).await? else {
        return Err(refuse(ErrorCode::Conflict, "这份发文申请已经登记过发文"));
    };
    let seen = visible(&user, db, &key).await?;
    created(&doc_view(db, &seen, now).await?)
}

/// A PDF or OFD body: OFD (GB/T 33190) is a ZIP package, so it is kept by
/// its signature and name and only ever offered for download.
fn ofd(bytes: &[u8], name: &str) -> bool {
    bytes.starts_with(b"PK\x03\x04") && name.to_lowercase().ends_with(".ofd")
}

pub async fn upload(req: &mut Request, env: &Env, db: &Db, doc_key: &str) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let seen = visible(&user, db, doc_key).await?;
    if seen.doc.state != DocState::Draft {
        return Err(refuse(ErrorCode::Conflict, "公文已发送，不能再更换正文或附件"));
    }
    crate::routes::limits::body_within(req, MAX_UPLOAD_BODY_BYTES)?;
    let form = req.form_data().await.map_err(|_| refuse(ErrorCode::InvalidParameter, "请求应为 multipart/form-data 表单"))?;
    let kind = match form.get("kind") {
        Some(FormEntry::Field(k)) => FileKind::parse(k.trim()),
        _ => None,
    }
    .ok_or_else(|| refuse(ErrorCode::InvalidParameter, "kind 应为 body（正文）或 attachment（附件）"))?;
    let ofd_body = match (kind, form.get("file")) {
        (FileKind::Body, Some(FormEntry::File(f))) => {
            let bytes = f.bytes().await?;
            ofd(&bytes, &f.name()).then(|| (shared::approvals::application::clean_file_name(&f.name()), bytes))
        }
        _ => None,
    };
    let (name, bytes, content_type) = match ofd_body {
        Some((name, bytes)) => (name, bytes, "application/ofd"),
        None => {
            let (file, content_type) = storage::received_single(&form).await?;
            if kind == FileKind::Body && content_type != "application/pdf" {
                return Err(refuse(ErrorCode::InvalidUpload, "正文应为 PDF 或 OFD 文件"));
            }
            (file.file_name, file.bytes, content_type)
        }
    };
    let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<8>()?);
    let key = format!("documents/{doc_key}/{nonce}");
    let bucket = storage::bucket(env)?;
    let size = bytes.len() as u64;
    let metadata = HttpMetadata { content_type: Some(content_type.to_string()), ..Default::default() };
    bucket.put(&key, bytes).http_metadata(metadata).execute().await?;
    // A new body replaces the old one: its object goes once the new row is in.
    let mut old_keys = Vec::new();
    if kind == FileKind::Body {
        for f in docs::files(db, seen.doc.id).await?.into_iter().filter(|f| f.kind == FileKind::Body) {
            old_keys.extend(docs::stored_file(db, seen.doc.id, f.id).await?.map(|(k, _)| k));
        }
    }
    let record = docs::NewFile { doc_id: seen.doc.id, kind, key: &key, name: &name, content_type, size, at: clock::now() };
    let stored = docs::add_file(db, &record).await;
    if !matches!(stored, Ok(true)) {
        let _ = bucket.delete(&key).await;
        stored?;
        return Err(refuse(ErrorCode::Conflict, "公文已发送，不能再更换正文或附件"));
    }
    for old in old_keys {
        let _ = bucket.delete(&old).await;
    }
    let seen = visible(&user, db, doc_key).await?;
    created(&doc_view(db, &seen, clock::now()).await?)
}

pub async fn file(req: &Request, env: &Env, db: &Db, doc_key: &str, id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let seen = visible(&user, db, doc_key).await?;
    // A unit reads the files of a copy it still holds (not recalled).
    if seen.side == Side::Recipient {
        let copies = docs::copies(db, seen.doc.id, seen.unit).await?;
        if copies.iter().all(|c| c.state == RecipientState::Recalled) {
            return Err(not_found().into());
        }
    }
    let (r2_key, content_type) = docs::stored_file(db, seen.doc.id, id).await?.ok_or_else(not_found)?;
    let object = storage::bucket(env)?.get(&r2_key).execute().await?.ok_or_else(not_found)?;
    let body = object.body().ok_or_else(not_found)?.bytes().await?;
    let mut response = storage::served(body, &content_type, id)?;
    if content_type == "application/ofd" {
        response.headers_mut().set("Content-Disposition", &format!("attachment; filename=\"file-{id}.ofd\""))?;
    }
    let detail = format!("公文{}", seen.doc.number);
    security_log::record(db, req, SecurityKind::FileViewed, Outcome::Success, (&user).into(), &format!("document_file:{id}"), &detail)
        .await;
    Ok(response)
}
