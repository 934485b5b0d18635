//! Research (调研): each office writer owes one research report a quarter;
//! a report that reached a leader's decision keeps the instruction as its
//! evidence; the office's 《工作研究》 issues carry articles. Counted in
//! the information counters for the report's sentence.

use crate::engine::date::Date;
use crate::engine::instant::Instant;
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// The quarter (1–4) a day falls in.
pub fn quarter_of(day: Date) -> u32 {
    (day.ymd().1 - 1) / 3 + 1
}

/// The quarters of `year` owed by `today`: those begun (all four for a
/// past year, none for a future one).
pub fn quarters_owed(year: i32, today: Date) -> u32 {
    match year.cmp(&today.year()) {
        std::cmp::Ordering::Less => 4,
        std::cmp::Ordering::Equal => quarter_of(today),
        std::cmp::Ordering::Greater => 0,
    }
}

fn text_ok(s: &str, max: usize) -> bool {
    !s.trim().is_empty() && s.trim().chars().count() <= max
}

fn bad(m: &str) -> ApiError {
    ApiError::new(ErrorCode::InvalidParameter, m)
}

/// A writer's quarterly report: its title, year and quarter (begun).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ResearchForm {
    pub title: String,
    pub year: i32,
    pub quarter: u32,
}

impl ResearchForm {
    pub fn validate(&self, today: Date) -> Result<(), ApiError> {
        if !text_ok(&self.title, 100) {
            return Err(bad("请填写调研报告标题（100字以内）"));
        }
        if !(1..=4).contains(&self.quarter) || self.quarter > quarters_owed(self.year, today) {
            return Err(bad("季度应为本年已开始的季度（1到4）"));
        }
        Ok(())
    }
}

/// A leader's decision on a report: who and the instruction, the evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DecisionForm {
    pub leader: String,
    pub instruction: String,
}

impl DecisionForm {
    pub fn validate(&self) -> Result<(), ApiError> {
        if !text_ok(&self.leader, 50) || !text_ok(&self.instruction, 2000) {
            return Err(bad("请填写批示领导和批示内容"));
        }
        Ok(())
    }
}

/// An issue of 《工作研究》 and its articles' titles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StudyForm {
    pub title: String,
    pub published_on: Date,
    pub articles: Vec<String>,
}

impl StudyForm {
    pub fn validate(&self) -> Result<(), ApiError> {
        if !text_ok(&self.title, 100) {
            return Err(bad("请填写本期标题"));
        }
        if self.articles.is_empty() || self.articles.len() > 50 || self.articles.iter().any(|a| !text_ok(a, 100)) {
            return Err(bad("请列出本期刊发的文章（1到50篇，每篇标题100字以内）"));
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ResearchView {
    pub id: i64,
    pub year: i32,
    pub quarter: u32,
    pub writer: String,
    pub title: String,
    pub submitted_at: Instant,
    /// The leader and instruction, once it reached a decision.
    pub leader: Option<String>,
    pub instruction: Option<String>,
}

/// A writer still owing a quarter's report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MissingReport {
    pub writer: String,
    pub quarter: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StudyView {
    pub id: i64,
    pub number: String,
    pub title: String,
    pub published_on: Date,
    pub articles: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ResearchList {
    pub year: i32,
    pub reports: Vec<ResearchView>,
    pub missing: Vec<MissingReport>,
    pub studies: Vec<StudyView>,
}

/// 《工作研究》2026年第2期.
pub fn study_no(year: i32, seq: i64) -> String {
    format!("《工作研究》{year}年第{seq}期")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_are_owed_once_begun() {
        let today = Date::from_ymd(2026, 5, 3).unwrap();
        assert_eq!((quarter_of(today), quarters_owed(2026, today), quarters_owed(2025, today), quarters_owed(2027, today)), (2, 2, 4, 0));
        let form = ResearchForm { title: "关于县域营商环境的调研".into(), year: 2026, quarter: 3 };
        assert!(form.validate(today).is_err(), "the third quarter has not begun");
        assert!(ResearchForm { quarter: 2, ..form }.validate(today).is_ok());
    }
}
