//! The dispatch catalogue and the knowledge base: any staff member reads
//! them (units see where things go), the office edits them.

use crate::auth::require_staff;
use crate::clock;
use crate::db::hotline::catalogue as cat;
use crate::db::{self, Db};
use crate::error::AppError;
use crate::routes::{created, json, read_json, Cache, Reply};
use shared::api::KnowledgeQuery;
use shared::error::{ApiError, ErrorCode};
use shared::hotline::catalogue::{CategoryList, CategorySave, KnowledgeList, KnowledgeSave};
use worker::Request;

fn id_of(s: &str) -> Result<i64, AppError> {
    s.parse().map_err(|_| ApiError::not_found("该条目").into())
}

pub async fn categories(req: &Request, db: &Db) -> Reply {
    require_staff(req, db).await?;
    json(&CategoryList { items: cat::categories(db).await? }, Cache::NoStore)
}

pub async fn save_category(req: &mut Request, db: &Db, id: Option<&str>) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let id = id.map(id_of).transpose()?;
    let body: CategorySave = read_json(req).await?;
    body.form.validate()?;
    for unit in body.form.lead_unit_id.iter().chain(&body.form.assist_unit_ids) {
        let (name, kind) = db::admin::units::active_unit(db, *unit)
            .await?
            .ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, format!("单位（编号{unit}）不存在或已停用")))?;
        if Some(*unit) == body.form.lead_unit_id {
            shared::hotline::catalogue::check_dispatch(&body.form, &name, kind)?;
        }
    }
    if let Some(id) = id {
        cat::category(db, id).await?.ok_or_else(|| ApiError::not_found("该类别"))?;
    }
    let saved = cat::save_category(db, id, &body).await?.ok_or_else(|| {
        ApiError::new(ErrorCode::Conflict, format!("类别代码“{}”已被使用，或该类别刚被他人修改，请刷新后重试", body.form.code))
    })?;
    let category = cat::category(db, saved).await?.ok_or_else(|| ApiError::not_found("该类别"))?;
    match id {
        None => created(&category),
        Some(_) => json(&category, Cache::NoStore),
    }
}

pub async fn knowledge(req: &Request, q: KnowledgeQuery, db: &Db) -> Reply {
    require_staff(req, db).await?;
    let words = q.q.as_deref().unwrap_or("").trim();
    if words.chars().count() > 50 {
        return Err(ApiError::new(ErrorCode::InvalidParameter, "查找内容最长50个字").into());
    }
    let category = match q.category.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => Some(c.parse().map_err(|_| ApiError::new(ErrorCode::InvalidParameter, "category 应为类别编号"))?),
        None => None,
    };
    json(&KnowledgeList { items: cat::knowledge(db, words, category).await? }, Cache::NoStore)
}

pub async fn save_knowledge(req: &mut Request, db: &Db, id: Option<&str>) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let id = id.map(id_of).transpose()?;
    let body: KnowledgeSave = read_json(req).await?;
    body.form.validate()?;
    if let Some(c) = body.form.category_id {
        cat::category(db, c).await?.ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, "请选择有效的诉求类别"))?;
    }
    if let Some(id) = id {
        cat::knowledge_item(db, id).await?.ok_or_else(|| ApiError::not_found("该条目"))?;
    }
    let saved = cat::save_knowledge(db, id, &body, &clock::now().to_string())
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::Conflict, "该条目刚被他人修改，请刷新后重试"))?;
    let item = cat::knowledge_item(db, saved).await?.ok_or_else(|| ApiError::not_found("该条目"))?;
    match id {
        None => created(&item),
        Some(_) => json(&item, Cache::NoStore),
    }
}
