//! An item's submission and what each side may do with it when: a unit
//! submits (signed off by its head), resubmits after a return; the
//! office's editors adopt into an issue, return, decline, un-adopt,
//! forward upward and record a higher level's adoption and leaders'
//! instructions.

use super::{Category, InfoState, Level};
use crate::error::{ApiError, ErrorCode, FieldError};
use serde::{Deserialize, Serialize};

/// A unit's part of a joint item, in percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Share {
    pub unit_id: i64,
    pub percent: u32,
}

/// What a unit submits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SubmissionForm {
    pub title: String,
    pub body: String,
    pub category: Option<Category>,
    /// 执笔人 and their phone.
    pub writer: String,
    pub writer_phone: String,
    /// The unit head who signed it off (a department head submitting
    /// signs it off themselves when this is empty).
    #[serde(default)]
    pub signed_off_by: String,
    /// A joint item: every unit (the submitting one too) with its share;
    /// the shares add up to 100. Empty: the submitting unit alone.
    #[serde(default)]
    pub shares: Vec<Share>,
    /// The commission (约稿) it answers, if any.
    #[serde(default)]
    pub commission_id: Option<i64>,
    /// An urgent item's timing.
    #[serde(default)]
    pub emergency: Option<super::emergency::EmergencyReport>,
}

pub const MAX_JOINT_UNITS: usize = 10;

fn field(errors: &mut Vec<FieldError>, name: &str, bad: bool, message: &str) {
    if bad {
        errors.push(FieldError { field: name.into(), message: message.into() });
    }
}

fn length_ok(s: &str, max: usize) -> bool {
    !s.trim().is_empty() && s.trim().chars().count() <= max
}

/// A phone as people write it: digits with hyphens, 7–20 characters.
fn phone_ok(s: &str) -> bool {
    let s = s.trim();
    (7..=20).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

/// The shares of a joint item for `unit` (the submitter): one unit at
/// 100% when none are given; otherwise each unit once, the submitter among
/// them, every share 1–99 and together exactly 100.
pub fn shares_of(unit: i64, shares: &[Share]) -> Result<Vec<Share>, ApiError> {
    if shares.is_empty() {
        return Ok(vec![Share { unit_id: unit, percent: 100 }]);
    }
    let split =
        |m: String| ApiError::with_fields(ErrorCode::InvalidParameter, m.clone(), vec![FieldError { field: "shares".into(), message: m }]);
    let mut ids: Vec<i64> = shares.iter().map(|s| s.unit_id).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() != shares.len() || shares.len() > MAX_JOINT_UNITS {
        return Err(split(format!("联合报送的单位不能重复，最多{MAX_JOINT_UNITS}个")));
    }
    if !ids.contains(&unit) {
        return Err(split("联合报送的分值比例应包括本单位".into()));
    }
    if shares.len() > 1 && shares.iter().any(|s| !(1..=99).contains(&s.percent)) {
        return Err(split("联合报送时每个单位的比例应在1%到99%之间".into()));
    }
    let total: u32 = shares.iter().map(|s| s.percent).sum();
    if total != 100 {
        return Err(split(format!("各单位分值比例合计应为100%，现为{total}%")));
    }
    Ok(shares.to_vec())
}

impl SubmissionForm {
    /// Every field's problem at once, as the form shows them.
    pub fn validate(&self, signer_needed: bool) -> Result<(), ApiError> {
        let mut e = Vec::new();
        field(&mut e, "title", !length_ok(&self.title, 100), "请填写标题（100字以内）");
        field(&mut e, "body", !length_ok(&self.body, 20_000), "请填写正文（2万字以内）");
        field(&mut e, "category", self.category.is_none(), "请选择类别");
        field(&mut e, "writer", !length_ok(&self.writer, 50), "请填写执笔人");
        field(&mut e, "writer_phone", !phone_ok(&self.writer_phone), "请填写执笔人的联系电话");
        let signer = self.signed_off_by.trim();
        field(&mut e, "signed_off_by", signer.chars().count() > 50 || (signer_needed && signer.is_empty()), "请填写签发的单位负责人");
        if e.is_empty() {
            Ok(())
        } else {
            let all: Vec<&str> = e.iter().map(|f| f.message.as_str()).collect();
            Err(ApiError::with_fields(ErrorCode::InvalidParameter, format!("报送信息有误：{}", all.join("；")), e))
        }
    }
}

/// What staff do with an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InfoAction {
    /// The unit's revision after a return.
    Resubmit {
        title: String,
        body: String,
    },
    /// Adopted into issue `issue_id`, under the editor's title (empty:
    /// the unit's) and text (empty: the unit's).
    Adopt {
        issue_id: i64,
        title: String,
        body: String,
    },
    Return {
        reason: String,
    },
    Decline {
        reason: String,
    },
    /// Taken out of its issue: every point it earned is taken back.
    Unadopt {
        reason: String,
    },
    /// 转报: sent on to a higher level.
    Forward {
        level: Level,
    },
    /// Adopted by a higher level.
    HigherAdoption {
        level: Level,
    },
    /// A leader's instruction (批示) on it.
    Instruction {
        leader: String,
        text: String,
    },
}

named_enum! {
/// The action's name on the wire.
pub enum ActionName {
    Resubmit = "resubmit",
    Adopt = "adopt",
    Return = "return",
    Decline = "decline",
    Unadopt = "unadopt",
    Forward = "forward",
    HigherAdoption = "higher_adoption",
    Instruction = "instruction",
}
}

/// `POST /api/information/items/{no}/action`: the version read, the
/// action's name and the fields it needs (the others are ignored). A flat
/// body rather than a tagged enum: the Worker reads it with far less code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InfoActionRequest {
    pub version: i64,
    pub action: Option<ActionName>,
    /// `adopt`: the issue.
    #[serde(default)]
    pub issue_id: Option<i64>,
    /// `resubmit`, `adopt` (the editor's title; empty keeps the unit's).
    #[serde(default)]
    pub title: String,
    /// `resubmit`, `adopt` (the editor's text; empty keeps the unit's).
    #[serde(default)]
    pub body: String,
    /// `return`, `decline`, `unadopt`.
    #[serde(default)]
    pub reason: String,
    /// `forward`, `higher_adoption`.
    #[serde(default)]
    pub level: Option<Level>,
    /// `instruction`: the leader and the instruction's text.
    #[serde(default)]
    pub leader: String,
    #[serde(default)]
    pub text: String,
}

impl InfoActionRequest {
    pub fn new(version: i64, action: InfoAction) -> InfoActionRequest {
        let mut r = InfoActionRequest { version, action: Some(action.name()), ..Default::default() };
        match action {
            InfoAction::Resubmit { title, body } => (r.title, r.body) = (title, body),
            InfoAction::Adopt { issue_id, title, body } => (r.issue_id, r.title, r.body) = (Some(issue_id), title, body),
            InfoAction::Return { reason } | InfoAction::Decline { reason } | InfoAction::Unadopt { reason } => r.reason = reason,
            InfoAction::Forward { level } | InfoAction::HigherAdoption { level } => r.level = Some(level),
            InfoAction::Instruction { leader, text } => (r.leader, r.text) = (leader, text),
        }
        r
    }

    /// The action it names, with what that action needs.
    pub fn action(self) -> Result<InfoAction, ApiError> {
        let missing = |m: &str| ApiError::new(ErrorCode::InvalidParameter, m);
        let level = self.level.ok_or_else(|| missing("请选择上级机关"));
        Ok(match self.action.ok_or_else(|| missing("请选择操作"))? {
            ActionName::Resubmit => InfoAction::Resubmit { title: self.title, body: self.body },
            ActionName::Adopt => InfoAction::Adopt {
                issue_id: self.issue_id.ok_or_else(|| missing("请选择编入的刊物"))?,
                title: self.title,
                body: self.body,
            },
            ActionName::Return => InfoAction::Return { reason: self.reason },
            ActionName::Decline => InfoAction::Decline { reason: self.reason },
            ActionName::Unadopt => InfoAction::Unadopt { reason: self.reason },
            ActionName::Forward => InfoAction::Forward { level: level? },
            ActionName::HigherAdoption => InfoAction::HigherAdoption { level: level? },
            ActionName::Instruction => InfoAction::Instruction { leader: self.leader, text: self.text },
        })
    }
}

/// Who acts: the office's editors, or the submitting unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Office,
    Unit,
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Whether `side` may take `action` on an item in `state`: `forbidden` for
/// the wrong side, `conflict` for the wrong state, `invalid_parameter` for
/// what is missing. `levels`: the higher levels that adopted it already.
pub fn check(side: Side, state: InfoState, levels: &[Level], action: &InfoAction) -> Result<(), ApiError> {
    use InfoAction::*;
    let forbidden = |m: &str| Err(ApiError::new(ErrorCode::Forbidden, m));
    let not_now = |m: &str| Err(ApiError { current_state: Some(state.as_str().into()), ..ApiError::new(ErrorCode::Conflict, m) });
    let bad = |m: &str| Err(ApiError::new(ErrorCode::InvalidParameter, m));
    match action {
        Resubmit { .. } if side != Side::Unit => forbidden("修改稿由报送单位重新报送"),
        Resubmit { .. } if state != InfoState::Returned => not_now("只有退回修改的信息才能重新报送"),
        Resubmit { title, body } if !length_ok(title, 100) || !length_ok(body, 20_000) => bad("请填写标题和正文"),
        Resubmit { .. } => Ok(()),
        _ if side != Side::Office => forbidden("只有县府办信息科可以编辑、采用和记录上级采用"),
        Adopt { title, .. } if title.trim().chars().count() > 100 => bad("标题应在100字以内"),
        Adopt { .. } | Return { .. } | Decline { .. } if state != InfoState::Submitted => not_now("该信息不在待编辑状态"),
        Return { reason } | Decline { reason } | Unadopt { reason } if blank(reason) => bad("请写明理由"),
        Unadopt { .. } | Forward { .. } | HigherAdoption { .. } | Instruction { .. } if state != InfoState::Adopted => {
            not_now("该信息尚未被采用")
        }
        HigherAdoption { level } if levels.contains(level) => not_now("已记录该级采用"),
        Instruction { leader, text } if blank(leader) || blank(text) => bad("请填写批示领导和批示内容"),
        _ => Ok(()),
    }
}

/// The actions open to `side` now (the page shows only these).
pub fn available(side: Side, state: InfoState) -> Vec<&'static str> {
    let x = || "x".to_string();
    let samples = [
        InfoAction::Resubmit { title: x(), body: x() },
        InfoAction::Adopt { issue_id: 0, title: String::new(), body: String::new() },
        InfoAction::Return { reason: x() },
        InfoAction::Decline { reason: x() },
        InfoAction::Unadopt { reason: x() },
        InfoAction::Forward { level: Level::City },
        InfoAction::HigherAdoption { level: Level::City },
        InfoAction::Instruction { leader: x(), text: x() },
    ];
    samples.iter().filter(|a| check(side, state, &[], a).is_ok()).map(|a| a.name().as_str()).collect()
}

impl InfoAction {
    pub fn name(&self) -> ActionName {
        match self {
            InfoAction::Resubmit { .. } => ActionName::Resubmit,
            InfoAction::Adopt { .. } => ActionName::Adopt,
            InfoAction::Return { .. } => ActionName::Return,
            InfoAction::Decline { .. } => ActionName::Decline,
            InfoAction::Unadopt { .. } => ActionName::Unadopt,
            InfoAction::Forward { .. } => ActionName::Forward,
            InfoAction::HigherAdoption { .. } => ActionName::HigherAdoption,
            InfoAction::Instruction { .. } => ActionName::Instruction,
        }
    }
}
