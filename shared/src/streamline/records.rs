//! The registers' records as the API carries them: meetings, document
//! requests, plans, quotas, the office's audit trail, and their lists (the
//! rules that decide them are in `streamline.rs`).

use super::{DocLevel, DocNature, DocState, MeetingClass, MeetingRecord, RegisterKind, Review};
use crate::engine::date::Date;
use crate::error::{ApiError, ErrorCode};
use crate::page::PageInfo;
use serde::{Deserialize, Serialize};

/// A document request and what became of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentRecord {
    pub id: i64,
    pub version: i64,
    pub subject: String,
    pub proposed_level: DocLevel,
    pub suggested_level: DocLevel,
    pub drafting_departments: Vec<String>,
    pub within_one_department: bool,
    pub needs_government_authority: bool,
    pub nature: DocNature,
    pub length_chars: u32,
    pub requested_at: crate::engine::instant::Instant,
    pub state: DocState,
    pub issued_level: Option<DocLevel>,
    /// "示政发〔2026〕3号", once issued.
    pub number: Option<String>,
    pub issued_on: Option<Date>,
    pub review_reason: Option<String>,
}

/// The review the office sends, naming the version it saw.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReviewRequest {
    pub version: i64,
    #[serde(flatten)]
    pub review: Review,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanItem {
    pub id: i64,
    pub year: i32,
    pub title: String,
    pub class: MeetingClass,
    pub month: u32,
}

/// One annual quota: `kind` is "meeting" or "document", `category` a
/// meeting class or document level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuotaEntry {
    pub year: i32,
    pub kind: RegisterKind,
    pub category: String,
    pub quota: u64,
}

impl QuotaEntry {
    pub fn validate(&self) -> Result<(), ApiError> {
        let ok = match self.kind {
            RegisterKind::Meeting => MeetingClass::parse(&self.category).is_some(),
            RegisterKind::Document => DocLevel::parse(&self.category).is_some(),
        };
        if !ok || !(2000..=2100).contains(&self.year) || self.quota > 100_000 {
            return Err(ApiError::new(ErrorCode::InvalidParameter, "指标类别、年份或数量无效"));
        }
        Ok(())
    }
}

/// One entry of the office's audit trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OfficeEvent {
    pub at: crate::engine::instant::Instant,
    pub staff: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OfficeEventList {
    pub events: Vec<OfficeEvent>,
}

/// A planned meeting the office adds to a year's plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewPlanItem {
    pub year: i32,
    pub title: String,
    pub class: MeetingClass,
    pub month: u32,
}

impl NewPlanItem {
    pub fn validate(&self) -> Result<(), ApiError> {
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > 100 || !(1..=12).contains(&self.month) || !(2000..=2100).contains(&self.year) {
            return Err(ApiError::new(ErrorCode::InvalidParameter, "请填写计划会议名称（100字以内）和1到12月的月份"));
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeetingList {
    pub meetings: Vec<MeetingRecord>,
    /// No total for pending requests.
    #[serde(flatten)]
    pub page: PageInfo,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentList {
    pub documents: Vec<DocumentRecord>,
    /// No total for pending requests.
    #[serde(flatten)]
    pub page: PageInfo,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanList {
    pub plan: Vec<PlanItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuotaList {
    pub quotas: Vec<QuotaEntry>,
}
