//! Public tracking with the case number and query code:
//! `GET /api/track/{case_no}?code=`, `POST /api/track/{case_no}/supplement`
//! (multipart: `code`, files `material:<id>`), and
//! `GET /api/track/{case_no}/qr.svg` (the tracking link as a QR code).
//!
//! A wrong code and an unknown case answer alike, and look-ups are
//! rate-limited per address, so case numbers cannot be enumerated.

use crate::case_access::{authorised_case, no_match, plausible};
use crate::case_views::view;
use crate::clock;
use crate::crypto::{self};
use crate::db::approvals::cases::{self};
use crate::db::{self, Db};
use crate::routes::{json, Cache, Reply};
use crate::storage;
use shared::api::TrackQuery;
use shared::approvals::application::MAX_UPLOAD_BODY_BYTES;
use shared::approvals::case::check_resubmission;
use shared::error::{ApiError, ErrorCode};
use worker::{Env, FormEntry, Request, Response};

pub async fn track(req: &Request, env: &Env, q: TrackQuery, db: &Db, case_no: &str) -> Reply {
    let case = authorised_case(req, env, db, case_no, q.code.as_deref()).await?;
    json(&view(db, case).await?, Cache::NoStore)
}

pub async fn supplement(req: &mut Request, env: &Env, db: &Db, case_no: &str) -> Reply {
    crate::routes::limits::anonymous_write(req, env).await?;
    crate::routes::limits::body_within(req, MAX_UPLOAD_BODY_BYTES)?;
    let form = req.form_data().await.map_err(|_| ApiError::new(ErrorCode::InvalidParameter, "请求应为 multipart/form-data 表单"))?;
    let code = match form.get("code") {
        Some(FormEntry::Field(c)) => Some(c),
        _ => None,
    };
    let case = authorised_case(req, env, db, case_no, code.as_deref()).await?;
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
            }
            let now = cases::by_case_no(db, &case.case_no).await?.ok_or_else(no_match)?;
            if !applied {
                // Someone else resubmitted first: say what state it is in.
                check_resubmission(now.state()?)?;
            }
            json(&view(db, now).await?, Cache::NoStore)
        }
        Err(e) => {
            storage::delete_all(&bucket, &stored).await;
            Err(e.into())
        }
    }
}

/// The tracking link as an SVG QR code, for the receipt. Public: it only
/// encodes the link the applicant already holds.
pub fn qr(req: &Request, q: TrackQuery, case_no: &str) -> Reply {
    let code = q.code.unwrap_or_default();
    if !plausible(case_no, 30) || !plausible(&code, 20) {
        return Err(no_match().into());
    }
    let origin = req.url()?.origin().ascii_serialization();
    let link = format!("{origin}/track?no={case_no}&code={code}");
    let mut response = Response::ok(crate::qr::svg(&link)?)?;
    response.headers_mut().set("Content-Type", "image/svg+xml")?;
    response.headers_mut().set("Cache-Control", "private, max-age=86400")?;
    Ok(response)
}
