//! Units (departments, townships, other members), unit groups and
//! intermediaries: any staff member reads them; only the office changes them.

use super::{duplicate, id, stale, stamp};
use crate::auth::require_staff;
use crate::db::admin::units::Named;
use crate::db::{self, Db};
use crate::routes::{created, json, read_json, Cache, Reply};
use shared::admin::units::{IntermediaryForm, IntermediaryList, UnitForm, UnitGroupList, UnitGroupSave, UnitList, UnitSave};
use shared::error::{ApiError, ErrorCode};
use worker::Request;

pub async fn list(req: &Request, db: &Db) -> Reply {
    require_staff(req, db).await?;
    json(&UnitList { units: db::admin::units::list(db).await? }, Cache::NoStore)
}

pub async fn create(req: &mut Request, db: &Db) -> Reply {
    save(req, db, None).await
}

pub async fn update(req: &mut Request, db: &Db, raw_id: &str) -> Reply {
    save(req, db, Some(id(raw_id, "该单位")?)).await
}

async fn save(req: &mut Request, db: &Db, id: Option<i64>) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let body: UnitSave = read_json(req).await?;
    let kind = body.form.validate()?;
    let name = body.form.name.trim();
    if db::admin::units::name_taken(db, Named::Unit, name, id.unwrap_or(0)).await? {
        return Err(duplicate("单位", name).into());
    }
    let s = stamp()?;
    let is_new = id.is_none();
    let id = match id {
        None => db::admin::units::create(db, &body, kind, user.id, &s.now).await?,
        Some(id) => {
            let current = db::admin::units::get(db, id).await?.ok_or_else(|| ApiError::not_found("该单位"))?;
            if !body.active && current.active {
                UnitForm::check_can_deactivate(current.open_cases)?;
            }
            if !db::admin::units::update(db, id, &body, kind, user.id, &s.now, &s.nonce).await? {
                // Either someone saved first, or a case arrived just now.
                let now = db::admin::units::get(db, id).await?.ok_or_else(|| ApiError::not_found("该单位"))?;
                if now.version == body.version && !body.active {
                    UnitForm::check_can_deactivate(now.open_cases)?;
                }
                return Err(stale("该单位").into());
            }
            id
        }
    };
    let unit = db::admin::units::get(db, id).await?.ok_or_else(|| ApiError::not_found("该单位"))?;
    if is_new {
        created(&unit)
    } else {
        json(&unit, Cache::NoStore)
    }
}

pub async fn groups(req: &Request, db: &Db) -> Reply {
    require_staff(req, db).await?;
    json(&UnitGroupList { groups: db::admin::units::groups(db).await? }, Cache::NoStore)
}

pub async fn save_group(req: &mut Request, db: &Db, raw_id: Option<&str>) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let id = raw_id.map(|r| id(r, "该分组")).transpose()?;
    let body: UnitGroupSave = read_json(req).await?;
    body.validate()?;
    let name = body.name.trim();
    if db::admin::units::name_taken(db, Named::Group, name, id.unwrap_or(0)).await? {
        return Err(duplicate("分组", name).into());
    }
    if db::admin::units::existing_units(db, &body.members).await? != body.members.len() {
        return Err(ApiError::new(ErrorCode::InvalidParameter, "所选单位中有不存在的单位，请刷新后重新选择").into());
    }
    let s = stamp()?;
    let saved = db::admin::units::save_group(db, id, &body, user.id, &s.now, &s.nonce).await?.ok_or_else(|| stale("该分组"))?;
    let group = db::admin::units::groups(db).await?.into_iter().find(|g| g.id == saved).ok_or_else(|| ApiError::not_found("该分组"))?;
    if id.is_none() {
        created(&group)
    } else {
        json(&group, Cache::NoStore)
    }
}

pub async fn intermediaries(req: &Request, db: &Db) -> Reply {
    require_staff(req, db).await?;
    json(&IntermediaryList { intermediaries: db::admin::units::intermediaries(db).await? }, Cache::NoStore)
}

pub async fn save_intermediary(req: &mut Request, db: &Db, raw_id: Option<&str>) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let id = raw_id.map(|r| id(r, "该中介机构")).transpose()?;
    let body: IntermediaryForm = read_json(req).await?;
    body.validate()?;
    let name = body.name.trim();
    if db::admin::units::name_taken(db, Named::Intermediary, name, id.unwrap_or(0)).await? {
        return Err(duplicate("中介机构", name).into());
    }
    let s = stamp()?;
    let saved = db::admin::units::save_intermediary(db, id, &body, user.id, &s.now, &s.nonce).await?.ok_or_else(|| stale("该中介机构"))?;
    let found = db::admin::units::intermediaries(db).await?.into_iter().find(|i| i.id == saved);
    let found = found.ok_or_else(|| ApiError::not_found("该中介机构"))?;
    if id.is_none() {
        created(&found)
    } else {
        json(&found, Cache::NoStore)
    }
}

/// Refuses `department` unless it is a unit in use: accounts and matters are
/// placed only there.
pub async fn check_active(db: &Db, department: i64) -> Result<(), ApiError> {
    match db::admin::units::get(db, department).await.map_err(|_| ApiError::internal())? {
        Some(u) if u.active => Ok(()),
        _ => Err(ApiError::with_fields(
            ErrorCode::InvalidParameter,
            "所选部门不存在或已停用",
            vec![shared::error::FieldError { field: "department_id".into(), message: "请选择在用的部门".into() }],
        )),
    }
}
