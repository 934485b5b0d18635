//! Streamlining meetings and documents (精简会议文件, DOMAIN.md §5): who may
//! approve a meeting of each class, which issuing level a document needs,
//! and the validation of both registers.

use crate::engine::date::Date;
use crate::error::{ApiError, ErrorCode, FieldError};
use serde::{Deserialize, Serialize};

pub mod quota;
mod records;
pub use records::*;

named_enum! {
/// The two registers the office counts and sets quotas for.
pub enum RegisterKind {
    Meeting = "meeting",
    Document = "document",
}
}

named_enum! {
#[derive(PartialOrd, Ord)]
pub enum MeetingClass {
    Class1 = "class1",
    Class2 = "class2",
}
}

impl MeetingClass {
    pub fn zh(self) -> &'static str {
        match self {
            MeetingClass::Class1 => "一类会议",
            MeetingClass::Class2 => "二类会议",
        }
    }
}

named_enum! {
/// Who approved holding a meeting in the county government's name.
pub enum ApprovingBody {
    /// 县政府常务会议
    ExecutiveMeeting = "executive_meeting",
    /// 县长办公会议
    CountyHeadOfficeMeeting = "county_head_office_meeting",
    /// 县长
    CountyHead = "county_head",
    /// 常务副县长
    ExecutiveDeputyCountyHead = "executive_deputy_county_head",
}
}

impl ApprovingBody {
    pub fn zh(self) -> &'static str {
        match self {
            ApprovingBody::ExecutiveMeeting => "县政府常务会议",
            ApprovingBody::CountyHeadOfficeMeeting => "县长办公会议",
            ApprovingBody::CountyHead => "县长",
            ApprovingBody::ExecutiveDeputyCountyHead => "常务副县长",
        }
    }
}

/// The class rule: Class 1 is decided by the executive meeting or the county
/// head's office meeting; Class 2 by the county head's office meeting, or
/// approved by the county head or the executive deputy county head.
pub fn may_approve(class: MeetingClass, body: ApprovingBody) -> bool {
    use ApprovingBody::*;
    match class {
        MeetingClass::Class1 => matches!(body, ExecutiveMeeting | CountyHeadOfficeMeeting),
        MeetingClass::Class2 => matches!(body, CountyHeadOfficeMeeting | CountyHead | ExecutiveDeputyCountyHead),
    }
}

fn allowed_bodies(class: MeetingClass) -> String {
    ApprovingBody::ALL.iter().filter(|b| may_approve(class, **b)).map(|b| b.zh()).collect::<Vec<_>>().join("、")
}

/// A meeting to register (the office or the organising department fills it in).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeetingForm {
    pub title: String,
    pub organiser_department_id: i64,
    pub date: Date,
    pub duration_minutes: u32,
    pub participants: String,
    pub class: MeetingClass,
    pub approved_by: ApprovingBody,
    pub approval_date: Date,
    pub approval_ref: String,
    /// The annual plan item this meeting carries out; `None`: outside the plan.
    pub plan_item_id: Option<i64>,
}

fn text_field(errors: &mut Vec<FieldError>, field: &str, value: &str, label: &str, max: usize) {
    let n = value.trim().chars().count();
    if n == 0 {
        errors.push(FieldError { field: field.into(), message: format!("请填写{label}") });
    } else if n > max {
        errors.push(FieldError { field: field.into(), message: format!("{label}过长，请控制在{max}字以内") });
    }
}

fn result(errors: Vec<FieldError>) -> Result<(), ApiError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::with_fields(ErrorCode::InvalidApplication, "登记信息有误，请按提示修改", errors))
    }
}

impl MeetingForm {
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut errors = Vec::new();
        text_field(&mut errors, "title", &self.title, "会议名称", 100);
        text_field(&mut errors, "participants", &self.participants, "参会范围", 200);
        text_field(&mut errors, "approval_ref", &self.approval_ref, "批准文号或纪要编号", 60);
        if !(10..=24 * 60).contains(&self.duration_minutes) {
            errors.push(FieldError { field: "duration_minutes".into(), message: "会议时长应在10分钟到24小时之间".into() });
        }
        if !may_approve(self.class, self.approved_by) {
            errors.push(FieldError {
                field: "approved_by".into(),
                message: format!(
                    "{}须由{}研究确定或批准，“{}”无权批准",
                    self.class.zh(),
                    allowed_bodies(self.class),
                    self.approved_by.zh()
                ),
            });
        }
        if self.approval_date > self.date {
            errors.push(FieldError { field: "approval_date".into(), message: "批准日期不能晚于会议日期".into() });
        }
        result(errors)
    }
}

named_enum! {
/// Issuing levels, highest first (DOMAIN.md §5).
#[derive(PartialOrd, Ord)]
pub enum DocLevel {
    /// 县政府文件
    CountyGovernment = "county_government",
    /// 县府办文件
    CountyOffice = "county_office",
    /// 便函
    InformalLetter = "informal_letter",
    /// 部门联合发文
    JointDepartment = "joint_department",
    /// 部门文件
    Department = "department",
}
}

impl DocLevel {
    pub fn zh(self) -> &'static str {
        match self {
            DocLevel::CountyGovernment => "县政府文件",
            DocLevel::CountyOffice => "县府办文件",
            DocLevel::InformalLetter => "便函",
            DocLevel::JointDepartment => "部门联合发文",
            DocLevel::Department => "部门文件",
        }
    }

    /// Issued in the county government's or the office's name: what the
    /// report counts ("以县政府和县府办名义下发的文件").
    pub fn in_government_name(self) -> bool {
        matches!(self, DocLevel::CountyGovernment | DocLevel::CountyOffice | DocLevel::InformalLetter)
    }

    /// Rank from the top: lowering a level means a higher rank number.
    fn rank(self) -> usize {
        DocLevel::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }
}

named_enum! {
/// What a document is for, as far as its level is concerned.
pub enum DocNature {
    /// Normative document or major policy for the whole county.
    Policy = "policy",
    /// Arranging or implementing routine work.
    WorkArrangement = "work_arrangement",
    /// Consulting, replying, notifying a few recipients.
    Correspondence = "correspondence",
}
}

/// A request to issue a document (departments fill it in).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentRequest {
    pub subject: String,
    pub proposed_level: DocLevel,
    /// The drafting department(s); the first one leads.
    pub drafting_departments: Vec<i64>,
    /// The matter lies within one department's own powers.
    pub within_one_department: bool,
    /// It needs the county government's authority over townships and departments.
    pub needs_government_authority: bool,
    pub nature: DocNature,
    /// Length in characters.
    pub length_chars: u32,
}

/// The lowest level that serves (能用办公室文件发的不用县政府文件发，能用便函
/// 发的不用办公室文件发；部门职权内的以部门名义发，涉及几个部门的联合发文).
pub fn suggest_level(r: &DocumentRequest) -> DocLevel {
    if !r.needs_government_authority {
        if r.within_one_department || r.drafting_departments.len() <= 1 {
            return DocLevel::Department;
        }
        return DocLevel::JointDepartment;
    }
    match r.nature {
        DocNature::Policy => DocLevel::CountyGovernment,
        DocNature::WorkArrangement => DocLevel::CountyOffice,
        DocNature::Correspondence => DocLevel::InformalLetter,
    }
}

impl DocumentRequest {
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut errors = Vec::new();
        text_field(&mut errors, "subject", &self.subject, "文件标题", 100);
        if self.drafting_departments.is_empty() {
            errors.push(FieldError { field: "drafting_departments".into(), message: "请选择起草部门".into() });
        }
        if self.within_one_department && self.drafting_departments.len() > 1 {
            errors
                .push(FieldError {
                    field: "within_one_department".into(), message: "属于一个部门职权范围的事项只能有一个起草部门".into()
                });
        }
        if self.length_chars == 0 || self.length_chars > 100_000 {
            errors.push(FieldError { field: "length_chars".into(), message: "篇幅应为1到100000字".into() });
        }
        result(errors)
    }
}

/// The office's review of a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Review {
    /// Issue at the proposed level.
    Approve,
    /// Issue at a lower level, with the reason.
    Lower { level: DocLevel, reason: String },
    /// Not issued (能不发的坚决不发), with the reason.
    Refuse { reason: String },
}

impl Review {
    /// Checks the review against the request's proposed level; returns the
    /// level it will be issued at, if any.
    pub fn check(&self, proposed: DocLevel) -> Result<Option<DocLevel>, ApiError> {
        let bad = |m: String| Err(ApiError::new(ErrorCode::InvalidParameter, m));
        match self {
            Review::Approve => Ok(Some(proposed)),
            Review::Lower { level, reason } => {
                if level.rank() <= proposed.rank() {
                    return bad(format!("“{}”不低于申请的“{}”，降格须选择更低的发文层级", level.zh(), proposed.zh()));
                }
                if reason.trim().is_empty() {
                    return bad("降格发文须写明理由".into());
                }
                Ok(Some(*level))
            }
            Review::Refuse { reason } if reason.trim().is_empty() => bad("不予发文须写明理由".into()),
            Review::Refuse { .. } => Ok(None),
        }
    }
}

/// The issued number, e.g. "示政发〔2026〕3号", with the level's prefix from
/// the county's settings at the time of issue.
pub fn document_number(prefix: &str, year: i32, seq: u32) -> String {
    format!("{prefix}〔{year}〕{seq}号")
}

/// A registered meeting, as lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeetingRecord {
    pub id: i64,
    pub title: String,
    pub organiser: String,
    pub date: Date,
    pub duration_minutes: u32,
    pub participants: String,
    pub class: MeetingClass,
    pub approved_by: ApprovingBody,
    pub approval_date: Date,
    pub approval_ref: String,
    /// `None`: outside the annual plan (flagged).
    pub plan_item: Option<String>,
}

named_enum! {
pub enum DocState {
    Pending = "pending",
    Issued = "issued",
    Refused = "refused",
}
}

impl DocState {
    pub fn zh(self) -> &'static str {
        match self {
            DocState::Pending => "待审核",
            DocState::Issued => "已印发",
            DocState::Refused => "不予发文",
        }
    }
}

#[cfg(test)]
mod tests;
