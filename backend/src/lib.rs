//! The Workers: this crate builds the **portal** (`--features portal`: the
//! web apps' shells, approvals, streamline, administration, sign-in; the
//! public Worker of wrangler.toml) and the **office** Worker (`--features
//! office`: the hotline and Open311, supervision, complaints, documents,
//! information, the daily job; wrangler.office.toml), which the portal
//! reaches through a service binding (`split.rs`). Two Workers because one
//! would not fit the platform's size budget. With both features (the
//! default) it is one Worker doing everything, which is what clippy and the
//! unit tests check.

// A one-sided build leaves the other side's code unreferenced; the linker
// drops it. The whole crate is checked with both features.
#![cfg_attr(not(all(feature = "portal", feature = "office")), allow(dead_code, unused_imports))]

mod auth;
mod case_access;
mod case_views;
mod chasing;
mod clock;
mod crypto;
mod daily;
mod db;
mod error;
mod escalation;
mod housekeeping;
mod notify;
mod qr;
mod rederive;
mod retention;
mod router;
mod routes;
mod security_headers;
mod security_log;
mod shell;
// The all-in-one build passes nothing to the office Worker.
#[cfg_attr(all(feature = "portal", feature = "office"), allow(dead_code))]
mod split;
mod storage;
mod warnings;

use db::Db;
use worker::{event, Context, Env, Request, Response, Result, ScheduleContext, ScheduledEvent};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let path = req.path();
    #[cfg(not(feature = "portal"))]
    if path == split::DAILY_JOB_PATH {
        daily::run(&env).await;
        return Response::empty();
    }
    let mut response = respond(req, &env).await?;
    security_headers::apply(&mut response, &path)?;
    Ok(response)
}

async fn respond(req: Request, env: &Env) -> Result<Response> {
    // Even a failure before routing (no database binding) answers in the
    // API's JSON error shape.
    let db = match Db::from_env(env) {
        Ok(db) => db,
        Err(e) => {
            worker::console_error!("no database binding: {e}");
            return error::AppError::from(e).into_response();
        }
    };
    let path = req.path();
    // Open311 GeoReport v2 answers in its own JSON and XML shapes.
    if path == "/open311" || path.starts_with("/open311/") {
        #[cfg(feature = "office")]
        return routes::open311::serve(&mut { req }, env, &db).await;
        #[cfg(not(feature = "office"))]
        return split::forward(&req, env).await;
    }
    if path != "/api" && !path.starts_with("/api/") {
        #[cfg(feature = "portal")]
        return shell::serve(&mut { req }, env, &db, shell::app_of(&path)).await;
        #[cfg(not(feature = "portal"))]
        return routes::unknown_route().into_response();
    }
    let mut req = req;
    let mut response = match router::route(&mut req, env, &db).await {
        Ok(r) => r,
        Err(e) => e.into_response()?,
    };
    notify::enqueue_pending(env, &db).await;
    // What the request cost in D1, for tests and benchmarks on a local stack
    // only: the figure tells apart answers that are meant to look alike
    // (a wrong query code and an unknown case), so a deployment never sends it.
    // An answer forwarded from the office Worker carries that Worker's figure.
    if env.var("EXPOSE_ROWS_READ").is_ok_and(|v| v.to_string() == "1") && !response.headers().has("X-D1-Rows-Read")? {
        response.headers_mut().set("X-D1-Rows-Read", &db.rows_read().to_string())?;
    }
    Ok(response)
}

/// The cron triggers (wrangler.toml `[triggers]`): the daily job, run where
/// the office's code is; any other is one of the notifier's.
#[event(scheduled)]
async fn scheduled(event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    if event.cron() != split::DAILY_JOB_CRON {
        return split::run_notifier_cron(&env, &event.cron()).await;
    }
    #[cfg(feature = "office")]
    daily::run(&env).await;
    #[cfg(not(feature = "office"))]
    split::run_daily_job(&env).await;
}
