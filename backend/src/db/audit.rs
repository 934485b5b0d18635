//! The audit rows of records changed through `db::guarded` (hotline
//! tickets, supervision tasks, complaints): the cells every row has, and a
//! record's trail as written.

use crate::db::{num, Db};
use serde::Deserialize;
use shared::engine::instant::Instant;
use worker::wasm_bindgen::JsValue;
use worker::Result;

/// The cells every audit row has, in this order (`?3…?8` of its insert
/// after the record's key and nonce): when, who, the staff member, the
/// state before (none: new) and after, the note.
pub fn cells(at: Instant, actor: &str, staff_id: Option<i64>, from: Option<&str>, to: &str, note: &str) -> Vec<JsValue> {
    vec![
        at.to_string().into(),
        actor.into(),
        staff_id.map(num).unwrap_or(JsValue::NULL),
        from.map(JsValue::from).unwrap_or(JsValue::NULL),
        to.into(),
        note.into(),
    ]
}

/// One audit row as read back.
#[derive(Deserialize)]
pub struct Line {
    pub at: Instant,
    pub actor: String,
    pub note: String,
    pub public: u8,
}

/// Record `id`'s audit rows in `table` (names from code, `fk` the column
/// naming the record), oldest first.
pub async fn trail(db: &Db, table: &str, fk: &str, id: i64) -> Result<Vec<Line>> {
    db.rows(&format!("SELECT at, actor, note, public FROM {table} WHERE {fk} = ?1 ORDER BY id"), &[num(id)]).await
}
