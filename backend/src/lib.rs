//! The Worker: answers `/api/*` and `/open311/*`; everything else is the web app's static
//! assets, served by the platform before this code runs (wrangler.toml).

mod auth;
mod case_access;
mod case_views;
mod chasing;
mod clock;
mod crypto;
mod db;
mod error;
mod escalation;
mod housekeeping;
mod qr;
mod rederive;
mod retention;
mod router;
mod routes;
mod security_headers;
mod security_log;
mod shell;
mod storage;
mod warnings;

use db::Db;
use worker::{event, Context, Env, Request, Response, Result, ScheduleContext, ScheduledEvent};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let path = req.path();
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
        let mut req = req;
        return routes::open311::serve(&mut req, env, &db).await;
    }
    if path != "/api" && !path.starts_with("/api/") {
        return shell::serve(&req, env, &db, shell::app_of(&path)).await;
    }
    let mut req = req;
    let mut response = match router::route(&mut req, env, &db).await {
        Ok(r) => r,
        Err(e) => e.into_response()?,
    };
    // What the request cost in D1, for tests and benchmarks on a local stack
    // only: the figure tells apart answers that are meant to look alike
    // (a wrong query code and an unknown case), so a deployment never sends it.
    if env.var("EXPOSE_ROWS_READ").is_ok_and(|v| v.to_string() == "1") {
        response.headers_mut().set("X-D1-Rows-Read", &db.rows_read().to_string())?;
    }
    Ok(response)
}

/// The daily job (wrangler.toml `[triggers]`): records the day's warnings
/// the hotline's reminders and supervision's slips, then erases personal
/// data past its retention and drops expired rows.
#[event(scheduled)]
async fn scheduled(_event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    let db = match Db::from_env(&env) {
        Ok(db) => db,
        Err(e) => return worker::console_error!("daily job: no database: {e}"),
    };
    // First whatever a calendar change left of moving stored deadlines, so
    // the day's cards come from deadlines that follow the calendar.
    match rederive::step(&db, DAILY_REDERIVE_BUDGET).await {
        Ok(p) => worker::console_log!("deadlines re-derived: {} moved, done: {}", p.moved, p.done),
        Err(e) => worker::console_error!("re-deriving deadlines failed: {e}"),
    }
    match warnings::run(&db, clock::today_cst()).await {
        Ok(n) => worker::console_log!("daily warnings: {n} new"),
        Err(e) => worker::console_error!("daily warnings failed: {e}"),
    }
    match chasing::run(&db, clock::now()).await {
        Ok(n) => worker::console_log!("hotline reminders and notices: {n} new"),
        Err(e) => worker::console_error!("hotline reminders failed: {e}"),
    }
    match escalation::run(&db, clock::now()).await {
        Ok(n) => worker::console_log!("supervision slips: {n} new"),
        Err(e) => worker::console_error!("supervision slips failed: {e}"),
    }
    match storage::bucket(&env) {
        Ok(bucket) => {
            match housekeeping::abandoned_files(&db, &bucket).await {
                Ok(n) => worker::console_log!("abandoned submissions cleaned up: {n}"),
                Err(e) => worker::console_error!("cleaning abandoned submissions failed: {e}"),
            }
            match retention::run(&db, &bucket).await {
                Ok((files, cases, others)) => worker::console_log!(
                    "retention: {files} returned cases' files deleted; anonymised {cases} cases, {others} tickets and complaints"
                ),
                Err(e) => worker::console_error!("retention failed: {e}"),
            }
        }
        Err(e) => worker::console_error!("daily job: no file bucket: {e}"),
    }
    match housekeeping::run(&db).await {
        Ok(n) => worker::console_log!("housekeeping: {n} expired rows deleted"),
        Err(e) => worker::console_error!("housekeeping failed: {e}"),
    }
}

/// Cases the daily job re-derives at most: each is about three D1 queries,
/// well inside one invocation's limit of a thousand.
const DAILY_REDERIVE_BUDGET: u32 = 250;
