//! What the office fills in: an item, its tasks, a publication. Each form
//! is checked here once, by the page before sending and by the Worker.

use super::{Priority, PublicationKind, Source};
use crate::engine::date::Date;
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// Milestones one task may have.
pub const MAX_MILESTONES: usize = 12;
/// Assisting units one task may have.
pub const MAX_ASSISTS: usize = 20;

fn bad(m: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidParameter, m)
}

fn text(value: &str, label: &str, max: usize, required: bool) -> Result<(), ApiError> {
    let n = value.trim().chars().count();
    if required && n == 0 {
        return Err(bad(format!("请填写{label}")));
    }
    if n > max {
        return Err(bad(format!("{label}不超过{max}字")));
    }
    Ok(())
}

/// Where an item was handed off from, so both sides link to each other:
/// a hotline hot spot (`hotspot`, its key) or a negative review (`case`,
/// the case number).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Origin {
    pub kind: OriginKind,
    pub reference: String,
}

named_enum! {
pub enum OriginKind {
    Hotspot = "hotspot",
    Case = "case",
}
}

impl Origin {
    /// As stored and searched: `hotspot:category:3`, `case:SP2026…`.
    pub fn key(&self) -> String {
        format!("{}:{}", self.kind.as_str(), self.reference.trim())
    }

    /// The source an item from this origin has.
    pub fn source(&self) -> Source {
        match self.kind {
            OriginKind::Hotspot => Source::HotlineHotspot,
            OriginKind::Case => Source::NegativeReview,
        }
    }
}

/// Registering an item (立项).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemForm {
    pub source: Source,
    /// The meeting and its minutes, the document number, the instruction.
    pub reference: String,
    pub title: String,
    /// The instruction or decision, word for word.
    pub instruction: String,
    pub priority: Priority,
    /// A difficult item (疑难事项) gets at least 30 working days.
    #[serde(default)]
    pub difficult: bool,
    /// The leader who instructed it, told of the result.
    pub leader: String,
    #[serde(default)]
    pub origin: Option<Origin>,
}

impl ItemForm {
    pub fn validate(&self) -> Result<(), ApiError> {
        text(&self.reference, self.source.reference_label(), 200, true)?;
        text(&self.title, "事项名称", 100, true)?;
        text(&self.instruction, "批示或决定内容", 4000, true)?;
        text(&self.leader, "交办领导", 50, true)?;
        if let Some(o) = &self.origin {
            text(&o.reference, "来源编号", 100, true)?;
            if o.source() != self.source {
                return Err(bad(format!("由此转来的事项，来源应为“{}”", o.source().zh())));
            }
        }
        Ok(())
    }
}

/// A checkpoint of planned progress (序时进度).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Milestone {
    pub due: Date,
    pub text: String,
}

/// Decomposing an item into a task (分解立项).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskForm {
    /// The item's version as read (a stale page gets 409).
    pub version: i64,
    /// What the units must do.
    pub requirement: String,
    pub lead_unit_id: i64,
    #[serde(default)]
    pub assist_unit_ids: Vec<i64>,
    /// 责任人 in the lead unit.
    pub responsible: String,
    /// 督办人 in the office.
    pub supervisor: String,
    /// The deadline; none: from the office's limit table.
    #[serde(default)]
    pub due: Option<Date>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Progress reports each month by this day (1–28); none: no schedule.
    #[serde(default)]
    pub report_day: Option<u32>,
}

impl TaskForm {
    /// `today` is the assignment day: a deadline or milestone must come
    /// after it, milestones in order and by the deadline.
    pub fn validate(&self, today: Date) -> Result<(), ApiError> {
        text(&self.requirement, "工作要求", 2000, true)?;
        text(&self.responsible, "责任人", 50, true)?;
        text(&self.supervisor, "督办人", 50, true)?;
        if self.lead_unit_id <= 0 {
            return Err(bad("请选择牵头单位"));
        }
        if self.assist_unit_ids.len() > MAX_ASSISTS {
            return Err(bad(format!("配合单位不超过{MAX_ASSISTS}个")));
        }
        if self.assist_unit_ids.contains(&self.lead_unit_id) {
            return Err(bad("牵头单位不能同时是配合单位"));
        }
        if let Some(due) = self.due {
            if due <= today {
                return Err(bad("办结时限应晚于今天"));
            }
        }
        if self.milestones.len() > MAX_MILESTONES {
            return Err(bad(format!("序时进度节点不超过{MAX_MILESTONES}个")));
        }
        let mut last = today;
        for m in &self.milestones {
            text(&m.text, "进度节点内容", 200, true)?;
            if m.due <= last {
                return Err(bad("进度节点的日期应晚于今天，且按先后顺序排列"));
            }
            if self.due.is_some_and(|d| m.due > d) {
                return Err(bad("进度节点不能晚于办结时限"));
            }
            last = m.due;
        }
        if self.report_day.is_some_and(|d| !(1..=28).contains(&d)) {
            return Err(bad("报送进度的日期应为每月1日到28日"));
        }
        Ok(())
    }
}

/// A new issue of 《政务督查》 or 督查专报.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicationForm {
    pub kind: PublicationKind,
    pub title: String,
    pub published_on: Date,
    /// What it says, in brief.
    #[serde(default)]
    pub summary: String,
    /// The items it reports on (their numbers).
    #[serde(default)]
    pub item_nos: Vec<String>,
}

impl PublicationForm {
    pub fn validate(&self, today: Date) -> Result<(), ApiError> {
        text(&self.title, "标题", 100, true)?;
        text(&self.summary, "内容摘要", 2000, false)?;
        if self.published_on > today {
            return Err(bad("编发日期不能晚于今天"));
        }
        if self.item_nos.len() > 50 {
            return Err(bad("一期关联的事项不超过50件"));
        }
        Ok(())
    }
}
