//! What staff see of items, issues and the league table, and the forms of
//! an issue and of the rules.

use super::scoring::ScoreRules;
use super::{Category, InfoState, IssueKind, Level};
use crate::engine::date::Date;
use crate::engine::instant::Instant;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemSummary {
    pub item_no: String,
    pub title: String,
    pub category: Category,
    pub state: InfoState,
    pub unit_name: String,
    pub submitted_at: Instant,
    /// The issue it is in, when adopted.
    pub issue_no: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InfoItemList {
    pub items: Vec<ItemSummary>,
    pub next: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShareView {
    pub unit_id: i64,
    pub unit_name: String,
    pub percent: u32,
    /// Points earned by this item for this unit, in hundredths.
    pub points: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrailLine {
    pub at: Instant,
    pub actor: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InfoItemView {
    pub item_no: String,
    pub title: String,
    pub body: String,
    pub category: Category,
    pub state: InfoState,
    pub unit_id: i64,
    pub unit_name: String,
    pub writer: String,
    pub writer_phone: String,
    pub signed_off_by: String,
    pub submitted_at: Instant,
    pub shares: Vec<ShareView>,
    pub issue_id: Option<i64>,
    pub issue_no: Option<String>,
    /// The latest return or decline reason.
    pub reason: String,
    pub forwarded: Vec<Level>,
    pub adopted_by: Vec<Level>,
    pub trail: Vec<TrailLine>,
    /// Actions open to the viewer now.
    pub actions: Vec<String>,
    pub version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IssueForm {
    pub kind: IssueKind,
    pub title: String,
    pub published_on: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IssueSummary {
    pub id: i64,
    pub kind: IssueKind,
    pub number: String,
    pub title: String,
    pub published_on: Date,
    pub items: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IssueList {
    pub issues: Vec<IssueSummary>,
}

/// One article of an issue as printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IssueArticle {
    pub item_no: String,
    pub title: String,
    pub body: String,
    /// The units, joined (联合报送: 城关镇、县住建局).
    pub units: String,
    pub writer: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IssueView {
    pub issue: IssueSummary,
    pub articles: Vec<IssueArticle>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LeagueRow {
    pub rank: u32,
    pub unit_id: i64,
    pub unit_name: String,
    /// Hundredths of a point.
    pub points: i64,
    pub points_text: String,
    pub adopted: i64,
    pub higher: i64,
    pub instructions: i64,
    pub submitted: u64,
}

/// A unit still short of its monthly quota.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Shortfall {
    pub unit_id: i64,
    pub unit_name: String,
    pub submitted: u64,
    pub quota: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct League {
    pub year: i32,
    pub rules: ScoreRules,
    pub formula: String,
    pub rows: Vec<LeagueRow>,
    /// This month (`YYYY-MM`) and the units still short of their quota.
    pub month: String,
    pub shortfall: Vec<Shortfall>,
}

/// A commissioned topic (约稿): what the office asks of which units, by when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommissionForm {
    pub topic: String,
    pub deadline: Date,
    pub unit_ids: Vec<i64>,
}

/// A unit's part of a commission: the item that answered it, or missed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommissionUnit {
    pub unit_id: i64,
    pub unit_name: String,
    pub answered_by: Option<String>,
    pub missed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommissionView {
    pub id: i64,
    pub topic: String,
    pub deadline: Date,
    pub units: Vec<CommissionUnit>,
}

/// A unit's misses in the year; two or more may zero its year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MissRow {
    pub unit_id: i64,
    pub unit_name: String,
    pub misses: u32,
    pub may_zero: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommissionList {
    pub year: i32,
    pub commissions: Vec<CommissionView>,
    pub misses: Vec<MissRow>,
}

/// One report of an emergency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EmergencyLine {
    pub item_no: String,
    pub report: super::emergency::ReportKind,
    pub submitted_at: Instant,
    pub late: bool,
}

/// An emergency event: its first report and what followed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EmergencyEvent {
    pub first_no: String,
    pub title: String,
    pub unit_name: String,
    pub grade: super::emergency::Grade,
    pub event_at: Instant,
    /// When the first report was due (none for an ordinary event).
    pub due_at: Option<Instant>,
    /// The first report came after it was due.
    pub late: bool,
    /// A final report (终报) is in.
    pub finished: bool,
    pub reports: Vec<EmergencyLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EmergencyList {
    pub year: i32,
    pub events: Vec<EmergencyEvent>,
}
