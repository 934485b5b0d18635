//! `POST /api/applications`: an online application with its files, as
//! `multipart/form-data` (field `form`: JSON `ApplicationForm`; fields
//! `material:<id>`: files), with an `Idempotency-Key` header.
//!
//! Order: validate everything → claim the key → files to R2 → one D1 batch
//! (case, files, audit event, stored receipt). A retry with the same key and
//! body gets the same receipt; with another body, 422.

use super::{json, Cache, Reply};
use crate::clock;
use crate::crypto;
use crate::db::cases::{self, NewCase};
use crate::db::idempotency::{self, Claim};
use crate::db::{self, Db};
use crate::error::AppError;
use crate::storage::{self, Received};
use shared::application::ApplicationForm;
use shared::case::Receipt;
use shared::error::{ApiError, ErrorCode};
use worker::{Delay, Env, FormEntry, Request};

pub async fn submit(req: &mut Request, env: &Env, db: &Db) -> Reply {
    let key = idempotency_key(req)?;
    let form_data = req.form_data().await.map_err(|_| bad("请求应为 multipart/form-data 表单"))?;
    let form_json = match form_data.get("form") {
        Some(FormEntry::Field(s)) => s,
        _ => return Err(bad("缺少申请表内容（form）").into()),
    };
    let form: ApplicationForm = serde_json::from_str(&form_json).map_err(|e| bad(&format!("申请表内容无法识别：{e}")))?;
    let (matter, materials) =
        db::catalogue::matter(db, form.matter_id).await?.ok_or_else(|| ApiError::not_found("该事项"))?;
    form.validate(&matter.form_fields()?)?;
    let files = storage::received_files(&form_data, &materials).await?;
    let types = storage::check(&files, &materials)?;

    let request_hash = request_hash(&form, &files).await?;
    let now = clock::now_rfc3339();
    match idempotency::claim_key(db, &key, &request_hash, &now).await? {
        Claim::New => {}
        Claim::Different => {
            return Err(ApiError::new(
                ErrorCode::IdempotencyMismatch,
                "该提交编号已用于另一份不同内容的申请；如需提交新申请，请刷新页面后重新提交",
            )
            .into())
        }
        Claim::Same(receipt) => return same_submission(db, &key, &request_hash, receipt).await,
    }

    let bucket = storage::bucket(env)?;
    let result = store(db, &bucket, &key, &form, &matter, files, &types, &now).await;
    match result {
        Ok(receipt) => Ok(json(&receipt, Cache::NoStore)?.with_status(201)),
        Err((e, stored)) => {
            storage::delete_all(&bucket, &stored).await;
            idempotency::release_key(db, &key).await?;
            Err(e)
        }
    }
}

#[allow(clippy::too_many_arguments)]
async fn store(
    db: &Db,
    bucket: &worker::Bucket,
    key: &str,
    form: &ApplicationForm,
    matter: &db::catalogue::MatterRow,
    files: Vec<Received>,
    types: &[&'static str],
    now: &str,
) -> Result<Receipt, (AppError, Vec<cases::NewFile>)> {
    let fail = |e: worker::Error| (AppError::from(e), Vec::new());
    let today = clock::today_cst().to_string().replace('-', "");
    let case_no = format!("SP{today}{}", crypto::random_digits(6).map_err(fail)?);
    let query_code = crypto::random_digits(8).map_err(fail)?;
    let stored = storage::put_all(bucket, &format!("cases/{case_no}/0"), files, types).await.map_err(fail)?;
    let attempt = async {
        let receipt = Receipt {
            case_no: case_no.clone(),
            query_code: query_code.clone(),
            matter_name: matter.name.clone(),
            department_name: matter.department_name.clone(),
            submitted_at: now.to_string(),
        };
        let receipt_json = serde_json::to_string(&receipt)?;
        let fields_json = serde_json::to_string(&form.fields)?;
        let kind = serde_json::to_value(form.applicant_kind)?.as_str().unwrap_or("person").to_string();
        let new_case = NewCase {
            case_no: &case_no,
            query_code_hash: &crypto::sha256_hex(query_code.as_bytes()).await?,
            matter_id: matter.id,
            department_id: matter.department_id,
            applicant_kind: &kind,
            applicant_name: form.name.trim(),
            id_number: &form.normalised_id(),
            mobile: &form.mobile.replace([' ', '-'], ""),
            address: form.address.trim(),
            fields_json: &fields_json,
            now,
            day: clock::today_cst(),
            nonce: &crypto::hex(&crypto::random_bytes::<16>()?),
        };
        cases::create(db, &new_case, &stored, key, &receipt_json).await?;
        Ok::<Receipt, worker::Error>(receipt)
    };
    match attempt.await {
        Ok(receipt) => Ok(receipt),
        Err(e) => Err((e.into(), stored)),
    }
}

/// A retry of a submission already seen: answer its receipt, waiting a
/// little if the first attempt is still storing files.
async fn same_submission(db: &Db, key: &str, hash: &str, mut receipt: Option<Receipt>) -> Reply {
    for _ in 0..20 {
        if let Some(r) = receipt {
            return json(&r, Cache::NoStore);
        }
        Delay::from(std::time::Duration::from_millis(250)).await;
        receipt = match idempotency::claim_key(db, key, hash, &clock::now_rfc3339()).await? {
            Claim::Same(r) => r,
            // The first attempt failed and released the key; this retry
            // claimed it, but its files were not kept: ask for a resend.
            Claim::New => {
                idempotency::release_key(db, key).await?;
                break;
            }
            Claim::Different => None,
        };
    }
    Err(ApiError::new(ErrorCode::InProgress, "您的申请正在提交中，请稍候几秒后刷新查看").into())
}

fn idempotency_key(req: &Request) -> Result<String, AppError> {
    let key = req.headers().get("Idempotency-Key")?.unwrap_or_default();
    let ok = (8..=100).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(key)
    } else {
        Err(bad("缺少或无效的 Idempotency-Key 请求头（8–100 位字母、数字或连字符）").into())
    }
}

/// Same key, same body: the form's normalised JSON and every file's digest.
async fn request_hash(form: &ApplicationForm, files: &[Received]) -> worker::Result<String> {
    let mut summary = serde_json::to_string(form)?;
    for f in files {
        summary.push_str(&format!("|{}:{}:{}", f.material_id, f.bytes.len(), crypto::sha256_hex(&f.bytes).await?));
    }
    crypto::sha256_hex(summary.as_bytes()).await
}

fn bad(message: &str) -> ApiError {
    ApiError::new(ErrorCode::InvalidParameter, message)
}
