//! Lists of documents, paged by keyset so the n-th page reads as few rows
//! as the first: the office's documents newest first, and a unit's inbox
//! (its copies, newest first) through its own index.

use crate::db::{num, Db};
use serde::Deserialize;
use shared::documents::RecipientState;
use shared::documents::{DocState, Urgency};
use shared::engine::instant::Instant;
use shared::page::Cursor;
use worker::Result;

const ROW: &str = "d.doc_key, d.title, d.number, d.urgency, d.state, d.created_at, d.sent_at, d.due_at, d.recipients, d.opened,
    d.signed, d.returned, d.recalled";

#[derive(Deserialize)]
pub struct ListRow {
    pub doc_key: String,
    pub title: String,
    pub number: String,
    pub urgency: Urgency,
    pub state: DocState,
    pub created_at: Instant,
    pub sent_at: Option<Instant>,
    pub due_at: Option<Instant>,
    pub recipients: u32,
    pub opened: u32,
    pub signed: u32,
    pub returned: u32,
    pub recalled: u32,
    /// The unit's own copy (its inbox).
    pub mine: Option<RecipientState>,
    /// The sort key, for the next page's cursor.
    pub sort: String,
    pub sort_id: i64,
}

/// A page of `size` rows after `after` (and one more, to know if another
/// page follows): every document for the office (`unit` none), else the
/// unit's copies.
pub async fn page(db: &Db, unit: Option<i64>, after: Option<&Cursor>, size: u32) -> Result<Vec<ListRow>> {
    let (key, id) = after.map(|c| (c.key.clone(), c.id)).unwrap_or_default();
    let first = after.is_none() as i64;
    let params = [num(first), key.into(), num(id), num(size as i64 + 1)];
    match unit {
        None => {
            let sql = format!(
                "SELECT {ROW}, NULL AS mine, d.created_at AS sort, d.id AS sort_id FROM doc_outgoing d
                 WHERE ?1 = 1 OR (d.created_at, d.id) < (?2, ?3) ORDER BY d.created_at DESC, d.id DESC LIMIT ?4"
            );
            db.rows(&sql, &params).await
        }
        Some(unit) => {
            let sql = format!(
                "SELECT {ROW}, r.state AS mine, r.delivered_at AS sort, r.id AS sort_id
                 FROM doc_recipient r JOIN doc_outgoing d ON d.id = r.doc_id
                 WHERE r.unit_id = ?5 AND (?1 = 1 OR (r.delivered_at, r.id) < (?2, ?3))
                 ORDER BY r.delivered_at DESC, r.id DESC LIMIT ?4"
            );
            let mut p = params.to_vec();
            p.push(num(unit));
            db.rows(&sql, &p).await
        }
    }
}
