//! The county head's public hotline (县长公开电话, DOMAIN.md §3): tickets
//! (工单) taken in by phone, web, letter or the city's 12345 centre,
//! disposed of at intake or dispatched to member units, signed for,
//! handled, replied to and closed after a call-back.
//!
//! - `intake`: the record (five elements, channel, type, urgency,
//!   confidentiality) and the dispositions at intake;
//! - `ticket`: states, what each side (office, lead unit, assisting unit)
//!   may do when, and the limits for signing for and calling back;
//! - `catalogue`: the dispatch catalogue (category → units, limits by
//!   urgency) and the knowledge base;
//! - `privacy`: masking the caller for member units;
//! - `views`: what staff, the caller and lists see of a ticket;
//! - `figures`: what each event adds to the counters, and the rates;
//! - `hotspots`: repeated categories or addresses in a window;
//! - `partners`: Open311 partners' API keys.

pub mod catalogue;
pub mod figures;
pub mod hotspots;
pub mod intake;
pub mod open311;
pub mod partners;
pub mod privacy;
pub mod ticket;
pub mod views;

named_enum! {
/// How a ticket arrived.
pub enum Channel {
    Phone = "phone",
    Web = "web",
    Letter = "letter",
    /// Forwarded by the city's 12345 centre, with its own ticket number.
    City12345 = "city_12345",
    /// A missed call returned by the hotline.
    MissedCall = "missed_call",
    /// Posted by a partner through the Open311 API.
    Open311 = "open311",
}
}

impl Channel {
    pub fn zh(self) -> &'static str {
        match self {
            Channel::Phone => "来电",
            Channel::Web => "网上留言",
            Channel::Letter => "来信",
            Channel::City12345 => "市12345转办",
            Channel::MissedCall => "未接来电回拨",
            Channel::Open311 => "开放接口",
        }
    }
}

named_enum! {
/// What the caller wants (诉求类型).
pub enum Kind {
    Consultation = "consultation",
    Help = "help",
    Complaint = "complaint",
    Report = "report",
    Suggestion = "suggestion",
}
}

impl Kind {
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Consultation => "咨询",
            Kind::Help => "求助",
            Kind::Complaint => "投诉",
            Kind::Report => "举报",
            Kind::Suggestion => "建议",
        }
    }
}

named_enum! {
/// 紧急程度.
pub enum Urgency {
    Normal = "normal",
    Urgent = "urgent",
    Critical = "critical",
}
}

impl Urgency {
    pub fn zh(self) -> &'static str {
        match self {
            Urgency::Normal => "一般",
            Urgency::Urgent => "紧急",
            Urgency::Critical => "特急",
        }
    }
}

named_enum! {
/// Where a ticket is.
pub enum TicketState {
    /// Taken in; the office has yet to dispose of it.
    Received = "received",
    /// Sent to a leader (呈阅件), whose instruction then dispatches it.
    Escalated = "escalated",
    /// Sent to units; the lead unit has not signed for it yet.
    Dispatched = "dispatched",
    /// Signed for by the lead unit and being handled.
    InProgress = "in_progress",
    /// The lead unit has replied; the office reviews the reply.
    Replied = "replied",
    /// The reply is accepted; the office calls the caller back.
    Callback = "callback",
    Closed = "closed",
}
}

impl TicketState {
    pub fn zh(self) -> &'static str {
        match self {
            TicketState::Received => "已受理",
            TicketState::Escalated => "呈领导阅示",
            TicketState::Dispatched => "已转办待签收",
            TicketState::InProgress => "办理中",
            TicketState::Replied => "已答复待审核",
            TicketState::Callback => "待回访",
            TicketState::Closed => "已办结",
        }
    }

    /// Open for the figures, the inbox and the daily job: a unit has it.
    pub fn with_units(self) -> bool {
        matches!(self, TicketState::Dispatched | TicketState::InProgress)
    }
}

named_enum! {
/// Why a ticket was closed.
pub enum CloseReason {
    /// Answered at once from the knowledge base (直接答复).
    Answered = "answered",
    /// Transferred to 110/119/120/122, told the legal route, or explained.
    Redirected = "redirected",
    /// Merged into an open ticket on the same matter (并单).
    Merged = "merged",
    Satisfied = "satisfied",
    BasicallySatisfied = "basically_satisfied",
    /// Dissatisfied for objective reasons (policy limits): closed as explained.
    Explained = "explained",
    /// The caller could not be reached after the tries allowed: not visited.
    Unreachable = "unreachable",
}
}

impl CloseReason {
    pub fn zh(self) -> &'static str {
        match self {
            CloseReason::Answered => "直接答复",
            CloseReason::Redirected => "告知或转接",
            CloseReason::Merged => "已并单",
            CloseReason::Satisfied => "回访满意",
            CloseReason::BasicallySatisfied => "回访基本满意",
            CloseReason::Explained => "解释说明后办结",
            CloseReason::Unreachable => "多次回访未接通",
        }
    }
}

named_enum! {
/// Where a redirected caller was sent (DOMAIN §3): emergency lines, a
/// legal route, or an explanation.
pub enum RedirectTo {
    Police = "110",
    Fire = "119",
    Ambulance = "120",
    Traffic = "122",
    Litigation = "litigation",
    Arbitration = "arbitration",
    Discipline = "discipline",
    AdministrativeReview = "administrative_review",
    InformationDisclosure = "information_disclosure",
    Petition = "petition",
    /// Unlawful, or touching secrets or privacy: explained, not handled.
    Explained = "explained",
}
}

impl RedirectTo {
    pub fn zh(self) -> &'static str {
        match self {
            RedirectTo::Police => "转110",
            RedirectTo::Fire => "转119",
            RedirectTo::Ambulance => "转120",
            RedirectTo::Traffic => "转122",
            RedirectTo::Litigation => "告知诉讼途径",
            RedirectTo::Arbitration => "告知仲裁途径",
            RedirectTo::Discipline => "告知纪检监察途径",
            RedirectTo::AdministrativeReview => "告知行政复议途径",
            RedirectTo::InformationDisclosure => "告知政府信息公开途径",
            RedirectTo::Petition => "已在信访程序中",
            RedirectTo::Explained => "解释说明（违法或涉密、涉隐私诉求）",
        }
    }
}

named_enum! {
/// A unit's part in a ticket.
pub enum Role {
    /// 主办: signs, handles and replies.
    Lead = "lead",
    /// 协办: signs and contributes to the lead's reply.
    Assist = "assist",
}
}

named_enum! {
/// A unit's progress on its part.
pub enum PartState {
    /// Sent, not signed for yet.
    Sent = "sent",
    Signed = "signed",
    /// The unit asked to return it; the office reviews.
    ReturnRequested = "return_requested",
    /// The office accepted the return; the unit is off the ticket.
    Returned = "returned",
    /// An assisting unit gave its contribution.
    Contributed = "contributed",
}
}

impl PartState {
    pub fn zh(self) -> &'static str {
        match self {
            PartState::Sent => "待签收",
            PartState::Signed => "已签收",
            PartState::ReturnRequested => "申请退单",
            PartState::Returned => "已退单",
            PartState::Contributed => "已反馈协办意见",
        }
    }
}
