//! Public tracking with the case number and query code, the code always in
//! the body and never in a URL (ASVS 14.2.1): `POST /api/track/{case_no}`
//! (`{code}`), `POST /api/track/{case_no}/supplement` (multipart: `code`,
//! files `material:<id>`), and `POST /api/track/{case_no}/qr.svg` (`{code}`:
//! the receipt's tracking link as a QR code).
//!
//! A wrong code and an unknown case answer alike, and look-ups are
//! rate-limited per address, so case numbers cannot be enumerated.

use crate::case_access::{authorised_case, check_code, no_match, plausible};
use crate::case_views::tracking;
use crate::clock;
use crate::crypto::{self};
use crate::db::approvals::cases::{self};
use crate::db::{self, Db};
use crate::routes::{json_text, read_json, Reply};
use crate::storage;
use shared::approvals::application::MAX_UPLOAD_BODY_BYTES;
use shared::approvals::case::check_resubmission;
use shared::error::{ApiError, ErrorCode};
use shared::hotline::views::QueryCode;
use worker::{Env, FormEntry, Request, Response};

/// Reads the code check and the stored view (and, while the clock runs, the
/// calendar): at most 5 rows however long the history, and writes nothing.
pub async fn track(req: &mut Request, env: &Env, db: &Db, case_no: &str) -> Reply {
    let body: QueryCode = read_json(req).await?;
    check_code(req, env, db, case_no, &body.code).await?;
    json_text(tracking(db, case_no).await?)
}

pub async fn supplement(req: &mut Request, env: &Env, db: &Db, case_no: &str) -> Reply {
    crate::routes::limits::anonymous_write(req, env).await?;
    crate::routes::limits::body_within(req, MAX_UPLOAD_BODY_BYTES)?;
    let form = req.form_data().await.map_err(|_| ApiError::new(ErrorCode::InvalidParameter, "请求应为 multipart/form-data 表单"))?;
    let code = match form.get("code") {
        Some(FormEntry::Field(c)) => Some(c),
        _ => None,
    };
    let case = authorised_case(req, env, db, case_no, code.as_deref().unwrap_or("")).await?;
    check_resubmission(case.state()?)?;
    let mut materials = db::approvals::catalogue::materials(db, case.matter_id, case.matter_version).await?;
    // A supplement brings only what the notice listed: no material is
    // required again, but at least one file must come.
    for m in &mut materials {
        m.required = false;
    }
    let files = storage::received_files(form).await?;
    if files.is_empty() {
        return Err(ApiError::new(ErrorCode::InvalidUpload, "请至少上传一个补正材料文件").into());
    }
    let types = storage::check(&files, &materials)?;
    let round = cases::last_round(db, case.id).await? + 1;
    let bucket = storage::bucket(env)?;
    // The nonce keeps two supplements sent at once (a retry after a timeout)
    // from writing, and then deleting, each other's files.
    let nonce = crypto::hex(&crypto::random_bytes::<16>()?);
    let stored = storage::put_all(&bucket, &format!("cases/{}/{round}-{}", case.case_no, &nonce[..12]), files, &types).await?;
    let applied = cases::resubmit(db, &case.case_no, case.version, round, &stored, &nonce, &clock::now_rfc3339()).await;
    match applied {
        Ok(applied) => {
            if !applied {
                storage::delete_all(&bucket, &stored).await;
                // Someone else resubmitted first: say what state it is in.
                let now = cases::by_case_no(db, &case.case_no).await?.ok_or_else(no_match)?;
                check_resubmission(now.state()?)?;
            }
            json_text(tracking(db, &case.case_no).await?)
        }
        Err(e) => {
            storage::delete_all(&bucket, &stored).await;
            Err(e.into())
        }
    }
}

/// The receipt's tracking link as an SVG QR code. Public and unchecked
/// (no look-up): it only encodes the link the applicant already holds. The
/// link carries the number and code in its fragment, which browsers never
/// send; the code comes in the body, so neither URL holds it (the page
/// shows the answer as an image from memory).
pub async fn qr(req: &mut Request, case_no: &str) -> Reply {
    let body: QueryCode = read_json(req).await?;
    let code = body.code.trim();
    if !plausible(case_no, 30) || !plausible(code, 20) {
        return Err(no_match().into());
    }
    let origin = req.url()?.origin().ascii_serialization();
    let link = format!("{origin}/track#no={case_no}&code={code}");
    let mut response = Response::ok(crate::qr::svg(&link)?)?;
    response.headers_mut().set("Content-Type", "image/svg+xml")?;
    response.headers_mut().set("Cache-Control", "no-store")?;
    Ok(response)
}

/// `POST /api/track/{case_no}/sms` (`{code, sms_opt_out}`): the applicant
/// turns SMS about the case off or on again, after the code check.
pub async fn choose_sms(req: &mut Request, env: &Env, db: &Db, case_no: &str) -> Reply {
    crate::routes::limits::anonymous_write(req, env).await?;
    let body: shared::notify::SmsChoice = read_json(req).await?;
    let case = authorised_case(req, env, db, case_no, &body.code).await?;
    let nonce = crypto::hex(&crypto::random_bytes::<16>()?);
    // A repeated choice changes nothing and answers the same.
    cases::choose_sms(db, &case.case_no, case.state()?, body.sms_opt_out, &nonce, &clock::now_rfc3339()).await?;
    json_text(tracking(db, &case.case_no).await?)
}
