//! The county's settings: names, the Center's address and hours, the
//! phones shown on every guide and notice, document number prefixes and
//! the default yellow-card threshold. One row, edited by the office.

use super::Problems;
use crate::error::ApiError;
use crate::streamline::DocLevel;
use serde::{Deserialize, Serialize};

/// What every public page shows: the Worker puts it into each page's HTML
/// (`<script type="application/json" id="county">`), so no page waits for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicSettings {
    /// 某县
    pub county_name: String,
    /// 某县人民政府办公室
    pub office_name: String,
    /// 某县行政审批服务中心
    pub centre_name: String,
    pub centre_address: String,
    /// 法定工作日 上午 8:30–12:00，下午 14:30–17:30
    pub centre_hours: String,
    /// 监督投诉电话, on every guide, notice and footer.
    pub complaint_phone: String,
    /// 县长公开电话
    pub hotline_phone: String,
    /// Working days left at which a new matter's cases turn yellow (the
    /// matter editor's default).
    pub yellow_days: u32,
}

impl PublicSettings {
    /// The Center's name, or a neutral one before the office has set it.
    pub fn centre(&self) -> &str {
        if self.centre_name.trim().is_empty() {
            "政务服务中心"
        } else {
            &self.centre_name
        }
    }

    /// The office's name, or a neutral one before it is set.
    pub fn office(&self) -> &str {
        if self.office_name.trim().is_empty() {
            "县人民政府办公室"
        } else {
            &self.office_name
        }
    }

    /// The digits of a phone for a `tel:` link.
    pub fn dial(phone: &str) -> String {
        phone.chars().filter(|c| c.is_ascii_digit() || *c == '-').collect()
    }
}

/// The prefix of each issuing level's numbers (某政发〔2026〕3号).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocPrefixes {
    pub county_government: String,
    pub county_office: String,
    pub informal_letter: String,
    pub joint_department: String,
    pub department: String,
}

impl DocPrefixes {
    pub fn get(&self, level: DocLevel) -> &str {
        match level {
            DocLevel::CountyGovernment => &self.county_government,
            DocLevel::CountyOffice => &self.county_office,
            DocLevel::InformalLetter => &self.informal_letter,
            DocLevel::JointDepartment => &self.joint_department,
            DocLevel::Department => &self.department,
        }
    }

    pub fn get_mut(&mut self, level: DocLevel) -> &mut String {
        match level {
            DocLevel::CountyGovernment => &mut self.county_government,
            DocLevel::CountyOffice => &mut self.county_office,
            DocLevel::InformalLetter => &mut self.informal_letter,
            DocLevel::JointDepartment => &mut self.joint_department,
            DocLevel::Department => &mut self.department,
        }
    }
}

/// Every setting, as the office edits them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountySettings {
    #[serde(flatten)]
    pub public: PublicSettings,
    pub doc_prefixes: DocPrefixes,
}

/// The settings with the version they were read at: a save names it, and
/// loses (409) if someone saved in between.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SettingsView {
    pub settings: CountySettings,
    pub version: i64,
}

/// The longest yellow-card threshold (as a matter's `CHECK` allows).
pub const MAX_YELLOW_DAYS: u32 = 30;

impl CountySettings {
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        let s = &self.public;
        p.text("county_name", "县名", &s.county_name, 20);
        p.text("office_name", "县政府办公室名称", &s.office_name, 40);
        p.text("centre_name", "服务中心名称", &s.centre_name, 40);
        p.text("centre_address", "服务中心地址", &s.centre_address, 100);
        p.text("centre_hours", "办公时间", &s.centre_hours, 100);
        p.phone("complaint_phone", "监督投诉电话", &s.complaint_phone);
        p.phone("hotline_phone", "县长公开电话", &s.hotline_phone);
        let mut seen = Vec::new();
        for level in DocLevel::ALL {
            let field = format!("doc_prefixes.{}", level.as_str());
            let prefix = self.doc_prefixes.get(level).trim();
            p.text(&field, &format!("{}的发文字号前缀", level.zh()), prefix, 10);
            if prefix.contains(|c: char| c.is_ascii_digit() || "〔〕[]".contains(c)) {
                p.add(&field, "发文字号前缀只写机关代字，如“某政发”，不含年份和序号");
            } else if !prefix.is_empty() && seen.contains(&prefix) {
                // Two levels with one prefix would issue the same number twice.
                p.add(&field, format!("“{prefix}”已用于另一文种，各文种的前缀不能相同"));
            }
            seen.push(prefix);
        }
        if self.public.yellow_days > MAX_YELLOW_DAYS {
            p.add("yellow_days", format!("黄牌预警天数为 0–{MAX_YELLOW_DAYS} 个工作日"));
        }
        p.finish("设置有误，请按提示修改")
    }

    /// The same settings with surrounding spaces removed, as stored.
    pub fn trimmed(mut self) -> CountySettings {
        let s = &mut self.public;
        for v in [
            &mut s.county_name,
            &mut s.office_name,
            &mut s.centre_name,
            &mut s.centre_address,
            &mut s.centre_hours,
            &mut s.complaint_phone,
            &mut s.hotline_phone,
        ] {
            *v = v.trim().to_string();
        }
        for level in DocLevel::ALL {
            let v = self.doc_prefixes.get_mut(level);
            *v = v.trim().to_string();
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    pub fn sample() -> CountySettings {
        CountySettings {
            public: PublicSettings {
                county_name: "样例县".into(),
                office_name: "样例县人民政府办公室".into(),
                centre_name: "样例县行政审批服务中心".into(),
                centre_address: "样例县人民路1号".into(),
                centre_hours: "法定工作日 8:30–17:30".into(),
                complaint_phone: "0000-1234567".into(),
                hotline_phone: "0000-7654321".into(),
                yellow_days: 2,
            },
            doc_prefixes: DocPrefixes {
                county_government: "样政发".into(),
                county_office: "样政办发".into(),
                informal_letter: "样政办函".into(),
                joint_department: "样部联发".into(),
                department: "样部发".into(),
            },
        }
    }

    fn fields(s: &CountySettings) -> Vec<String> {
        s.validate().err().map(|e| e.fields.into_iter().map(|f| f.field).collect()).unwrap_or_default()
    }

    #[test]
    fn a_complete_settings_passes() {
        assert_eq!(sample().validate(), Ok(()));
    }

    #[test]
    fn each_problem_names_its_field() {
        let mut s = sample();
        s.public.county_name = "  ".into();
        s.public.complaint_phone = "call us".into();
        s.public.hotline_phone = "12".into();
        s.doc_prefixes.department = "样政发".into();
        s.doc_prefixes.informal_letter = "样政办函〔2026〕".into();
        s.public.yellow_days = 31;
        let e = s.validate().unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidParameter);
        assert_eq!(
            fields(&s),
            ["county_name", "complaint_phone", "hotline_phone", "doc_prefixes.informal_letter", "doc_prefixes.department", "yellow_days"]
        );
    }

    #[test]
    fn phones_as_people_write_them() {
        for ok in ["12345", "0000-6012345", "(0000) 6012345", "400-800-1234"] {
            let mut s = sample();
            s.public.hotline_phone = ok.into();
            assert_eq!(s.validate(), Ok(()), "{ok}");
        }
        assert_eq!(PublicSettings::dial("(0000) 601-2345"), "0000601-2345");
    }

    #[test]
    fn unset_names_fall_back_to_neutral_ones() {
        let blank = PublicSettings::default();
        assert_eq!(blank.centre(), "政务服务中心");
        assert_eq!(sample().public.centre(), "样例县行政审批服务中心");
    }

    #[test]
    fn trimming_keeps_the_content() {
        let mut s = sample();
        s.public.county_name = " 样例县 ".into();
        s.doc_prefixes.department = " 样部发".into();
        let t = s.trimmed();
        assert_eq!(t, sample());
    }
}
