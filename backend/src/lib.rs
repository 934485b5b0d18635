//! The Worker: answers `/api/*`; everything else is the web app's static
//! assets, served by the platform before this code runs (wrangler.toml).

mod clock;
mod db;
mod error;
mod routes;

use db::Db;
use routes::{calendar, catalogue, Reply};
use serde::Serialize;
use worker::{event, Context, Env, Method, Request, Response, Result};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let db = Db::from_env(&env)?;
    let mut response = match route(&req, &db).await {
        Ok(r) => r,
        Err(e) => e.into_response()?,
    };
    // What the request cost in D1, for benchmarks and for anyone curious.
    response.headers_mut().set("X-D1-Rows-Read", &db.rows_read().to_string())?;
    Ok(response)
}

async fn route(req: &Request, db: &Db) -> Reply {
    let url = req.url()?;
    let path: Vec<&str> = url.path().trim_matches('/').split('/').collect();
    match (req.method(), path.as_slice()) {
        (Method::Get, ["api", "health"]) => routes::json(&Health { ok: true }, routes::Cache::NoStore),
        (Method::Get, ["api", "departments"]) => catalogue::departments(db).await,
        (Method::Get, ["api", "matters"]) => catalogue::matters(&url, db).await,
        (Method::Get, ["api", "matters", id]) => catalogue::matter(id, db).await,
        (Method::Get, ["api", "calendar", "deadline"]) => calendar::deadline(&url, db).await,
        _ => Err(routes::unknown_route()),
    }
}

/// The no-op route: latency under load is measured against it.
#[derive(Serialize)]
struct Health {
    ok: bool,
}
