//! What the document endpoints answer: the sender's page (every recipient
//! as a flat row, with counts kept on the document), a unit's view of its
//! own copy, lists, and the printable receipt chain.

use super::forms::SignLimits;
use super::receipt::{ChainCheck, Receipt};
use super::{DocState, FileKind, RecipientRole, RecipientState, Urgency};
use crate::engine::instant::Instant;
use crate::streamline::DocLevel;
use serde::{Deserialize, Serialize};

/// A stored file of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocFile {
    pub id: i64,
    pub kind: FileKind,
    pub file_name: String,
    pub content_type: String,
    pub size: u64,
}

/// One recipient unit's copy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RecipientRow {
    pub unit_id: i64,
    pub unit_name: String,
    pub role: RecipientRole,
    pub state: RecipientState,
    /// The copy's version (a recall of this unit, or the unit's own action, names it).
    pub version: i64,
    pub delivered_at: Instant,
    pub opened_at: Option<Instant>,
    pub opened_by: Option<String>,
    pub signed_at: Option<Instant>,
    pub signed_by: Option<String>,
    pub returned_at: Option<Instant>,
    pub return_reason: Option<String>,
    pub handled_at: Option<Instant>,
    pub handled_note: Option<String>,
    pub recalled_at: Option<Instant>,
    /// Times chased (催收), and the last.
    pub chased: u32,
    pub last_chased_at: Option<Instant>,
    /// The sign-for limit of an urgent document.
    pub due_at: Option<Instant>,
    /// Unsigned past its limit.
    pub overdue: bool,
    /// The unit's receiving number (收文号), once registered.
    pub receive_no: Option<String>,
}

/// Kept on the document in the batch of each change (never counted).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocCounts {
    pub recipients: u32,
    pub opened: u32,
    pub signed: u32,
    pub returned: u32,
    pub recalled: u32,
}

impl DocCounts {
    /// Copies still waiting for a sign-for.
    pub fn unsigned(&self) -> u32 {
        self.recipients.saturating_sub(self.signed + self.returned + self.recalled)
    }
}

/// A document: for the office every recipient; for a unit its own copy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocView {
    pub doc_key: String,
    pub request_id: i64,
    pub title: String,
    /// 发文字号, from the request's numbering.
    pub number: String,
    pub level: DocLevel,
    pub urgency: Urgency,
    pub signer: String,
    pub not_classified: bool,
    pub state: DocState,
    pub version: i64,
    pub created_at: Instant,
    pub sent_at: Option<Instant>,
    /// The sign-for limit in words (urgent documents).
    pub limit: Option<String>,
    pub files: Vec<DocFile>,
    pub counts: DocCounts,
    pub recipients: Vec<RecipientRow>,
    /// Whether the viewer is the sender (else the recipient of `recipients[0]`).
    pub sender: bool,
    /// The unit's incoming record (收文), once registered: the unit's view only.
    pub incoming: Option<super::incoming::Incoming>,
}

/// One line of a list: the office's sent documents, or a unit's inbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocRow {
    pub doc_key: String,
    pub title: String,
    pub number: String,
    pub urgency: Urgency,
    pub state: DocState,
    pub created_at: Instant,
    pub sent_at: Option<Instant>,
    pub counts: DocCounts,
    /// A unit's own copy (its inbox).
    pub mine: Option<RecipientState>,
    pub overdue: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocList {
    pub items: Vec<DocRow>,
    pub next: Option<String>,
}

/// The printable 签收回执: the chain, and its check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReceiptChain {
    pub doc_key: String,
    pub title: String,
    pub number: String,
    pub head_hash: String,
    pub receipts: Vec<Receipt>,
    pub check: ChainCheck,
}

/// What `GET /api/documents/limits` answers and its POST takes.
pub type SignLimitsView = SignLimits;
