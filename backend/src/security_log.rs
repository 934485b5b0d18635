//! The security event log's entry points (shared::security says what is
//! logged; db/security_events.rs writes it). An event of a change is built
//! with [`event`] and goes into the change's own batch; an event with no
//! batch to join (a sign-in's failure, a file view) is [`record`]ed on its
//! own, which never fails the request. Refusals (403) and throttling (429)
//! of every route are recorded in one place, [`refusal`], called by the
//! router.

use crate::clock;
use crate::db::security_events::{self, Event};
use crate::db::Db;
use crate::error::AppError;
use crate::routes::client_ip;
use shared::api::{self, Endpoint};
use shared::error::ErrorCode;
use shared::security::{clip, Outcome, SecurityKind, MAX_ADDRESS_CHARS, MAX_DETAIL_CHARS, MAX_TARGET_CHARS};
use shared::staff::{StaffUser, MAX_USERNAME_CHARS};
use worker::{console_error, Env, Request};

/// Who an event is about: a member, or only a user name as typed (a failed
/// sign-in), or nobody known (an anonymous request).
#[derive(Clone, Copy)]
pub struct Who<'a> {
    pub staff_id: Option<i64>,
    pub username: &'a str,
}

impl<'a> From<&'a StaffUser> for Who<'a> {
    fn from(u: &'a StaffUser) -> Who<'a> {
        Who { staff_id: Some(u.id), username: &u.username }
    }
}

pub const NOBODY: Who<'static> = Who { staff_id: None, username: "" };

/// The event, now, from the request's address; texts cut to their limits.
pub fn event(req: &Request, kind: SecurityKind, outcome: Outcome, who: Who<'_>, target: &str, detail: &str) -> Event {
    Event {
        at: clock::now_rfc3339(),
        kind,
        outcome,
        staff_id: who.staff_id,
        username: clip(who.username, MAX_USERNAME_CHARS),
        address: clip(&client_ip(req), MAX_ADDRESS_CHARS),
        target: clip(target, MAX_TARGET_CHARS),
        detail: clip(detail, MAX_DETAIL_CHARS),
    }
}

/// Appends one event on its own. A failure to write it is logged, never
/// the request's failure.
pub async fn record(db: &Db, req: &Request, kind: SecurityKind, outcome: Outcome, who: Who<'_>, target: &str, detail: &str) {
    let e = event(req, kind, outcome, who, target, detail);
    write(db, security_events::insert(db, &e)).await;
}

/// [`record`] of a refusal for coming too often, at most once a minute per
/// kind and address (the `SECURITY_LOG` rate limiter), so a flood of
/// refused requests is not a flood of D1 writes.
pub async fn record_limited(db: &Db, req: &Request, env: &Env, kind: SecurityKind, who: Who<'_>, target: &str, detail: &str) {
    if first_this_minute(env, kind, &client_ip(req)).await {
        record(db, req, kind, Outcome::Limited, who, target, detail).await;
    }
}

/// The router's hook: a 403 (`forbidden`) or a 429 (`throttled`) on any
/// route but those that log their own (sign-in, changing one's password).
/// One insert, which finds the member by the request's session.
pub async fn refusal(req: &Request, env: &Env, db: &Db, error: &AppError) {
    let Some(e) = error.refusal() else { return };
    let (kind, outcome) = match e.code {
        ErrorCode::Forbidden => (SecurityKind::Forbidden, Outcome::Refused),
        ErrorCode::TooManyRequests => (SecurityKind::Throttled, Outcome::Limited),
        _ => return,
    };
    let path = req.path();
    if kind == SecurityKind::Throttled && [api::Login::PATH, api::ChangePassword::PATH].contains(&path.as_str()) {
        return;
    }
    let hash = match crate::auth::session_hash(req).await {
        Ok(hash) => hash,
        Err(err) => return console_error!("security log: session of a refusal: {err}"),
    };
    // What anyone can cause without a session (throttling, a browser's
    // cross-site POST) is logged at most once a minute per address; a
    // refusal sent with a session cookie only if the session is live.
    // Neither can flood the log, whose rows are kept a year.
    if (kind == SecurityKind::Throttled || hash.is_none()) && !first_this_minute(env, kind, &client_ip(req)).await {
        return;
    }
    let target = format!("{} {path}", req.method());
    let e = event(req, kind, outcome, NOBODY, &target, &e.message);
    let member_only = kind == SecurityKind::Forbidden && hash.is_some();
    write(db, security_events::by_session(db, &e, hash.as_deref(), member_only)).await;
}

/// Whether this is the first throttled `kind` from `address` this minute.
/// Without the limiter (a misconfiguration) every one is recorded.
async fn first_this_minute(env: &Env, kind: SecurityKind, address: &str) -> bool {
    let limiter = match env.rate_limiter("SECURITY_LOG") {
        Ok(limiter) => limiter,
        Err(e) => {
            console_error!("security log: no SECURITY_LOG rate limiter: {e}");
            return true;
        }
    };
    match limiter.limit(format!("{}:{address}", kind.as_str())).await {
        Ok(outcome) => outcome.success,
        Err(e) => {
            console_error!("security log: rate limiter failed: {e}");
            true
        }
    }
}

async fn write(db: &Db, statement: worker::Result<worker::D1PreparedStatement>) {
    let result = match statement {
        Ok(s) => db.batch(vec![s]).await.map(|_| ()),
        Err(e) => Err(e),
    };
    if let Err(e) = result {
        console_error!("security log: an event was not written: {e}");
    }
}
