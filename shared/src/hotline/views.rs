//! What staff, the caller and the lists see of a ticket.

use super::ticket::{CallbackResult, Rating};
use super::{Channel, CloseReason, Kind, PartState, Role, TicketState, Urgency};
use crate::engine::case_action::ExtensionState;
use crate::engine::instant::Instant;
use crate::engine::ledger::Standing;
use crate::engine::limit::Limit;
use serde::{Deserialize, Serialize};

/// The caller as this viewer may see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contact {
    pub name: String,
    pub phone: String,
    pub address: String,
    /// Masked for this viewer (a member unit without the office's grant).
    pub masked: bool,
}

/// A unit's part in a ticket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Part {
    pub unit_id: i64,
    pub unit_name: String,
    pub role: Role,
    pub state: PartState,
    pub sent_at: Instant,
    pub sign_by: Instant,
    pub signed_at: Option<Instant>,
    pub signed_late: bool,
    pub return_reason: String,
    /// Who decided the last return request, and why.
    pub return_decision: String,
    pub contribution: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReplyView {
    pub text: String,
    pub policy: String,
    pub signed_off_by: String,
    pub at: Instant,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketEvent {
    pub at: Instant,
    pub actor: String,
    pub note: String,
    /// Shown to the caller.
    pub public: bool,
}

/// A ticket as staff see it (`GET /api/hotline/tickets/{no}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketView {
    pub ticket_no: String,
    pub state: TicketState,
    pub close_reason: Option<CloseReason>,
    pub channel: Channel,
    pub kind: Kind,
    pub urgency: Urgency,
    pub confidential: bool,
    pub city_ticket_no: String,
    pub caller: Contact,
    /// The office lets the lead unit see the caller's contact.
    pub contact_granted: bool,
    /// Callers of tickets merged into this one.
    pub other_callers: Vec<Contact>,
    pub occurred: String,
    pub cause: String,
    pub course: String,
    pub received_at: Instant,
    pub category_id: Option<i64>,
    pub category_name: Option<String>,
    pub limit: Option<Limit>,
    pub deadline: Option<Instant>,
    pub standing: Option<Standing>,
    /// Why the deadline is where it is.
    pub explanation: Vec<String>,
    pub parts: Vec<Part>,
    pub extension: ExtensionState,
    pub extension_amount: u32,
    pub extension_reason: String,
    pub reply: Option<ReplyView>,
    pub reopened: u32,
    pub notices: u32,
    pub callback_tries: u32,
    pub last_callback: Option<CallbackResult>,
    /// The caller's own rating on the web, if any.
    pub rating: Option<Rating>,
    pub merged_into: Option<String>,
    pub events: Vec<TicketEvent>,
    /// The actions open to this viewer now (`ticket::available`), plus
    /// `dispose` while the office may still dispose of it at intake.
    pub actions: Vec<String>,
    pub version: i64,
}

/// A row of a list (the office's queue, a unit's inbox, a search).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketRow {
    pub ticket_no: String,
    pub state: TicketState,
    pub kind: Kind,
    pub urgency: Urgency,
    pub cause: String,
    pub category_name: Option<String>,
    pub lead_unit_name: Option<String>,
    pub received_at: Instant,
    pub deadline: Option<Instant>,
    pub standing: Option<Standing>,
    /// This unit's part, in a unit's inbox.
    pub my_part: Option<PartState>,
    pub reopened: u32,
    pub confidential: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketList {
    pub items: Vec<TicketRow>,
    /// The cursor of the next page, if there is one.
    pub next: Option<String>,
}

/// A note the caller sees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicNote {
    pub at: Instant,
    pub note: String,
}

/// What the caller sees with the ticket number and query code: no names,
/// no phone numbers, no internal notes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicTicket {
    pub ticket_no: String,
    pub state: TicketState,
    pub close_reason: Option<CloseReason>,
    pub kind: Kind,
    pub cause: String,
    pub received_at: Instant,
    /// The committed time (the deadline), once dispatched.
    pub deadline: Option<Instant>,
    pub unit_name: Option<String>,
    pub timeline: Vec<PublicNote>,
    pub reply: Option<String>,
    /// The caller may rate on the web (after the call-back, once).
    pub can_rate: bool,
    pub rating: Option<Rating>,
}

/// The query code, sent in a body so it stays out of URLs and logs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QueryCode {
    pub code: String,
}

/// The longest comment a rating takes, in characters.
pub const MAX_RATING_COMMENT: usize = 500;

/// The caller's own rating on the web.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RatingRequest {
    pub code: String,
    pub rating: Rating,
    #[serde(default)]
    pub comment: String,
}
