//! The public matter catalogue (办事指南): departments, matters and their
//! nine disclosures (九公开, DOMAIN.md §1).

use crate::engine::deadline::DeadlineAnswer;
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

named_enum! {
/// The six classes of handling (六类事项办理制). A matter names the class its
/// cases are usually disposed as; each case is disposed as exactly one.
pub enum HandlingClass {
    Immediate = "immediate",
    Commitment = "commitment",
    Joint = "joint",
    ReportUp = "report_up",
    Supplement = "supplement",
    Returned = "returned",
}
}

impl HandlingClass {
    pub fn zh(self) -> &'static str {
        match self {
            HandlingClass::Immediate => "即办件",
            HandlingClass::Commitment => "承诺件",
            HandlingClass::Joint => "联办件",
            HandlingClass::ReportUp => "上报件",
            HandlingClass::Supplement => "补办件",
            HandlingClass::Returned => "退回件",
        }
    }
}

named_enum! {
/// Whether a material is handed in as the original, a copy, or both.
pub enum MaterialForm {
    Original = "original",
    Copy = "copy",
    OriginalAndCopy = "original_and_copy",
}
}

impl MaterialForm {
    pub fn zh(self) -> &'static str {
        match self {
            MaterialForm::Original => "原件",
            MaterialForm::Copy => "复印件",
            MaterialForm::OriginalAndCopy => "原件及复印件",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Material {
    pub id: i64,
    pub name: String,
    pub form: MaterialForm,
    pub copies: u32,
    pub required: bool,
    /// Where to get it, what it must show; may be empty.
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Department {
    pub id: i64,
    pub name: String,
    /// The service desk's name in the Center ("3号窗口").
    pub window: String,
    pub window_staff: u32,
    pub phone: String,
    /// Active matters in the catalogue.
    pub matter_count: u32,
}

/// One line of the catalogue list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatterSummary {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub department_id: i64,
    pub department_name: String,
    pub class: HandlingClass,
    pub statutory_days: u32,
    pub committed_days: u32,
    pub free: bool,
}

/// A matter with all nine disclosures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatterDetail {
    pub id: i64,
    pub code: String,
    /// 1: name and responsible department.
    pub name: String,
    pub department_id: i64,
    pub department_name: String,
    pub window: String,
    pub class: HandlingClass,
    /// 2: legal basis.
    pub legal_basis: String,
    /// 3: conditions.
    pub conditions: String,
    /// 4: materials.
    pub materials: Vec<Material>,
    /// 5: procedure, one step per entry.
    pub procedure: Vec<String>,
    /// 6: time limits in working days; committed ≤ statutory.
    pub statutory_days: u32,
    pub committed_days: u32,
    /// 7: fees and their basis.
    pub fee: String,
    pub fee_basis: String,
    /// 8: the result issued.
    pub result: String,
    /// 9: supervision and complaint phone.
    pub complaint_phone: String,
    /// The deadline if the application were accepted today.
    pub if_accepted_today: DeadlineAnswer,
    /// Extra fields the online application asks for.
    pub form_fields: Vec<crate::approvals::application::FormField>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatterList {
    pub matters: Vec<MatterSummary>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DepartmentList {
    pub departments: Vec<Department>,
}

/// The longest search text accepted: a matter name is rarely over 30 characters.
pub const MAX_SEARCH_CHARS: usize = 50;

/// A validated catalogue query: `?department=&q=`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogueQuery {
    pub department: Option<i64>,
    pub q: Option<String>,
}

impl CatalogueQuery {
    pub fn parse(department: Option<&str>, q: Option<&str>) -> Result<CatalogueQuery, ApiError> {
        let department = match department.map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => Some(
                s.parse::<i64>()
                    .ok()
                    .filter(|id| *id > 0)
                    .ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, format!("部门编号“{s}”无效，请从部门列表中选择")))?,
            ),
        };
        let q = q.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        if let Some(q) = &q {
            if q.chars().count() > MAX_SEARCH_CHARS {
                return Err(ApiError::new(ErrorCode::InvalidParameter, format!("搜索词过长，请控制在 {MAX_SEARCH_CHARS} 个字以内")));
            }
        }
        Ok(CatalogueQuery { department, q })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_query_validation() {
        assert_eq!(CatalogueQuery::parse(None, None).unwrap(), CatalogueQuery::default());
        let q = CatalogueQuery::parse(Some(" 3 "), Some("  营业执照 ")).unwrap();
        assert_eq!(q.department, Some(3));
        assert_eq!(q.q.as_deref(), Some("营业执照"));
        assert_eq!(CatalogueQuery::parse(Some(""), Some(" ")).unwrap(), CatalogueQuery::default());
        for bad in ["x", "-1", "0", "1.5"] {
            assert_eq!(CatalogueQuery::parse(Some(bad), None).unwrap_err().code, ErrorCode::InvalidParameter);
        }
        let long = "许".repeat(MAX_SEARCH_CHARS + 1);
        assert_eq!(CatalogueQuery::parse(None, Some(&long)).unwrap_err().code, ErrorCode::InvalidParameter);
        assert!(CatalogueQuery::parse(None, Some(&"许".repeat(MAX_SEARCH_CHARS))).is_ok());
    }

    #[test]
    fn classes_have_distinct_names() {
        let names: std::collections::HashSet<_> = HandlingClass::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), 6);
        for c in HandlingClass::ALL {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
        }
    }
}
