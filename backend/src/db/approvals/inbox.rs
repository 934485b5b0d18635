//! The inbox's list queries over `case_record` (migrations 0004, 0010–0012):
//! a department's cases, or every department's for the office, filtered by
//! state, class and handler, one keyset page at a time; the search by case
//! number, mobile or name; and the page totals from `case_tally`.

use super::cases::corrupt;
use crate::db::{num, opt_int, opt_text, Db};
use serde::Deserialize;
use shared::approvals::case::{CaseState, InboxItem};
use shared::approvals::matter::HandlingClass;
use shared::page::Cursor;
use worker::wasm_bindgen::JsValue;
use worker::Result;

/// Whose cases an inbox lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handler {
    Anyone,
    /// Not yet taken by anyone.
    Nobody,
    Staff(i64),
}

/// What one page of the inbox asks for.
pub struct Query<'a> {
    /// `None`: every department (the office).
    pub department: Option<i64>,
    pub states: &'a [CaseState],
    pub class: Option<HandlingClass>,
    pub handler: Handler,
    /// Only cases due before this instant (the overdue list).
    pub due_before: Option<String>,
    pub after: Option<Cursor>,
    pub size: u32,
}

/// An inbox row: the item, its matter's yellow-card threshold, and where the
/// next page starts if this row ends the page.
pub struct Row {
    pub item: InboxItem,
    pub yellow_days: u32,
    pub cursor: Cursor,
}

#[derive(Deserialize)]
struct RawRow {
    id: i64,
    sort_key: String,
    case_no: String,
    matter_name: String,
    applicant_name: String,
    state: String,
    class: Option<HandlingClass>,
    submitted_at: shared::engine::instant::Instant,
    deadline: Option<shared::engine::instant::Instant>,
    yellow_days: u32,
    assignee: Option<String>,
}

const COLUMNS: &str = "c.id, c.case_no, m.name AS matter_name, c.applicant_name, c.state, c.class, c.submitted_at, c.deadline,
    m.yellow_days, s.name AS assignee";
const JOINS: &str = "case_record c JOIN matter m ON m.id = c.matter_id LEFT JOIN staff s ON s.id = c.assignee_id";

/// Whether a list of states is history (only closed states): then newest
/// first, otherwise soonest deadline first.
fn is_history(states: &[CaseState]) -> bool {
    states.iter().all(|s| matches!(s, CaseState::Completed | CaseState::Returned))
}

/// One page, plus one row more if another page follows.
///
/// Each state and scope is its own statement walking one index in order
/// from the cursor (`case_page_by_department`, `case_page_by_state`, or the
/// (department, state, submitted_at) index for history), all in one batch;
/// their heads are merged here and only the page's cases are read whole. So
/// a page reads about `size` rows per state whatever the number of cases.
/// (One statement per state, not a compound SELECT: D1 allows few terms.)
pub async fn page(db: &Db, q: &Query<'_>) -> Result<Vec<Row>> {
    #[derive(Deserialize)]
    struct Head {
        id: i64,
        sort_key: String,
        submitted_at: shared::engine::instant::Instant,
    }
    let history = is_history(q.states);
    // ?1 department, ?2 limit, ?3..?5 cursor, ?6 class, ?7 handler mode,
    // ?8 handler, ?9 due before, ?10 the state.
    let (key, order, cmp) = if history {
        ("c.submitted_at", "c.submitted_at DESC, c.id DESC", "(c.submitted_at, c.id) < (?4, ?5)")
    } else {
        ("c.due_key", "c.due_key, c.submitted_at, c.id", "(c.due_key, c.submitted_at, c.id) > (?3, ?4, ?5)")
    };
    // Conditions are left out rather than disabled with `?n IS NULL OR …`:
    // only a plain range lets SQLite start the index walk at the cursor.
    let mut filters = vec![
        "(?6 IS NULL OR c.class = ?6)
         AND (?7 = 'anyone' OR (?7 = 'nobody' AND c.assignee_id IS NULL) OR c.assignee_id = ?8)",
    ];
    if q.after.is_some() {
        filters.push(cmp);
    }
    if q.due_before.is_some() {
        filters.push("c.due_key < ?9");
    }
    let filters = filters.join(" AND ");
    let scopes: Vec<&str> = match q.department {
        Some(_) => vec![
            "case_record c WHERE c.department_id = ?1 AND c.state = ?10",
            // Assisted joint cases in this state: the partial index of
            // co-departments by state (named: without statistics SQLite may
            // pick another), so history never counts; then sorted, as they
            // are few (the open joint cases a department assists).
            "case_department cd INDEXED BY case_department_assisting_state CROSS JOIN case_record c ON c.id = cd.case_id
             WHERE cd.department_id = ?1 AND cd.lead = 0 AND cd.state = ?10 AND c.state = ?10",
        ],
        None => vec!["case_record c WHERE ?1 IS NULL AND c.state = ?10"],
    };
    let (mode, staff) = match q.handler {
        Handler::Anyone => ("anyone", None),
        Handler::Nobody => ("nobody", None),
        Handler::Staff(id) => ("staff", Some(id)),
    };
    let after = q.after.as_ref();
    let mut statements = Vec::new();
    for state in q.states {
        for scope in &scopes {
            let sql = format!("SELECT c.id, {key} AS sort_key, c.submitted_at FROM {scope} AND {filters} ORDER BY {order} LIMIT ?2");
            let params = [
                opt_int(q.department),
                num(q.size as i64 + 1),
                opt_text(after.map(|c| c.key.as_str())),
                opt_text(after.map(|c| c.at.as_str())),
                opt_int(after.map(|c| c.id)),
                opt_text(q.class.map(HandlingClass::as_str)),
                mode.into(),
                opt_int(staff),
                opt_text(q.due_before.as_deref()),
                JsValue::from(state.as_str()),
            ];
            statements.push(db.statement(&sql, &params)?);
        }
    }
    let mut heads = Vec::new();
    for result in db.batch(statements).await? {
        heads.extend(result.results::<Head>()?);
    }
    let sort = |h: &Head| (h.sort_key.clone(), h.submitted_at, h.id);
    heads.sort_by_key(sort);
    if history {
        heads.reverse();
    }
    heads.truncate(q.size as usize + 1);
    if heads.is_empty() {
        return Ok(Vec::new());
    }
    let ids = serde_json::to_string(&heads.iter().map(|h| h.id).collect::<Vec<_>>()).map_err(|e| corrupt("ids", e))?;
    let sql = format!("SELECT {key} AS sort_key, {COLUMNS} FROM {JOINS} WHERE c.id IN (SELECT value FROM json_each(?1)) ORDER BY {order}");
    let rows: Vec<RawRow> = db.rows(&sql, &[ids.into()]).await?;
    rows.into_iter().map(row).collect()
}

/// Cases whose number or mobile is exactly `q`, or whose applicant's name
/// starts with it: each an index look-up, never a scan. At most `size` + 1
/// names are taken (in name order), and the matches come newest first; one
/// row more than `size` tells the caller the list was cut.
pub async fn search(db: &Db, department: Option<i64>, q: &str, size: u32) -> Result<Vec<Row>> {
    let visible = "(?1 IS NULL OR c.department_id = ?1
         OR EXISTS (SELECT 1 FROM case_department cd WHERE cd.department_id = ?1 AND cd.case_id = c.id))";
    // A department searches names through its own (department, name) index;
    // the office through the name index.
    let by_name = match department {
        Some(_) => "SELECT id FROM case_record WHERE department_id = ?1 AND applicant_name >= ?2 AND applicant_name < ?2 || char(1114111)",
        None => "SELECT id FROM case_record WHERE applicant_name >= ?2 AND applicant_name < ?2 || char(1114111)",
    };
    let sql = format!(
        "SELECT c.submitted_at AS sort_key, {COLUMNS} FROM {JOINS}
         WHERE c.id IN (SELECT id FROM case_record WHERE case_no = upper(?2)
                        UNION SELECT id FROM case_record WHERE mobile = ?2
                        UNION SELECT id FROM ({by_name} LIMIT ?3))
           AND {visible}
         ORDER BY c.submitted_at DESC, c.id DESC LIMIT ?3"
    );
    let rows: Vec<RawRow> = db.rows(&sql, &[opt_int(department), q.into(), num(size as i64 + 1)]).await?;
    rows.into_iter().map(row).collect()
}

fn row(r: RawRow) -> Result<Row> {
    let cursor = Cursor { key: r.sort_key, at: r.submitted_at.to_string(), id: r.id };
    let item = InboxItem {
        state: CaseState::parse(&r.state).ok_or_else(|| corrupt("case state", &r.state))?,
        case_no: r.case_no,
        matter_name: r.matter_name,
        applicant_name: r.applicant_name,
        class: r.class,
        submitted_at: r.submitted_at,
        deadline: r.deadline,
        remaining_days: None,
        standing: None,
        deemed_warning: None,
        assignee: r.assignee,
    };
    Ok(Row { item, yellow_days: r.yellow_days, cursor })
}

/// How many cases a department holds (as lead or assisting) in `states`, or
/// the office across departments (lead only, so a joint case counts once):
/// one `case_tally` row per department and state.
pub async fn total(db: &Db, department: Option<i64>, states: &[CaseState]) -> Result<u64> {
    #[derive(Deserialize)]
    struct Total {
        n: Option<i64>,
    }
    let list = serde_json::to_string(&states.iter().map(|s| s.as_str()).collect::<Vec<_>>()).map_err(|e| corrupt("states", e))?;
    let rows: Vec<Total> = db
        .rows(
            "SELECT sum(n) AS n FROM case_tally
             WHERE state IN (SELECT value FROM json_each(?2)) AND (department_id = ?1 OR (?1 IS NULL AND lead = 1))",
            &[opt_int(department), list.into()],
        )
        .await?;
    Ok(rows.first().and_then(|r| r.n).unwrap_or(0).max(0) as u64)
}
