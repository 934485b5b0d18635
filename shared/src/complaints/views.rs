//! What staff, the complainant and the lists see of a complaint.

use super::complaint::ComplaintCallback;
use super::privacy::Identity;
use super::{ComplaintChannel, ComplaintCloseReason, ComplaintKind, ComplaintState, FaultNotice, Finding, HandlingMode, Sanction};
use crate::engine::case_action::ExtensionState;
use crate::engine::instant::Instant;
use crate::engine::ledger::Standing;
use serde::{Deserialize, Serialize};

/// A unit named in the investigation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitRef {
    pub id: i64,
    pub name: String,
}

/// The investigation record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Investigation {
    pub finding: Finding,
    pub units: Vec<UnitRef>,
    pub people: String,
    pub facts: String,
    pub at: Instant,
}

/// The accountability record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Accountability {
    pub notice: Option<FaultNotice>,
    pub sanction: Option<Sanction>,
    /// 有奖举报: the report was valid and is rewarded.
    pub reward: bool,
}

/// An evidence file (kept in R2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evidence {
    pub id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size: u64,
    pub at: Instant,
}

/// An audit row. The complainant appears as `投诉人`, never by name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComplaintEvent {
    pub at: Instant,
    pub actor: String,
    pub note: String,
    pub public: bool,
}

/// A complaint as staff see it (`GET /api/complaints/{no}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComplaintView {
    pub complaint_no: String,
    pub state: ComplaintState,
    pub close_reason: Option<ComplaintCloseReason>,
    pub channel: ComplaintChannel,
    pub kind: ComplaintKind,
    pub anonymous: bool,
    /// The complainant: for the office's complaint staff only, `None` for
    /// everyone else (and for an anonymous complaint).
    pub complainant: Option<Identity>,
    pub subject: String,
    pub cause: String,
    pub course: String,
    pub received_at: Instant,
    /// The acceptance decision is due by then.
    pub accept_by: Instant,
    pub mode: Option<HandlingMode>,
    pub unit: Option<UnitRef>,
    pub instruction: String,
    pub decision: String,
    pub deadline: Option<Instant>,
    pub standing: Option<Standing>,
    /// Why the deadline is where it is.
    pub explanation: Vec<String>,
    pub extension: ExtensionState,
    pub extension_reason: String,
    pub investigation: Option<Investigation>,
    pub accountability: Option<Accountability>,
    pub evidence: Vec<Evidence>,
    pub result: Option<String>,
    pub concluded_at: Option<Instant>,
    pub concluded_late: bool,
    pub last_callback: Option<ComplaintCallback>,
    pub redone: u32,
    pub events: Vec<ComplaintEvent>,
    /// The actions open to this viewer now (`complaint::available`).
    pub actions: Vec<String>,
    pub version: i64,
}

/// A row of a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComplaintRow {
    pub complaint_no: String,
    pub state: ComplaintState,
    pub kind: ComplaintKind,
    pub anonymous: bool,
    /// The complainant's name, for the office only.
    pub complainant_name: Option<String>,
    pub subject: String,
    pub cause: String,
    pub unit_name: Option<String>,
    pub received_at: Instant,
    pub deadline: Option<Instant>,
    pub standing: Option<Standing>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComplaintList {
    pub items: Vec<ComplaintRow>,
    /// The cursor of the next page, if there is one.
    pub next: Option<String>,
}

/// A note the complainant sees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComplaintNote {
    pub at: Instant,
    pub note: String,
}

/// What a named complainant sees with the number and query code: no
/// names, no internal notes, the result once concluded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicComplaint {
    pub complaint_no: String,
    pub state: ComplaintState,
    pub close_reason: Option<ComplaintCloseReason>,
    pub kind: ComplaintKind,
    pub cause: String,
    pub received_at: Instant,
    pub deadline: Option<Instant>,
    pub timeline: Vec<ComplaintNote>,
    /// The answer, the decision's reason or the result, once given.
    pub reply: Option<String>,
}

/// The query code, sent in a body so it stays out of URLs and logs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComplaintCode {
    pub code: String,
}
