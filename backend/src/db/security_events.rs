//! SQL for `security_event` (migrations/0016_security_events.sql): the
//! security event log. Rows are only ever inserted (triggers refuse any
//! change, and any deletion before the retention has passed); an event of
//! a change goes into the change's own batch, written only where the change
//! landed. Searched newest first, by the (at), (username, at), (kind, at)
//! and (address, at) indexes, a keyset page at a time.

use super::{num, opt_int, Db};
use serde::Deserialize;
use shared::engine::instant::Instant;
use shared::security::{Outcome, SecurityEvent, SecurityFilter, SecurityKind};
use worker::wasm_bindgen::JsValue;
use worker::{D1PreparedStatement, Result};

/// One event as it is written (texts already cut to their limits).
pub struct Event {
    pub at: String,
    pub kind: SecurityKind,
    pub outcome: Outcome,
    pub staff_id: Option<i64>,
    pub username: String,
    pub address: String,
    pub target: String,
    pub detail: String,
}

const COLUMNS: &str = "at, kind, outcome, staff_id, username, address, target, detail";

/// `INSERT … {select}`, where `select` reads the event's values as ?1–?8
/// (in [`COLUMNS`] order) and `extra` as ?9 on.
fn insert_select(db: &Db, e: &Event, select: &str, extra: Vec<JsValue>) -> Result<D1PreparedStatement> {
    let mut params = vec![
        JsValue::from(e.at.as_str()),
        e.kind.as_str().into(),
        e.outcome.as_str().into(),
        opt_int(e.staff_id),
        e.username.as_str().into(),
        e.address.as_str().into(),
        e.target.as_str().into(),
        e.detail.as_str().into(),
    ];
    params.extend(extra);
    db.statement(&format!("INSERT INTO security_event ({COLUMNS}) {select}"), &params)
}

const VALUES: &str = "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8";

/// The event, unconditionally: in a batch it stands or falls with the batch.
pub fn insert(db: &Db, e: &Event) -> Result<D1PreparedStatement> {
    insert_select(db, e, VALUES, Vec::new())
}

/// The event, written only where the guarded UPDATE of `table`'s row `id`
/// in the same batch landed (its `last_change` is `nonce`).
pub fn if_landed(db: &Db, e: &Event, table: &'static str, id: i64, nonce: &str) -> Result<D1PreparedStatement> {
    let select = format!("{VALUES} WHERE EXISTS (SELECT 1 FROM {table} WHERE id = ?9 AND last_change = ?10)");
    insert_select(db, e, &select, vec![num(id), nonce.into()])
}

/// The event of a row inserted earlier in the same batch: its target is
/// `e.target` followed by the new row's id, found by its unique `column`.
pub fn of_new_row(db: &Db, e: &Event, table: &'static str, column: &'static str, key: &str) -> Result<D1PreparedStatement> {
    let select = format!("SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 || id, ?8 FROM {table} WHERE {column} = ?9");
    insert_select(db, e, &select, vec![key.into()])
}

/// The event of a revocation, before the revocation in the same batch:
/// written only where the key is still valid (not for a second revocation).
pub fn if_key_valid(db: &Db, e: &Event, key_id: i64) -> Result<D1PreparedStatement> {
    let select = format!("{VALUES} WHERE EXISTS (SELECT 1 FROM hotline_api_key WHERE id = ?9 AND revoked_at IS NULL)");
    insert_select(db, e, &select, vec![num(key_id)])
}

/// The event of the member whose session has `token_hash` (their id and
/// user name), else `e`'s own; with `required`, none without the session.
/// One statement, so a refusal costs one write.
pub fn by_session(db: &Db, e: &Event, token_hash: Option<&str>, required: bool) -> Result<D1PreparedStatement> {
    let select = "SELECT ?1, ?2, ?3, coalesce(t.staff_id, ?4), coalesce(s.username, ?5), ?6, ?7, ?8
         FROM (SELECT 1) AS one LEFT JOIN staff_session t ON t.token_hash = ?9 LEFT JOIN staff s ON s.id = t.staff_id
         WHERE ?10 = 0 OR t.staff_id IS NOT NULL";
    let hash = token_hash.map(JsValue::from).unwrap_or(JsValue::NULL);
    insert_select(db, e, select, vec![hash, num(required as i64)])
}

/// The event of ending a member's other sessions, before the deletion in
/// the same batch: its detail says how many there were.
pub fn before_ending_others(db: &Db, e: &Event, staff_id: i64, keep: &str) -> Result<D1PreparedStatement> {
    let select = "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7,
             ?8 || (SELECT count(*) FROM staff_session WHERE staff_id = ?9 AND token_hash <> ?10) || '个'";
    insert_select(db, e, select, vec![num(staff_id), keep.into()])
}

#[derive(Deserialize)]
struct Row {
    id: i64,
    at: Instant,
    kind: SecurityKind,
    outcome: Outcome,
    staff_id: Option<i64>,
    username: String,
    address: String,
    target: String,
    detail: String,
}

/// One page of the events `f` selects, newest first, plus one row if more
/// follow. Only the filters given become conditions, so the planner walks
/// the index of the one that narrows most.
pub async fn search(db: &Db, f: &SecurityFilter) -> Result<Vec<SecurityEvent>> {
    let mut conditions = Vec::new();
    let mut params: Vec<JsValue> = Vec::new();
    // Each `$` becomes the next numbered parameter.
    let mut add = |condition: &str, values: Vec<JsValue>| {
        let mut condition = condition.to_string();
        for v in values {
            params.push(v);
            condition = condition.replacen('$', &format!("?{}", params.len()), 1);
        }
        conditions.push(condition);
    };
    if let Some(from) = f.from {
        add("at >= $", vec![from.to_string().into()]);
    }
    if let Some(until) = f.until {
        add("at < $", vec![until.to_string().into()]);
    }
    if let Some(kind) = f.kind {
        add("kind = $", vec![kind.as_str().into()]);
    }
    if let Some(outcome) = f.outcome {
        add("outcome = $", vec![outcome.as_str().into()]);
    }
    if let Some(user) = &f.user {
        add("username = $", vec![user.as_str().into()]);
    }
    if let Some(address) = &f.address {
        add("address = $", vec![address.as_str().into()]);
    }
    if let Some((at, id)) = f.after {
        add("(at, id) < ($, $)", vec![at.to_string().into(), num(id)]);
    }
    let filter = if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };
    params.push(num(f.limit as i64 + 1));
    let sql = format!("SELECT id, {COLUMNS} FROM security_event {filter} ORDER BY at DESC, id DESC LIMIT ?{}", params.len());
    let rows: Vec<Row> = db.rows(&sql, &params).await?;
    Ok(rows
        .into_iter()
        .map(|r| SecurityEvent {
            id: r.id,
            at: r.at,
            kind: r.kind,
            outcome: r.outcome,
            staff_id: r.staff_id,
            username: r.username,
            address: r.address,
            target: r.target,
            detail: r.detail,
        })
        .collect())
}

/// Events from before `before` (RFC 3339), past the retention: the only
/// deletion the table's trigger lets through.
pub fn expire(db: &Db, before: &str) -> Result<D1PreparedStatement> {
    db.statement("DELETE FROM security_event WHERE at < ?1", &[before.into()])
}
