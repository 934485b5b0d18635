//! Incoming documents (收文, DOMAIN §4): a unit's signed copy is registered
//! with its receiving number (收文号, per unit and year) and the proposed
//! handling (拟办), gets the leader's instruction (批示), circulates (传阅)
//! to named staff with its whereabouts always known and unread copies
//! recallable, and goes to a lead office (承办) with a deadline; the answer
//! back to the sender is the copy's handling note.

use super::forms::DocAction;
use super::RecipientState;
use crate::engine::date::Date;
use crate::engine::instant::Instant;
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// Where a unit's copy stands for these rules.
pub struct Situation {
    pub state: RecipientState,
    pub registered: bool,
    /// Circulation copies not yet read (nor recalled).
    pub unread: u32,
    /// Whether the person acting has one of them.
    pub mine_unread: bool,
}

/// The actions of incoming handling (the rest are transmission's).
pub fn is_incoming(action: &DocAction) -> bool {
    matches!(
        action,
        DocAction::Register { .. }
            | DocAction::Instruct { .. }
            | DocAction::Circulate { .. }
            | DocAction::Read
            | DocAction::RecallCirculation
            | DocAction::Assign { .. }
    )
}

pub fn check(s: &Situation, action: &DocAction) -> Result<(), ApiError> {
    action.validate()?;
    let conflict = |m: &str| Err(ApiError { current_state: Some(s.state.as_str().into()), ..ApiError::new(ErrorCode::Conflict, m) });
    if !matches!(s.state, RecipientState::Signed | RecipientState::Handled) {
        return conflict("请先签收，再登记收文");
    }
    match action {
        DocAction::Register { .. } if s.registered => conflict("该公文已登记收文"),
        DocAction::Register { .. } => Ok(()),
        _ if !s.registered => conflict("请先登记收文（收文号和拟办意见）"),
        DocAction::Read if !s.mine_unread => conflict("您没有待阅的传阅件"),
        DocAction::RecallCirculation if s.unread == 0 => conflict("没有尚未阅毕的传阅件"),
        _ => Ok(()),
    }
}

/// 收〔2026〕12号
pub fn receive_no(year: i32, seq: u32) -> String {
    format!("收〔{year}〕{seq}号")
}

/// One circulation copy: with whom, since when, read or taken back when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Circulation {
    pub reader: String,
    pub sent_at: Instant,
    pub read_at: Option<Instant>,
    pub recalled_at: Option<Instant>,
}

/// A unit's incoming record of its copy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Incoming {
    pub receive_no: String,
    pub proposal: String,
    pub instruction: Option<String>,
    pub instructed_by: Option<String>,
    pub lead: Option<String>,
    pub lead_due: Option<Date>,
    pub circulation: Vec<Circulation>,
    /// Where the document is now, in words.
    pub whereabouts: String,
}

/// Where the document is: with the readers who have not read it, else with
/// the lead office, else at the registry.
pub fn whereabouts(circulation: &[Circulation], lead: Option<&str>) -> String {
    let with: Vec<&str> =
        circulation.iter().filter(|c| c.read_at.is_none() && c.recalled_at.is_none()).map(|c| c.reader.as_str()).collect();
    match (with.is_empty(), lead) {
        (false, _) => format!("传阅中：在{}处", with.join("、")),
        (true, Some(l)) => format!("在承办处：{l}"),
        (true, None) => "在收文登记处".into(),
    }
}
