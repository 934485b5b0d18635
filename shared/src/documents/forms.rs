//! What staff send: an outgoing document's registration, and the actions
//! on a sent one (the sender's and a recipient unit's).

use super::Urgency;
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// The longest signer's name, return reason and handling note.
pub const MAX_SIGNER: usize = 20;
pub const MAX_NOTE: usize = 500;

/// Registering an outgoing document from an approved, numbered request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OutgoingForm {
    /// The document request (发文申请) the office issued with its number.
    pub request_id: i64,
    pub urgency: Urgency,
    /// 签发人
    pub signer: String,
    /// 主送: units, and unit groups expanded to their units when sent.
    #[serde(default)]
    pub main_units: Vec<i64>,
    #[serde(default)]
    pub main_groups: Vec<i64>,
    /// 抄送
    #[serde(default)]
    pub copy_units: Vec<i64>,
    #[serde(default)]
    pub copy_groups: Vec<i64>,
    /// The sender's statement that the document is not classified (非涉密):
    /// required, classified documents never travel over this system.
    #[serde(default)]
    pub not_classified: bool,
}

impl OutgoingForm {
    pub fn validate(&self) -> Result<(), ApiError> {
        let bad = |m: &str| Err(ApiError::new(ErrorCode::InvalidParameter, m));
        if !self.not_classified {
            return bad("请确认本公文为非涉密公文（not_classified）：涉密公文不得通过本系统传输");
        }
        let signer = self.signer.trim();
        if signer.is_empty() || signer.chars().count() > MAX_SIGNER {
            return bad("请填写签发人（不超过20个字）");
        }
        if self.main_units.is_empty() && self.main_groups.is_empty() {
            return bad("请至少选择一个主送单位或单位分组");
        }
        let n = self.main_units.len() + self.main_groups.len() + self.copy_units.len() + self.copy_groups.len();
        if n > 200 {
            return bad("主送和抄送合计不超过200项");
        }
        Ok(())
    }
}

/// What is done with a sent document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum DocAction {
    /// The office sends the registered document to its recipients.
    Send,
    /// The office recalls (撤回) one unit's copy, or every copy not yet
    /// signed for (`unit_id` absent).
    Recall {
        #[serde(default)]
        unit_id: Option<i64>,
    },
    /// The office chases (催收) one unit, or every unit not yet signed.
    Chase {
        #[serde(default)]
        unit_id: Option<i64>,
    },
    /// A recipient unit opened the document.
    Open,
    /// A recipient unit signs for it (签收).
    Sign,
    /// A recipient unit returns it (退文) with its reasons.
    Return { reason: String },
    /// A recipient unit records it handled.
    Handle { note: String },
    /// The unit registers its signed copy as incoming (收文): numbered, with
    /// the proposed handling (拟办).
    Register { proposal: String },
    /// The leader's instruction (批示).
    Instruct { instruction: String },
    /// Circulation (传阅) to named staff of the unit.
    Circulate { staff_ids: Vec<i64> },
    /// A reader has read the circulated document.
    Read,
    /// Takes back the circulation copies not yet read.
    RecallCirculation,
    /// The lead office (承办) and its deadline (for urgent documents).
    Assign {
        lead: String,
        #[serde(default)]
        due: Option<crate::engine::date::Date>,
    },
}

impl DocAction {
    /// The sender's (the office's) actions; the others are a recipient's.
    pub fn by_sender(&self) -> bool {
        matches!(self, DocAction::Send | DocAction::Recall { .. } | DocAction::Chase { .. })
    }

    pub fn validate(&self) -> Result<(), ApiError> {
        let text = match self {
            DocAction::Return { reason } => Some((reason, "退文理由")),
            DocAction::Handle { note } => Some((note, "办理情况")),
            DocAction::Register { proposal } => Some((proposal, "拟办意见")),
            DocAction::Instruct { instruction } => Some((instruction, "领导批示")),
            DocAction::Assign { lead, .. } => Some((lead, "承办科室或承办人")),
            DocAction::Circulate { staff_ids } if staff_ids.is_empty() || staff_ids.len() > 30 => {
                return Err(ApiError::new(ErrorCode::InvalidParameter, "请选择1到30名传阅人"))
            }
            _ => None,
        };
        match text {
            Some((t, what)) if t.trim().is_empty() || t.chars().count() > MAX_NOTE => {
                Err(ApiError::new(ErrorCode::InvalidParameter, format!("请填写{what}（不超过{MAX_NOTE}个字）")))
            }
            _ => Ok(()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocActionRequest {
    /// The version read: the document's for the sender's actions, the unit's
    /// own copy's for a recipient's, the recalled copy's for a recall of one
    /// unit. A stale one is refused (409).
    pub version: i64,
    #[serde(flatten)]
    pub action: DocAction,
}

/// The office's sign-for limits for urgent documents (configurable).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SignLimits {
    /// 特急: working hours (09:00–12:00, 13:30–17:30 on working days).
    pub extra_urgent_hours: u32,
    /// 加急: working days after the day sent.
    pub urgent_days: u32,
}

impl Default for SignLimits {
    fn default() -> SignLimits {
        SignLimits { extra_urgent_hours: 2, urgent_days: 1 }
    }
}

impl SignLimits {
    pub fn validate(&self) -> Result<(), ApiError> {
        if !(1..=40).contains(&self.extra_urgent_hours) || !(1..=10).contains(&self.urgent_days) {
            return Err(ApiError::new(ErrorCode::InvalidParameter, "特急时限应为1到40个工作小时，加急时限应为1到10个工作日"));
        }
        Ok(())
    }
}
