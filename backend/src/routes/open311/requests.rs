//! Service requests: `GET requests` (filters, the 90-day window, `page` and
//! `page_size`), `GET requests/{id}`, and `POST requests`, which checks the
//! partner's key and takes the request in through `take_in`, the one intake
//! path of every channel.

use super::Failure;
use crate::clock;
use crate::crypto;
use crate::db::hotline::open311::{self as rows, RequestRow, Window};
use crate::db::hotline::{catalogue, create, keys};
use crate::db::Db;
use crate::error::AppError;
use crate::routes::hotline::intake::take_in;
use crate::routes::limits;
use shared::error::ErrorCode;
use shared::hotline::intake::TicketReceipt;
use shared::hotline::open311::params::{check_intake, decode_form, first_try_times, new_request, requests_query};
use shared::hotline::open311::tree::Node;
use shared::hotline::open311::{self as o311, Open311Error};
use worker::{Env, Request};

type Answer<T> = Result<T, Failure>;

fn as_requests(found: Vec<RequestRow>) -> Answer<Node> {
    let facts = found.into_iter().map(RequestRow::facts).collect::<worker::Result<Vec<_>>>()?;
    Ok(o311::requests(&facts))
}

fn unknown_service(code: &str) -> Open311Error {
    Open311Error::bad(format!("没有服务代码“{code}”，请查看 services.json"))
}

pub async fn list(req: &Request, db: &Db) -> Answer<Node> {
    let url = req.url()?;
    let pairs: Vec<(String, String)> = url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let q = requests_query(&pairs, clock::now())?;
    if !q.ids.is_empty() {
        return as_requests(rows::by_numbers(db, &q.ids).await?);
    }
    let categories = if q.service_codes.is_empty() {
        None
    } else {
        // The catalogue is tens of rows; a retired category still names its tickets.
        let all = catalogue::categories(db).await?;
        let found: Vec<Option<i64>> = q.service_codes.iter().map(|code| all.iter().find(|c| c.form.code == *code).map(|c| c.id)).collect();
        let unknown: Vec<Open311Error> =
            q.service_codes.iter().zip(&found).filter(|(_, id)| id.is_none()).map(|(c, _)| unknown_service(c)).collect();
        if !unknown.is_empty() {
            return Err(unknown.into());
        }
        Some(found.into_iter().flatten().collect::<Vec<i64>>())
    };
    let window =
        Window { start: q.start, end: q.end, categories: categories.as_deref(), open: q.open, limit: q.limit(), offset: q.offset() };
    as_requests(rows::page(db, &window).await?)
}

pub async fn one(db: &Db, no: &str) -> Answer<Node> {
    let found = rows::by_numbers(db, &[no.to_string()]).await?;
    if found.is_empty() {
        return Err(Open311Error::not_found(format!("没有编号为“{no}”的诉求")).into());
    }
    as_requests(found)
}

/// `POST requests`: 201 with `[{service_request_id, service_notice, account_id}]`.
pub async fn post(req: &mut Request, env: &Env, db: &Db) -> Answer<super::Answer> {
    let is_form = req.headers().get("Content-Type")?.is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(Open311Error::bad("请以 application/x-www-form-urlencoded 表单提交（见 GeoReport v2 POST Service Request）").into());
    }
    limits::body_within(req, limits::MAX_JSON_BYTES)?;
    let url = req.url()?;
    let body = req.text().await?;
    let pairs = decode_form(&body)?;
    // The key belongs in the form; some clients put it in the query string.
    let key = pairs.iter().rev().find(|(k, _)| k == "api_key").map(|(_, v)| v.trim().to_string()).filter(|v| !v.is_empty());
    let key = key.or_else(|| url.query_pairs().find(|(k, _)| k == "api_key").map(|(_, v)| v.trim().to_string())).unwrap_or_default();
    if key.is_empty() {
        return Err(Open311Error::forbidden("缺少 api_key：提交诉求须使用县长公开电话办公室发放的接口密钥").into());
    }
    let key_hash = crypto::sha256_hex(key.as_bytes()).await?;
    if !keys::use_key(db, &key_hash).await? {
        return Err(Open311Error::forbidden("api_key 无效或已停用，请向县长公开电话办公室确认").into());
    }
    limits::partner_post(env, &key_hash).await?;
    let request = new_request(&pairs)?;
    let category = catalogue::category_by_code(db, &request.service_code).await?.filter(|c| c.active);
    let category = category.ok_or_else(|| unknown_service(&request.service_code))?;
    // A retry with the same `Idempotency-Key` (the partner's own, kept per
    // key) gets the same request; without one, every POST is a new request.
    let client_key = match req.headers().get("Idempotency-Key")? {
        None => None,
        Some(k) if (8..=100).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') => {
            Some(format!("open311:{}", crypto::sha256_hex(format!("{key_hash}:{k}").as_bytes()).await?))
        }
        Some(_) => return Err(Open311Error::bad("Idempotency-Key 请求头无效：应为8到100位字母、数字、连字符或下划线").into()),
    };
    // The form records when it was taken in; a retry rebuilds it at the
    // first try's time (its minute, or the one before if it straddled one).
    let first_try = match client_key.as_deref() {
        Some(k) => create::by_client_key(db, k).await?.map(|c| c.received_at),
        None => None,
    };
    let times = match first_try {
        Some(received) => first_try_times(received).to_vec(),
        None => vec![clock::now()],
    };
    let mut receipt: Option<TicketReceipt> = None;
    let mut refusal: Option<AppError> = None;
    for at in times {
        let form = request.intake_form(&category.form.name, at);
        check_intake(&form)?;
        match take_in(env, db, &form, client_key.as_deref(), ("开放接口（Open311）", None)).await {
            Ok(r) => {
                receipt = Some(r);
                break;
            }
            Err(AppError::Api(e)) if e.code == ErrorCode::IdempotencyMismatch => {
                let message = "该 Idempotency-Key 已用于另一次提交；新的诉求请使用新的 Idempotency-Key";
                refusal = Some(shared::error::ApiError::new(ErrorCode::IdempotencyMismatch, message).into());
            }
            Err(e) => return Err(e.into()),
        }
    }
    let receipt = match (receipt, refusal) {
        (Some(r), _) => r,
        (None, Some(e)) => return Err(e.into()),
        (None, None) => return Err(worker::Error::RustError("open311 intake tried no time".into()).into()),
    };
    rows::file_under(db, &receipt.ticket_no, category.id).await?;
    let notice = o311::commitment(category.form.limits.of(request.urgency), None);
    Ok(super::Answer { status: 201, ..super::Answer::ok(o311::posted(&receipt.ticket_no, &notice), o311::roots::REQUESTS) })
}
