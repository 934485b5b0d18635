//! Lists, paged by keyset so the n-th page reads as few rows as the first:
//! the office's items (newest first), a unit's inbox through its open
//! parts, the office's open, overdue and closed tasks by deadline.

use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::page::Cursor;
use shared::supervision::{ItemState, Priority, Source, TaskRole, TaskState};
use worker::Result;

#[derive(Deserialize)]
pub struct ItemRow {
    pub id: i64,
    pub item_no: String,
    pub source: Source,
    pub title: String,
    pub priority: Priority,
    pub state: ItemState,
    pub tasks: u32,
    pub open_tasks: u32,
    pub registered_at: Instant,
    pub leader: String,
}

/// What the office filters items by.
#[derive(Default)]
pub struct ItemFilter<'a> {
    pub state: Option<ItemState>,
    pub source: Option<Source>,
    /// An item number, or words of the title.
    pub q: Option<&'a str>,
    pub origin: Option<&'a str>,
}

/// A page of items with ids below `before`, newest first.
pub async fn items(db: &Db, f: &ItemFilter<'_>, before: Option<i64>, size: u32) -> Result<Vec<ItemRow>> {
    let mut filters = vec!["id < ?1".to_string()];
    let mut params = vec![num(before.unwrap_or(i64::MAX))];
    let mut add = |sql: &str, value: worker::wasm_bindgen::JsValue| {
        params.push(value);
        filters.push(sql.replace('?', &format!("?{}", params.len())));
    };
    if let Some(s) = f.state {
        add("state = ?", s.as_str().into());
    }
    if let Some(s) = f.source {
        add("source = ?", s.as_str().into());
    }
    if let Some(o) = f.origin {
        add("origin_key = ?", o.into());
    }
    if let Some(q) = f.q {
        let like = format!("%{}%", q.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        params.push(q.into());
        params.push(like.into());
        filters.push(format!("(item_no = ?{} OR title LIKE ?{} ESCAPE '\\')", params.len() - 1, params.len()));
    }
    params.push(num(size as i64 + 1));
    let sql = format!(
        "SELECT id, item_no, source, title, priority, state, tasks, open_tasks, registered_at, leader FROM supervision_item
         WHERE {} ORDER BY id DESC LIMIT ?{}",
        filters.join(" AND "),
        params.len()
    );
    db.rows(&sql, &params).await
}

#[derive(Deserialize)]
pub struct TaskRow {
    pub id: i64,
    pub task_no: String,
    pub item_no: String,
    pub item_title: String,
    pub requirement: String,
    pub lead_unit_name: String,
    pub state: TaskState,
    pub deadline: Date,
    pub slips: u32,
    pub my_role: Option<TaskRole>,
}

/// Which tasks.
pub enum Listing {
    /// A unit's open tasks by deadline, or its struck-off ones, latest first.
    Unit { unit: i64, open: bool },
    /// The office: every open task by deadline.
    Open,
    /// The office: tasks in progress past their deadline (before `today`).
    Overdue { today: Date },
    /// The office: struck-off tasks, latest deadline first.
    Closed,
}

const ROW: &str = "t.id, t.task_no, i.item_no, i.title AS item_title, t.requirement, d.name AS lead_unit_name, t.state,
    t.deadline, t.slips";
const JOINS: &str = "JOIN supervision_item i ON i.id = t.item_id JOIN department d ON d.id = t.lead_unit_id";

/// A page of `size` tasks after `after` (and one more).
pub async fn tasks(db: &Db, listing: &Listing, after: Option<&Cursor>, size: u32) -> Result<Vec<TaskRow>> {
    let (key, id) = after.map(|c| (c.key.clone(), c.id)).unwrap_or_default();
    let first = num(after.is_none() as i64);
    let limit = num(size as i64 + 1);
    // Ascending by (deadline, id) after the cursor, or descending before it.
    let up = "(?1 = 1 OR t.deadline > ?2 OR (t.deadline = ?2 AND t.id > ?3))";
    let down = "(?1 = 1 OR t.deadline < ?2 OR (t.deadline = ?2 AND t.id < ?3))";
    let (sql, extra) = match listing {
        // Open: by deadline (few rows: a unit's open work). Struck off:
        // latest task first through the parts' (unit, open, task) index, so
        // the n-th page reads as little as the first however long the history.
        Listing::Unit { unit, open: true } => (
            format!(
                "SELECT {ROW}, p.role AS my_role FROM supervision_part p JOIN supervision_task t ON t.id = p.task_id {JOINS}
                 WHERE p.unit_id = ?5 AND p.open = 1 AND {up} ORDER BY t.deadline, t.id LIMIT ?4"
            ),
            vec![num(*unit)],
        ),
        Listing::Unit { unit, open: false } => (
            format!(
                "SELECT {ROW}, p.role AS my_role FROM supervision_part p JOIN supervision_task t ON t.id = p.task_id {JOINS}
                 WHERE p.unit_id = ?5 AND p.open = 0 AND (?1 = 1 OR p.task_id < ?3) ORDER BY p.task_id DESC LIMIT ?4"
            ),
            vec![num(*unit)],
        ),
        Listing::Open => (
            format!(
                "SELECT {ROW}, NULL AS my_role FROM supervision_task t {JOINS}
                 WHERE t.state <> 'closed' AND {up} ORDER BY t.deadline, t.id LIMIT ?4"
            ),
            vec![],
        ),
        Listing::Overdue { today } => (
            format!(
                "SELECT {ROW}, NULL AS my_role FROM supervision_task t {JOINS}
                 WHERE t.state = 'in_progress' AND t.deadline < ?5 AND {up} ORDER BY t.deadline, t.id LIMIT ?4"
            ),
            vec![today.to_string().into()],
        ),
        Listing::Closed => (
            format!(
                "SELECT {ROW}, NULL AS my_role FROM supervision_task t {JOINS}
                 WHERE t.state = 'closed' AND {down} ORDER BY t.deadline DESC, t.id DESC LIMIT ?4"
            ),
            vec![],
        ),
    };
    let mut params = vec![first, key.into(), num(id), limit];
    params.extend(extra);
    db.rows(&sql, &params).await
}

/// The unit's part in a task, if any: (role, open).
pub async fn part_of(db: &Db, task_id: i64, unit: i64) -> Result<Option<TaskRole>> {
    #[derive(Deserialize)]
    struct Row {
        role: TaskRole,
    }
    let rows: Vec<Row> =
        db.rows("SELECT role FROM supervision_part WHERE task_id = ?1 AND unit_id = ?2", &[num(task_id), num(unit)]).await?;
    Ok(rows.into_iter().next().map(|r| r.role))
}

/// Whether the unit has a part in any task of the item.
pub async fn unit_in_item(db: &Db, item_id: i64, unit: i64) -> Result<bool> {
    #[derive(Deserialize)]
    struct Row {
        n: i64,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT COUNT(*) AS n FROM supervision_part p JOIN supervision_task t ON t.id = p.task_id
             WHERE t.item_id = ?1 AND p.unit_id = ?2",
            &[num(item_id), num(unit)],
        )
        .await?;
    Ok(rows.first().is_some_and(|r| r.n > 0))
}
