//! Attachments in R2. Objects are written before the D1 batch that records
//! them; if anything fails, the objects written so far are deleted again, so
//! a failed submission leaves nothing half-stored.

use crate::db::cases::NewFile;
use crate::error::AppError;
use shared::application::{check_uploads, UploadMeta};
use shared::matter::Material;
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

/// The files of a form, one field per material: `material:<id>`.
pub async fn received_files(form: &FormData, materials: &[Material]) -> Result<Vec<Received>> {
    let mut out = Vec::new();
    for m in materials {
        for entry in form.get_all(&format!("material:{}", m.id)).unwrap_or_default() {
            if let FormEntry::File(file) = entry {
                out.push(Received { material_id: m.id, file_name: file.name(), bytes: file.bytes().await? });
            }
        }
    }
    Ok(out)
}

/// Checks the files against the matter's rules (shared::application).
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
