//! `POST /api/applications`: an online application with its files, as
//! `multipart/form-data` (field `form`: JSON `ApplicationForm`; fields
//! `material:<id>`: files), with an `Idempotency-Key` header.
//!
//! Order: per-address limit and body size → validate everything → claim the
//! key (a lease, see db/idempotency.rs) → files to R2 → one D1 batch (case,
//! files, audit event, stored receipt). A retry with the same key and body
//! gets the same receipt and query code; with another body, 422.

use crate::clock;
use crate::crypto::{self, QueryCodeKey};
use crate::db::approvals::cases::{self, NewCase};
use crate::db::approvals::idempotency::{self, Claim};
use crate::db::{self, Db};
use crate::error::AppError;
use crate::routes::{json, Cache, Reply};
use crate::storage::{self, Received};
use shared::approvals::application::{ApplicantKind, ApplicationForm, MAX_UPLOAD_BODY_BYTES};
use shared::approvals::case::Receipt;
use shared::error::{ApiError, ErrorCode};
use worker::{Delay, Env, FormEntry, Request};

pub async fn submit(req: &mut Request, env: &Env, db: &Db) -> Reply {
    let key = crate::routes::idempotency_key(req)?;
    crate::routes::limits::anonymous_write(req, env).await?;
    crate::routes::limits::body_within(req, MAX_UPLOAD_BODY_BYTES)?;
    let codes = QueryCodeKey::from_env(env)?;
    let form_data = req.form_data().await.map_err(|_| bad("请求应为 multipart/form-data 表单"))?;
    let form_json = match form_data.get("form") {
        Some(FormEntry::Field(s)) => s,
        _ => return Err(bad("缺少申请表内容（form）").into()),
    };
    let form: ApplicationForm = serde_json::from_str(&form_json).map_err(|e| bad(&format!("申请表内容无法识别：{e}")))?;
    let (matter, materials) = db::approvals::catalogue::matter(db, form.matter_id).await?.ok_or_else(|| ApiError::not_found("该事项"))?;
    form.validate(&matter.form_fields()?)?;
    let files = storage::received_files(form_data).await?;
    let types = storage::check(&files, &materials)?;

    let request_hash = request_hash(&form, &files).await?;
    let bucket = storage::bucket(env)?;
    // A retry of a submission still being stored waits a little for its receipt.
    for _ in 0..20 {
        let now = clock::now();
        let today = now.date().to_string().replace('-', "");
        let case_no = format!("SP{today}{}", crypto::random_digits(6)?);
        match idempotency::claim_key(db, &key, &request_hash, &case_no, &now.to_string(), clock::now_unix()).await? {
            Claim::New { stale } => {
                if let Some(stale) = stale {
                    // The attempt that held the claim died after storing files.
                    storage::delete_prefix(&bucket, &format!("{}/", storage::attempt_prefix(&stale, &key))).await?;
                }
                let attempt = Attempt { key: &key, case_no: &case_no, codes: &codes, now };
                return match store(db, &bucket, &attempt, &form, &matter, files, &types).await {
                    Ok(Some(receipt)) => Ok(json(&receipt, Cache::NoStore)?.with_status(201)),
                    // Lost the claim to a retry meanwhile: that retry answers.
                    Ok(None) => Err(in_progress()),
                    Err(e) => {
                        idempotency::release_key(db, &key, &case_no).await?;
                        Err(e)
                    }
                };
            }
            Claim::Different => {
                return Err(ApiError::new(
                    ErrorCode::IdempotencyMismatch,
                    "该提交编号已用于另一份不同内容的申请；如需提交新申请，请刷新页面后重新提交",
                )
                .into())
            }
            Claim::Same(Some(mut receipt)) => {
                receipt.query_code = codes.code(&receipt.case_no);
                return json(&receipt, Cache::NoStore);
            }
            Claim::Same(None) => Delay::from(std::time::Duration::from_millis(250)).await,
        }
    }
    Err(in_progress())
}

fn in_progress() -> AppError {
    ApiError::new(ErrorCode::InProgress, "您的申请正在提交中，请稍候几秒后刷新查看").into()
}

/// One attempt at creating a case under a claimed key.
struct Attempt<'a> {
    key: &'a str,
    case_no: &'a str,
    codes: &'a QueryCodeKey,
    now: shared::engine::instant::Instant,
}

/// Files to R2, then one D1 batch; `None` if the claim was lost meanwhile.
/// On any failure the files stored are removed again.
async fn store(
    db: &Db,
    bucket: &worker::Bucket,
    a: &Attempt<'_>,
    form: &ApplicationForm,
    matter: &db::approvals::catalogue::MatterRow,
    files: Vec<Received>,
    types: &[&'static str],
) -> Result<Option<Receipt>, AppError> {
    // Keys unique to this attempt (its case number and the submission's
    // key): a case number drawn twice, or a lost attempt's clean-up, can
    // never touch another attempt's files.
    let stored = storage::put_all(bucket, &storage::attempt_prefix(a.case_no, a.key), files, types).await?;
    let query_code = a.codes.code(a.case_no);
    let attempt = async {
        let mut receipt = Receipt {
            case_no: a.case_no.to_string(),
            query_code: String::new(),
            matter_name: matter.name.clone(),
            department_name: matter.department_name.clone(),
            submitted_at: a.now,
        };
        // Kept without the code: a retry derives it again.
        let receipt_json = serde_json::to_string(&receipt)?;
        receipt.query_code = query_code.clone();
        let fields_json = serde_json::to_string(&form.fields)?;
        let kind = form.applicant_kind.unwrap_or(ApplicantKind::Person).as_str();
        let new_case = NewCase {
            case_no: a.case_no,
            query_code_hash: &a.codes.check(a.case_no, &query_code),
            matter_id: matter.id,
            matter_version: matter.version,
            department_id: matter.department_id,
            applicant_kind: kind,
            applicant_name: form.name.trim(),
            id_number: &form.normalised_id(),
            mobile: &form.mobile.replace([' ', '-'], ""),
            address: form.address.trim(),
            fields_json: &fields_json,
            sms_opt_out: form.sms_opt_out,
            now: &a.now.to_string(),
            day: a.now.date(),
            nonce: &crypto::hex(&crypto::random_bytes::<16>()?),
        };
        let created = cases::create(db, &new_case, &stored, a.key, &receipt_json).await?;
        Ok::<Option<Receipt>, worker::Error>(created.then_some(receipt))
    };
    match attempt.await {
        Ok(Some(receipt)) => Ok(Some(receipt)),
        Ok(None) => {
            storage::delete_all(bucket, &stored).await;
            Ok(None)
        }
        Err(e) => {
            // The batch may have committed with only its answer lost: then
            // the case holds these files, and they stay.
            if cases::by_case_no(db, a.case_no).await.ok().flatten().is_none() {
                storage::delete_all(bucket, &stored).await;
            }
            Err(e.into())
        }
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
