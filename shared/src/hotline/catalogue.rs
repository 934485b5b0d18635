//! The dispatch catalogue (派单目录: category → lead unit, assisting units,
//! limits by urgency) and the knowledge base the hotline answers from.

use super::Urgency;
use crate::admin::units::UnitKind;
use crate::engine::limit::Limit;
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// A category's limits, one per urgency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Limits {
    pub normal: Limit,
    pub urgent: Limit,
    pub critical: Limit,
}

impl Limits {
    pub fn of(&self, urgency: Urgency) -> Limit {
        match urgency {
            Urgency::Normal => self.normal,
            Urgency::Urgent => self.urgent,
            Urgency::Critical => self.critical,
        }
    }
}

impl Default for Limits {
    /// DOMAIN §3: complaints 13 working days, urgent the same day, 特急 2 hours.
    fn default() -> Limits {
        Limits { normal: Limit::WorkingDays(13), urgent: Limit::WorkingDays(0), critical: Limit::Hours(2) }
    }
}

/// A category as the office edits it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryForm {
    /// A short code for URLs and Open311 (`water`, `noise`): a–z, 0–9, `_`.
    pub code: String,
    pub name: String,
    /// The parent class (Open311's `group`): 城乡建设, 社会保障…
    pub group: String,
    /// A county department's matter: never dispatched to a township.
    pub county_matter: bool,
    pub lead_unit_id: Option<i64>,
    #[serde(default)]
    pub assist_unit_ids: Vec<i64>,
    pub limits: Limits,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Category {
    pub id: i64,
    #[serde(flatten)]
    pub form: CategoryForm,
    pub lead_unit_name: Option<String>,
    pub active: bool,
    pub version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategorySave {
    #[serde(flatten)]
    pub form: CategoryForm,
    pub active: bool,
    /// The version read (0 for a new category).
    pub version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryList {
    pub items: Vec<Category>,
}

impl CategoryForm {
    pub fn validate(&self) -> Result<(), ApiError> {
        let bad = |m: String| Err(ApiError::new(ErrorCode::InvalidParameter, m));
        let code_ok =
            (1..=30).contains(&self.code.len()) && self.code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !code_ok {
            return bad("类别代码应为1到30个小写字母、数字或下划线".into());
        }
        if self.name.trim().is_empty() || self.name.chars().count() > 30 {
            return bad("请填写类别名称（最长30个字）".into());
        }
        if self.group.trim().is_empty() || self.group.chars().count() > 30 {
            return bad("请填写所属大类（最长30个字）".into());
        }
        if self.lead_unit_id.is_some_and(|l| self.assist_unit_ids.contains(&l)) {
            return bad("主办单位不能同时是协办单位".into());
        }
        for l in [self.limits.normal, self.limits.urgent, self.limits.critical] {
            l.validate()?;
        }
        Ok(())
    }
}

/// A county department's matter is never dispatched to a township (DOMAIN §3).
pub fn check_dispatch(category: &CategoryForm, unit_name: &str, unit_kind: UnitKind) -> Result<(), ApiError> {
    if category.county_matter && unit_kind == UnitKind::Township {
        return Err(ApiError::new(
            ErrorCode::InvalidParameter,
            format!("“{}”属于县直部门职责，不能转办给乡镇（街道）“{unit_name}”", category.name),
        ));
    }
    Ok(())
}

/// A knowledge-base item as the office edits it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KnowledgeForm {
    pub category_id: Option<i64>,
    pub title: String,
    pub answer: String,
    /// The policies or laws the answer rests on.
    pub policy_refs: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KnowledgeItem {
    pub id: i64,
    #[serde(flatten)]
    pub form: KnowledgeForm,
    /// Calls it has answered.
    pub uses: u32,
    pub active: bool,
    pub version: i64,
    pub updated_at: crate::engine::instant::Instant,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KnowledgeSave {
    #[serde(flatten)]
    pub form: KnowledgeForm,
    pub active: bool,
    pub version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KnowledgeList {
    pub items: Vec<KnowledgeItem>,
}

impl KnowledgeForm {
    pub fn validate(&self) -> Result<(), ApiError> {
        let bad = |m: &str| Err(ApiError::new(ErrorCode::InvalidParameter, m));
        if self.title.trim().is_empty() || self.title.chars().count() > 100 {
            return bad("请填写标题（最长100个字）");
        }
        if self.answer.trim().is_empty() || self.answer.chars().count() > 4000 {
            return bad("请填写答复口径（最长4000个字）");
        }
        if self.policy_refs.chars().count() > 1000 {
            return bad("政策依据最长1000个字");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> CategoryForm {
        CategoryForm {
            code: "noise".into(),
            name: "噪音扰民".into(),
            group: "生态环境".into(),
            county_matter: true,
            lead_unit_id: Some(3),
            assist_unit_ids: vec![4],
            limits: Limits::default(),
        }
    }

    #[test]
    fn a_category_is_checked() {
        assert!(form().validate().is_ok());
        for code in ["", "Noise", "噪音", "a-b", &"x".repeat(31)] {
            assert!(CategoryForm { code: code.into(), ..form() }.validate().is_err(), "{code}");
        }
        assert!(CategoryForm { assist_unit_ids: vec![3], ..form() }.validate().is_err());
        let limits = Limits { critical: Limit::Hours(0), ..Limits::default() };
        assert!(CategoryForm { limits, ..form() }.validate().is_err());
    }

    #[test]
    fn county_matters_stay_with_county_units() {
        assert!(check_dispatch(&form(), "城关镇", UnitKind::Township).is_err());
        assert!(check_dispatch(&form(), "县生态环境局", UnitKind::Department).is_ok());
        let local = CategoryForm { county_matter: false, ..form() };
        assert!(check_dispatch(&local, "城关镇", UnitKind::Township).is_ok());
    }

    #[test]
    fn limits_by_urgency() {
        let l = Limits::default();
        assert_eq!(l.of(Urgency::Critical), Limit::Hours(2));
        assert_eq!(l.of(Urgency::Normal), Limit::WorkingDays(13));
    }
}
