//! The catalogue as a CSV file (office): the export of every published
//! matter, and an import that checks every line and publishes the new and
//! changed matters together, or nothing.

use crate::auth::require_staff;
use crate::db::admin::catalogue_import::{self, Publication};
use crate::db::{self, Db};
use crate::routes::{json, read_json_within, Cache, Reply};
use shared::admin::catalogue_csv::{export as to_csv, parse, CatalogueImport, ImportOutcome, ImportReport, ImportedRow};
use shared::error::{ApiError, ErrorCode, FieldError};
use worker::Request;

/// An import's largest body. The batch binds the new and changed matters as
/// one string, and D1 takes strings up to 2 MB: a larger catalogue is
/// imported in parts (a few hundred matters fit).
const MAX_IMPORT_BYTES: u64 = 1536 * 1024;

pub async fn export(req: &Request, db: &Db) -> Reply {
    require_staff(req, db).await?.check_is_office()?;
    let current = catalogue_import::current(db).await?;
    let matters: Vec<_> = current.into_iter().filter(|c| c.listed).map(|c| (c.department_name, c.content)).collect();
    let disposition = "attachment; filename=\"catalogue.csv\"; filename*=UTF-8''%E4%BA%8B%E9%A1%B9%E7%9B%AE%E5%BD%95.csv";
    crate::routes::csv_download(to_csv(&matters), disposition)
}

pub async fn import(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let body: CatalogueImport = read_json_within(req, MAX_IMPORT_BYTES).await?;
    let units: Vec<(i64, String)> =
        db::admin::units::list(db).await?.into_iter().filter(|u| u.active).map(|u| (u.id, u.form.name)).collect();
    let rows = parse(&body.csv, &units).map_err(|e| ApiError::new(ErrorCode::InvalidParameter, e))?;
    let current = catalogue_import::current(db).await?;
    let open_drafts = db::admin::catalogue::open_drafts(db).await?;
    let mut problems = Vec::new();
    let mut report = Vec::new();
    let mut publish = Vec::new();
    for (line, parsed) in &rows {
        let content = match parsed {
            Ok(c) => c,
            Err(p) => {
                problems.extend(p.iter().map(|m| FieldError { field: format!("第{line}行"), message: format!("第{line}行：{m}") }));
                continue;
            }
        };
        let existing = current.iter().find(|c| c.content.code == content.code);
        let outcome = match existing {
            None => ImportOutcome::Created,
            Some(c) if c.content.department_id != content.department_id => {
                let message = format!("第{line}行：事项“{}”属于{}，导入不能改变实施部门", content.code, c.department_name);
                problems.push(FieldError { field: format!("第{line}行"), message });
                continue;
            }
            Some(c) if c.content == *content => ImportOutcome::Unchanged,
            Some(c) if open_drafts.iter().any(|(m, _)| *m == c.id) => {
                let draft = open_drafts.iter().find(|(m, _)| *m == c.id).map(|d| d.1).unwrap_or_default();
                let message = format!(
                    "第{line}行：事项“{}”有未发布的版本（#{draft}），请先在该版本上修改并发布，或在导入文件中保持其内容不变",
                    content.code
                );
                problems.push(FieldError { field: format!("第{line}行"), message });
                continue;
            }
            Some(_) => ImportOutcome::Updated,
        };
        if outcome != ImportOutcome::Unchanged {
            publish.push(Publication {
                code: &content.code,
                department_id: content.department_id,
                matter_id: existing.map(|c| c.id),
                number: existing.map(|c| c.version + 1).unwrap_or(1),
                content,
            });
        }
        report.push(ImportedRow { line: *line, code: content.code.clone(), name: content.name.clone(), outcome });
    }
    if !problems.is_empty() {
        let lines = rows.iter().filter(|(_, r)| r.is_err()).count().max(1);
        let message = format!("导入文件有{lines}行有误，未导入任何事项；请按提示修改后重新导入");
        return Err(ApiError::with_fields(ErrorCode::InvalidParameter, message, problems).into());
    }
    let count = |o: ImportOutcome| report.iter().filter(|r| r.outcome == o).count();
    let summary = format!(
        "新增{}项，更新{}项，未变{}项",
        count(ImportOutcome::Created),
        count(ImportOutcome::Updated),
        count(ImportOutcome::Unchanged)
    );
    if !publish.is_empty() {
        let now = crate::clock::now_rfc3339();
        catalogue_import::publish_all(db, &publish, (user.id, &user.name), &now, &summary).await.map_err(|e| {
            worker::console_error!("catalogue import failed: {e}");
            ApiError::new(ErrorCode::Conflict, "导入时目录已被他人更新（或编码冲突），未导入任何事项；请重新导出后再试")
        })?;
    }
    json(&ImportReport { rows: report }, Cache::NoStore)
}
