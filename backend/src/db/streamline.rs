//! SQL for `meeting_plan_item`, `meeting`, `document_request`,
//! `document_number_seq`, `quota`, `register_month` and `register_day`
//! (migrations/0005_streamline.sql).
//!
//! Every record that counts updates its month and day counters in the same
//! atomic batch; dashboards read only the counters.

use super::{num, opt_int, Db};
use serde::Deserialize;
use shared::engine::date::Date;
use shared::page::Cursor;
use shared::streamline::{ApprovingBody, MeetingClass, MeetingForm, MeetingRecord, OfficeEvent, PlanItem, QuotaEntry, RegisterKind};
use worker::wasm_bindgen::JsValue;
use worker::{D1PreparedStatement, Result};

mod documents;
pub use documents::*;

use super::corrupt;

/// +1 on the month and day counters of (`kind`, `category`) at `day`, only
/// if `guard_sql` (an SQL condition that may use ?4 = `guard`) holds.
fn count_one(db: &Db, kind: RegisterKind, category: &str, day: Date, guard_sql: &str, guard: JsValue) -> Result<Vec<D1PreparedStatement>> {
    let kind = kind.as_str();
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

/// One audit row; with `guard` (a document request's id and the nonce of a
/// write to it) only where that write landed. The guard reads the request
/// by its primary key: one row, however many requests there are.
pub(crate) fn event(
    db: &Db,
    staff_id: i64,
    action: &str,
    subject: &str,
    detail: &str,
    now: &str,
    guard: Option<(i64, &str)>,
) -> Result<D1PreparedStatement> {
    // A guarded row checks the document request's nonce (db/admin's audit).
    super::admin::audit(db, staff_id, action, subject, detail, now, guard.map(|(id, nonce)| ("document_request", id, nonce)))
}

/// The latest audit rows, newest first.
pub async fn events(db: &Db, limit: u32) -> Result<Vec<OfficeEvent>> {
    #[derive(Deserialize)]
    struct Row {
        at: shared::engine::instant::Instant,
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

/// The plan item and its audit row, atomically; the new item.
pub async fn add_plan_item(db: &Db, year: i32, title: &str, class: MeetingClass, month: u32, staff_id: i64, now: &str) -> Result<PlanItem> {
    let detail = format!("{year}年{month}月，{}", class.zh());
    let results = db
        .batch(vec![
            db.statement(
                "INSERT INTO meeting_plan_item (year, title, class, month) VALUES (?1, ?2, ?3, ?4) RETURNING id",
                &[num(year as i64), title.into(), class.as_str().into(), num(month as i64)],
            )?,
            event(db, staff_id, "add_plan_item", title, &detail, now, None)?,
        ])
        .await?;
    Ok(PlanItem { id: new_id(results.first())?, year, title: title.to_string(), class, month })
}

pub async fn quotas(db: &Db, years: &[i32]) -> Result<Vec<QuotaEntry>> {
    #[derive(Deserialize)]
    struct Row {
        year: i32,
        kind: RegisterKind,
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
    let subject = format!("{}年度指标 {}:{}", q.year, q.kind.as_str(), q.category);
    db.batch(vec![
        db.statement(
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

/// Whether the unit exists (a meeting's organiser, whatever its kind).
pub async fn unit_exists(db: &Db, id: i64) -> Result<bool> {
    let rows: Vec<serde_json::Value> = db.rows("SELECT id FROM department WHERE id = ?1", &[num(id)]).await?;
    Ok(!rows.is_empty())
}

/// The meeting and its counters, atomically; the new meeting's id.
pub async fn insert_meeting(db: &Db, m: &MeetingForm, organiser: Option<i64>, staff_id: i64, now: &str) -> Result<i64> {
    let mut statements = vec![db.statement(
        "INSERT INTO meeting (title, organiser_department_id, date, duration_minutes, participants, class, approved_by,
             approval_date, approval_ref, plan_item_id, registered_by, registered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id",
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
    statements.extend(count_one(db, RegisterKind::Meeting, m.class.as_str(), m.date, "?4 IS NULL", JsValue::NULL)?);
    let detail = format!("{} {}，{}批准（{}）", m.date, m.class.zh(), m.approved_by.zh(), m.approval_ref.trim());
    statements.push(event(db, staff_id, "register_meeting", m.title.trim(), &detail, now, None)?);
    let results = db.batch(statements).await?;
    new_id(results.first())
}

/// A keyset cursor's key and id as the last two parameters, only when there
/// is one: D1 refuses more bindings than the statement uses.
fn cursor_params(after: Option<&Cursor>) -> Vec<JsValue> {
    after.map(|c| vec![JsValue::from(c.key.as_str()), num(c.id)]).unwrap_or_default()
}

/// The id a batch's first statement (`INSERT … RETURNING id`) created.
fn new_id(result: Option<&worker::D1Result>) -> Result<i64> {
    #[derive(Deserialize)]
    struct Id {
        id: i64,
    }
    let rows: Vec<Id> = result.map(|r| r.results()).transpose()?.unwrap_or_default();
    rows.first().map(|r| r.id).ok_or_else(|| corrupt("insert", "no id returned"))
}

#[derive(Deserialize)]
struct MeetingRow {
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

impl From<MeetingRow> for MeetingRecord {
    fn from(r: MeetingRow) -> MeetingRecord {
        MeetingRecord {
            id: r.id,
            title: r.title,
            organiser: r.organiser.unwrap_or_default(),
            date: r.date,
            duration_minutes: r.duration_minutes,
            participants: r.participants,
            class: r.class,
            approved_by: r.approved_by,
            approval_date: r.approval_date,
            approval_ref: r.approval_ref,
            plan_item: r.plan_item,
        }
    }
}

// A meeting of the office itself has no department: it is organised in the
// office's name, as the settings give it (one row by primary key).
const MEETING_FROM: &str = "SELECT m.id, m.title,
    coalesce(d.name, (SELECT json_extract(settings, '$.office_name') FROM county_settings WHERE id = 1)) AS organiser, m.date, m.duration_minutes, m.participants, m.class,
        m.approved_by, m.approval_date, m.approval_ref, p.title AS plan_item
    FROM meeting m LEFT JOIN department d ON d.id = m.organiser_department_id
                   LEFT JOIN meeting_plan_item p ON p.id = m.plan_item_id";

/// Meetings held in `from..=to`, optionally of one class, newest first: one
/// page from `after` (an index range on the date), plus one row if more follow.
pub async fn meetings(
    db: &Db,
    from: Date,
    to: Date,
    class: Option<MeetingClass>,
    after: Option<&Cursor>,
    limit: u32,
) -> Result<Vec<MeetingRecord>> {
    let before = if after.is_some() { "AND (m.date, m.id) < (?5, ?6)" } else { "" };
    let sql = format!(
        "{MEETING_FROM} WHERE m.date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR m.class = ?3) {before}
         ORDER BY m.date DESC, m.id DESC LIMIT ?4"
    );
    let mut params = vec![
        from.to_string().into(),
        to.to_string().into(),
        class.map(|c| JsValue::from(c.as_str())).unwrap_or(JsValue::NULL),
        num(limit as i64 + 1),
    ];
    params.extend(cursor_params(after));
    let rows: Vec<MeetingRow> = db.rows(&sql, &params).await?;
    Ok(rows.into_iter().map(MeetingRecord::from).collect())
}

pub async fn meeting(db: &Db, id: i64) -> Result<Option<MeetingRecord>> {
    let rows: Vec<MeetingRow> = db.rows(&format!("{MEETING_FROM} WHERE m.id = ?1"), &[num(id)]).await?;
    Ok(rows.into_iter().next().map(MeetingRecord::from))
}

// ---- counters ------------------------------------------------------------------

/// How many records of `kind` (optionally of one category) the counters
/// hold for months `from..=to` of `year`: a list's total without counting
/// the records (at most 12 × categories rows).
pub async fn register_total(db: &Db, kind: RegisterKind, year: i32, months: (u32, u32), category: Option<&str>) -> Result<u64> {
    #[derive(Deserialize)]
    struct Row {
        n: Option<u64>,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT sum(count) AS n FROM register_month
             WHERE kind = ?1 AND year = ?2 AND month BETWEEN ?3 AND ?4 AND (?5 IS NULL OR category = ?5)",
            &[
                kind.as_str().into(),
                num(year as i64),
                num(months.0 as i64),
                num(months.1 as i64),
                category.map(JsValue::from).unwrap_or(JsValue::NULL),
            ],
        )
        .await?;
    Ok(rows.first().and_then(|r| r.n).unwrap_or(0))
}

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
