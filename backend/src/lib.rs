//! The Worker: answers `/api/*`; everything else is the web app's static
//! assets, served by the platform before this code runs (wrangler.toml).

mod auth;
mod clock;
mod crypto;
mod db;
mod error;
mod housekeeping;
mod routes;
mod storage;
mod warnings;

use db::Db;
use routes::{apply, calendar, case_actions, catalogue, evaluation, office, staff_auth, staff_cases, statistics, track, Reply};
use serde::Serialize;
use worker::{event, Context, Env, Method, Request, Response, Result, ScheduleContext, ScheduledEvent};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    if let Some(shell) = app_shell(&req.path()) {
        return serve_shell(&req, &env, shell).await;
    }
    let db = Db::from_env(&env)?;
    let mut req = req;
    let mut response = match route(&mut req, &env, &db).await {
        Ok(r) => r,
        Err(e) => e.into_response()?,
    };
    // What the request cost in D1, for benchmarks and for anyone curious.
    response.headers_mut().set("X-D1-Rows-Read", &db.rows_read().to_string())?;
    Ok(response)
}

async fn route(req: &mut Request, env: &Env, db: &Db) -> Reply {
    let url = req.url()?;
    let path: Vec<&str> = url.path().trim_matches('/').split('/').collect();
    match (req.method(), path.as_slice()) {
        (Method::Get, ["api", "health"]) => routes::json(&Health { ok: true }, routes::Cache::NoStore),
        (Method::Get, ["api", "departments"]) => catalogue::departments(db).await,
        (Method::Get, ["api", "matters"]) => catalogue::matters(&url, db).await,
        (Method::Get, ["api", "matters", id]) => catalogue::matter(id, db).await,
        (Method::Get, ["api", "calendar", "deadline"]) => calendar::deadline(&url, db).await,
        (Method::Post, ["api", "applications"]) => apply::submit(req, env, db).await,
        (Method::Get, ["api", "track", case_no]) => track::track(req, &url, db, case_no).await,
        (Method::Get, ["api", "track", case_no, "qr.svg"]) => track::qr(req, &url, case_no),
        (Method::Post, ["api", "track", case_no, "supplement"]) => track::supplement(req, env, db, case_no).await,
        (Method::Post, ["api", "track", case_no, "evaluation"]) => evaluation::rate(req, db, case_no).await,
        (Method::Post, ["api", "staff", "login"]) => staff_auth::login(req, db).await,
        (Method::Post, ["api", "staff", "logout"]) => staff_auth::logout(req, db).await,
        (Method::Get, ["api", "staff", "me"]) => staff_auth::me(req, db).await,
        (Method::Get, ["api", "staff", "cases"]) => staff_cases::inbox(req, &url, db).await,
        (Method::Get, ["api", "staff", "cases", case_no]) => staff_cases::detail(req, db, case_no).await,
        (Method::Post, ["api", "staff", "cases", case_no, "disposition"]) => staff_cases::dispose(req, db, case_no).await,
        (Method::Post, ["api", "staff", "cases", case_no, "action"]) => case_actions::act(req, db, case_no).await,
        (Method::Post, ["api", "staff", "cases", case_no, "verification"]) => evaluation::verify(req, db, case_no).await,
        (Method::Post, ["api", "staff", "cases", case_no, "rectification"]) => evaluation::rectify(req, db, case_no).await,
        (Method::Get, ["api", "staff", "reviews"]) => evaluation::reviews(req, &url, db).await,
        (Method::Get, ["api", "staff", "colleagues"]) => staff_cases::colleagues(req, db).await,
        (Method::Get, ["api", "staff", "files", id]) => staff_cases::file(req, env, db, id).await,
        (Method::Get, ["api", "office", "dashboard"]) => office::dashboard(req, &url, db).await,
        (Method::Get, ["api", "office", "meetings"]) => office::meetings(req, &url, db).await,
        (Method::Post, ["api", "office", "meetings"]) => office::register_meeting(req, db).await,
        (Method::Get, ["api", "office", "plan"]) => office::plan(req, &url, db).await,
        (Method::Post, ["api", "office", "plan"]) => office::add_plan_item(req, db).await,
        (Method::Get, ["api", "office", "documents"]) => office::documents(req, &url, db).await,
        (Method::Post, ["api", "office", "documents"]) => office::request_document(req, db).await,
        (Method::Post, ["api", "office", "documents", id, "review"]) => office::review_document(req, db, id).await,
        (Method::Get, ["api", "office", "quotas"]) => office::quotas(req, &url, db).await,
        (Method::Get, ["api", "office", "events"]) => office::events(req, db).await,
        (Method::Get, ["api", "office", "overview"]) => staff_cases::overview(req, db).await,
        (Method::Get, ["api", "office", "statistics"]) => statistics::statistics(req, &url, db).await,
        (Method::Get, ["api", "office", "warnings"]) => staff_cases::warnings(req, &url, db).await,
        (Method::Get, ["api", "office", "calendar"]) => calendar::year(req, &url, db).await,
        (Method::Post, ["api", "office", "calendar"]) => calendar::save(req, db).await,
        (Method::Post, ["api", "office", "quotas"]) => office::set_quota(req, db).await,
        _ => Err(routes::unknown_route()),
    }
}

/// The daily job (wrangler.toml `[triggers]`): records the day's warnings,
/// then drops expired rows.
#[event(scheduled)]
async fn scheduled(_event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    let db = match Db::from_env(&env) {
        Ok(db) => db,
        Err(e) => return worker::console_error!("daily job: no database: {e}"),
    };
    match warnings::run(&db, clock::today_cst()).await {
        Ok(n) => worker::console_log!("daily warnings: {n} new"),
        Err(e) => worker::console_error!("daily warnings failed: {e}"),
    }
    match housekeeping::run(&db).await {
        Ok(n) => worker::console_log!("housekeeping: {n} expired rows deleted"),
        Err(e) => worker::console_error!("housekeeping failed: {e}"),
    }
}

/// Which single-page app a page URL belongs to, if not the catalogue's
/// (`index.html`, the platform's fallback).
fn app_shell(path: &str) -> Option<&'static str> {
    if path == "/staff" || path.starts_with("/staff/") {
        Some("/staff.html")
    } else if path == "/track" || path.starts_with("/apply/") {
        Some("/apply.html")
    } else {
        None
    }
}

async fn serve_shell(req: &Request, env: &Env, shell: &str) -> Result<Response> {
    let url = format!("{}{shell}", req.url()?.origin().ascii_serialization());
    env.assets("ASSETS")?.fetch(url, None).await
}

/// The no-op route: latency under load is measured against it.
#[derive(Serialize)]
struct Health {
    ok: bool,
}
