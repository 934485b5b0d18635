//! Taking tickets in: `POST /api/hotline/tickets` (the public, on a phone,
//! no account), `POST /api/hotline/intake` (hotline staff), and Open311
//! POSTs, all through `take_in`. A retried submission (same
//! `Idempotency-Key`, same content) gets the same receipt; the same key
//! with other content is refused.

use crate::auth::require_staff;
use crate::clock;
use crate::crypto::{self, QueryCodeKey};
use crate::db::hotline::create::{self, NewTicket};
use crate::db::{self, Db};
use crate::error::AppError;
use crate::routes::{created, read_json, Reply};
use shared::error::{ApiError, ErrorCode};
use shared::hotline::hotspots::address_key;
use shared::hotline::intake::{acknowledgement, check, CallerForm, IntakeForm, TicketReceipt};
use shared::hotline::{Channel, Urgency};
use worker::{Env, Request};

pub async fn submit(req: &mut Request, env: &Env, db: &Db) -> Reply {
    let key = crate::routes::idempotency_key(req)?;
    crate::routes::limits::anonymous_write(req, env).await?;
    let caller: CallerForm = read_json(req).await?;
    let form = IntakeForm { caller, channel: Channel::Web, urgency: Urgency::Normal, city_ticket_no: String::new() };
    let receipt = take_in(env, db, &form, Some(&key), ("来电人（网上留言）", None)).await?;
    created(&receipt)
}

pub async fn intake(req: &mut Request, env: &Env, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let key = crate::routes::idempotency_key(req)?;
    let form: IntakeForm = read_json(req).await?;
    let receipt = take_in(env, db, &form, Some(&key), (&user.name, Some(user.id))).await?;
    created(&receipt)
}

/// Checks and stores a ticket; `actor` is who took it in.
pub async fn take_in(
    env: &Env,
    db: &Db,
    form: &IntakeForm,
    key: Option<&str>,
    actor: (&str, Option<i64>),
) -> Result<TicketReceipt, AppError> {
    check(form.problems())?;
    let codes = QueryCodeKey::from_env(env)?;
    let request_hash = crypto::sha256_hex(serde_json::to_string(form).map_err(worker::Error::from)?.as_bytes()).await?;
    let hotline_phone = db::admin::settings::read(db).await?.settings.public.hotline_phone;
    let receipt = |ticket_no: String, received_at| TicketReceipt {
        query_code: codes.code(&ticket_no),
        acknowledgement: acknowledgement(&ticket_no, &hotline_phone),
        ticket_no,
        received_at,
    };
    // A number is 8 random digits after the day; a clash only retries.
    for _ in 0..5 {
        if let Some(k) = key {
            if let Some(claimed) = create::by_client_key(db, k).await? {
                if claimed.request_hash != request_hash {
                    let message = "该 Idempotency-Key 已用于另一份留言；新的留言请使用新的 Idempotency-Key";
                    return Err(ApiError::new(ErrorCode::IdempotencyMismatch, message).into());
                }
                return Ok(receipt(claimed.ticket_no, claimed.received_at));
            }
        }
        let now = clock::now();
        let ticket_no = format!("RX{}{}", now.date().to_string().replace('-', ""), crypto::random_digits(8)?);
        let note = format!("{}，{}：{}", form.channel.zh(), form.caller.kind.map(|k| k.zh()).unwrap_or(""), form.caller.cause.trim());
        let nonce = crypto::hex(&crypto::random_bytes::<16>()?);
        let new = NewTicket {
            ticket_no: &ticket_no,
            code_check: &codes.check(&ticket_no, &codes.code(&ticket_no)),
            client_key: key,
            request_hash: &request_hash,
            form,
            address_key: &address_key(&form.caller.address),
            now,
            actor: actor.0,
            staff_id: actor.1,
            note: &format!("已受理（{note}）"),
            nonce: &nonce,
        };
        if create::create(db, &new).await? {
            return Ok(receipt(ticket_no, now));
        }
    }
    Err(ApiError::new(ErrorCode::InProgress, "留言正在保存，请稍后重试").into())
}
