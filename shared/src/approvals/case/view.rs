//! What the applicant and staff see of a case: the receipt, the tracking
//! view, the inbox, the staff view, the office's overview (the API's view
//! types; the state machine itself is in `case.rs`).

use super::CaseState;
use crate::approvals::matter::HandlingClass;
use crate::engine::date::Date;
use crate::page::PageInfo;
use serde::{Deserialize, Serialize};

/// One entry of a case's audit trail: never rewritten.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseEvent {
    pub at: crate::engine::instant::Instant,
    /// "申请人" or the staff member's name.
    pub actor: String,
    pub from_state: Option<CaseState>,
    pub to_state: CaseState,
    pub note: String,
}

/// The receipt the applicant keeps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Receipt {
    pub case_no: String,
    pub query_code: String,
    pub matter_name: String,
    pub department_name: String,
    pub submitted_at: crate::engine::instant::Instant,
}

/// An extension's request and decision, as staff and the applicant see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExtensionInfo {
    pub days: u32,
    pub reason: String,
    pub state: crate::engine::case_action::ExtensionState,
}

/// What the public tracking page shows, given the right case number and code
/// (and the part of the staff view that is the same).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrackView {
    pub case_no: String,
    pub matter_id: i64,
    pub matter_name: String,
    pub department_name: String,
    pub state: CaseState,
    pub class: Option<HandlingClass>,
    pub accepted_on: Option<Date>,
    pub committed_days: Option<u32>,
    /// RFC 3339 end of the last working day.
    pub deadline: Option<crate::engine::instant::Instant>,
    pub supplement_items: Vec<String>,
    pub return_reasons: Option<String>,
    pub report_authority: Option<String>,
    /// The matter's materials, for uploading a supplement.
    pub materials: Vec<crate::approvals::matter::Material>,
    pub timeline: Vec<CaseEvent>,
    /// The deadline with its explanation, once the clock runs.
    pub ledger: Option<crate::engine::ledger::Derived>,
    pub extension: Option<ExtensionInfo>,
    pub result: Option<String>,
    /// The applicant's rating once given, with the negative-review outcome.
    pub evaluation: Option<crate::approvals::evaluation::EvaluationView>,
    /// The applicant chose not to receive SMS: the tracking page is their
    /// channel (absent in rows written before the choice existed: false).
    #[serde(default)]
    pub sms_opt_out: bool,
}

/// A department's completed cases and how many were on time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DepartmentRate {
    pub department: String,
    pub completed: u64,
    pub on_time: u64,
    /// On-time completion rate in percent, one decimal; `None` before any completion.
    pub on_time_rate: Option<f64>,
}

impl DepartmentRate {
    pub fn new(department: String, completed: u64, on_time: u64) -> DepartmentRate {
        let on_time_rate = (completed > 0).then(|| (on_time as f64 * 1000.0 / completed as f64).round() / 10.0);
        DepartmentRate { department, completed, on_time, on_time_rate }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OfficeOverview {
    pub rates: Vec<DepartmentRate>,
    /// Open cases past their deadline, across departments, most overdue
    /// first: one page of them.
    pub overdue: Vec<InboxItem>,
    /// The overdue list's paging.
    #[serde(flatten)]
    pub page: PageInfo,
}

/// An applicant's identity number and mobile, unmasked, for the staff
/// member who needs them (`POST /api/staff/cases/{case_no}/personal-data`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PersonalData {
    pub id_number: String,
    pub mobile: String,
}

/// The multipart form of a supplement: the query code in `code`, the files
/// in `material:<id>` fields as with the application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SupplementUpload {
    pub code: String,
}

/// A warning the daily job recorded for a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Warning {
    pub case_no: String,
    pub matter_name: String,
    pub department_name: String,
    pub kind: WarningKind,
}

named_enum! {
/// What the daily job warns of.
pub enum WarningKind {
    /// At most the matter's threshold of working days left.
    Yellow = "yellow",
    /// Past the deadline.
    Red = "red",
    /// A submission near or past deemed acceptance.
    Deemed = "deemed",
}
}

/// The warnings of one day (`GET /api/office/warnings`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WarningList {
    pub day: crate::engine::date::Date,
    pub warnings: Vec<Warning>,
}

/// A stored file of a case, as staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseFile {
    pub id: i64,
    pub material_id: i64,
    /// 0: with the application; n: with the n-th supplement.
    pub round: u32,
    pub file_name: String,
    pub content_type: String,
    pub size: u64,
}

/// One line of a department's inbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InboxItem {
    pub case_no: String,
    pub matter_name: String,
    pub applicant_name: String,
    pub state: CaseState,
    pub class: Option<HandlingClass>,
    pub submitted_at: crate::engine::instant::Instant,
    pub deadline: Option<crate::engine::instant::Instant>,
    /// Working days left (negative: overdue), for open cases with a deadline.
    pub remaining_days: Option<i64>,
    pub standing: Option<crate::engine::ledger::Standing>,
    /// For submissions not yet disposed of: the deemed-acceptance warning.
    pub deemed_warning: Option<String>,
    /// The handler's name, once someone took the case.
    pub assignee: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Inbox {
    pub cases: Vec<InboxItem>,
    /// Things every window should know today (a missing calendar year).
    pub notices: Vec<String>,
    /// No total for filters by class or handler, nor for a search.
    #[serde(flatten)]
    pub page: PageInfo,
}

/// Everything staff need to dispose of a case: what the applicant sees, and
/// the applicant's particulars, files and the handling details.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffCaseView {
    #[serde(flatten)]
    pub progress: TrackView,
    /// Send back with a disposition: a changed version means someone else acted.
    pub version: i64,
    pub department_id: i64,
    pub co_departments: Vec<i64>,
    pub applicant_kind: crate::approvals::application::ApplicantKind,
    pub applicant_name: String,
    /// Masked ("1101**********002X"): [`PersonalData`] shows it whole, and
    /// each showing is in the security log (个人信息保护法: the least the
    /// task needs).
    pub id_number: String,
    /// Masked ("138****8000"), as `id_number`.
    pub mobile: String,
    pub address: String,
    /// The matter's extra fields as (label, value).
    pub fields: Vec<(String, String)>,
    pub submitted_at: crate::engine::instant::Instant,
    pub files: Vec<CaseFile>,
    pub paused: bool,
    pub assignee_id: Option<i64>,
    pub assignee: Option<String>,
}

/// `POST /api/office/applicant-data`: whose data to export, by the
/// identity number or credit code they applied with (in the body, never in
/// a URL).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApplicantDataRequest {
    pub id_number: String,
}

/// The most cases one export holds (an applicant with more is told so):
/// each case is about nine D1 queries, and one Worker call may make 1,000.
pub const APPLICANT_EXPORT_MAX: u32 = 100;

impl ApplicantDataRequest {
    /// The number as cases store it: a resident ID or a credit code,
    /// checked and upper-cased.
    pub fn normalized(&self) -> Result<String, crate::error::ApiError> {
        use crate::identity::{CreditCode, ResidentId};
        let id = ResidentId::parse(&self.id_number).map(|i| i.as_str().to_string());
        id.or_else(|_| CreditCode::parse(&self.id_number).map(|c| c.as_str().to_string())).map_err(|_| {
            crate::error::ApiError::new(crate::error::ErrorCode::InvalidParameter, "请填写申请时使用的18位身份证号码或统一社会信用代码")
        })
    }
}

/// Everything the system holds about one applicant's applications (个人信息
/// 保护法 art. 45, the right to a copy): each case as staff see it, with the
/// identity number and mobile whole, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApplicantData {
    pub id_number: String,
    pub generated_at: crate::engine::instant::Instant,
    pub cases: Vec<StaffCaseView>,
    /// Set when the applicant has more than [`APPLICANT_EXPORT_MAX`] cases.
    pub truncated: bool,
}
