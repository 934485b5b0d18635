//! SQL for `department`, `matter` and `matter_material`
//! (migrations/0001_catalogue.sql).

use crate::db::{opt_int, Db};
use serde::Deserialize;
use shared::approvals::application::FormField;
use shared::approvals::matter::{CatalogueQuery, Department, HandlingClass, Material, MaterialForm, MatterSummary};
use worker::wasm_bindgen::JsValue;
use worker::{Error, Result};

pub async fn departments(db: &Db) -> Result<Vec<Department>> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        name: String,
        window: String,
        window_staff: u32,
        phone: String,
        matter_count: u32,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT d.id, d.name, d.window, d.window_staff, d.phone,
                    (SELECT COUNT(*) FROM matter m WHERE m.department_id = d.id AND m.active = 1) AS matter_count
             FROM department d WHERE d.active = 1 AND d.window <> '' ORDER BY d.sort, d.id",
            &[],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| Department {
            id: r.id,
            name: r.name,
            window: r.window,
            window_staff: r.window_staff,
            phone: r.phone,
            matter_count: r.matter_count,
        })
        .collect())
}

#[derive(Deserialize)]
struct SummaryRow {
    id: i64,
    code: String,
    name: String,
    department_id: i64,
    department_name: String,
    class: HandlingClass,
    statutory_days: u32,
    committed_days: u32,
    free: u8,
}

impl From<SummaryRow> for MatterSummary {
    fn from(r: SummaryRow) -> MatterSummary {
        MatterSummary {
            id: r.id,
            code: r.code,
            name: r.name,
            department_id: r.department_id,
            department_name: r.department_name,
            class: r.class,
            statutory_days: r.statutory_days,
            committed_days: r.committed_days,
            free: r.free == 1,
        }
    }
}

const SUMMARY_COLUMNS: &str = "m.id, m.code, m.name, m.department_id, d.name AS department_name,
    m.class, m.statutory_days, m.committed_days, m.free";

pub async fn matters(db: &Db, q: &CatalogueQuery) -> Result<Vec<MatterSummary>> {
    // Separate statements per filter, so the department filter can use
    // `matter_by_department` instead of a scan guarded by `?1 IS NULL OR`.
    let by_department = if q.department.is_some() { "AND m.department_id = ?1" } else { "AND ?1 IS NULL" };
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}
         FROM matter m JOIN department d ON d.id = m.department_id
         WHERE m.active = 1 AND d.active = 1 {by_department}
           AND (?2 IS NULL OR instr(m.name, ?2) > 0 OR instr(m.result, ?2) > 0
                OR instr(d.name, ?2) > 0 OR m.code = upper(?2))
         ORDER BY d.sort, m.sort, m.id"
    );
    // instr, not LIKE: D1 refuses LIKE patterns over 50 bytes, which 17
    // Chinese characters reach, and a plain substring needs no escaping.
    let text = q.q.as_deref().map(JsValue::from).unwrap_or(JsValue::NULL);
    let rows: Vec<SummaryRow> = db.rows(&sql, &[opt_int(q.department), text]).await?;
    Ok(rows.into_iter().map(MatterSummary::from).collect())
}

/// A matter's row with the columns the guide page needs.
#[derive(Deserialize)]
pub struct MatterRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub department_id: i64,
    pub department_name: String,
    pub window: String,
    pub class: HandlingClass,
    pub legal_basis: String,
    pub conditions: String,
    pub procedure: String,
    pub statutory_days: u32,
    pub committed_days: u32,
    pub fee: String,
    pub fee_basis: String,
    pub result: String,
    pub form_fields: String,
    /// The published version the columns are from.
    pub version: u32,
}

impl MatterRow {
    pub fn procedure_steps(&self) -> Result<Vec<String>> {
        serde_json::from_str(&self.procedure).map_err(|e| Error::RustError(format!("matter {} procedure: {e}", self.id)))
    }

    pub fn form_fields(&self) -> Result<Vec<FormField>> {
        serde_json::from_str(&self.form_fields).map_err(|e| Error::RustError(format!("matter {} form_fields: {e}", self.id)))
    }
}

#[derive(Deserialize)]
struct MaterialRow {
    id: i64,
    name: String,
    form: MaterialForm,
    copies: u32,
    required: u8,
    note: String,
}

/// A matter and its materials in one round trip; `None` if there is no
/// active matter with that id.
pub async fn matter(db: &Db, id: i64) -> Result<Option<(MatterRow, Vec<Material>)>> {
    let id = JsValue::from_f64(id as f64);
    let results = db
        .batch(vec![
            db.statement(
                "SELECT m.id, m.code, m.name, m.department_id, d.name AS department_name, d.window,
                        m.class, m.legal_basis, m.conditions, m.procedure, m.statutory_days,
                        m.committed_days, m.fee, m.fee_basis, m.result, m.form_fields, m.version
                 FROM matter m JOIN department d ON d.id = m.department_id
                 WHERE m.id = ?1 AND m.active = 1 AND d.active = 1",
                std::slice::from_ref(&id),
            )?,
            db.statement(
                "SELECT id, name, form, copies, required, note FROM matter_material
                 WHERE matter_id = ?1 AND version = (SELECT version FROM matter WHERE id = ?1) ORDER BY seq",
                &[id],
            )?,
        ])
        .await?;
    let (Some(matter), Some(materials)) = (results.first(), results.get(1)) else {
        return Err(Error::RustError("D1 batch returned fewer results than statements".into()));
    };
    let Some(row) = matter.results::<MatterRow>()?.into_iter().next() else {
        return Ok(None);
    };
    let materials = materials.results::<MaterialRow>()?.into_iter().map(Material::from).collect();
    Ok(Some((row, materials)))
}

impl From<MaterialRow> for Material {
    fn from(m: MaterialRow) -> Material {
        Material { id: m.id, name: m.name, form: m.form, copies: m.copies, required: m.required == 1, note: m.note }
    }
}

/// The materials of a matter's published `version`: what a case submitted
/// under it was asked for, whatever the catalogue says today.
pub async fn materials(db: &Db, matter_id: i64, version: u32) -> Result<Vec<Material>> {
    let rows: Vec<MaterialRow> = db
        .rows(
            "SELECT id, name, form, copies, required, note FROM matter_material
             WHERE matter_id = ?1 AND version = ?2 ORDER BY seq",
            &[JsValue::from_f64(matter_id as f64), JsValue::from_f64(version as f64)],
        )
        .await?;
    Ok(rows.into_iter().map(Material::from).collect())
}
