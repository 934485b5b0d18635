//! (being written) Open311 GeoReport v2 at `/open311/v2/`.

use crate::db::Db;
use worker::{Env, Request, Response, Result};

pub async fn serve(_req: &mut Request, _env: &Env, _db: &Db) -> Result<Response> {
    Ok(Response::error("Not Found", 404)?)
}
