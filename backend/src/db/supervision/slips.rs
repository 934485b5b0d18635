//! Slips (督办单): issued at assignment and by the daily job, numbered per
//! kind and year in the same batch. Every statement of an issue runs only
//! while the task has no slip for the same reason (nor, for a reminder or
//! notice, any on the same day), and the slip row is written last, so a
//! second run the same day writes nothing.

use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::engine::period::keys_of;
use shared::supervision::figures::on_slip;
use shared::supervision::views::SlipView;
use shared::supervision::{slip_no, Colour, SlipKind};
use worker::{D1PreparedStatement, Result};

/// A slip to issue for a task.
pub struct NewSlip<'a> {
    pub task_no: &'a str,
    pub kind: SlipKind,
    pub colour: Colour,
    pub key: String,
    pub at: Instant,
    pub why: String,
}

impl<'a> NewSlip<'a> {
    pub fn assignment(task_no: &'a str, at: Instant, deadline: Date) -> NewSlip<'a> {
        NewSlip {
            task_no,
            kind: SlipKind::Assignment,
            colour: Colour::None,
            key: "assignment".into(),
            at,
            why: format!("请按工作要求抓好落实，于{}前办结并报送办理结果", deadline.zh_full()),
        }
    }
}

/// `?1` task number, `?2` reason key, `?3` kind, `?4` day: the task has no
/// slip for the reason, nor another reminder or notice that day.
const FRESH: &str = "t.task_no = ?1 AND NOT EXISTS (SELECT 1 FROM supervision_slip s WHERE s.task_id = t.id
    AND (s.reason_key = ?2 OR (?3 != 'assignment' AND s.kind != 'assignment' AND s.issued_day = ?4)))";

/// The statements issuing `slip`, in order.
pub fn issue(db: &Db, slip: &NewSlip<'_>) -> Result<Vec<D1PreparedStatement>> {
    let day = slip.at.date();
    let head = |extra: Vec<worker::wasm_bindgen::JsValue>| {
        let mut p = vec![slip.task_no.into(), slip.key.as_str().into(), slip.kind.as_str().into(), day.to_string().into()];
        p.extend(extra);
        p
    };
    let counter = on_slip(slip.kind)[0].0.column();
    let mut out = vec![db.statement(
        &format!(
            "INSERT INTO supervision_tally (key, unit_id, {counter}) SELECT k.value, u.value, 1
             FROM supervision_task t, json_each(?5) k, json_each(json_array(0, t.lead_unit_id)) u WHERE {FRESH}
             ON CONFLICT (key, unit_id) DO UPDATE SET {counter} = {counter} + 1"
        ),
        &head(vec![serde_json::to_string(&keys_of(day))?.into()]),
    )?];
    if slip.kind != SlipKind::Assignment {
        out.push(db.statement(
            &format!(
                "INSERT INTO supervision_event (item_id, task_id, at, actor, staff_id, from_state, to_state, note)
                 SELECT t.item_id, t.id, ?5, '系统（每日督办）', NULL, t.state, t.state, ?6 FROM supervision_task t WHERE {FRESH}"
            ),
            &head(vec![slip.at.to_string().into(), format!("发出{}{}：{}", slip.colour.zh(), slip.kind.zh(), slip.why).into()]),
        )?);
    }
    out.push(db.statement(&format!("UPDATE supervision_task AS t SET slips = slips + 1 WHERE {FRESH}"), &head(vec![]))?);
    out.push(db.statement(
        &format!(
            "INSERT INTO supervision_seq (name, year, last) SELECT ?3, ?5, 1 FROM supervision_task t WHERE {FRESH}
             ON CONFLICT (name, year) DO UPDATE SET last = last + 1"
        ),
        &head(vec![num(day.year() as i64)]),
    )?);
    out.push(db.statement(
        &format!(
            "INSERT INTO supervision_slip (kind, year, seq, colour, task_id, unit_id, reason_key, issued_day, issued_at, item_no,
                 item_title, requirement, unit_name, responsible, supervisor, deadline, why, task_no)
             SELECT ?3, ?5, q.last, ?6, t.id, t.lead_unit_id, ?2, ?4, ?7, i.item_no, i.title, t.requirement, d.name,
                 t.responsible, t.supervisor, t.deadline, ?8, t.task_no
             FROM supervision_task t JOIN supervision_item i ON i.id = t.item_id JOIN department d ON d.id = t.lead_unit_id
                  JOIN supervision_seq q ON q.name = ?3 AND q.year = ?5
             WHERE {FRESH}"
        ),
        &head(vec![num(day.year() as i64), slip.colour.as_str().into(), slip.at.to_string().into(), slip.why.as_str().into()]),
    )?);
    Ok(out)
}

/// A slip as stored.
#[derive(Deserialize)]
pub struct SlipRecord {
    pub id: i64,
    pub kind: SlipKind,
    pub year: i32,
    pub seq: i64,
    pub colour: Colour,
    pub task_id: i64,
    pub issued_at: Instant,
    pub task_no: String,
    pub item_no: String,
    pub item_title: String,
    pub requirement: String,
    pub unit_name: String,
    pub responsible: String,
    pub supervisor: String,
    pub deadline: Date,
    pub why: String,
}

impl SlipRecord {
    pub fn view(self) -> SlipView {
        SlipView {
            id: self.id,
            slip_no: slip_no(self.kind, self.year, self.seq),
            kind: self.kind,
            colour: self.colour,
            issued_at: self.issued_at,
            task_no: self.task_no,
            item_no: self.item_no,
            item_title: self.item_title,
            requirement: self.requirement,
            unit_name: self.unit_name,
            responsible: self.responsible,
            supervisor: self.supervisor,
            deadline: self.deadline,
            why: self.why,
        }
    }
}

const SLIP_COLUMNS: &str = "id, kind, year, seq, colour, task_id, issued_at, task_no, item_no, item_title, requirement, unit_name,
    responsible, supervisor, deadline, why";

pub async fn by_id(db: &Db, id: i64) -> Result<Option<SlipRecord>> {
    Ok(db.rows(&format!("SELECT {SLIP_COLUMNS} FROM supervision_slip WHERE id = ?1"), &[num(id)]).await?.into_iter().next())
}

/// The slips of an item's tasks, oldest first.
pub async fn of_item(db: &Db, item_id: i64) -> Result<Vec<SlipRecord>> {
    db.rows(
        &format!(
            "SELECT {SLIP_COLUMNS} FROM supervision_slip WHERE task_id IN (SELECT id FROM supervision_task WHERE item_id = ?1) ORDER BY id"
        ),
        &[num(item_id)],
    )
    .await
}

/// A page of slips, newest first: a unit's own (`unit`), of one kind, or
/// all; `before` the id the last page ended at.
pub async fn page(db: &Db, unit: Option<i64>, kind: Option<SlipKind>, before: Option<i64>, size: u32) -> Result<Vec<SlipRecord>> {
    let mut filters = vec!["id < ?1".to_string()];
    let mut params = vec![num(before.unwrap_or(i64::MAX))];
    if let Some(u) = unit {
        params.push(num(u));
        filters.push(format!("unit_id = ?{}", params.len()));
    }
    if let Some(k) = kind {
        params.push(k.as_str().into());
        filters.push(format!("kind = ?{}", params.len()));
    }
    params.push(num(size as i64 + 1));
    let sql =
        format!("SELECT {SLIP_COLUMNS} FROM supervision_slip WHERE {} ORDER BY id DESC LIMIT ?{}", filters.join(" AND "), params.len());
    db.rows(&sql, &params).await
}

/// An open task the daily job looks at, with the reasons already chased.
#[derive(Deserialize)]
pub struct Watched {
    pub task_no: String,
    pub deadline: Date,
    pub milestones: String,
    pub next_report_due: Option<Date>,
    /// JSON array of reason keys.
    pub chased: String,
}

/// Tasks in progress whose watch date is by `horizon` (the partial index
/// on the watch date: only those, never every open task).
pub async fn watched(db: &Db, horizon: Date) -> Result<Vec<Watched>> {
    db.rows(
        "SELECT t.task_no, t.deadline, t.milestones, t.next_report_due,
                (SELECT json_group_array(s.reason_key) FROM supervision_slip s WHERE s.task_id = t.id) AS chased
         FROM supervision_task t WHERE t.state = 'in_progress' AND t.watch_date <= ?1",
        &[horizon.to_string().into()],
    )
    .await
}
