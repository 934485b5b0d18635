//! SQL for `meeting_plan_item`, `meeting`, `document_request`,
//! `document_number_seq`, `quota`, `register_month` and `register_day`
//! (migrations/0005_streamline.sql).
//!
//! Every record that counts updates its month and day counters in the same
//! atomic batch; dashboards read only the counters.

use super::{num, opt_int, Db};
use serde::Deserialize;
use shared::date::Date;
use shared::streamline::{
    document_number, ApprovingBody, DocLevel, DocNature, DocState, DocumentRecord, DocumentRequest, MeetingClass,
    MeetingForm, MeetingRecord, OfficeEvent, PlanItem, QuotaEntry,
};
use worker::wasm_bindgen::JsValue;
use worker::{D1PreparedStatement, Error, Result};

fn corrupt(what: &str, e: impl std::fmt::Display) -> Error {
    Error::RustError(format!("{what}: {e}"))
}

/// +1 on the month and day counters of (`kind`, `category`) at `day`, only
/// if `guard_sql` (an SQL condition that may use ?4 = `guard`) holds.
fn count_one(db: &Db, kind: &str, category: &str, day: Date, guard_sql: &str, guard: JsValue) -> Result<Vec<D1PreparedStatement>> {
    let (y, m, _) = day.ymd();
    Ok(vec![
        db.statement(
            &format!(
                "INSERT INTO register_month (kind, year, month, category, count) SELECT ?1, ?5, ?6, ?2, 1 WHERE {guard_sql}
                 ON CONFLICT (kind, year, month, category) DO UPDATE SET count = count + 1"
            ),
            &[kind.into(), category.into(), day.to_string().into(), guard.clone(), num(y as i64), num(m as i64)],
        )?,
        db.statement(
            &format!(
                "INSERT INTO register_day (kind, day, category, count) SELECT ?1, ?3, ?2, 1 WHERE {guard_sql}
                 ON CONFLICT (kind, day, category) DO UPDATE SET count = count + 1"
            ),
            &[kind.into(), category.into(), day.to_string().into(), guard],
        )?,
    ])
}

/// One audit row; with `guard` (a nonce) only where that write landed.
pub(crate) fn event(db: &Db, staff_id: i64, action: &str, subject: &str, detail: &str, now: &str, guard: Option<&str>) -> Result<D1PreparedStatement> {
    db.statement(
        "INSERT INTO office_event (at, staff_id, action, subject, detail) SELECT ?1, ?2, ?3, ?4, ?5
         WHERE ?6 IS NULL OR EXISTS (SELECT 1 FROM document_request WHERE last_change = ?6)",
        &[now.into(), num(staff_id), action.into(), subject.into(), detail.into(), guard.map(JsValue::from).unwrap_or(JsValue::NULL)],
    )
}

/// The latest audit rows, newest first.
pub async fn events(db: &Db, limit: u32) -> Result<Vec<OfficeEvent>> {
    #[derive(Deserialize)]
    struct Row {
        at: String,
        staff: Option<String>,
        action: String,
        subject: String,
        detail: String,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT e.at, s.name AS staff, e.action, e.subject, e.detail FROM office_event e LEFT JOIN staff s ON s.id = e.staff_id
             ORDER BY e.id DESC LIMIT ?1",
            &[num(limit as i64)],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| OfficeEvent { at: r.at, staff: r.staff.unwrap_or_default(), action: r.action, subject: r.subject, detail: r.detail })
        .collect())
}

// ---- plan and quotas -------------------------------------------------------

pub async fn plan(db: &Db, year: i32) -> Result<Vec<PlanItem>> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        year: i32,
        title: String,
        class: MeetingClass,
        month: u32,
    }
    let rows: Vec<Row> = db
        .rows("SELECT id, year, title, class, month FROM meeting_plan_item WHERE year = ?1 ORDER BY month, id", &[num(year as i64)])
        .await?;
    Ok(rows.into_iter().map(|r| PlanItem { id: r.id, year: r.year, title: r.title, class: r.class, month: r.month }).collect())
}

pub async fn add_plan_item(db: &Db, year: i32, title: &str, class: MeetingClass, month: u32, staff_id: i64, now: &str) -> Result<()> {
    let detail = format!("{year}年{month}月，{}", class.zh());
    db.batch(vec![
        db.statement(
            "INSERT INTO meeting_plan_item (year, title, class, month) VALUES (?1, ?2, ?3, ?4)",
            &[num(year as i64), title.into(), class.as_str().into(), num(month as i64)],
        )?,
        event(db, staff_id, "add_plan_item", title, &detail, now, None)?,
    ])
    .await?;
    Ok(())
}

pub async fn quotas(db: &Db, years: &[i32]) -> Result<Vec<QuotaEntry>> {
    #[derive(Deserialize)]
    struct Row {
        year: i32,
        kind: String,
        category: String,
        quota: u64,
    }
    let list = serde_json::to_string(years).map_err(|e| corrupt("years", e))?;
    let rows: Vec<Row> = db
        .rows(
            "SELECT year, kind, category, quota FROM quota WHERE year IN (SELECT value FROM json_each(?1)) ORDER BY year, kind, category",
            &[list.into()],
        )
        .await?;
    Ok(rows.into_iter().map(|r| QuotaEntry { year: r.year, kind: r.kind, category: r.category, quota: r.quota }).collect())
}

pub async fn set_quota(db: &Db, q: &QuotaEntry, staff_id: i64, now: &str) -> Result<()> {
    let subject = format!("{}年度指标 {}:{}", q.year, q.kind, q.category);
    db.batch(vec![db.statement(
        "INSERT INTO quota (year, kind, category, quota, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (year, kind, category) DO UPDATE SET quota = excluded.quota,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        &[num(q.year as i64), q.kind.as_str().into(), q.category.as_str().into(), num(q.quota as i64), num(staff_id), now.into()],
    )?,
        event(db, staff_id, "set_quota", &subject, &q.quota.to_string(), now, None)?,
    ])
    .await?;
    Ok(())
}

// ---- meetings ----------------------------------------------------------------

/// The meeting and its counters, atomically.
pub async fn insert_meeting(db: &Db, m: &MeetingForm, organiser: Option<i64>, staff_id: i64, now: &str) -> Result<()> {
    let mut statements = vec![db.statement(
        "INSERT INTO meeting (title, organiser_department_id, date, duration_minutes, participants, class, approved_by,
             approval_date, approval_ref, plan_item_id, registered_by, registered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        &[
            m.title.trim().into(),
            opt_int(organiser),
            m.date.to_string().into(),
            num(m.duration_minutes as i64),
            m.participants.trim().into(),
            m.class.as_str().into(),
            m.approved_by.as_str().into(),
            m.approval_date.to_string().into(),
            m.approval_ref.trim().into(),
            opt_int(m.plan_item_id),
            num(staff_id),
            now.into(),
        ],
    )?];
    // The batch is atomic: if the insert fails, so do the counts.
    statements.extend(count_one(db, "meeting", m.class.as_str(), m.date, "?4 IS NULL", JsValue::NULL)?);
    let detail = format!("{} {}，{}批准（{}）", m.date, m.class.zh(), m.approved_by.zh(), m.approval_ref.trim());
    statements.push(event(db, staff_id, "register_meeting", m.title.trim(), &detail, now, None)?);
    db.batch(statements).await?;
    Ok(())
}

/// Meetings held in `from..=to`, optionally of one class (an index range).
pub async fn meetings(db: &Db, from: Date, to: Date, class: Option<MeetingClass>, limit: u32) -> Result<Vec<MeetingRecord>> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        title: String,
        organiser: Option<String>,
        date: Date,
        duration_minutes: u32,
        participants: String,
        class: MeetingClass,
        approved_by: ApprovingBody,
        approval_date: Date,
        approval_ref: String,
        plan_item: Option<String>,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT m.id, m.title, d.name AS organiser, m.date, m.duration_minutes, m.participants, m.class,
                    m.approved_by, m.approval_date, m.approval_ref, p.title AS plan_item
             FROM meeting m LEFT JOIN department d ON d.id = m.organiser_department_id
                            LEFT JOIN meeting_plan_item p ON p.id = m.plan_item_id
             WHERE m.date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR m.class = ?3)
             ORDER BY m.date DESC, m.id DESC LIMIT ?4",
            &[
                from.to_string().into(),
                to.to_string().into(),
                class.map(|c| JsValue::from(c.as_str())).unwrap_or(JsValue::NULL),
                num(limit as i64),
            ],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| MeetingRecord {
            id: r.id,
            title: r.title,
            organiser: r.organiser.unwrap_or_else(|| "县人民政府办公室".into()),
            date: r.date,
            duration_minutes: r.duration_minutes,
            participants: r.participants,
            class: r.class,
            approved_by: r.approved_by,
            approval_date: r.approval_date,
            approval_ref: r.approval_ref,
            plan_item: r.plan_item,
        })
        .collect())
}

// ---- documents ---------------------------------------------------------------

pub async fn insert_document(db: &Db, r: &DocumentRequest, suggested: DocLevel, staff_id: i64, now: &str, nonce: &str) -> Result<()> {
    let departments = serde_json::to_string(&r.drafting_departments).map_err(|e| corrupt("departments", e))?;
    let nature = serde_json::to_value(r.nature).map_err(|e| corrupt("nature", e))?;
    let detail = format!("申请{}，建议{}", r.proposed_level.zh(), suggested.zh());
    db.batch(vec![db.statement(
        "INSERT INTO document_request (subject, proposed_level, suggested_level, drafting_departments, within_one_department,
             needs_government_authority, nature, length_chars, requested_by, requested_at, state, last_change)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'pending', ?11)",
        &[
            r.subject.trim().into(),
            r.proposed_level.as_str().into(),
            suggested.as_str().into(),
            departments.into(),
            num(r.within_one_department as i64),
            num(r.needs_government_authority as i64),
            nature.as_str().unwrap_or("work_arrangement").into(),
            num(r.length_chars as i64),
            num(staff_id),
            now.into(),
            nonce.into(),
        ],
    )?,
        event(db, staff_id, "request_document", r.subject.trim(), &detail, now, None)?,
    ])
    .await?;
    Ok(())
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
    requested_at: String,
    state: DocState,
    issued_level: Option<DocLevel>,
    issued_seq: Option<u32>,
    issued_on: Option<Date>,
    review_reason: Option<String>,
}

const DOC_COLUMNS: &str = "r.id, r.version, r.subject, r.proposed_level, r.suggested_level,
    (SELECT group_concat(d.name, '、') FROM json_each(r.drafting_departments) j JOIN department d ON d.id = j.value) AS departments,
    r.within_one_department, r.needs_government_authority, r.nature, r.length_chars, r.requested_at, r.state,
    r.issued_level, r.issued_seq, r.issued_on, r.review_reason";

impl From<DocRow> for DocumentRecord {
    fn from(r: DocRow) -> DocumentRecord {
        let number = match (r.issued_level, r.issued_on, r.issued_seq) {
            (Some(level), Some(on), Some(seq)) => Some(document_number(level, on.year(), seq)),
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

/// Requests still waiting for the office, oldest first.
pub async fn pending_documents(db: &Db, limit: u32) -> Result<Vec<DocumentRecord>> {
    let sql = format!(
        "SELECT {DOC_COLUMNS} FROM document_request r WHERE r.state = 'pending' ORDER BY r.requested_at LIMIT ?1"
    );
    let rows: Vec<DocRow> = db.rows(&sql, &[num(limit as i64)]).await?;
    Ok(rows.into_iter().map(DocumentRecord::from).collect())
}

/// Documents issued in `from..=to`, optionally at one level (an index range).
pub async fn issued_documents(db: &Db, from: Date, to: Date, level: Option<DocLevel>, limit: u32) -> Result<Vec<DocumentRecord>> {
    let sql = format!(
        "SELECT {DOC_COLUMNS} FROM document_request r
         WHERE r.issued_on BETWEEN ?1 AND ?2 AND (?3 IS NULL OR r.issued_level = ?3)
         ORDER BY r.issued_on DESC, r.id DESC LIMIT ?4"
    );
    let level = level.map(|l| JsValue::from(l.as_str())).unwrap_or(JsValue::NULL);
    let rows: Vec<DocRow> = db.rows(&sql, &[from.to_string().into(), to.to_string().into(), level, num(limit as i64)]).await?;
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
pub async fn review(db: &Db, id: i64, version: i64, level: Option<DocLevel>, reason: Option<&str>, staff_id: i64, today: Date, now: &str, nonce: &str) -> Result<bool> {
    let state = if level.is_some() { "issued" } else { "refused" };
    let level_value = level.map(|l| JsValue::from(l.as_str())).unwrap_or(JsValue::NULL);
    let mut statements = vec![db.statement(
        "UPDATE document_request SET state = ?3, issued_level = ?4, issued_on = CASE WHEN ?4 IS NULL THEN NULL ELSE ?5 END,
             review_reason = ?6, reviewed_by = ?7, version = version + 1, last_change = ?8
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
        ],
    )?];
    if let Some(level) = level {
        // Numbering and counting happen only where this review's UPDATE landed.
        statements.push(db.statement(
            "INSERT INTO document_number_seq (level, year, last)
             SELECT ?1, ?2, 1 WHERE EXISTS (SELECT 1 FROM document_request WHERE last_change = ?3)
             ON CONFLICT (level, year) DO UPDATE SET last = last + 1",
            &[level.as_str().into(), num(today.year() as i64), nonce.into()],
        )?);
        statements.push(db.statement(
            "UPDATE document_request SET issued_seq = (SELECT last FROM document_number_seq WHERE level = ?2 AND year = ?3)
             WHERE last_change = ?1",
            &[nonce.into(), level.as_str().into(), num(today.year() as i64)],
        )?);
        let guard = "EXISTS (SELECT 1 FROM document_request WHERE last_change = ?4)";
        statements.extend(count_one(db, "document", level.as_str(), today, guard, nonce.into())?);
    }
    let detail = match level {
        Some(l) => format!("以{}印发{}", l.zh(), reason.map(|r| format!("（{r}）")).unwrap_or_default()),
        None => format!("不予发文（{}）", reason.unwrap_or("")),
    };
    statements.push(event(db, staff_id, "review_document", &format!("发文申请#{id}"), &detail, now, Some(nonce))?);
    let results = db.batch(statements).await?;
    let changed = results.first().and_then(|r| r.meta().ok().flatten()).and_then(|m| m.changes).unwrap_or(0);
    Ok(changed == 1)
}

// ---- counters ------------------------------------------------------------------

/// Monthly counts of `kind` in `years`: (year, month, category, count).
pub async fn month_counts(db: &Db, kind: &str, years: [i32; 2]) -> Result<Vec<(i32, u32, String, u64)>> {
    #[derive(Deserialize)]
    struct Row {
        year: i32,
        month: u32,
        category: String,
        count: u64,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT year, month, category, count FROM register_month WHERE kind = ?1 AND year IN (?2, ?3)",
            &[kind.into(), num(years[0] as i64), num(years[1] as i64)],
        )
        .await?;
    Ok(rows.into_iter().map(|r| (r.year, r.month, r.category, r.count)).collect())
}

/// Daily counts of `kind` in `from..=to`: (day, category, count).
pub async fn day_counts(db: &Db, kind: &str, from: Date, to: Date) -> Result<Vec<(Date, String, u64)>> {
    #[derive(Deserialize)]
    struct Row {
        day: Date,
        category: String,
        count: u64,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT day, category, count FROM register_day WHERE kind = ?1 AND day BETWEEN ?2 AND ?3",
            &[kind.into(), from.to_string().into(), to.to_string().into()],
        )
        .await?;
    Ok(rows.into_iter().map(|r| (r.day, r.category, r.count)).collect())
}
