//! The receipt chain: every event of a document (delivered, opened, signed,
//! returned, recalled, chased, handled) is stored with the SHA-256 of its
//! own text and of the event before it, so a quietly edited, removed or
//! inserted receipt breaks the chain from there on. The text hashed is
//! written here once; the hashing itself is the Worker's (`sha2`), passed
//! in, so this crate stays free of it.

use super::ReceiptKind;
use crate::engine::instant::Instant;
use serde::{Deserialize, Serialize};

/// One receipt as stored (and as the printable 签收回执 shows it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Receipt {
    /// 1, 2, … within the document.
    pub seq: u32,
    pub kind: ReceiptKind,
    /// The recipient unit (none: the whole document, e.g. sent).
    pub unit_id: Option<i64>,
    pub unit_name: String,
    /// Who did it (a staff member's name).
    pub actor: String,
    pub at: Instant,
    pub note: String,
    /// The previous receipt's hash (empty for the first).
    pub prev_hash: String,
    pub hash: String,
}

/// The text whose SHA-256 is a receipt's hash: every field that matters,
/// one per line, after the previous hash.
pub fn canonical(doc_key: &str, r: &Receipt) -> String {
    let unit = r.unit_id.map(|u| u.to_string()).unwrap_or_default();
    format!("{}\n{doc_key}\n{}\n{}\n{unit}\n{}\n{}\n{}", r.prev_hash, r.seq, r.kind.as_str(), r.actor, r.at, r.note)
}

/// What the check of a chain found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChainCheck {
    pub ok: bool,
    /// Receipts checked.
    pub checked: u32,
    /// The first receipt that does not match (its `seq`).
    pub broken_at: Option<u32>,
    pub message: String,
}

/// Checks `receipts` (in order) against their hashes, their links and the
/// document's stored head (the last hash, kept on the document itself).
pub fn verify(doc_key: &str, receipts: &[Receipt], head: &str, sha256: impl Fn(&str) -> String) -> ChainCheck {
    let mut prev = String::new();
    for (i, r) in receipts.iter().enumerate() {
        let expected_seq = i as u32 + 1;
        if r.seq != expected_seq || r.prev_hash != prev || sha256(&canonical(doc_key, r)) != r.hash {
            let at = r.seq.min(expected_seq);
            return ChainCheck {
                ok: false,
                checked: i as u32,
                broken_at: Some(at),
                message: format!("第{at}条回执与存证不符：记录可能被改动、删除或插入"),
            };
        }
        prev = r.hash.clone();
    }
    let n = receipts.len() as u32;
    if prev != head {
        return ChainCheck {
            ok: false,
            checked: n,
            broken_at: Some(n + 1),
            message: "回执链末端与公文存证不符：最后的回执可能被删除或替换".into(),
        };
    }
    ChainCheck { ok: true, checked: n, broken_at: None, message: format!("{n}条回执全部核验一致，未被改动") }
}
