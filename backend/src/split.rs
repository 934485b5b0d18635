//! The portal's side of the two Workers (lib.rs): the office's routes and
//! its daily job run in the office Worker, reached through the `OFFICE`
//! service binding. A binding is a call inside Cloudflare, not a request
//! over the internet, and the office Worker has no public address
//! (wrangler.office.toml), so everything it answers passes through the
//! portal's checks of method, path and cross-site origin first.

use worker::{Env, Request, Response, Result};

/// The office Worker's entry for the daily job: a path no public request
/// can reach, since the portal forwards only the office's API routes.
pub const DAILY_JOB_PATH: &str = "/daily-job";

/// The daily job's cron trigger (wrangler.toml).
pub const DAILY_JOB_CRON: &str = "0 17 * * *";

const BINDING: &str = "OFFICE";

/// Passes the request on unchanged (headers, cookies and body) and returns
/// the office's answer with headers the portal may still add to (a fetched
/// answer's own headers cannot be changed).
pub async fn forward(req: &Request, env: &Env) -> Result<Response> {
    // A new Request from this one takes its body over (the Fetch standard's
    // constructor); `clone` would tee it and hold a whole upload in memory.
    let answer = env.service(BINDING)?.fetch_request(req.clone_mut()?).await?;
    let headers = answer.headers().clone();
    Ok(answer.with_headers(headers))
}

/// The cron trigger fires in the portal; the job runs in the office Worker,
/// whose code it needs. Its outcome is in the office Worker's log.
pub async fn run_daily_job(env: &Env) {
    call(env, BINDING, &format!("https://office{DAILY_JOB_PATH}"), "daily job").await;
}

/// One of the notifier's crons, fired here (every schedule is in the
/// portal's wrangler.toml) and run in the notifier (notifier/src/lib.rs).
pub async fn run_notifier_cron(env: &Env, cron: &str) {
    let url = format!("https://notifier/cron?cron={}", cron.replace(' ', "+"));
    call(env, "NOTIFIER", &url, "notifier cron").await;
}

/// A GET through a service binding, its failure logged: a cron has no one
/// to answer to.
async fn call(env: &Env, binding: &str, url: &str, what: &str) {
    let outcome = match env.service(binding) {
        Ok(worker) => worker.fetch(url, None).await.map(|r| r.status_code()),
        Err(e) => Err(e),
    };
    match outcome {
        Ok(200..=299) => {}
        Ok(status) => worker::console_error!("{what}: {binding} answered {status}"),
        Err(e) => worker::console_error!("{what}: {binding} could not be reached: {e}"),
    }
}
