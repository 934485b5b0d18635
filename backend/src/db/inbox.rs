//! The inbox's list query over `case_record` (migrations 0004, 0010, 0011):
//! a department's cases, or every department's for the office, filtered by
//! state, class and handler.

use super::cases::corrupt;
use super::{num, opt_int, opt_text, Db};
use serde::Deserialize;
use shared::case::{CaseState, InboxItem};
use shared::matter::HandlingClass;
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

/// A department's cases (as lead, or assisting a joint case) in the given
/// states, oldest deadline first, each with its matter's yellow-card
/// threshold. The office (`None`) sees every department's.
///
/// Rows read grow with the open cases, not with history: the lead cases come
/// from the (department, state, …) indexes, the assisted ones from the
/// partial index of co-departments, and a closed state reads one page.
pub async fn inbox(
    db: &Db,
    department: Option<i64>,
    states: &[CaseState],
    class: Option<HandlingClass>,
    handler: Handler,
    limit: u32,
) -> Result<Vec<(InboxItem, u32)>> {
    #[derive(Deserialize)]
    struct Row {
        case_no: String,
        matter_name: String,
        applicant_name: String,
        state: String,
        class: Option<HandlingClass>,
        submitted_at: String,
        deadline: Option<String>,
        yellow_days: u32,
        assignee: Option<String>,
    }
    // One state is compared directly, so SQLite can walk an index in order.
    let states_param: JsValue = match states {
        [one] => one.as_str().into(),
        _ => serde_json::to_string(&states.iter().map(|s| s.as_str()).collect::<Vec<_>>())
            .map_err(|e| corrupt("states", e))?
            .into(),
    };
    let in_states = if states.len() == 1 { "c.state = ?2" } else { "c.state IN (SELECT value FROM json_each(?2))" };
    // Open cases by deadline; a history (only closed states) newest first, so
    // a page of it is read straight off the (department, state, submitted_at) index.
    let history = states.iter().all(|s| matches!(s, CaseState::Completed | CaseState::Returned));
    let order = if history { "c.submitted_at DESC" } else { "c.deadline IS NULL, c.deadline, c.submitted_at" };
    let filters = "(?4 IS NULL OR c.class = ?4) AND (?5 = 'anyone' OR (?5 = 'nobody' AND c.assignee_id IS NULL) OR c.assignee_id = ?6)";
    let page = |from_where: &str| format!("SELECT id FROM (SELECT c.id FROM {from_where} AND {in_states} AND {filters} ORDER BY {order} LIMIT ?3)");
    // Assisted cases: only the department's co-department rows (the partial
    // index, named because without statistics SQLite may pick the primary
    // key and read every case of the department), joined in that order.
    let scope = match department {
        Some(_) => format!(
            "{} UNION ALL {}",
            page("case_record c WHERE c.department_id = ?1"),
            page("case_department cd INDEXED BY case_department_assisting CROSS JOIN case_record c ON c.id = cd.case_id WHERE cd.department_id = ?1 AND cd.lead = 0"),
        ),
        None => page("case_record c WHERE ?1 IS NULL"),
    };
    let sql = format!(
        "SELECT c.case_no, m.name AS matter_name, c.applicant_name, c.state, c.class, c.submitted_at, c.deadline,
                m.yellow_days, s.name AS assignee
         FROM case_record c JOIN matter m ON m.id = c.matter_id LEFT JOIN staff s ON s.id = c.assignee_id
         WHERE c.id IN ({scope})
         ORDER BY {order} LIMIT ?3"
    );
    let class = opt_text(class.map(HandlingClass::as_str));
    let (mode, staff) = match handler {
        Handler::Anyone => ("anyone", None),
        Handler::Nobody => ("nobody", None),
        Handler::Staff(id) => ("staff", Some(id)),
    };
    let params = [opt_int(department), states_param, num(limit as i64), class, mode.into(), opt_int(staff)];
    let rows: Vec<Row> = db.rows(&sql, &params).await?;
    rows.into_iter()
        .map(|r| {
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
            Ok((item, r.yellow_days))
        })
        .collect()
}
