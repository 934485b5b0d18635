//! SQL for the catalogue as a whole: reading every published matter (its
//! export, and what an import compares with) and publishing an import's
//! new and changed matters in one batch of set-based statements, so a file
//! of any size is imported whole or not at all.

use super::super::{corrupt, Db};
use serde::{Deserialize, Serialize};
use shared::admin::catalogue::MatterContent;
use worker::Result;

/// A matter as published now.
pub struct Current {
    pub id: i64,
    pub version: u32,
    pub department_name: String,
    pub content: MatterContent,
    /// In the public catalogue: the matter and its department both active.
    pub listed: bool,
}

/// Every matter's published version, in the catalogue's order (the
/// catalogue is bounded: hundreds of matters); an import compares with all
/// of them, an export lists those the public catalogue shows.
pub async fn current(db: &Db) -> Result<Vec<Current>> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        version: u32,
        department_name: String,
        content: String,
        listed: u8,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT m.id, m.version, d.name AS department_name, v.content, (m.active = 1 AND d.active = 1) AS listed
             FROM matter m JOIN matter_version v ON v.id = m.version_id JOIN department d ON d.id = m.department_id
             ORDER BY d.sort, m.sort, m.id",
            &[],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            let content = serde_json::from_str(&r.content).map_err(|e| corrupt("matter_version.content", e))?;
            Ok(Current { id: r.id, version: r.version, department_name: r.department_name, content, listed: r.listed == 1 })
        })
        .collect()
}

/// One matter an import publishes: new (`matter_id` None, number 1) or a
/// change to the matter at version `number - 1`.
#[derive(Serialize)]
pub struct Publication<'a> {
    pub code: &'a str,
    pub department_id: i64,
    pub matter_id: Option<i64>,
    pub number: u32,
    pub content: &'a MatterContent,
}

/// Publishes every item at once. A matter published by someone else since
/// it was read makes the version number collide (`UNIQUE (matter_id,
/// number)`), and the whole batch fails: nothing is half-imported.
pub async fn publish_all(db: &Db, items: &[Publication<'_>], staff: (i64, &str), now: &str, summary: &str) -> Result<()> {
    let payload = serde_json::to_string(items).map_err(|e| corrupt("import", e))?;
    let c = |field: &str| format!("json_extract(j.value, '$.content.{field}')");
    let columns = [
        "name",
        "class",
        "legal_basis",
        "conditions",
        "procedure",
        "statutory_days",
        "committed_days",
        "fee",
        "fee_basis",
        "free",
        "result",
        "form_fields",
        "yellow_days",
    ];
    // JSON arrays and booleans become the columns' text and 0/1.
    let value = |field: &str| match field {
        "procedure" | "form_fields" => format!("json({})", c(field)),
        _ => c(field),
    };
    let values: Vec<String> = columns.iter().map(|f| value(f)).collect();
    let statements = vec![
        db.statement(
            &format!(
                "INSERT INTO matter (code, department_id, {}, complaint_phone, sort, version)
                 SELECT json_extract(j.value, '$.code'), json_extract(j.value, '$.department_id'), {}, '',
                        (SELECT coalesce(max(sort), 0) FROM matter) + j.key + 1, 0
                 FROM json_each(?1) j WHERE json_extract(j.value, '$.matter_id') IS NULL",
                columns.join(", "),
                values.join(", ")
            ),
            &[payload.clone().into()],
        )?,
        db.statement(
            "INSERT INTO matter_version (matter_id, department_id, number, base_number, state, content, author, updated_at, reviewer, reviewed_at)
             SELECT m.id, m.department_id, json_extract(j.value, '$.number'), nullif(json_extract(j.value, '$.number') - 1, 0),
                    'published', json_extract(j.value, '$.content'), ?2, ?3, ?2, ?3
             FROM json_each(?1) j JOIN matter m ON m.code = json_extract(j.value, '$.code')",
            &[payload.clone().into(), staff.1.into(), now.into()],
        )?,
        db.statement(
            &format!(
                "UPDATE matter SET ({cols}, version, version_id) = (
                     SELECT {values}, json_extract(j.value, '$.number'),
                            (SELECT v.id FROM matter_version v WHERE v.matter_id = matter.id AND v.number = json_extract(j.value, '$.number'))
                     FROM json_each(?1) j WHERE json_extract(j.value, '$.code') = matter.code)
                 WHERE code IN (SELECT json_extract(value, '$.code') FROM json_each(?1))",
                cols = columns.join(", "),
                values = values.join(", ")
            ),
            &[payload.clone().into()],
        )?,
        // Each version's materials as a new set after the matter's last one.
        db.statement(
            "INSERT INTO matter_material (matter_id, seq, name, form, copies, required, note, version)
             SELECT m.id, (SELECT coalesce(max(seq), 0) FROM matter_material WHERE matter_id = m.id) + x.key + 1,
                    json_extract(x.value, '$.name'), json_extract(x.value, '$.form'), json_extract(x.value, '$.copies'),
                    json_extract(x.value, '$.required'), json_extract(x.value, '$.note'), json_extract(j.value, '$.number')
             FROM json_each(?1) j JOIN matter m ON m.code = json_extract(j.value, '$.code'),
                  json_each(json_extract(j.value, '$.content.materials')) x",
            &[payload.into()],
        )?,
        super::audit(db, staff.0, "import_catalogue", "导入事项目录", summary, now, None)?,
    ];
    db.batch(statements).await?;
    Ok(())
}
