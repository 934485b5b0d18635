//! Departments and member units, their windows in the Center, unit groups
//! for distribution lists, and intermediaries.

use super::Problems;
use crate::error::ApiError;
use serde::{Deserialize, Serialize};

named_enum! {
/// What a unit is to the county: the hotline must not dispatch a county
/// department's matter to a township, and document lists address each kind.
pub enum UnitKind {
    /// A county department (its window, if any, is in the Center).
    Department = "department",
    /// A township government or a street office.
    Township = "township",
    /// Any other member unit (enterprises, public institutions).
    Other = "other",
}
}

impl UnitKind {
    pub fn zh(self) -> &'static str {
        match self {
            UnitKind::Department => "县直部门",
            UnitKind::Township => "乡镇（街道）",
            UnitKind::Other => "其他成员单位",
        }
    }
}

/// A department or member unit as the office edits it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitForm {
    pub name: String,
    pub kind: Option<UnitKind>,
    /// The window's name in the Center ("5号窗口"); empty: not stationed.
    pub window: String,
    /// Where the window is ("一楼东区").
    pub window_location: String,
    /// Staff at the window, as the Center's statistics count them.
    pub window_staff: u32,
    pub phone: String,
    pub sort: i64,
}

/// A unit as lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Unit {
    pub id: i64,
    #[serde(flatten)]
    pub form: UnitForm,
    pub active: bool,
    /// Cases not yet completed or returned that it leads.
    pub open_cases: u32,
    pub version: i64,
}

/// A save of a unit: the form, whether it is active, and the version read
/// (ignored when creating).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitSave {
    #[serde(flatten)]
    pub form: UnitForm,
    pub active: bool,
    #[serde(default)]
    pub version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitList {
    pub units: Vec<Unit>,
}

/// The most headcount a window can report: a sanity bound, not a rule.
pub const MAX_WINDOW_STAFF: u32 = 500;

impl UnitForm {
    pub fn validate(&self) -> Result<UnitKind, ApiError> {
        let mut p = Problems::default();
        p.text("name", "单位名称", &self.name, 40);
        if self.kind.is_none() {
            p.add("kind", "请选择单位类别");
        }
        p.optional_text("window", "窗口名称", &self.window, 20);
        p.optional_text("window_location", "窗口位置", &self.window_location, 40);
        if self.window.trim().is_empty() && self.window_staff > 0 {
            p.add("window_staff", "未进驻中心（没有窗口）的单位，窗口人数应为 0");
        }
        if self.window_staff > MAX_WINDOW_STAFF {
            p.add("window_staff", format!("窗口人数最多{MAX_WINDOW_STAFF}人"));
        }
        if !self.phone.trim().is_empty() {
            p.phone("phone", "联系电话", &self.phone);
        }
        p.finish("单位信息有误，请按提示修改")?;
        Ok(self.kind.unwrap_or(UnitKind::Other))
    }

    /// Why this unit may not be deactivated, if it may not.
    pub fn check_can_deactivate(open_cases: u32) -> Result<(), ApiError> {
        if open_cases > 0 {
            return Err(ApiError::new(crate::error::ErrorCode::Conflict, format!("该单位还有{open_cases}件在办件，办结或移交后才能停用")));
        }
        Ok(())
    }
}

/// A named list of units ("各乡镇人民政府、街道办事处").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitGroup {
    pub id: i64,
    pub name: String,
    pub members: Vec<i64>,
    pub version: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitGroupSave {
    pub name: String,
    pub members: Vec<i64>,
    #[serde(default)]
    pub version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitGroupList {
    pub groups: Vec<UnitGroup>,
}

/// The most units a group lists (a county has well under this many).
pub const MAX_GROUP_MEMBERS: usize = 300;

impl UnitGroupSave {
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        p.text("name", "分组名称", &self.name, 40);
        if self.members.is_empty() {
            p.add("members", "请至少选择一个单位");
        } else if self.members.len() > MAX_GROUP_MEMBERS {
            p.add("members", format!("一个分组最多{MAX_GROUP_MEMBERS}个单位"));
        }
        let mut sorted = self.members.clone();
        sorted.sort_unstable();
        sorted.dedup();
        if sorted.len() != self.members.len() {
            p.add("members", "同一单位只能选一次");
        }
        p.finish("分组信息有误，请按提示修改")
    }
}

/// An intermediary beside the Center (surveying, appraisal, drafting…).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IntermediaryForm {
    pub name: String,
    pub service: String,
    pub staff: u32,
    pub active: bool,
    #[serde(default)]
    pub version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Intermediary {
    pub id: i64,
    #[serde(flatten)]
    pub form: IntermediaryForm,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IntermediaryList {
    pub intermediaries: Vec<Intermediary>,
}

impl IntermediaryForm {
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        p.text("name", "机构名称", &self.name, 60);
        p.text("service", "服务内容", &self.service, 60);
        if self.staff > 10_000 {
            p.add("staff", "从业人数最多 10000 人");
        }
        p.finish("中介机构信息有误，请按提示修改")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn unit() -> UnitForm {
        UnitForm {
            name: "县市场监督管理局".into(),
            kind: Some(UnitKind::Department),
            window: "5号窗口".into(),
            window_location: "一楼东区".into(),
            window_staff: 3,
            phone: "0000-6012005".into(),
            sort: 1,
        }
    }

    #[test]
    fn a_unit_needs_a_name_and_a_kind() {
        assert_eq!(unit().validate(), Ok(UnitKind::Department));
        let e = UnitForm { name: " ".into(), kind: None, ..unit() }.validate().unwrap_err();
        let fields: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["name", "kind"]);
    }

    #[test]
    fn no_window_no_window_staff() {
        let township = UnitForm { kind: Some(UnitKind::Township), window: String::new(), window_staff: 0, ..unit() };
        assert!(township.validate().is_ok());
        let e = UnitForm { window_staff: 2, ..township }.validate().unwrap_err();
        assert_eq!(e.fields[0].field, "window_staff");
    }

    #[test]
    fn a_unit_with_open_cases_stays_active() {
        assert!(UnitForm::check_can_deactivate(0).is_ok());
        assert_eq!(UnitForm::check_can_deactivate(2).unwrap_err().code, ErrorCode::Conflict);
    }

    #[test]
    fn groups_list_each_unit_once() {
        let ok = UnitGroupSave { name: "县政府各部门".into(), members: vec![1, 2, 3], version: 0 };
        assert!(ok.validate().is_ok());
        assert!(UnitGroupSave { members: vec![1, 2, 1], ..ok.clone() }.validate().is_err());
        assert!(UnitGroupSave { members: vec![], ..ok }.validate().is_err());
    }

    #[test]
    fn intermediaries_need_a_name_and_service() {
        let ok = IntermediaryForm { name: "县测绘服务中心".into(), service: "测绘".into(), staff: 12, active: true, version: 0 };
        assert!(ok.validate().is_ok());
        assert!(IntermediaryForm { service: String::new(), ..ok }.validate().is_err());
    }
}
