//! One change of a sent (or sending) document as one `batch()`: the first
//! statement moves the receipt chain's head from the hash read to the new
//! last receipt's (and, for the sender, names the document's version; for
//! a unit, its copy's), so a concurrent change or a stale page writes
//! nothing at all; then the copies, the receipts and the counters, each
//! only where that first statement landed (`db::guarded`).

use super::DocRecord;
use crate::db::guarded::{Table, Write};
use crate::db::{num, Db};
use sha2::{Digest, Sha256};
use shared::documents::figures::Increments;
use shared::documents::receipt::{canonical, Receipt};
use shared::engine::instant::Instant;
use worker::wasm_bindgen::JsValue;
use worker::Result;

pub static DOCS: Table = Table { name: "doc_outgoing", key: "doc_key", tally: "doc_tally" };

pub fn sha256_hex(text: &str) -> String {
    crate::crypto::hex(&Sha256::digest(text.as_bytes()))
}

/// Links `receipts` (seq, prev_hash and hash unset) after the document's head.
pub fn link(doc: &DocRecord, receipts: &mut [Receipt]) {
    let mut prev = doc.head_hash.clone();
    for (i, r) in receipts.iter_mut().enumerate() {
        r.seq = doc.receipts + i as u32 + 1;
        r.prev_hash = prev;
        r.hash = sha256_hex(&canonical(&doc.doc_key, r));
        prev = r.hash.clone();
    }
}

/// What a change writes besides its receipts.
#[derive(Default)]
pub struct Change {
    /// The version the caller read: the document's (`None` for a copy's).
    pub doc_version: Option<i64>,
    /// A copy's (id, version read), for a unit's action or a recall of one.
    pub copy_version: Option<(i64, i64)>,
    /// Document columns set (names from code).
    pub columns: Vec<(&'static str, JsValue)>,
    /// Document counts added to (`signed`, 1).
    pub counts: Vec<(&'static str, i64)>,
    /// Copies changed: (copy id, columns set).
    pub copies: Vec<(i64, Vec<(&'static str, JsValue)>)>,
    /// New copies: JSON array of {unit, role} (the send).
    pub new_copies: Option<(String, Instant, Option<Instant>)>,
    /// (day, units with the county first as 0, increments)
    pub tally: Vec<(Vec<i64>, Increments)>,
    /// Further statements of this module's making (`?1` the document's key,
    /// `?2` the nonce, each guarded by [`LANDED`]).
    pub extra: Vec<(String, Vec<JsValue>)>,
}

/// Where the change's first statement landed (the guard of later ones).
pub const LANDED: &str = "EXISTS (SELECT 1 FROM doc_outgoing WHERE doc_key = ?1 AND last_change = ?2)";

/// Writes `change` and `receipts` (already linked); `false` if the head or
/// a version read had moved (then nothing was written).
pub async fn write(db: &Db, doc: &DocRecord, change: Change, receipts: &[Receipt], now: Instant, nonce: &str) -> Result<bool> {
    let head = receipts.last().map(|r| r.hash.clone()).unwrap_or_else(|| doc.head_hash.clone());
    let mut sets = vec!["head_hash = ?3".to_string(), "receipts = receipts + ?4".into(), "last_change = ?5".into()];
    let mut params: Vec<JsValue> = vec![num(doc.id), doc.head_hash.as_str().into(), head.into(), num(receipts.len() as i64), nonce.into()];
    let mut guard = String::new();
    if let Some(v) = change.doc_version {
        sets.push("version = version + 1".into());
        params.push(num(v));
        guard.push_str(&format!(" AND version = ?{}", params.len()));
    }
    if let Some((id, v)) = change.copy_version {
        params.extend([num(id), num(v)]);
        guard.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM doc_recipient WHERE id = ?{} AND doc_id = ?1 AND version = ?{})",
            params.len() - 1,
            params.len()
        ));
    }
    for (c, v) in &change.columns {
        params.push(v.clone());
        sets.push(format!("{c} = ?{}", params.len()));
    }
    sets.extend(change.counts.iter().map(|(c, n)| format!("{c} = {c} + {n}")));
    let sql = format!("UPDATE doc_outgoing SET {} WHERE id = ?1 AND head_hash = ?2{guard}", sets.join(", "));
    let first = db.statement(&sql, &params)?;
    let mut w = Write::after(db, &DOCS, &doc.doc_key, nonce, first);
    let landed = format!("EXISTS ({})", w.landed());
    if let Some((list, at, due)) = &change.new_copies {
        let due = due.map(|d| JsValue::from(d.to_string())).unwrap_or(JsValue::NULL);
        w.then(
            &format!(
                "INSERT INTO doc_recipient (doc_id, unit_id, role, state, delivered_at, due_at)
                 SELECT ?3, json_extract(j.value, '$.unit'), json_extract(j.value, '$.role'), 'delivered', ?5, ?6
                 FROM json_each(?4) j WHERE {landed}"
            ),
            &[num(doc.id), list.as_str().into(), at.to_string().into(), due],
        )?;
    }
    for (id, columns) in &change.copies {
        let mut p: Vec<JsValue> = vec![num(*id), num(doc.id)];
        let sets: Vec<String> = columns
            .iter()
            .map(|(c, v)| {
                p.push(v.clone());
                format!("{c} = ?{}", p.len() + 2)
            })
            .collect();
        let sql = format!("UPDATE doc_recipient SET {}, version = version + 1 WHERE id = ?3 AND doc_id = ?4 AND {landed}", sets.join(", "));
        w.then(&sql, &p)?;
    }
    if !receipts.is_empty() {
        let rows: Vec<serde_json::Value> = receipts
            .iter()
            .map(|r| {
                serde_json::json!({"seq": r.seq, "kind": r.kind.as_str(), "unit": r.unit_id, "actor": r.actor, "at": r.at.to_string(),
                    "note": r.note, "prev": r.prev_hash, "hash": r.hash})
            })
            .collect();
        let j = |f: &str| format!("json_extract(j.value, '$.{f}')");
        w.then(
            &format!(
                "INSERT INTO doc_receipt (doc_id, seq, kind, unit_id, actor, staff_id, at, note, prev_hash, hash)
                 SELECT ?3, {}, {}, {}, {}, ?5, {}, {}, {}, {} FROM json_each(?4) j WHERE {landed}",
                j("seq"),
                j("kind"),
                j("unit"),
                j("actor"),
                j("at"),
                j("note"),
                j("prev"),
                j("hash")
            ),
            &[num(doc.id), serde_json::to_string(&rows)?.into(), JsValue::NULL],
        )?;
    }
    for (sql, params) in &change.extra {
        w.then(sql, params)?;
    }
    for (units, increments) in &change.tally {
        let counters: Vec<(&str, u64)> = increments.iter().map(|(c, n)| (c.column(), *n)).collect();
        w.tally_units(now.date(), units, &counters)?;
    }
    w.run().await
}

/// A document's receipts, oldest first, with their units' names.
pub async fn receipts(db: &Db, doc_id: i64) -> Result<Vec<Receipt>> {
    db.rows(
        "SELECT r.seq, r.kind, r.unit_id, coalesce(u.name, '') AS unit_name, r.actor, r.at, r.note, r.prev_hash, r.hash
         FROM doc_receipt r LEFT JOIN department u ON u.id = r.unit_id WHERE r.doc_id = ?1 ORDER BY r.seq",
        &[num(doc_id)],
    )
    .await
}
