//! The public catalogue: `GET /api/departments`, `GET /api/matters?department=&q=`,
//! `GET /api/matters/{id}`.

use crate::clock;
use crate::db::{self, Db};
use crate::error::AppError;
use crate::routes::{json, Cache, Reply};
use shared::api::MattersQuery;
use shared::approvals::matter::{CatalogueQuery, DepartmentList, MatterDetail, MatterList};
use shared::engine::deadline::DeadlineAnswer;
use shared::error::ApiError;

pub async fn departments(db: &Db) -> Reply {
    let departments = db::approvals::catalogue::departments(db).await?;
    json(&DepartmentList { departments }, Cache::PublicMinute)
}

pub async fn matters(q: MattersQuery, db: &Db) -> Reply {
    let query = CatalogueQuery::parse(q.department.as_deref(), q.q.as_deref())?;
    let matters = db::approvals::catalogue::matters(db, &query).await?;
    json(&MatterList { matters }, Cache::PublicMinute)
}

pub async fn matter(id: &str, db: &Db) -> Reply {
    let not_found = || ApiError::not_found("该事项");
    let id = id.parse::<i64>().map_err(|_| not_found())?;
    json(&detail(db, id).await?.ok_or_else(not_found)?, Cache::PublicMinute)
}

/// One matter's guide, as the API answers it and as the Worker's shell
/// writes the guide's and the form's first screens (`crate::shell`).
pub async fn detail(db: &Db, id: i64) -> Result<Option<MatterDetail>, AppError> {
    let Some((row, materials)) = db::approvals::catalogue::matter(db, id).await? else { return Ok(None) };
    let today = clock::today_cst();
    let calendar = db::calendar::for_limits_starting_in(db, today.year()).await?;
    let if_accepted_today = DeadlineAnswer::from(calendar.add_working_days(today, row.committed_days));
    let procedure = row.procedure_steps()?;
    let form_fields = row.form_fields()?;
    Ok(Some(MatterDetail {
        id: row.id,
        code: row.code,
        name: row.name,
        department_id: row.department_id,
        department_name: row.department_name,
        window: row.window,
        class: row.class,
        legal_basis: row.legal_basis,
        conditions: row.conditions,
        materials,
        procedure,
        statutory_days: row.statutory_days,
        committed_days: row.committed_days,
        fee: row.fee,
        fee_basis: row.fee_basis,
        result: row.result,
        complaint_phone: db::admin::settings::read(db).await?.settings.public.complaint_phone,
        if_accepted_today,
        form_fields,
    }))
}
