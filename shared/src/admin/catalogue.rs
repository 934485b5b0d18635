//! The matter catalogue, versioned (DOMAIN.md §1, §9): a department drafts
//! a new matter or a change with all nine disclosures, materials and form
//! fields; the office publishes it or sends it back with a reason. Cases
//! keep the version they were submitted under; history stays, and any two
//! versions can be compared.

use super::Problems;
use crate::approvals::application::FormField;
use crate::approvals::matter::{HandlingClass, MaterialForm};
use crate::error::{ApiError, ErrorCode};
use crate::staff::{Role, StaffUser};
use serde::{Deserialize, Serialize};

/// A material as a version lists it (its id comes with publication).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MaterialSpec {
    pub name: String,
    pub form: MaterialForm,
    pub copies: u32,
    pub required: bool,
    #[serde(default)]
    pub note: String,
}

/// Everything a version of a matter says: the nine disclosures (the
/// complaint phone is the county's, from the settings), materials, the
/// form's own fields, and the yellow-card threshold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatterContent {
    pub code: String,
    pub name: String,
    pub department_id: i64,
    pub class: HandlingClass,
    pub legal_basis: String,
    pub conditions: String,
    pub materials: Vec<MaterialSpec>,
    pub procedure: Vec<String>,
    pub statutory_days: u32,
    pub committed_days: u32,
    pub fee: String,
    pub fee_basis: String,
    pub free: bool,
    pub result: String,
    pub yellow_days: u32,
    #[serde(default)]
    pub form_fields: Vec<FormField>,
}

named_enum! {
/// Where a version stands.
pub enum VersionState {
    /// Being written by the department.
    Draft = "draft",
    /// Waiting for the office's review.
    Submitted = "submitted",
    /// Sent back by the office with a reason; the department edits it again.
    Returned = "returned",
    /// Published: the catalogue showed it from `reviewed_at`.
    Published = "published",
}
}

impl VersionState {
    pub fn zh(self) -> &'static str {
        match self {
            VersionState::Draft => "草稿",
            VersionState::Submitted => "待审核",
            VersionState::Returned => "已退回",
            VersionState::Published => "已发布",
        }
    }
}

/// One version of a matter, published or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatterVersion {
    pub id: i64,
    /// The matter it changes; `None` for a new matter not yet published.
    pub matter_id: Option<i64>,
    /// Its number once published (1, 2, …).
    pub number: Option<u32>,
    /// The published number it was drafted from (`None`: a new matter).
    pub base_number: Option<u32>,
    pub state: VersionState,
    pub content: MatterContent,
    /// The office's reason when it sent the version back.
    pub review_note: String,
    pub author: String,
    pub updated_at: crate::engine::instant::Instant,
    pub reviewer: Option<String>,
    pub reviewed_at: Option<crate::engine::instant::Instant>,
    /// Edits so far: a save names the one it read (409 if stale).
    pub rev: i64,
}

/// A version with what it changes against the version it was drafted from
/// (or, for a published one, the version before it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VersionDetail {
    pub version: MatterVersion,
    pub changes: Vec<Change>,
    pub department_name: String,
}

/// A version as lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VersionSummary {
    pub id: i64,
    pub matter_id: Option<i64>,
    pub number: Option<u32>,
    pub code: String,
    pub name: String,
    pub department_name: String,
    pub state: VersionState,
    pub author: String,
    pub updated_at: crate::engine::instant::Instant,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VersionList {
    pub versions: Vec<VersionSummary>,
}

/// A new draft: of an existing matter (`matter_id`) or a new one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewDraft {
    pub matter_id: Option<i64>,
    pub content: MatterContent,
}

/// A save of a draft's content, naming the edit it read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DraftSave {
    pub content: MatterContent,
    pub rev: i64,
}

named_enum! {
/// What is done with a version as a whole.
pub enum VersionStep {
    /// The department hands the draft to the office.
    Submit = "submit",
    /// The office publishes it.
    Publish = "publish",
    /// The office sends it back (a reason is required).
    Return = "return",
}
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VersionAction {
    pub step: VersionStep,
    #[serde(default)]
    pub note: String,
    pub rev: i64,
}

/// One difference between two versions, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Change {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// Bounds of a matter's content (a guide stays readable on a phone).
pub const MAX_MATERIALS: usize = 30;
pub const MAX_FORM_FIELDS: usize = 20;
pub const MAX_STEPS: usize = 20;
pub const MAX_LONG_TEXT: usize = 2000;

impl MatterContent {
    /// The content with surrounding spaces removed from every text, as it
    /// is stored and published (so an export reads back identical).
    pub fn trimmed(mut self) -> MatterContent {
        let t = |s: &mut String| *s = s.trim().to_string();
        for s in [
            &mut self.code,
            &mut self.name,
            &mut self.legal_basis,
            &mut self.conditions,
            &mut self.fee,
            &mut self.fee_basis,
            &mut self.result,
        ] {
            t(s);
        }
        self.procedure.iter_mut().for_each(t);
        for m in &mut self.materials {
            t(&mut m.name);
            t(&mut m.note);
        }
        for f in &mut self.form_fields {
            t(&mut f.key);
            t(&mut f.label);
        }
        self
    }

    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        let code_ok = |c: &str| (1..=30).contains(&c.len()) && c.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !code_ok(self.code.trim()) {
            p.add("code", "事项编码为 1–30 位字母、数字、“-”或“_”");
        }
        p.text("name", "事项名称", &self.name, 60);
        p.text("legal_basis", "设定依据", &self.legal_basis, MAX_LONG_TEXT);
        p.text("conditions", "申请条件", &self.conditions, MAX_LONG_TEXT);
        p.text("fee", "收费标准", &self.fee, 200);
        p.optional_text("fee_basis", "收费依据", &self.fee_basis, 500);
        p.text("result", "办理结果", &self.result, 200);
        if self.statutory_days > 365 {
            p.add("statutory_days", "法定时限最长 365 个工作日");
        }
        if self.committed_days > self.statutory_days {
            p.add(
                "committed_days",
                format!("承诺时限（{}个工作日）不能超过法定时限（{}个工作日）", self.committed_days, self.statutory_days),
            );
        }
        if self.yellow_days > super::settings::MAX_YELLOW_DAYS {
            p.add("yellow_days", format!("黄牌预警天数为 0–{} 个工作日", super::settings::MAX_YELLOW_DAYS));
        }
        if self.procedure.is_empty() || self.procedure.iter().any(|s| s.trim().is_empty()) {
            p.add("procedure", "请写明办理流程，每行一步，不留空行");
        } else if self.procedure.len() > MAX_STEPS || self.procedure.iter().any(|s| s.chars().count() > 200) {
            p.add("procedure", format!("办理流程最多{MAX_STEPS}步，每步最长200字"));
        }
        self.check_materials(&mut p);
        self.check_fields(&mut p);
        p.finish("事项信息有误，请按提示修改")
    }

    fn check_materials(&self, p: &mut Problems) {
        if self.materials.is_empty() {
            p.add("materials", "请至少列出一项申请材料");
        } else if self.materials.len() > MAX_MATERIALS {
            p.add("materials", format!("申请材料最多{MAX_MATERIALS}项"));
        }
        for (i, m) in self.materials.iter().enumerate() {
            let field = format!("materials.{i}");
            p.text(&field, &format!("第{}项材料的名称", i + 1), &m.name, 60);
            if !(1..=20).contains(&m.copies) {
                p.add(&field, format!("第{}项材料的份数为 1–20", i + 1));
            }
            p.optional_text(&field, &format!("第{}项材料的说明", i + 1), &m.note, 200);
            if self.materials[..i].iter().any(|o| o.name.trim() == m.name.trim()) {
                // Each material is its own upload slot in the form, named by it.
                p.add(&field, format!("材料“{}”重复，每项材料在申请表中对应一个上传栏，名称不能相同", m.name.trim()));
            }
        }
    }

    fn check_fields(&self, p: &mut Problems) {
        if self.form_fields.len() > MAX_FORM_FIELDS {
            p.add("form_fields", format!("申请表自定义栏目最多{MAX_FORM_FIELDS}项"));
        }
        for (i, f) in self.form_fields.iter().enumerate() {
            let field = format!("form_fields.{i}");
            let key_ok = (1..=30).contains(&f.key.len()) && f.key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !key_ok {
                p.add(&field, format!("第{}个栏目的代码为 1–30 位小写字母、数字或“_”", i + 1));
            }
            p.text(&field, &format!("第{}个栏目的名称", i + 1), &f.label, 30);
            if self.form_fields[..i].iter().any(|o| o.key == f.key) {
                p.add(&field, format!("栏目代码“{}”重复", f.key));
            }
        }
    }
}

/// May `user` draft, edit or submit a version for `department`? The
/// office for any department; a department head for their own.
pub fn check_can_draft(user: &StaffUser, department: i64) -> Result<(), ApiError> {
    match user.role {
        Role::OfficeAdmin => Ok(()),
        Role::DepartmentHead if user.department_id == Some(department) => Ok(()),
        _ => Err(ApiError::new(ErrorCode::Forbidden, "事项起草和修改由本部门负责人或县府办进行")),
    }
}

/// Whether `step` may be taken on a version in `state` by `user` (who
/// drafts for the version's department, checked before).
pub fn check_step(user: &StaffUser, state: VersionState, step: VersionStep, note: &str) -> Result<VersionState, ApiError> {
    let conflict = |m: &str| {
        let mut e = ApiError::new(ErrorCode::Conflict, m);
        e.current_state = Some(state.as_str().into());
        e
    };
    match step {
        VersionStep::Submit => match state {
            VersionState::Draft | VersionState::Returned => Ok(VersionState::Submitted),
            _ => Err(conflict("该版本已提交或已发布，不能再次提交")),
        },
        VersionStep::Publish | VersionStep::Return => {
            user.check_is_office().map_err(|_| ApiError::new(ErrorCode::Forbidden, "事项的审核和发布由县府办进行"))?;
            if state != VersionState::Submitted {
                return Err(conflict("只有待审核的版本才能发布或退回"));
            }
            if step == VersionStep::Return && note.trim().is_empty() {
                return Err(ApiError::new(ErrorCode::InvalidParameter, "退回须写明理由，部门据此修改"));
            }
            Ok(if step == VersionStep::Publish { VersionState::Published } else { VersionState::Returned })
        }
    }
}

/// May a version in `state` still be edited?
pub fn check_editable(state: VersionState) -> Result<(), ApiError> {
    match state {
        VersionState::Draft | VersionState::Returned => Ok(()),
        _ => {
            let mut e = ApiError::new(ErrorCode::Conflict, "该版本已提交审核或已发布，不能再修改；如需变更请新建草稿");
            e.current_state = Some(state.as_str().into());
            Err(e)
        }
    }
}

mod diff;
pub use diff::diff;

#[cfg(test)]
pub(crate) mod tests;
