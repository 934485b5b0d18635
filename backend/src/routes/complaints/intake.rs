//! Taking complaints in: `POST /api/complaints` (the public, on a phone,
//! no account, anonymous allowed) and `POST /api/complaints/intake` (the
//! office's staff, for calls, letters and visits). A retried submission
//! (same `Idempotency-Key`, same content) gets the same receipt; the same
//! key with other content is refused. An anonymous complaint gets no
//! query code (it gets no reply).

use crate::auth::require_staff;
use crate::clock;
use crate::crypto::{self, QueryCodeKey};
use crate::db::complaints::create::{self, NewComplaint};
use crate::db::{self, Db};
use crate::error::AppError;
use crate::routes::{created, read_json, Reply};
use shared::complaints::complaint::ACCEPT_LIMIT;
use shared::complaints::intake::{acknowledgement, check, ComplaintForm, ComplaintReceipt, StaffIntakeForm};
use shared::complaints::privacy::COMPLAINANT_ACTOR;
use shared::complaints::ComplaintChannel;
use shared::error::{ApiError, ErrorCode};
use worker::{Env, Request};

pub async fn submit(req: &mut Request, env: &Env, db: &Db) -> Reply {
    let key = crate::routes::idempotency_key(req)?;
    crate::routes::limits::anonymous_write(req, env).await?;
    let form: ComplaintForm = read_json(req).await?;
    let form = StaffIntakeForm { form, channel: ComplaintChannel::Web };
    created(&take_in(env, db, &form, &key, (COMPLAINANT_ACTOR, None)).await?)
}

pub async fn intake(req: &mut Request, env: &Env, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let key = crate::routes::idempotency_key(req)?;
    let form: StaffIntakeForm = read_json(req).await?;
    created(&take_in(env, db, &form, &key, (&user.name, Some(user.id))).await?)
}

/// Checks and stores a complaint; `actor` is who took it in.
async fn take_in(env: &Env, db: &Db, form: &StaffIntakeForm, key: &str, actor: (&str, Option<i64>)) -> Result<ComplaintReceipt, AppError> {
    check(form.form.problems())?;
    let codes = QueryCodeKey::from_env(env)?;
    let request_hash = crypto::sha256_hex(serde_json::to_string(form).map_err(worker::Error::from)?.as_bytes()).await?;
    let phone = db::admin::settings::read(db).await?.settings.public.complaint_phone;
    let receipt = |complaint_no: String, received_at, anonymous: bool| ComplaintReceipt {
        query_code: (!anonymous).then(|| codes.code(&complaint_no)),
        acknowledgement: acknowledgement(&complaint_no, anonymous, &phone),
        complaint_no,
        received_at,
    };
    // A number is 8 random digits after the day; a clash only retries.
    for _ in 0..5 {
        if let Some(claimed) = create::by_client_key(db, key).await? {
            if claimed.request_hash != request_hash {
                let message = "该 Idempotency-Key 已用于另一件投诉；新的投诉请使用新的 Idempotency-Key";
                return Err(ApiError::new(ErrorCode::IdempotencyMismatch, message).into());
            }
            return Ok(receipt(claimed.complaint_no, claimed.received_at, claimed.anonymous));
        }
        let now = clock::now();
        let complaint_no = format!("XT{}{}", now.date().to_string().replace('-', ""), crypto::random_digits(8)?);
        let calendar = super::view::calendar(db, now).await?;
        let anonymous = form.form.anonymous;
        let check = (!anonymous).then(|| codes.check(&complaint_no, &codes.code(&complaint_no)));
        let kind = form.form.kind.map(|k| k.zh()).unwrap_or("");
        let note = format!("收到{}（{}{}）：{}", kind, form.channel.zh(), if anonymous { "，匿名" } else { "" }, form.form.cause.trim());
        let nonce = crypto::hex(&crypto::random_bytes::<16>()?);
        let new = NewComplaint {
            complaint_no: &complaint_no,
            code_check: check.as_deref(),
            client_key: Some(key),
            request_hash: &request_hash,
            form,
            now,
            accept_by: ACCEPT_LIMIT.deadline(&calendar, now),
            actor: actor.0,
            staff_id: actor.1,
            note: &note,
            nonce: &nonce,
        };
        if create::create(db, &new).await? {
            return Ok(receipt(complaint_no, now, anonymous));
        }
    }
    Err(ApiError::new(ErrorCode::InProgress, "投诉正在保存，请稍后重试").into())
}
