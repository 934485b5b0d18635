//! SQL for `matter_version`, and publishing a version into `matter` and
//! `matter_material` (what the public catalogue and new cases read).

mod publish;
pub use publish::publish;

use super::super::{corrupt, num, opt_int, Db};
use serde::Deserialize;
use shared::admin::catalogue::{MatterContent, MatterVersion, VersionState, VersionSummary};
use worker::wasm_bindgen::JsValue;
use worker::Result;

#[derive(Deserialize)]
struct Row {
    id: i64,
    matter_id: Option<i64>,
    number: Option<u32>,
    base_number: Option<u32>,
    state: VersionState,
    content: String,
    review_note: String,
    author: String,
    updated_at: shared::engine::instant::Instant,
    reviewer: Option<String>,
    reviewed_at: Option<shared::engine::instant::Instant>,
    rev: i64,
    department_name: String,
}

const COLUMNS: &str = "v.id, v.matter_id, v.number, v.base_number, v.state, v.content, v.review_note, v.author, v.updated_at,
    v.reviewer, v.reviewed_at, v.rev, d.name AS department_name";

fn version(r: Row) -> Result<(MatterVersion, String)> {
    let content: MatterContent = serde_json::from_str(&r.content).map_err(|e| corrupt("matter_version.content", e))?;
    Ok((
        MatterVersion {
            id: r.id,
            matter_id: r.matter_id,
            number: r.number,
            base_number: r.base_number,
            state: r.state,
            content,
            review_note: r.review_note,
            author: r.author,
            updated_at: r.updated_at,
            reviewer: r.reviewer,
            reviewed_at: r.reviewed_at,
            rev: r.rev,
        },
        r.department_name,
    ))
}

/// A version with its department's name.
pub async fn get(db: &Db, id: i64) -> Result<Option<(MatterVersion, String)>> {
    let sql = format!("SELECT {COLUMNS} FROM matter_version v JOIN department d ON d.id = v.department_id WHERE v.id = ?1");
    db.rows::<Row>(&sql, &[num(id)]).await?.into_iter().next().map(version).transpose()
}

/// A matter's published version `number` (by the unique index).
pub async fn published(db: &Db, matter_id: i64, number: u32) -> Result<Option<MatterContent>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM matter_version v JOIN department d ON d.id = v.department_id WHERE v.matter_id = ?1 AND v.number = ?2"
    );
    Ok(db.rows::<Row>(&sql, &[num(matter_id), num(number as i64)]).await?.into_iter().next().map(version).transpose()?.map(|v| v.0.content))
}

/// The most versions a list shows: a county's catalogue changes by tens a month.
pub const LIST_LIMIT: i64 = 200;

/// Versions newest first, filtered by state, department and matter.
pub async fn list(db: &Db, state: Option<VersionState>, department: Option<i64>, matter: Option<i64>) -> Result<Vec<VersionSummary>> {
    #[derive(Deserialize)]
    struct Summary {
        id: i64,
        matter_id: Option<i64>,
        number: Option<u32>,
        code: String,
        name: String,
        department_name: String,
        state: VersionState,
        author: String,
        updated_at: shared::engine::instant::Instant,
    }
    // One statement per filter, each on an index.
    let filter = match (matter, state) {
        (Some(_), _) => "v.matter_id = ?3 AND (?1 IS NULL OR v.state = ?1)",
        (None, Some(_)) => "v.state = ?1 AND ?3 IS NULL",
        (None, None) => "v.state <> 'published' AND ?1 IS NULL AND ?3 IS NULL",
    };
    let sql = format!(
        "SELECT v.id, v.matter_id, v.number, json_extract(v.content, '$.code') AS code, json_extract(v.content, '$.name') AS name,
                d.name AS department_name, v.state, v.author, v.updated_at
         FROM matter_version v JOIN department d ON d.id = v.department_id
         WHERE {filter} AND (?2 IS NULL OR v.department_id = ?2)
         ORDER BY v.id DESC LIMIT {LIST_LIMIT}"
    );
    let state = state.map(|s| JsValue::from(s.as_str())).unwrap_or(JsValue::NULL);
    let rows: Vec<Summary> = db.rows(&sql, &[state, opt_int(department), opt_int(matter)]).await?;
    Ok(rows
        .into_iter()
        .map(|r| VersionSummary {
            id: r.id,
            matter_id: r.matter_id,
            number: r.number,
            code: r.code,
            name: r.name,
            department_name: r.department_name,
            state: r.state,
            author: r.author,
            updated_at: r.updated_at,
        })
        .collect())
}

/// An unpublished version of this matter, if one is open.
pub async fn open_draft_of(db: &Db, matter_id: i64) -> Result<Option<i64>> {
    #[derive(Deserialize)]
    struct Id {
        id: i64,
    }
    let rows: Vec<Id> =
        db.rows("SELECT id FROM matter_version WHERE matter_id = ?1 AND state <> 'published' LIMIT 1", &[num(matter_id)]).await?;
    Ok(rows.first().map(|r| r.id))
}

/// Another matter, or another unpublished new matter, with this code.
pub async fn code_taken(db: &Db, code: &str, matter_id: Option<i64>, version_id: i64) -> Result<bool> {
    let rows: Vec<serde_json::Value> = db
        .rows(
            "SELECT 1 AS x FROM matter WHERE code = ?1 AND id IS NOT ?2
             UNION ALL
             SELECT 1 FROM matter_version WHERE matter_id IS NULL AND state <> 'published' AND id <> ?3
                 AND json_extract(content, '$.code') = ?1",
            &[code.into(), opt_int(matter_id), num(version_id)],
        )
        .await?;
    Ok(!rows.is_empty())
}

fn json(c: &MatterContent) -> Result<String> {
    serde_json::to_string(c).map_err(|e| corrupt("matter content", e))
}

pub struct Draft<'a> {
    pub matter_id: Option<i64>,
    pub base_number: Option<u32>,
    pub content: &'a MatterContent,
}

pub async fn create_draft(db: &Db, d: Draft<'_>, staff: (i64, &str), now: &str) -> Result<i64> {
    let subject = format!("{} {}", d.content.code, d.content.name);
    let results = db
        .batch(vec![
            db.statement(
                "INSERT INTO matter_version (matter_id, department_id, base_number, state, content, author, updated_at)
                 VALUES (?1, ?2, ?3, 'draft', ?4, ?5, ?6) RETURNING id",
                &[
                    opt_int(d.matter_id),
                    num(d.content.department_id),
                    opt_int(d.base_number.map(i64::from)),
                    json(d.content)?.into(),
                    staff.1.into(),
                    now.into(),
                ],
            )?,
            super::audit(db, staff.0, "draft_matter", &subject, "新建草稿", now, None)?,
        ])
        .await?;
    super::returned_id(results.first())
}

/// Saves a draft's content if it is still editable at edit `rev`.
pub async fn save_draft(db: &Db, id: i64, rev: i64, content: &MatterContent, staff: (i64, &str), now: &str, nonce: &str) -> Result<bool> {
    let subject = format!("{} {}", content.code, content.name);
    let results = db
        .batch(vec![
            db.statement(
                // A change is re-based on the version published now, so a
                // publication meanwhile (another draft, an import) never
                // leaves it stuck: the office then reviews its diff against
                // what the catalogue says today.
                "UPDATE matter_version SET content = ?1, state = 'draft', author = ?2, updated_at = ?3, rev = rev + 1, last_change = ?4,
                     department_id = ?7,
                     base_number = CASE WHEN matter_id IS NULL THEN NULL ELSE (SELECT version FROM matter WHERE id = matter_id) END
                 WHERE id = ?5 AND rev = ?6 AND state IN ('draft', 'returned')",
                &[json(content)?.into(), staff.1.into(), now.into(), nonce.into(), num(id), num(rev), num(content.department_id)],
            )?,
            super::audit(db, staff.0, "draft_matter", &subject, "修改草稿", now, Some(("matter_version", id, nonce)))?,
        ])
        .await?;
    Ok(crate::db::wrote(results.first()))
}

/// Submits a draft or returns a submitted version (`to`), at edit `rev`.
pub async fn step(db: &Db, v: &MatterVersion, to: VersionState, note: &str, staff: (i64, &str), now: &str, nonce: &str) -> Result<bool> {
    let subject = format!("{} {}", v.content.code, v.content.name);
    let (reviewer, detail) = match to {
        VersionState::Returned => (JsValue::from(staff.1), format!("退回：{note}")),
        _ => (JsValue::NULL, "提交审核".to_string()),
    };
    let results = db
        .batch(vec![
            db.statement(
                "UPDATE matter_version SET state = ?1, review_note = ?2, reviewer = ?3, reviewed_at = CASE WHEN ?3 IS NULL THEN NULL ELSE ?4 END,
                     rev = rev + 1, last_change = ?5
                 WHERE id = ?6 AND rev = ?7 AND state = ?8",
                &[to.as_str().into(), note.trim().into(), reviewer, now.into(), nonce.into(), num(v.id), num(v.rev), v.state.as_str().into()],
            )?,
            super::audit(db, staff.0, "review_matter", &subject, &detail, now, Some(("matter_version", v.id, nonce)))?,
        ])
        .await?;
    Ok(crate::db::wrote(results.first()))
}

/// A published matter's department, version and code (by primary key).
pub struct MatterHead {
    pub department_id: i64,
    pub version: u32,
    pub code: String,
}

pub async fn matter_head(db: &Db, id: i64) -> Result<Option<MatterHead>> {
    #[derive(Deserialize)]
    struct Row {
        department_id: i64,
        version: u32,
        code: String,
    }
    let rows: Vec<Row> = db.rows("SELECT department_id, version, code FROM matter WHERE id = ?1", &[num(id)]).await?;
    Ok(rows.into_iter().next().map(|r| MatterHead { department_id: r.department_id, version: r.version, code: r.code }))
}

/// Every matter with an unpublished version, and that version's id (an
/// import leaves such matters to their drafts).
pub async fn open_drafts(db: &Db) -> Result<Vec<(i64, i64)>> {
    #[derive(Deserialize)]
    struct Row {
        matter_id: i64,
        id: i64,
    }
    let rows: Vec<Row> =
        db.rows("SELECT matter_id, id FROM matter_version WHERE state <> 'published' AND matter_id IS NOT NULL", &[]).await?;
    Ok(rows.into_iter().map(|r| (r.matter_id, r.id)).collect())
}
