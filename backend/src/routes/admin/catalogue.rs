//! The versioned catalogue: departments draft, the office publishes or
//! sends back; every version is kept and compared with the one before.

use super::{id, stale, stamp};
use crate::auth::require_staff;
use crate::db::{self, Db};
use crate::routes::{created, json, read_json, Cache, Reply};
use shared::admin::catalogue::{
    check_can_draft, check_editable, check_step, diff, DraftSave, MatterVersion, NewDraft, VersionAction, VersionDetail, VersionList,
    VersionState, VersionStep,
};
use shared::api::VersionsQuery;
use shared::error::{ApiError, ErrorCode, FieldError};
use shared::staff::{Role, StaffUser};
use worker::Request;

fn not_found() -> ApiError {
    ApiError::not_found("该事项版本")
}

pub async fn list(req: &Request, q: VersionsQuery, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let department = match user.role {
        Role::OfficeAdmin => None,
        _ => {
            let d = user.department_id.unwrap_or(0);
            check_can_draft(&user, d)?;
            Some(d)
        }
    };
    let state = match q.state.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(VersionState::parse(s).ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, "版本状态无效"))?),
    };
    let matter = q.matter.as_deref().filter(|s| !s.is_empty()).map(|m| id(m, "该事项")).transpose()?;
    json(&VersionList { versions: db::admin::catalogue::list(db, state, department, matter).await? }, Cache::NoStore)
}

/// The version and what it changes, if `user` may see it (others get 404,
/// as for a version that does not exist).
async fn detail(db: &Db, user: &StaffUser, id: i64) -> Result<VersionDetail, crate::error::AppError> {
    let (version, department_name) = db::admin::catalogue::get(db, id).await?.ok_or_else(not_found)?;
    check_can_draft(user, version.content.department_id).map_err(|_| not_found())?;
    // Against the version before it (published) or the one it was drafted from.
    let base = match (version.matter_id, version.number, version.base_number) {
        (Some(m), Some(n), _) if n > 1 => db::admin::catalogue::published(db, m, n - 1).await?,
        (Some(m), None, Some(b)) => db::admin::catalogue::published(db, m, b).await?,
        _ => None,
    };
    let changes = diff(base.as_ref(), &version.content);
    Ok(VersionDetail { version, changes, department_name })
}

pub async fn get(req: &Request, db: &Db, raw_id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    json(&detail(db, &user, id(raw_id, "该事项版本")?).await?, Cache::NoStore)
}

fn code_conflict(code: &str) -> ApiError {
    let message = format!("事项编码“{code}”已被其他事项使用");
    ApiError::with_fields(ErrorCode::Conflict, message.clone(), vec![FieldError { field: "code".into(), message }])
}

pub async fn create(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let body: NewDraft = read_json(req).await?;
    let mut content = body.content.trimmed();
    let base_number = match body.matter_id {
        Some(matter_id) => {
            let head = db::admin::catalogue::matter_head(db, matter_id).await?.ok_or_else(|| ApiError::not_found("该事项"))?;
            check_can_draft(&user, head.department_id)?;
            // A change keeps the matter's identity: its department and code.
            content.department_id = head.department_id;
            content.code = head.code;
            if let Some(open) = db::admin::catalogue::open_draft_of(db, matter_id).await? {
                return Err(ApiError::new(ErrorCode::Conflict, format!("该事项已有未发布的版本（#{open}），请在其上修改")).into());
            }
            Some(head.version)
        }
        None => {
            check_can_draft(&user, content.department_id)?;
            super::units::check_active(db, content.department_id).await?;
            None
        }
    };
    content.validate()?;
    if body.matter_id.is_none() && db::admin::catalogue::code_taken(db, content.code.trim(), None, 0).await? {
        return Err(code_conflict(content.code.trim()).into());
    }
    let s = stamp()?;
    let draft = db::admin::catalogue::Draft { matter_id: body.matter_id, base_number, content: &content };
    let id = db::admin::catalogue::create_draft(db, draft, (user.id, &user.name), &s.now).await?;
    created(&detail(db, &user, id).await?)
}

async fn editable(db: &Db, user: &StaffUser, id: i64) -> Result<MatterVersion, crate::error::AppError> {
    let (version, _) = db::admin::catalogue::get(db, id).await?.ok_or_else(not_found)?;
    check_can_draft(user, version.content.department_id).map_err(|_| not_found())?;
    Ok(version)
}

pub async fn save(req: &mut Request, db: &Db, raw_id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let id = id(raw_id, "该事项版本")?;
    let body: DraftSave = read_json(req).await?;
    let version = editable(db, &user, id).await?;
    check_editable(version.state)?;
    let mut content = body.content.trimmed();
    if version.matter_id.is_some() {
        content.department_id = version.content.department_id;
        content.code = version.content.code.clone();
    } else {
        check_can_draft(&user, content.department_id)?;
        super::units::check_active(db, content.department_id).await?;
    }
    content.validate()?;
    if version.matter_id.is_none() && db::admin::catalogue::code_taken(db, content.code.trim(), None, id).await? {
        return Err(code_conflict(content.code.trim()).into());
    }
    let s = stamp()?;
    if !db::admin::catalogue::save_draft(db, id, body.rev, &content, (user.id, &user.name), &s.now, &s.nonce).await? {
        return Err(stale("该版本").into());
    }
    json(&detail(db, &user, id).await?, Cache::NoStore)
}

pub async fn act(req: &mut Request, db: &Db, raw_id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let id = id(raw_id, "该事项版本")?;
    let body: VersionAction = read_json(req).await?;
    let version = editable(db, &user, id).await?;
    if body.rev != version.rev {
        return Err(stale("该版本").into());
    }
    let to = check_step(&user, version.state, body.step, &body.note)?;
    let s = stamp()?;
    let landed = match body.step {
        VersionStep::Submit | VersionStep::Return => {
            if body.step == VersionStep::Submit {
                version.content.validate()?;
            }
            db::admin::catalogue::step(db, &version, to, &body.note, (user.id, &user.name), &s.now, &s.nonce).await?
        }
        VersionStep::Publish => {
            if version.matter_id.is_none() && db::admin::catalogue::code_taken(db, version.content.code.trim(), None, id).await? {
                return Err(code_conflict(version.content.code.trim()).into());
            }
            super::units::check_active(db, version.content.department_id).await?;
            db::admin::catalogue::publish(db, &version, (user.id, &user.name), &s.now, &s.nonce).await?
        }
    };
    if !landed {
        return Err(ApiError::new(ErrorCode::Conflict, "该版本或该事项已被他人更新（可能已有新版本发布），请刷新后再操作").into());
    }
    json(&detail(db, &user, id).await?, Cache::NoStore)
}
