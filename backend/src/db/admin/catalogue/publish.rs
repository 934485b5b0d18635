//! Publishing a submitted version into `matter` and `matter_material`.

use crate::db::{corrupt, num, Db};
use shared::admin::catalogue::MatterVersion;
use worker::wasm_bindgen::JsValue;
use worker::{D1PreparedStatement, Result};

/// Publishes a submitted version: the matter's columns, its materials as a
/// new set (the old ones stay for the cases that point at them), and the
/// version's number, in one batch that lands only if nobody published or
/// edited in between.
pub async fn publish(db: &Db, v: &MatterVersion, staff: (i64, &str), now: &str, nonce: &str) -> Result<bool> {
    let c = &v.content;
    let number = v.base_number.unwrap_or(0) + 1;
    let guard = "EXISTS (SELECT 1 FROM matter_version WHERE id = ?1 AND last_change = ?2)";
    let guard_params = || -> [JsValue; 2] { [num(v.id), nonce.into()] };
    let procedure = serde_json::to_string(&c.procedure).map_err(|e| corrupt("procedure", e))?;
    let fields = serde_json::to_string(&c.form_fields).map_err(|e| corrupt("form_fields", e))?;
    // The matter by id once it exists, or by its (unique) code when new.
    let matter = match v.matter_id {
        Some(id) => id.to_string(),
        None => "(SELECT id FROM matter WHERE code = ?3)".into(),
    };
    let mut statements: Vec<D1PreparedStatement> = Vec::new();
    let columns: Vec<JsValue> = vec![
        c.name.trim().into(),
        c.class.as_str().into(),
        c.legal_basis.trim().into(),
        c.conditions.trim().into(),
        procedure.into(),
        num(c.statutory_days as i64),
        num(c.committed_days as i64),
        c.fee.trim().into(),
        c.fee_basis.trim().into(),
        num(c.free as i64),
        c.result.trim().into(),
        fields.into(),
        num(c.yellow_days as i64),
    ];
    if v.matter_id.is_none() {
        // A new matter: its row first, so the version can point at it.
        let mut params = guard_params().to_vec();
        params.push(c.code.trim().into());
        params.push(num(c.department_id));
        params.extend(columns.iter().cloned());
        statements.push(db.statement(
            "INSERT INTO matter (code, department_id, name, class, legal_basis, conditions, procedure, statutory_days, committed_days,
                                 fee, fee_basis, free, result, form_fields, yellow_days, complaint_phone, sort, version)
             SELECT ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, '', (SELECT coalesce(max(sort), 0) + 1 FROM matter), 0
             WHERE EXISTS (SELECT 1 FROM matter_version WHERE id = ?1 AND state = 'submitted' AND rev = ?2)",
            &[&params[..1], &[num(v.rev)], &params[2..]].concat(),
        )?);
    }
    // The version, guarded by the state and edit it was read at, and by the
    // matter still being at the version it was drafted from.
    statements.push(db.statement(
        &format!(
            "UPDATE matter_version SET state = 'published', number = ?5, matter_id = {matter}, reviewer = ?6, reviewed_at = ?7,
                 rev = rev + 1, last_change = ?2
             WHERE id = ?1 AND state = 'submitted' AND rev = ?4
               AND (SELECT version FROM matter WHERE id = {matter}) = ?8"
        ),
        &[
            num(v.id),
            nonce.into(),
            c.code.trim().into(),
            num(v.rev),
            num(number as i64),
            staff.1.into(),
            now.into(),
            num(v.base_number.unwrap_or(0) as i64),
        ],
    )?);
    let mut params = guard_params().to_vec();
    params.push(c.code.trim().into());
    params.extend(columns);
    params.push(num(number as i64));
    statements.push(db.statement(
        &format!(
            "UPDATE matter SET name = ?4, class = ?5, legal_basis = ?6, conditions = ?7, procedure = ?8, statutory_days = ?9,
                 committed_days = ?10, fee = ?11, fee_basis = ?12, free = ?13, result = ?14, form_fields = ?15, yellow_days = ?16,
                 version = ?17, version_id = ?1
             WHERE id = {matter} AND {guard}"
        ),
        &params,
    )?);
    for m in &c.materials {
        statements.push(db.statement(
            &format!(
                "INSERT INTO matter_material (matter_id, seq, name, form, copies, required, note, version)
                 SELECT {matter}, (SELECT coalesce(max(seq), 0) + 1 FROM matter_material WHERE matter_id = {matter}), ?4, ?5, ?6, ?7, ?8, ?9
                 WHERE {guard}"
            ),
            &[
                num(v.id),
                nonce.into(),
                c.code.trim().into(),
                m.name.trim().into(),
                m.form.as_str().into(),
                num(m.copies as i64),
                num(m.required as i64),
                m.note.trim().into(),
                num(number as i64),
            ],
        )?);
    }
    let subject = format!("{} {}", c.code, c.name);
    statements.push(crate::db::admin::audit(
        db,
        staff.0,
        "publish_matter",
        &subject,
        &format!("发布第{number}版"),
        now,
        Some(("matter_version", v.id, nonce)),
    )?);
    let first_guarded = if v.matter_id.is_none() { 1 } else { 0 };
    let results = db.batch(statements).await?;
    Ok(crate::db::wrote(results.get(first_guarded)))
}
