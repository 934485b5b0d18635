//! Information (信息调研, DOMAIN.md §7): units submit information items,
//! the office's editors adopt them into numbered issues (《政务信息》, 专报,
//! 增刊), return them for revision or decline them, forward them upward
//! and record a higher level's adoption and leaders' instructions; every
//! unit's score is recomputed from its score events under the year's rules.
//!
//! - `item`: the submission form, an item's states and who may do what;
//! - `emergency`: urgent items timed from the event (首报, 续报, 终报);
//! - `research`: writers' quarterly reports, decisions, 《工作研究》;
//! - `scoring`: the year's rules table, points per event, joint splits;
//! - `views`: what staff see of items, issues and the league table;
//! - `figures`: counters per event and the report's sentence.

pub mod emergency;
pub mod figures;
pub mod item;
pub mod research;
pub mod scoring;
pub mod views;

named_enum! {
/// An item's category.
pub enum Category {
    /// 动态.
    News = "news",
    /// 经验.
    Experience = "experience",
    /// 问题.
    Problem = "problem",
    /// 建议.
    Suggestion = "suggestion",
    /// 紧急.
    Urgent = "urgent",
}
}

impl Category {
    pub fn zh(self) -> &'static str {
        match self {
            Category::News => "动态",
            Category::Experience => "经验",
            Category::Problem => "问题",
            Category::Suggestion => "建议",
            Category::Urgent => "紧急",
        }
    }
}

named_enum! {
/// Where an item is.
pub enum InfoState {
    /// Submitted, awaiting the editors.
    Submitted = "submitted",
    /// Returned to the unit for revision; the unit resubmits.
    Returned = "returned",
    /// Adopted into an issue (and scored).
    Adopted = "adopted",
    /// Declined with a reason (final).
    Declined = "declined",
}
}

impl InfoState {
    pub fn zh(self) -> &'static str {
        match self {
            InfoState::Submitted => "待编辑",
            InfoState::Returned => "退回修改",
            InfoState::Adopted => "已采用",
            InfoState::Declined => "不予采用",
        }
    }
}

named_enum! {
/// The office's publications, numbered per kind and year.
pub enum IssueKind {
    /// 《政务信息》.
    Bulletin = "bulletin",
    /// 专报.
    Special = "special",
    /// 增刊.
    Supplement = "supplement",
}
}

impl IssueKind {
    pub fn zh(self) -> &'static str {
        match self {
            IssueKind::Bulletin => "《政务信息》",
            IssueKind::Special => "《政务信息专报》",
            IssueKind::Supplement => "《政务信息》增刊",
        }
    }
}

named_enum! {
/// The higher levels an item is forwarded to and adopted by.
pub enum Level {
    /// 市政府办公室.
    City = "city",
    /// 省政府办公厅.
    Province = "province",
    /// 国务院办公厅.
    StateCouncil = "state_council",
}
}

impl Level {
    pub fn zh(self) -> &'static str {
        match self {
            Level::City => "市政府办公室",
            Level::Province => "省政府办公厅",
            Level::StateCouncil => "国务院办公厅",
        }
    }
}

named_enum! {
/// Why a score event was recorded.
pub enum ScoreReason {
    /// Adopted into a county issue.
    Issue = "issue",
    /// Adopted by a higher level.
    Higher = "higher",
    /// A leader's instruction (批示).
    Instruction = "instruction",
}
}

/// An issue's number: 《政务信息》2026年第3期.
pub fn issue_no(kind: IssueKind, year: i32, seq: i64) -> String {
    format!("{}{year}年第{seq}期", kind.zh())
}

/// An item's number: XX2026-0007.
pub fn item_no(year: i32, seq: i64) -> String {
    format!("XX{year}-{seq:04}")
}

#[cfg(test)]
mod tests;
