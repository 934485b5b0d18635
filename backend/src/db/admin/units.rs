//! SQL for `department` as member units, `unit_group(_member)` and
//! `intermediary`.

use super::super::{corrupt, num, Db};
use serde::Deserialize;
use shared::admin::units::{Intermediary, IntermediaryForm, Unit, UnitForm, UnitGroup, UnitGroupSave, UnitKind, UnitSave};
use worker::Result;

#[derive(Deserialize)]
struct UnitRow {
    id: i64,
    name: String,
    kind: String,
    window: String,
    window_location: String,
    window_staff: u32,
    phone: String,
    sort: i64,
    active: u8,
    open_cases: u32,
    version: i64,
}

impl TryFrom<UnitRow> for Unit {
    type Error = worker::Error;
    fn try_from(r: UnitRow) -> Result<Unit> {
        let kind = UnitKind::parse(&r.kind).ok_or_else(|| corrupt("department.kind", &r.kind))?;
        Ok(Unit {
            id: r.id,
            form: UnitForm {
                name: r.name,
                kind: Some(kind),
                window: r.window,
                window_location: r.window_location,
                window_staff: r.window_staff,
                phone: r.phone,
                sort: r.sort,
            },
            active: r.active == 1,
            open_cases: r.open_cases,
            version: r.version,
        })
    }
}

/// Open cases a unit leads, from the maintained tally (never a count of cases).
const OPEN_CASES: &str = "(SELECT coalesce(sum(t.n), 0) FROM case_tally t
    WHERE t.department_id = d.id AND t.lead = 1 AND t.state NOT IN ('completed', 'returned'))";

/// Every unit, active or not (a county has tens to a few hundred).
pub async fn list(db: &Db) -> Result<Vec<Unit>> {
    let sql = format!(
        "SELECT d.id, d.name, d.kind, d.window, d.window_location, d.window_staff, d.phone, d.sort, d.active, d.version,
                {OPEN_CASES} AS open_cases
         FROM department d ORDER BY d.active DESC, d.sort, d.id"
    );
    db.rows::<UnitRow>(&sql, &[]).await?.into_iter().map(Unit::try_from).collect()
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Unit>> {
    let sql = format!(
        "SELECT d.id, d.name, d.kind, d.window, d.window_location, d.window_staff, d.phone, d.sort, d.active, d.version,
                {OPEN_CASES} AS open_cases
         FROM department d WHERE d.id = ?1"
    );
    db.rows::<UnitRow>(&sql, &[num(id)]).await?.into_iter().next().map(Unit::try_from).transpose()
}

/// The tables whose rows have a unique name the office chooses.
#[derive(Clone, Copy)]
pub enum Named {
    Unit,
    Group,
    Intermediary,
}

/// Whether another row of `table` (not `except`) already has this name.
pub async fn name_taken(db: &Db, table: Named, name: &str, except: i64) -> Result<bool> {
    let table = match table {
        Named::Unit => "department",
        Named::Group => "unit_group",
        Named::Intermediary => "intermediary",
    };
    let sql = format!("SELECT 1 AS x FROM {table} WHERE name = ?1 AND id <> ?2");
    let rows: Vec<serde_json::Value> = db.rows(&sql, &[name.into(), num(except)]).await?;
    Ok(!rows.is_empty())
}

fn unit_params(f: &UnitForm, kind: UnitKind, active: bool) -> Vec<worker::wasm_bindgen::JsValue> {
    vec![
        f.name.trim().into(),
        kind.as_str().into(),
        f.window.trim().into(),
        f.window_location.trim().into(),
        num(f.window_staff as i64),
        f.phone.trim().into(),
        num(f.sort),
        num(active as i64),
    ]
}

pub async fn create(db: &Db, s: &UnitSave, kind: UnitKind, staff_id: i64, now: &str) -> Result<i64> {
    let results = db
        .batch(vec![
            db.statement(
                "INSERT INTO department (name, kind, window, window_location, window_staff, phone, sort, active)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
                &unit_params(&s.form, kind, s.active),
            )?,
            super::audit(db, staff_id, "create_unit", s.form.name.trim(), kind.zh(), now, None)?,
        ])
        .await?;
    super::returned_id(results.first())
}

/// Saves if the version still matches and, when deactivating, the unit
/// leads no open case at that moment; false otherwise.
pub async fn update(db: &Db, id: i64, s: &UnitSave, kind: UnitKind, staff_id: i64, now: &str, nonce: &str) -> Result<bool> {
    let mut params = unit_params(&s.form, kind, s.active);
    params.extend([num(id), num(s.version), nonce.into()]);
    let detail = format!("{}{}", kind.zh(), if s.active { "" } else { "，已停用" });
    let results = db
        .batch(vec![
            db.statement(
                &format!(
                    "UPDATE department SET name = ?1, kind = ?2, window = ?3, window_location = ?4, window_staff = ?5, phone = ?6,
                         sort = ?7, active = ?8, version = version + 1, last_change = ?11
                     WHERE id = ?9 AND version = ?10 AND (?8 = 1 OR (SELECT {OPEN_CASES} FROM department d WHERE d.id = ?9) = 0)"
                ),
                &params,
            )?,
            super::audit(db, staff_id, "save_unit", s.form.name.trim(), &detail, now, Some(("department", id, nonce)))?,
            // Its open cases' tracking pages show the new name.
            crate::db::approvals::cases::refresh_department(db, id, nonce)?,
        ])
        .await?;
    Ok(crate::db::wrote(results.first()))
}

// ---- unit groups -----------------------------------------------------------

pub async fn groups(db: &Db) -> Result<Vec<UnitGroup>> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        name: String,
        version: i64,
        members: Option<String>,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT g.id, g.name, g.version, (SELECT json_group_array(department_id) FROM unit_group_member m WHERE m.group_id = g.id) AS members
             FROM unit_group g ORDER BY g.id",
            &[],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            let members = serde_json::from_str(r.members.as_deref().unwrap_or("[]")).map_err(|e| corrupt("unit_group_member", e))?;
            Ok(UnitGroup { id: r.id, name: r.name, members, version: r.version })
        })
        .collect()
}

/// How many of `ids` are units that exist.
pub async fn existing_units(db: &Db, ids: &[i64]) -> Result<usize> {
    let json = serde_json::to_string(ids).map_err(|e| corrupt("unit ids", e))?;
    let rows: Vec<serde_json::Value> =
        db.rows("SELECT d.id FROM json_each(?1) j JOIN department d ON d.id = j.value", &[json.into()]).await?;
    Ok(rows.len())
}

/// Creates (`id` None) or replaces a group's name and members.
pub async fn save_group(db: &Db, id: Option<i64>, g: &UnitGroupSave, staff_id: i64, now: &str, nonce: &str) -> Result<Option<i64>> {
    let members = serde_json::to_string(&g.members).map_err(|e| corrupt("unit ids", e))?;
    let detail = format!("{}个单位", g.members.len());
    let Some(id) = id else {
        let results = db
            .batch(vec![
                db.statement(
                    "INSERT INTO unit_group (name, last_change) VALUES (?1, ?2) RETURNING id",
                    &[g.name.trim().into(), nonce.into()],
                )?,
                db.statement(
                    "INSERT INTO unit_group_member (group_id, department_id)
                     SELECT (SELECT id FROM unit_group WHERE name = ?1), j.value FROM json_each(?2) j",
                    &[g.name.trim().into(), members.into()],
                )?,
                super::audit(db, staff_id, "create_unit_group", g.name.trim(), &detail, now, None)?,
            ])
            .await?;
        return Ok(Some(super::returned_id(results.first())?));
    };
    let guard = "EXISTS (SELECT 1 FROM unit_group WHERE id = ?1 AND last_change = ?2)";
    let results = db
        .batch(vec![
            db.statement(
                "UPDATE unit_group SET name = ?1, version = version + 1, last_change = ?2 WHERE id = ?3 AND version = ?4",
                &[g.name.trim().into(), nonce.into(), num(id), num(g.version)],
            )?,
            db.statement(&format!("DELETE FROM unit_group_member WHERE group_id = ?1 AND {guard}"), &[num(id), nonce.into()])?,
            db.statement(
                &format!("INSERT INTO unit_group_member (group_id, department_id) SELECT ?1, j.value FROM json_each(?3) j WHERE {guard}"),
                &[num(id), nonce.into(), members.into()],
            )?,
            super::audit(db, staff_id, "save_unit_group", g.name.trim(), &detail, now, Some(("unit_group", id, nonce)))?,
        ])
        .await?;
    Ok(crate::db::wrote(results.first()).then_some(id))
}

// ---- intermediaries --------------------------------------------------------

#[derive(Deserialize)]
struct IntermediaryRow {
    id: i64,
    name: String,
    service: String,
    staff: u32,
    active: u8,
    version: i64,
}

impl From<IntermediaryRow> for Intermediary {
    fn from(r: IntermediaryRow) -> Intermediary {
        Intermediary {
            id: r.id,
            form: IntermediaryForm { name: r.name, service: r.service, staff: r.staff, active: r.active == 1, version: r.version },
        }
    }
}

pub async fn intermediaries(db: &Db) -> Result<Vec<Intermediary>> {
    let rows: Vec<IntermediaryRow> =
        db.rows("SELECT id, name, service, staff, active, version FROM intermediary ORDER BY active DESC, id", &[]).await?;
    Ok(rows.into_iter().map(Intermediary::from).collect())
}

/// Creates (`id` None) or saves an intermediary; `None` if the version was stale.
pub async fn save_intermediary(
    db: &Db,
    id: Option<i64>,
    f: &IntermediaryForm,
    staff_id: i64,
    now: &str,
    nonce: &str,
) -> Result<Option<i64>> {
    let detail = format!("{}，{}人{}", f.service.trim(), f.staff, if f.active { "" } else { "，已停用" });
    let params = [f.name.trim().into(), f.service.trim().into(), num(f.staff as i64), num(f.active as i64), nonce.into()];
    let Some(id) = id else {
        let results = db
            .batch(vec![
                db.statement(
                    "INSERT INTO intermediary (name, service, staff, active, last_change) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                    &params,
                )?,
                super::audit(db, staff_id, "create_intermediary", f.name.trim(), &detail, now, None)?,
            ])
            .await?;
        return Ok(Some(super::returned_id(results.first())?));
    };
    let mut update = params.to_vec();
    update.extend([num(id), num(f.version)]);
    let results = db
        .batch(vec![
            db.statement(
                "UPDATE intermediary SET name = ?1, service = ?2, staff = ?3, active = ?4, last_change = ?5, version = version + 1
                 WHERE id = ?6 AND version = ?7",
                &update,
            )?,
            super::audit(db, staff_id, "save_intermediary", f.name.trim(), &detail, now, Some(("intermediary", id, nonce)))?,
        ])
        .await?;
    Ok(crate::db::wrote(results.first()).then_some(id))
}

/// A unit's kind and name, if it is active.
pub async fn active_unit(db: &Db, id: i64) -> Result<Option<(String, UnitKind)>> {
    #[derive(Deserialize)]
    struct Row {
        name: String,
        kind: UnitKind,
    }
    let rows: Vec<Row> = db.rows("SELECT name, kind FROM department WHERE id = ?1 AND active = 1", &[num(id)]).await?;
    Ok(rows.into_iter().next().map(|r| (r.name, r.kind)))
}

/// Active townships and county departments: the hotline's member units as
/// the report counts them (one aggregate over the units table).
pub async fn member_counts(db: &Db) -> Result<shared::report::MemberUnits> {
    #[derive(Deserialize)]
    struct Row {
        townships: u64,
        departments: u64,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT coalesce(sum(kind = 'township'), 0) AS townships, coalesce(sum(kind = 'department'), 0) AS departments
             FROM department WHERE active = 1",
            &[],
        )
        .await?;
    Ok(rows
        .into_iter()
        .next()
        .map(|r| shared::report::MemberUnits { townships: r.townships, departments: r.departments })
        .unwrap_or_default())
}
