//! Attachments in R2. Objects are written before the D1 batch that records
//! them; if anything fails, the objects written so far are deleted again, so
//! a failed submission leaves nothing half-stored.

use crate::db::approvals::cases::NewFile;
use crate::error::AppError;
use shared::approvals::application::{check_uploads, clean_file_name, UploadMeta};
use shared::approvals::matter::Material;
use wasm_bindgen::JsCast;
use worker::{Bucket, Env, FormData, FormEntry, HttpMetadata, Result};

pub fn bucket(env: &Env) -> Result<Bucket> {
    env.bucket("FILES")
}

/// A file received in a multipart form, read into memory.
pub struct Received {
    pub material_id: i64,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The files of a form, one field per material: `material:<id>`. A file
/// under any other `material:` field is kept too, so that the check refuses
/// it by name instead of the submission silently dropping it.
pub async fn received_files(form: FormData) -> std::result::Result<Vec<Received>, AppError> {
    let js: wasm_bindgen::JsValue = form.into();
    let names: Vec<String> =
        js.clone().unchecked_into::<web_sys::FormData>().keys().into_iter().filter_map(|k| k.ok().and_then(|k| k.as_string())).collect();
    let form = FormData::from(js);
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for name in names {
        if seen.contains(&name) {
            continue;
        }
        let Some(id) = name.strip_prefix("material:") else {
            if form.get_all(&name).unwrap_or_default().iter().any(|e| matches!(e, FormEntry::File(_))) {
                let message = format!("文件应放在材料栏目（material:编号）中提交，不能放在“{}”中", clean_file_name(&name));
                return Err(shared::error::ApiError::new(shared::error::ErrorCode::InvalidUpload, message).into());
            }
            seen.push(name);
            continue;
        };
        // An id that is not a number can belong to no material: -1 is refused as such.
        let material_id = id.parse().unwrap_or(-1);
        for entry in form.get_all(&name).unwrap_or_default() {
            if let FormEntry::File(file) = entry {
                out.push(Received { material_id, file_name: clean_file_name(&file.name()), bytes: file.bytes().await? });
            }
        }
        seen.push(name);
    }
    Ok(out)
}

/// The one file of a staff upload (field `file`), checked by the same
/// rules as an application's (size, kind by content, name cleaned); its
/// content type.
pub async fn received_single(form: &FormData) -> std::result::Result<(Received, &'static str), AppError> {
    let refuse = |m: &str| AppError::from(shared::error::ApiError::new(shared::error::ErrorCode::InvalidUpload, m));
    let Some(FormEntry::File(file)) = form.get("file") else {
        return Err(refuse("请在 file 栏目中选择要上传的文件"));
    };
    let received = Received { material_id: 0, file_name: clean_file_name(&file.name()), bytes: file.bytes().await? };
    let attachment = Material {
        id: 0,
        name: "附件".into(),
        form: shared::approvals::matter::MaterialForm::Copy,
        copies: 1,
        required: true,
        note: String::new(),
    };
    let types = check(std::slice::from_ref(&received), &[attachment])?;
    Ok((received, types[0]))
}

/// A stored file as served to staff: it never runs on the app's origin (a
/// PDF, which may carry script, is downloaded; a photo is shown in a
/// sandbox of its own), and the name sent is never trusted.
pub fn served(bytes: Vec<u8>, content_type: &str, id: i64) -> Result<worker::Response> {
    let mut response = worker::Response::from_bytes(bytes)?;
    let headers = response.headers_mut();
    headers.set("Content-Type", content_type)?;
    let disposition = if content_type == "application/pdf" { "attachment" } else { "inline" };
    headers.set("Content-Disposition", &format!("{disposition}; filename=\"file-{id}\""))?;
    headers.set("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")?;
    headers.set("X-Content-Type-Options", "nosniff")?;
    headers.set("Cache-Control", "private, no-store")?;
    Ok(response)
}

/// Where a submission attempt's files go: `cases/{case_no}/{idempotency
/// key}/…`, unique to the attempt (a case number drawn twice, or a lost
/// attempt's clean-up, never touches another attempt's files).
pub fn attempt_prefix(case_no: &str, key: &str) -> String {
    format!("{}{key}", case_prefix(case_no))
}

/// Every file of a case is under this prefix (the application's attempt,
/// each supplement's round).
pub fn case_prefix(case_no: &str) -> String {
    format!("cases/{case_no}/")
}

/// Deletes every object under `prefix` (a lost submission attempt's files).
pub async fn delete_prefix(bucket: &Bucket, prefix: &str) -> Result<()> {
    let listed = bucket.list().prefix(prefix).execute().await?;
    let keys: Vec<String> = listed.objects().iter().map(|o| o.key()).collect();
    if !keys.is_empty() {
        bucket.delete_multiple(keys).await?;
    }
    Ok(())
}

/// Checks the files against the matter's rules (shared::approvals::application).
pub fn check(files: &[Received], materials: &[Material]) -> std::result::Result<Vec<&'static str>, AppError> {
    let metas: Vec<UploadMeta<'_>> = files
        .iter()
        .map(|f| UploadMeta {
            material_id: f.material_id,
            file_name: &f.file_name,
            size: f.bytes.len() as u64,
            head: &f.bytes[..f.bytes.len().min(16)],
        })
        .collect();
    Ok(check_uploads(&metas, materials)?.into_iter().map(|k| k.content_type()).collect())
}

/// Writes every file under `prefix`; on failure deletes what was written.
pub async fn put_all(bucket: &Bucket, prefix: &str, files: Vec<Received>, types: &[&'static str]) -> Result<Vec<NewFile>> {
    let mut stored: Vec<NewFile> = Vec::with_capacity(files.len());
    for (i, (f, content_type)) in files.into_iter().zip(types).enumerate() {
        let key = format!("{prefix}/{i}");
        let size = f.bytes.len() as u64;
        let metadata = HttpMetadata { content_type: Some(content_type.to_string()), ..Default::default() };
        if let Err(e) = bucket.put(&key, f.bytes).http_metadata(metadata).execute().await {
            delete_all(bucket, &stored).await;
            return Err(e);
        }
        stored.push(NewFile { material_id: f.material_id, r2_key: key, file_name: f.file_name, content_type, size });
    }
    Ok(stored)
}

/// Best effort: the caller is already failing and reports the first error.
pub async fn delete_all(bucket: &Bucket, files: &[NewFile]) {
    for f in files {
        let _ = bucket.delete(&f.r2_key).await;
    }
}
