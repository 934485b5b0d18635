//! SQL for `hotline_category` (the dispatch catalogue) and
//! `hotline_knowledge` (the knowledge base). Both are small tables the
//! office edits; writes name the version they read.

use crate::db::{num, opt_int, Db};
use serde::Deserialize;
use shared::engine::limit::Limit;
use shared::hotline::catalogue::{Category, CategoryForm, CategorySave, KnowledgeForm, KnowledgeItem, KnowledgeSave, Limits};
use worker::Result;

#[derive(Deserialize)]
struct CategoryRow {
    id: i64,
    code: String,
    name: String,
    grp: String,
    county_matter: u8,
    lead_unit_id: Option<i64>,
    lead_unit_name: Option<String>,
    assist_unit_ids: String,
    limit_normal: String,
    limit_urgent: String,
    limit_critical: String,
    active: u8,
    version: i64,
}

impl CategoryRow {
    fn into_category(self) -> Result<Category> {
        let limit = |s: &str| Limit::from_code(s).ok_or_else(|| crate::db::corrupt("hotline limit", s));
        Ok(Category {
            id: self.id,
            form: CategoryForm {
                code: self.code,
                name: self.name,
                group: self.grp,
                county_matter: self.county_matter == 1,
                lead_unit_id: self.lead_unit_id,
                assist_unit_ids: serde_json::from_str(&self.assist_unit_ids).map_err(|e| crate::db::corrupt("assist_unit_ids", e))?,
                limits: Limits {
                    normal: limit(&self.limit_normal)?,
                    urgent: limit(&self.limit_urgent)?,
                    critical: limit(&self.limit_critical)?,
                },
            },
            lead_unit_name: self.lead_unit_name,
            active: self.active == 1,
            version: self.version,
        })
    }
}

const CATEGORY: &str = "SELECT c.id, c.code, c.name, c.grp, c.county_matter, c.lead_unit_id, d.name AS lead_unit_name,
    c.assist_unit_ids, c.limit_normal, c.limit_urgent, c.limit_critical, c.active, c.version
    FROM hotline_category c LEFT JOIN department d ON d.id = c.lead_unit_id";

/// Every category (tens of rows), by group and name.
pub async fn categories(db: &Db) -> Result<Vec<Category>> {
    let rows: Vec<CategoryRow> = db.rows(&format!("{CATEGORY} ORDER BY c.grp, c.name"), &[]).await?;
    rows.into_iter().map(CategoryRow::into_category).collect()
}

pub async fn category(db: &Db, id: i64) -> Result<Option<Category>> {
    let rows: Vec<CategoryRow> = db.rows(&format!("{CATEGORY} WHERE c.id = ?1"), &[num(id)]).await?;
    rows.into_iter().next().map(CategoryRow::into_category).transpose()
}

pub async fn category_by_code(db: &Db, code: &str) -> Result<Option<Category>> {
    let rows: Vec<CategoryRow> = db.rows(&format!("{CATEGORY} WHERE c.code = ?1"), &[code.into()]).await?;
    rows.into_iter().next().map(CategoryRow::into_category).transpose()
}

/// Creates (`id: None`) or saves a category at the version read; `None` if
/// the code is taken or the version is stale.
pub async fn save_category(db: &Db, id: Option<i64>, s: &CategorySave) -> Result<Option<i64>> {
    let f = &s.form;
    let params = [
        f.code.as_str().into(),
        f.name.trim().into(),
        f.group.trim().into(),
        num(f.county_matter as i64),
        opt_int(f.lead_unit_id),
        serde_json::to_string(&f.assist_unit_ids)?.into(),
        f.limits.normal.code().into(),
        f.limits.urgent.code().into(),
        f.limits.critical.code().into(),
        num(s.active as i64),
        num(s.version),
        opt_int(id),
    ];
    #[derive(Deserialize)]
    struct Id {
        id: i64,
    }
    let sql = match id {
        None => {
            "INSERT INTO hotline_category (code, name, grp, county_matter, lead_unit_id, assist_unit_ids, limit_normal,
                 limit_urgent, limit_critical, active)
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 WHERE ?11 = 0 AND ?12 IS NULL
             ON CONFLICT DO NOTHING RETURNING id"
        }
        Some(_) => {
            "UPDATE OR IGNORE hotline_category SET code = ?1, name = ?2, grp = ?3, county_matter = ?4, lead_unit_id = ?5,
                 assist_unit_ids = ?6, limit_normal = ?7, limit_urgent = ?8, limit_critical = ?9, active = ?10,
                 version = version + 1
             WHERE id = ?12 AND version = ?11 RETURNING id"
        }
    };
    let rows: Vec<Id> = db.rows(sql, &params).await?;
    Ok(rows.into_iter().next().map(|r| r.id))
}

#[derive(Deserialize)]
struct KnowledgeRow {
    id: i64,
    category_id: Option<i64>,
    title: String,
    answer: String,
    policy_refs: String,
    uses: u32,
    active: u8,
    version: i64,
    updated_at: shared::engine::instant::Instant,
}

impl From<KnowledgeRow> for KnowledgeItem {
    fn from(r: KnowledgeRow) -> KnowledgeItem {
        KnowledgeItem {
            id: r.id,
            form: KnowledgeForm { category_id: r.category_id, title: r.title, answer: r.answer, policy_refs: r.policy_refs },
            uses: r.uses,
            active: r.active == 1,
            version: r.version,
            updated_at: r.updated_at,
        }
    }
}

/// The most items a search answers: intake needs the best few, not all.
pub const KNOWLEDGE_PAGE: u32 = 50;

/// Items matching `q` in title or answer (all when empty), of a category if
/// given, most used first. The knowledge base is the office's own list of
/// answers (hundreds of rows), so a word search over it is bounded.
pub async fn knowledge(db: &Db, q: &str, category: Option<i64>) -> Result<Vec<KnowledgeItem>> {
    let rows: Vec<KnowledgeRow> = db
        .rows(
            "SELECT id, category_id, title, answer, policy_refs, uses, active, version, updated_at FROM hotline_knowledge
             WHERE (?1 = '' OR instr(title, ?1) > 0 OR instr(answer, ?1) > 0) AND (?2 IS NULL OR category_id = ?2)
             ORDER BY active DESC, uses DESC, id LIMIT ?3",
            &[q.into(), opt_int(category), num(KNOWLEDGE_PAGE as i64)],
        )
        .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

pub async fn knowledge_item(db: &Db, id: i64) -> Result<Option<KnowledgeItem>> {
    let rows: Vec<KnowledgeRow> = db
        .rows(
            "SELECT id, category_id, title, answer, policy_refs, uses, active, version, updated_at FROM hotline_knowledge WHERE id = ?1",
            &[num(id)],
        )
        .await?;
    Ok(rows.into_iter().next().map(Into::into))
}

/// Creates or saves an item at the version read; `None` if stale.
pub async fn save_knowledge(db: &Db, id: Option<i64>, s: &KnowledgeSave, now: &str) -> Result<Option<i64>> {
    let f = &s.form;
    let params = [
        opt_int(f.category_id),
        f.title.trim().into(),
        f.answer.trim().into(),
        f.policy_refs.trim().into(),
        num(s.active as i64),
        now.into(),
        num(s.version),
        opt_int(id),
    ];
    #[derive(Deserialize)]
    struct Id {
        id: i64,
    }
    let sql = match id {
        None => {
            "INSERT INTO hotline_knowledge (category_id, title, answer, policy_refs, active, updated_at)
             SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE ?7 = 0 AND ?8 IS NULL RETURNING id"
        }
        Some(_) => {
            "UPDATE hotline_knowledge SET category_id = ?1, title = ?2, answer = ?3, policy_refs = ?4, active = ?5,
                 updated_at = ?6, version = version + 1
             WHERE id = ?8 AND version = ?7 RETURNING id"
        }
    };
    let rows: Vec<Id> = db.rows(sql, &params).await?;
    Ok(rows.into_iter().next().map(|r| r.id))
}
