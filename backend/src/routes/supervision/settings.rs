//! The office's limit table and its publications (《政务督查》, 督查专报).

use crate::auth::require_staff;
use crate::clock;
use crate::db::supervision::extras;
use crate::db::Db;
use crate::error::AppError;
use crate::routes::{created, json, read_json, Cache, Reply};
use shared::error::{ApiError, ErrorCode};
use shared::supervision::forms::PublicationForm;
use shared::supervision::limits::LimitTable;
use shared::supervision::views::PublicationList;
use worker::Request;

pub async fn limits(req: &Request, db: &Db) -> Reply {
    require_staff(req, db).await?.check_is_office()?;
    json(&extras::limits(db).await?, Cache::NoStore)
}

pub async fn save_limits(req: &mut Request, db: &Db) -> Reply {
    require_staff(req, db).await?.check_is_office()?;
    let table: LimitTable = read_json(req).await?;
    table.validate()?;
    extras::save_limits(db, &table).await?;
    json(&extras::limits(db).await?, Cache::NoStore)
}

pub async fn publications(req: &Request, db: &Db) -> Reply {
    require_staff(req, db).await?.check_is_office()?;
    json(&PublicationList { publications: extras::publications(db).await? }, Cache::NoStore)
}

pub async fn publish(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let form: PublicationForm = read_json(req).await?;
    form.validate(clock::today_cst())?;
    let found = extras::item_ids(db, &form.item_nos).await?;
    if let Some(missing) = form.item_nos.iter().find(|no| !found.iter().any(|(_, n)| n == no.trim())) {
        return Err(ApiError::new(ErrorCode::NotFound, format!("没有督查事项{missing}")).into());
    }
    let ids: Vec<i64> = found.iter().map(|(id, _)| *id).collect();
    let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
    match extras::publish(db, &form, &ids, &user.name, &nonce).await? {
        Some(p) => created(&p),
        None => Err(AppError::from(ApiError::new(ErrorCode::Conflict, "期号正被占用，请重试"))),
    }
}
