//! Public tracking with the case number and query code:
//! `GET /api/track/{case_no}?code=`, `POST /api/track/{case_no}/supplement`
//! (multipart: `code`, files `material:<id>`), and
//! `GET /api/track/{case_no}/qr.svg` (the tracking link as a QR code).
//!
//! A wrong code and an unknown case answer alike, and look-ups are
//! rate-limited per address, so case numbers cannot be enumerated.

use super::{client_ip, json, Cache, Reply};
use crate::clock;
use crate::crypto::{self, QueryCodeKey};
use crate::db::cases::{self, CaseRow};
use crate::db::{self, Db};
use crate::error::AppError;
use crate::storage;
use shared::api::TrackQuery;
use shared::application::MAX_UPLOAD_BODY_BYTES;
use shared::case::{check_resubmission, TrackView};
use shared::date::Date;
use shared::error::{ApiError, ErrorCode};
use shared::matter::Material;
use worker::{Env, FormEntry, Request, Response};

/// Look-ups allowed per address per minute.
const PER_MINUTE: u32 = 30;

fn no_match() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "办件编号或查询码不正确，请核对回执上的信息")
}

/// The case, if `code` is its query code; otherwise the same 404 as for an
/// unknown case, after the same work: one look-up of the stored check by
/// case number either way, and the case itself only once the code matched.
pub(super) async fn authorised_case(req: &Request, env: &Env, db: &Db, case_no: &str, code: Option<&str>) -> Result<CaseRow, AppError> {
    let hits = db::throttle::hit(db, &format!("track:ip:{}", client_ip(req)), 60, clock::now_unix()).await?;
    if hits > PER_MINUTE {
        return Err(ApiError::new(ErrorCode::TooManyRequests, "查询过于频繁，请一分钟后再试").into());
    }
    let codes = QueryCodeKey::from_env(env)?;
    let code = code.map(str::trim).unwrap_or("");
    let valid = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_alphanumeric());
    let check = codes.check(case_no, code);
    let stored = if valid(case_no, 30) { cases::code_check(db, case_no).await? } else { None };
    match stored {
        Some(stored) if valid(code, 20) && crypto::same(&stored, &check) => {
            Ok(cases::by_case_no(db, case_no).await?.ok_or_else(no_match)?)
        }
        _ => Err(no_match().into()),
    }
}

pub async fn track(req: &Request, env: &Env, q: TrackQuery, db: &Db, case_no: &str) -> Reply {
    let case = authorised_case(req, env, db, case_no, q.code.as_deref()).await?;
    json(&view(db, case).await?, Cache::NoStore)
}

pub(super) async fn view(db: &Db, case: CaseRow) -> worker::Result<TrackView> {
    let materials = db::catalogue::matter(db, case.matter_id).await?.map(|(_, m)| m).unwrap_or_default();
    progress(db, &case, materials).await
}

/// The case's progress, as the applicant and (within the staff view) staff see it.
pub(super) async fn progress(db: &Db, case: &CaseRow, materials: Vec<Material>) -> worker::Result<TrackView> {
    // A completed case's ledger is history; show it only while the clock runs.
    let (ledger, extension) = match case.state()? {
        shared::case::CaseState::InProgress => ledger_of(db, case).await?,
        _ => (None, None),
    };
    Ok(TrackView {
        ledger,
        extension,
        result: case.result.clone(),
        evaluation: db::evaluation::of_case(db, case.id).await?,
        materials,
        state: case.state()?,
        supplement_items: case.supplement_items()?,
        timeline: cases::events(db, case.id).await?,
        accepted_on: case.accepted_on.as_deref().and_then(|d| Date::parse(d).ok()),
        case_no: case.case_no.clone(),
        matter_id: case.matter_id,
        matter_name: case.matter_name.clone(),
        department_name: case.department_name.clone(),
        class: case.class,
        committed_days: case.committed_days,
        deadline: case.deadline.clone(),
        return_reasons: case.return_reasons.clone(),
        report_authority: case.report_authority.clone(),
    })
}

pub async fn supplement(req: &mut Request, env: &Env, db: &Db, case_no: &str) -> Reply {
    super::limits::anonymous_write(req, env).await?;
    super::limits::body_within(req, MAX_UPLOAD_BODY_BYTES)?;
    let form = req.form_data().await.map_err(|_| ApiError::new(ErrorCode::InvalidParameter, "请求应为 multipart/form-data 表单"))?;
    let code = match form.get("code") {
        Some(FormEntry::Field(c)) => Some(c),
        _ => None,
    };
    let case = authorised_case(req, env, db, case_no, code.as_deref()).await?;
    check_resubmission(case.state()?)?;
    let (_, mut materials) = db::catalogue::matter(db, case.matter_id).await?.ok_or_else(no_match)?;
    // A supplement brings only what the notice listed: no material is
    // required again, but at least one file must come.
    for m in &mut materials {
        m.required = false;
    }
    let (_, files) = storage::received_files(form).await?;
    if files.is_empty() {
        return Err(ApiError::new(ErrorCode::InvalidUpload, "请至少上传一个补正材料文件").into());
    }
    let types = storage::check(&files, &materials)?;
    let round = cases::last_round(db, case.id).await? + 1;
    let bucket = storage::bucket(env)?;
    let stored = storage::put_all(&bucket, &format!("cases/{}/{round}", case.case_no), files, &types).await?;
    let nonce = crypto::hex(&crypto::random_bytes::<16>()?);
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
    let valid = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_alphanumeric());
    if !valid(case_no, 30) || !valid(&code, 20) {
        return Err(no_match().into());
    }
    let origin = req.url()?.origin().ascii_serialization();
    let link = format!("{origin}/track?no={case_no}&code={code}");
    let qr = qrcode::QrCode::new(link.as_bytes()).map_err(|_| ApiError::internal())?;
    let svg = qr.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).build();
    let mut response = Response::ok(svg)?;
    response.headers_mut().set("Content-Type", "image/svg+xml")?;
    response.headers_mut().set("Cache-Control", "private, max-age=86400")?;
    Ok(response)
}

/// The derived deadline of an accepted case, and its extension request.
async fn ledger_of(
    db: &crate::db::Db,
    case: &crate::db::cases::CaseRow,
) -> worker::Result<(Option<shared::ledger::Derived>, Option<shared::case::ExtensionInfo>)> {
    let accepted = case.accepted_on.as_deref().and_then(|d| shared::date::Date::parse(d).ok());
    let (Some(accepted), Some(days)) = (accepted, case.committed_days) else { return Ok((None, None)) };
    let (ledger, extension) = crate::db::ledger::load(db, case.id, accepted, days).await?;
    let calendar = crate::db::calendar::for_limits_starting_in(db, accepted.year()).await?;
    let derived = ledger.derive(&calendar, crate::clock::today_cst(), case.yellow_days);
    Ok((Some(derived), extension))
}
