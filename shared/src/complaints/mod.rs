//! Efficiency complaints (效能投诉, DOMAIN.md §6): complaints and
//! consultations about how officials and units work, taken in around the
//! clock, decided (accept, not accept, transfer to the competent body),
//! handled by the office itself, assigned to a unit or transferred,
//! investigated, held to account, answered, called back and counted.
//!
//! - `intake`: the public form (anonymous allowed) and staff entry;
//! - `complaint`: states, what the office and the handling unit may do
//!   when, the limits (acceptance, 30 working days, extension to 60);
//! - `privacy`: the complainant's identity, for the office's complaint staff only;
//! - `views`: what staff, the complainant and lists see;
//! - `figures`: what each event adds to the counters, the rates, the
//!   report's sentence and CSV.

pub mod complaint;
pub mod figures;
pub mod intake;
pub mod privacy;
pub mod views;

named_enum! {
/// How a complaint arrived (intake is open around the clock).
pub enum ComplaintChannel {
    Web = "web",
    Phone = "phone",
    Letter = "letter",
    Visit = "visit",
}
}

impl ComplaintChannel {
    pub fn zh(self) -> &'static str {
        match self {
            ComplaintChannel::Web => "网上投诉",
            ComplaintChannel::Phone => "来电",
            ComplaintChannel::Letter => "来信",
            ComplaintChannel::Visit => "来访",
        }
    }
}

named_enum! {
/// A consultation is answered and closed; a complaint is decided on.
pub enum ComplaintKind {
    Consultation = "consultation",
    Complaint = "complaint",
}
}

impl ComplaintKind {
    pub fn zh(self) -> &'static str {
        match self {
            ComplaintKind::Consultation => "咨询",
            ComplaintKind::Complaint => "投诉",
        }
    }
}

named_enum! {
/// Where a complaint is.
pub enum ComplaintState {
    /// Taken in; the office has yet to answer (a consultation) or decide
    /// on acceptance (a complaint).
    Received = "received",
    /// Accepted and being handled, against the handling limit.
    Handling = "handling",
    /// The investigation is recorded; the office concludes it.
    Investigated = "investigated",
    /// The result is told to a named complainant; the office calls back.
    Replied = "replied",
    Closed = "closed",
}
}

impl ComplaintState {
    pub fn zh(self) -> &'static str {
        match self {
            ComplaintState::Received => "待受理",
            ComplaintState::Handling => "办理中",
            ComplaintState::Investigated => "已调查待办结",
            ComplaintState::Replied => "已答复待回访",
            ComplaintState::Closed => "已办结",
        }
    }

    /// Counted against the handling limit (standing, extension).
    pub fn on_the_clock(self) -> bool {
        matches!(self, ComplaintState::Handling | ComplaintState::Investigated)
    }
}

named_enum! {
/// Why a complaint was closed.
pub enum ComplaintCloseReason {
    /// A consultation answered (咨询已答复).
    Answered = "answered",
    /// Not accepted, with the reason told.
    NotAccepted = "not_accepted",
    /// Transferred to the competent body (转送有权处理机关).
    TransferredOut = "transferred_out",
    /// Concluded; an anonymous complainant gets no reply.
    Concluded = "concluded",
    /// Called back: satisfied with the handling.
    Satisfied = "satisfied",
    /// Called back: could not be reached, or gave no opinion.
    NotVisited = "not_visited",
}
}

impl ComplaintCloseReason {
    pub fn zh(self) -> &'static str {
        match self {
            ComplaintCloseReason::Answered => "咨询已答复",
            ComplaintCloseReason::NotAccepted => "不予受理",
            ComplaintCloseReason::TransferredOut => "已转送有权处理机关",
            ComplaintCloseReason::Concluded => "已办结（匿名投诉不予答复）",
            ComplaintCloseReason::Satisfied => "回访满意",
            ComplaintCloseReason::NotVisited => "回访未接通",
        }
    }
}

named_enum! {
/// Who handles an accepted complaint.
pub enum HandlingMode {
    /// The office itself (自办).
    Office = "office",
    /// Assigned to a unit, which investigates and reports back (交办).
    Assigned = "assigned",
    /// Transferred to the unit with the powers over it (转办).
    Transferred = "transferred",
}
}

impl HandlingMode {
    pub fn zh(self) -> &'static str {
        match self {
            HandlingMode::Office => "自办",
            HandlingMode::Assigned => "交办",
            HandlingMode::Transferred => "转办",
        }
    }

    /// A unit handles it (交办 and 转办 name one).
    pub fn has_unit(self) -> bool {
        self != HandlingMode::Office
    }
}

named_enum! {
/// What the investigation found.
pub enum Finding {
    True = "true",
    PartlyTrue = "partly_true",
    Untrue = "untrue",
}
}

impl Finding {
    pub fn zh(self) -> &'static str {
        match self {
            Finding::True => "属实",
            Finding::PartlyTrue => "部分属实",
            Finding::Untrue => "不属实",
        }
    }

    /// Upheld (属实 or 部分属实): counted, and open to accountability.
    pub fn upheld(self) -> bool {
        self != Finding::Untrue
    }
}

named_enum! {
/// The fault notice issued to the unit or person at fault.
pub enum FaultNotice {
    /// 行政效能过失通知单.
    Fault = "fault",
    /// 行政效能严重过失通知单.
    SeriousFault = "serious_fault",
}
}

impl FaultNotice {
    pub fn zh(self) -> &'static str {
        match self {
            FaultNotice::Fault => "行政效能过失通知单",
            FaultNotice::SeriousFault => "行政效能严重过失通知单",
        }
    }
}

named_enum! {
/// The sanction recommended, from the lightest.
pub enum Sanction {
    Criticism = "criticism",
    WrittenSelfCriticism = "written_self_criticism",
    CircularCriticism = "circular_criticism",
    Rectification = "rectification",
    Disciplinary = "disciplinary",
}
}

impl Sanction {
    pub fn zh(self) -> &'static str {
        match self {
            Sanction::Criticism => "批评教育",
            Sanction::WrittenSelfCriticism => "书面检讨",
            Sanction::CircularCriticism => "通报批评",
            Sanction::Rectification => "限期整改",
            Sanction::Disciplinary => "纪律处分",
        }
    }
}
