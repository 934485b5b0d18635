//! SQL for `document_request` and `document_number_seq`
//! (migrations/0005_streamline.sql): requests, the office's review with its
//! number, and the paged lists. Counted like meetings (`super::count_one`).

use super::{corrupt, count_one, cursor_params, event, new_id};
use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::date::Date;
use shared::page::Cursor;
use shared::streamline::{document_number, DocLevel, DocNature, DocState, DocumentRecord, DocumentRequest, RegisterKind};
use worker::wasm_bindgen::JsValue;
use worker::Result;

/// The request and its audit row, atomically; the new request's id.
pub async fn insert_document(db: &Db, r: &DocumentRequest, suggested: DocLevel, staff_id: i64, now: &str, nonce: &str) -> Result<i64> {
    let departments = serde_json::to_string(&r.drafting_departments).map_err(|e| corrupt("departments", e))?;
    let detail = format!("申请{}，建议{}", r.proposed_level.zh(), suggested.zh());
    let results = db
        .batch(vec![
            db.statement(
                "INSERT INTO document_request (subject, proposed_level, suggested_level, drafting_departments, within_one_department,
             needs_government_authority, nature, length_chars, requested_by, requested_at, state, last_change)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'pending', ?11) RETURNING id",
                &[
                    r.subject.trim().into(),
                    r.proposed_level.as_str().into(),
                    suggested.as_str().into(),
                    departments.into(),
                    num(r.within_one_department as i64),
                    num(r.needs_government_authority as i64),
                    r.nature.as_str().into(),
                    num(r.length_chars as i64),
                    num(staff_id),
                    now.into(),
                    nonce.into(),
                ],
            )?,
            event(db, staff_id, "request_document", r.subject.trim(), &detail, now, None)?,
        ])
        .await?;
    new_id(results.first())
}

#[derive(Deserialize)]
struct DocRow {
    id: i64,
    version: i64,
    subject: String,
    proposed_level: DocLevel,
    suggested_level: DocLevel,
    departments: Option<String>,
    within_one_department: u8,
    needs_government_authority: u8,
    nature: DocNature,
    length_chars: u32,
    requested_at: shared::engine::instant::Instant,
    state: DocState,
    issued_level: Option<DocLevel>,
    issued_prefix: Option<String>,
    issued_seq: Option<u32>,
    issued_on: Option<Date>,
    review_reason: Option<String>,
}

const DOC_COLUMNS: &str = "r.id, r.version, r.subject, r.proposed_level, r.suggested_level,
    (SELECT group_concat(d.name, '、') FROM json_each(r.drafting_departments) j JOIN department d ON d.id = j.value) AS departments,
    r.within_one_department, r.needs_government_authority, r.nature, r.length_chars, r.requested_at, r.state,
    r.issued_level, r.issued_prefix, r.issued_seq, r.issued_on, r.review_reason";

impl From<DocRow> for DocumentRecord {
    fn from(r: DocRow) -> DocumentRecord {
        let number = match (r.issued_level, r.issued_on, r.issued_seq) {
            (Some(_), Some(on), Some(seq)) => Some(document_number(r.issued_prefix.as_deref().unwrap_or_default(), on.year(), seq)),
            _ => None,
        };
        DocumentRecord {
            id: r.id,
            version: r.version,
            subject: r.subject,
            proposed_level: r.proposed_level,
            suggested_level: r.suggested_level,
            drafting_departments: r.departments.map(|d| d.split('、').map(String::from).collect()).unwrap_or_default(),
            within_one_department: r.within_one_department == 1,
            needs_government_authority: r.needs_government_authority == 1,
            nature: r.nature,
            length_chars: r.length_chars,
            requested_at: r.requested_at,
            state: r.state,
            issued_level: r.issued_level,
            number,
            issued_on: r.issued_on,
            review_reason: r.review_reason,
        }
    }
}

/// Requests still waiting for the office, oldest first: one page from
/// `after` off the (state, requested_at) index, plus one row if more follow.
pub async fn pending_documents(db: &Db, after: Option<&Cursor>, limit: u32) -> Result<Vec<DocumentRecord>> {
    let from = if after.is_some() { "AND (r.requested_at, r.id) > (?2, ?3)" } else { "" };
    let sql =
        format!("SELECT {DOC_COLUMNS} FROM document_request r WHERE r.state = 'pending' {from} ORDER BY r.requested_at, r.id LIMIT ?1");
    let mut params = vec![num(limit as i64 + 1)];
    params.extend(cursor_params(after));
    let rows: Vec<DocRow> = db.rows(&sql, &params).await?;
    Ok(rows.into_iter().map(DocumentRecord::from).collect())
}

/// Documents issued in `from..=to`, optionally at one level, newest first:
/// one page from `after` (an index range), plus one row if more follow.
pub async fn issued_documents(
    db: &Db,
    from: Date,
    to: Date,
    level: Option<DocLevel>,
    after: Option<&Cursor>,
    limit: u32,
) -> Result<Vec<DocumentRecord>> {
    let before = if after.is_some() { "AND (r.issued_on, r.id) < (?5, ?6)" } else { "" };
    let sql = format!(
        "SELECT {DOC_COLUMNS} FROM document_request r
         WHERE r.issued_on BETWEEN ?1 AND ?2 AND (?3 IS NULL OR r.issued_level = ?3) {before}
         ORDER BY r.issued_on DESC, r.id DESC LIMIT ?4"
    );
    let level = level.map(|l| JsValue::from(l.as_str())).unwrap_or(JsValue::NULL);
    let mut params = vec![from.to_string().into(), to.to_string().into(), level, num(limit as i64 + 1)];
    params.extend(cursor_params(after));
    let rows: Vec<DocRow> = db.rows(&sql, &params).await?;
    Ok(rows.into_iter().map(DocumentRecord::from).collect())
}

pub async fn document(db: &Db, id: i64) -> Result<Option<DocumentRecord>> {
    let sql = format!("SELECT {DOC_COLUMNS} FROM document_request r WHERE r.id = ?1");
    let rows: Vec<DocRow> = db.rows(&sql, &[num(id)]).await?;
    Ok(rows.into_iter().next().map(DocumentRecord::from))
}

/// The office's decision, if the request is still pending at `version`:
/// issued at `level` (numbered and counted) or refused. `false` if someone
/// else decided first; then nothing was written.
#[allow(clippy::too_many_arguments)]
pub async fn review(
    db: &Db,
    id: i64,
    version: i64,
    issue: Option<(DocLevel, &str)>,
    reason: Option<&str>,
    staff_id: i64,
    today: Date,
    now: &str,
    nonce: &str,
) -> Result<bool> {
    let level = issue.map(|i| i.0);
    let state = if level.is_some() { "issued" } else { "refused" };
    let level_value = level.map(|l| JsValue::from(l.as_str())).unwrap_or(JsValue::NULL);
    let prefix = issue.map(|i| JsValue::from(i.1)).unwrap_or(JsValue::NULL);
    let mut statements = vec![db.statement(
        "UPDATE document_request SET state = ?3, issued_level = ?4, issued_on = CASE WHEN ?4 IS NULL THEN NULL ELSE ?5 END,
             review_reason = ?6, reviewed_by = ?7, version = version + 1, last_change = ?8, issued_prefix = ?9
         WHERE id = ?1 AND version = ?2 AND state = 'pending'",
        &[
            num(id),
            num(version),
            state.into(),
            level_value,
            today.to_string().into(),
            reason.map(JsValue::from).unwrap_or(JsValue::NULL),
            num(staff_id),
            nonce.into(),
            prefix,
        ],
    )?];
    if let Some(level) = level {
        // Numbering and counting happen only where this review's UPDATE landed.
        // Every guard reads the request by its primary key, then checks the nonce.
        statements.push(db.statement(
            "INSERT INTO document_number_seq (level, year, last)
             SELECT ?1, ?2, 1 WHERE EXISTS (SELECT 1 FROM document_request WHERE id = ?4 AND last_change = ?3)
             ON CONFLICT (level, year) DO UPDATE SET last = last + 1",
            &[level.as_str().into(), num(today.year() as i64), nonce.into(), num(id)],
        )?);
        statements.push(db.statement(
            "UPDATE document_request SET issued_seq = (SELECT last FROM document_number_seq WHERE level = ?2 AND year = ?3)
             WHERE id = ?4 AND last_change = ?1",
            &[nonce.into(), level.as_str().into(), num(today.year() as i64), num(id)],
        )?);
        let guard = format!("EXISTS (SELECT 1 FROM document_request WHERE id = {id} AND last_change = ?4)");
        statements.extend(count_one(db, RegisterKind::Document, level.as_str(), today, &guard, nonce.into())?);
    }
    let detail = match level {
        Some(l) => format!("以{}印发{}", l.zh(), reason.map(|r| format!("（{r}）")).unwrap_or_default()),
        None => format!("不予发文（{}）", reason.unwrap_or("")),
    };
    statements.push(event(db, staff_id, "review_document", &format!("发文申请#{id}"), &detail, now, Some((id, nonce)))?);
    let results = db.batch(statements).await?;
    Ok(crate::db::wrote(results.first()))
}
