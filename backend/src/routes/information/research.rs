//! Research: the office's writers' quarterly reports (the missing ones
//! listed), leaders' decisions with the instruction as evidence, and issues
//! of 《工作研究》 with their articles.

use crate::auth::require_staff;
use crate::clock;
use crate::db::information::research;
use crate::db::Db;
use crate::error::AppError;
use crate::routes::{created, json, read_json, Cache, Reply};
use shared::api::YearParams;
use shared::error::{ApiError, ErrorCode};
use shared::information::research::{quarters_owed, DecisionForm, MissingReport, ResearchForm, ResearchList, StudyForm};
use shared::information::scoring::year_of;
use worker::Request;

fn conflict(m: &str) -> AppError {
    ApiError::new(ErrorCode::Conflict, m).into()
}

pub async fn list(req: &Request, q: YearParams, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let today = clock::today_cst();
    let year = year_of(q.year.as_deref(), today)?;
    let done = research::reported(db, year).await?;
    let mut missing = Vec::new();
    for quarter in 1..=quarters_owed(year, today) {
        for (id, name) in research::writers(db).await? {
            if !done.contains(&(id, quarter)) {
                missing.push(MissingReport { writer: name, quarter });
            }
        }
    }
    let answer = ResearchList { year, reports: research::reports(db, year).await?, missing, studies: research::studies(db, year).await? };
    json(&answer, Cache::NoStore)
}

pub async fn submit(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let form: ResearchForm = read_json(req).await?;
    form.validate(clock::today_cst())?;
    if !research::create(db, &form, user.id, &user.name, clock::now()).await? {
        return Err(conflict(&format!("您{}年第{}季度的调研报告已报送", form.year, form.quarter)));
    }
    let reports = research::reports(db, form.year).await?;
    let mine = reports.into_iter().rev().find(|r| r.quarter == form.quarter && r.writer == user.name);
    created(&mine.ok_or_else(ApiError::internal)?)
}

pub async fn decide(req: &mut Request, db: &Db, id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let form: DecisionForm = read_json(req).await?;
    let id: i64 = id.parse().map_err(|_| ApiError::not_found("该调研报告"))?;
    research::report(db, id).await?.ok_or_else(|| ApiError::not_found("该调研报告"))?;
    form.validate()?;
    if !research::decide(db, id, &form, clock::now()).await? {
        return Err(conflict("该调研报告已记录领导批示"));
    }
    json(&research::report(db, id).await?.ok_or_else(ApiError::internal)?, Cache::NoStore)
}

pub async fn study(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let form: StudyForm = read_json(req).await?;
    form.validate()?;
    let id = research::study(db, &form, clock::now()).await?.ok_or_else(|| conflict("期号正被占用，请稍后重试"))?;
    let view = research::studies(db, form.published_on.year()).await?.into_iter().find(|s| s.id == id);
    created(&view.ok_or_else(ApiError::internal)?)
}
