//! Notifications: the events that send a message, a message's states, what
//! each message says, and the test numbers of the local `log` provider.
//! The outbox, the queue and the providers are the Workers' (backend's
//! `db/notify.rs`, `notify.rs`; the `notifier` crate).

pub mod inbox;
pub mod limits;
pub mod template;

use crate::approvals::case::CaseState;
use crate::complaints::ComplaintState;
use crate::hotline::TicketState;
use serde::{Deserialize, Serialize};

named_enum! {
    /// What happened, and so which template a message uses.
    pub enum NoticeEvent {
        /// The application arrived: its case number and query code.
        CaseReceived = "case_received",
        /// The window's one notice listing what is missing.
        CaseSupplement = "case_supplement",
        /// Accepted, with the committed date.
        CaseAccepted = "case_accepted",
        CaseCompleted = "case_completed",
        /// Completed three days ago and not rated: an invitation to rate
        /// (the notifier's cron, once per case).
        CaseEvaluate = "case_evaluate",
        /// A hotline ticket taken in: its number and query code (the
        /// acknowledgement due within 3 minutes).
        HotlineReceived = "hotline_received",
        /// The unit's reply, accepted by the office: the caller can read it.
        HotlineReplied = "hotline_replied",
        /// The call-back done and the ticket closed.
        HotlineCallback = "hotline_callback",
        /// An efficiency complaint taken in (not anonymous): its number and
        /// query code.
        ComplaintReceived = "complaint_received",
        /// The complaint's conclusion replied to the complainant.
        ComplaintReplied = "complaint_replied",
        /// The call-back done and the complaint closed.
        ComplaintCallback = "complaint_callback",
    }
}

named_enum! {
    /// A message's delivery: queued → sent → delivered, or failed (with the
    /// reason) when the provider refused it or the retries ran out; skipped
    /// when the applicant chose not to receive SMS (never sent).
    pub enum NoticeState {
        Queued = "queued",
        Sent = "sent",
        Delivered = "delivered",
        Failed = "failed",
        Skipped = "skipped",
    }
}

impl NoticeState {
    pub fn zh(self) -> &'static str {
        match self {
            NoticeState::Queued => "排队中",
            NoticeState::Sent => "已发出",
            NoticeState::Delivered => "已送达",
            NoticeState::Failed => "发送失败",
            NoticeState::Skipped => "未发送（申请人不接收短信）",
        }
    }
}

impl NoticeEvent {
    /// The event a case's change to `to` tells the applicant about, if any
    /// (a submission is `CaseReceived`, written by the submission itself).
    pub fn for_case_change(to: CaseState) -> Option<NoticeEvent> {
        match to {
            CaseState::AwaitingSupplement => Some(NoticeEvent::CaseSupplement),
            CaseState::InProgress => Some(NoticeEvent::CaseAccepted),
            CaseState::Completed => Some(NoticeEvent::CaseCompleted),
            CaseState::Submitted | CaseState::ReportedUp | CaseState::Returned => None,
        }
    }

    /// The message a hotline ticket's change tells the caller about, if any.
    pub fn for_ticket_change(from: Option<TicketState>, to: TicketState) -> Option<NoticeEvent> {
        match (from, to) {
            (None, TicketState::Received) => Some(NoticeEvent::HotlineReceived),
            (Some(TicketState::Replied), TicketState::Callback) => Some(NoticeEvent::HotlineReplied),
            (Some(TicketState::Callback), TicketState::Closed) => Some(NoticeEvent::HotlineCallback),
            _ => None,
        }
    }

    /// The message an efficiency complaint's change tells the complainant
    /// about, if any (an anonymous complaint has no number to tell).
    pub fn for_complaint_change(from: Option<ComplaintState>, to: ComplaintState) -> Option<NoticeEvent> {
        match (from, to) {
            (None, ComplaintState::Received) => Some(NoticeEvent::ComplaintReceived),
            (Some(_), ComplaintState::Replied) => Some(NoticeEvent::ComplaintReplied),
            (Some(ComplaintState::Replied), ComplaintState::Closed) => Some(NoticeEvent::ComplaintCallback),
            _ => None,
        }
    }

    /// Whether the message carries the item's query code (derived by the
    /// Worker that enqueues it, never stored).
    pub fn carries_code(self) -> bool {
        matches!(self, NoticeEvent::CaseReceived | NoticeEvent::HotlineReceived | NoticeEvent::ComplaintReceived)
    }

    /// The idempotency key: one per event, item and the version the change
    /// moved the item from, so a retried transition finds it taken.
    pub fn key(self, item: &str, from_version: i64) -> String {
        format!("{}:{item}:{from_version}", self.as_str())
    }

    pub fn zh(self) -> &'static str {
        match self {
            NoticeEvent::CaseReceived => "申请已收到",
            NoticeEvent::CaseSupplement => "补正通知",
            NoticeEvent::CaseAccepted => "已受理",
            NoticeEvent::CaseCompleted => "已办结",
            NoticeEvent::CaseEvaluate => "邀请评价",
            NoticeEvent::HotlineReceived => "热线工单已受理",
            NoticeEvent::HotlineReplied => "热线工单已答复",
            NoticeEvent::HotlineCallback => "热线工单已回访办结",
            NoticeEvent::ComplaintReceived => "效能投诉已收到",
            NoticeEvent::ComplaintReplied => "效能投诉已答复",
            NoticeEvent::ComplaintCallback => "效能投诉已回访办结",
        }
    }
}

/// A message's template variables: only these change between messages of
/// one template. `code` is never stored: the Worker that enqueues derives it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Vars {
    /// The case number.
    pub no: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The committed date (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// The text the `log` provider records: what the approved template would
/// read with these variables.
pub fn render(event: NoticeEvent, v: &Vars) -> String {
    let no = &v.no;
    match event {
        NoticeEvent::CaseReceived => {
            format!("您的申请已收到，办件编号{no}，查询码{}，可凭编号和查询码查询办理进度。", v.code.as_deref().unwrap_or(""))
        }
        NoticeEvent::CaseSupplement => format!("您的办件{no}需补正材料，请凭编号和查询码查看一次性告知的补正清单。"),
        NoticeEvent::CaseAccepted => format!("您的办件{no}已受理，承诺于{}前办结。", v.date.as_deref().unwrap_or("")),
        NoticeEvent::CaseCompleted => format!("您的办件{no}已办结。"),
        NoticeEvent::CaseEvaluate => format!("您的办件{no}已办结，欢迎凭编号和查询码对办理服务作出评价。"),
        NoticeEvent::HotlineReceived => {
            format!("您反映的问题已受理，工单编号{no}，查询码{}，可凭编号和查询码查询办理进度。", v.code.as_deref().unwrap_or(""))
        }
        NoticeEvent::HotlineReplied => format!("您反映的问题（工单{no}）已有答复，请凭编号和查询码查看，稍后将电话回访。"),
        NoticeEvent::HotlineCallback => format!("您反映的问题（工单{no}）已回访办结，感谢您的监督。"),
        NoticeEvent::ComplaintReceived => {
            format!("您的效能投诉已收到，编号{no}，查询码{}，可凭编号和查询码查询办理进度。", v.code.as_deref().unwrap_or(""))
        }
        NoticeEvent::ComplaintReplied => format!("您的效能投诉{no}已有答复，请凭编号和查询码查看，稍后将电话回访。"),
        NoticeEvent::ComplaintCallback => format!("您的效能投诉{no}已回访办结，感谢您的监督。"),
    }
}

/// What the local `log` provider does with a number when its faults are on
/// (`LOG_PROVIDER_FAULTS=1`, local stacks only): numbers 170 0000 D xxx are
/// test numbers; D = 1 is refused, D = 2–9 is "provider down" for the first
/// D attempts, then sent. Every other number is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TestFault {
    None,
    Refused,
    DownFor(u32),
}

pub fn test_fault(phone: &str) -> TestFault {
    match phone.strip_prefix("1700000").and_then(|rest| rest.chars().next()).and_then(|d| d.to_digit(10)) {
        Some(1) => TestFault::Refused,
        Some(d) if d >= 2 => TestFault::DownFor(d),
        _ => TestFault::None,
    }
}

/// Seconds before the next try after `attempts` failed ones: doubling from
/// `base`, at most an hour (the queue's own retry delay limit is 12 hours).
pub fn retry_delay(base: u32, attempts: u32) -> u32 {
    base.saturating_mul(1 << attempts.saturating_sub(1).min(12)).min(3600)
}

/// The applicant's SMS choice from the tracking page, with the query code
/// (in the body, never in a URL).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SmsChoice {
    pub code: String,
    /// Not to receive SMS about this case from now on.
    pub sms_opt_out: bool,
}

/// The case's audit note for a change of the choice.
pub fn sms_choice_note(opt_out: bool) -> &'static str {
    if opt_out {
        "申请人选择不再接收短信通知（在查询页查看进度）"
    } else {
        "申请人选择接收短信通知"
    }
}

/// One message on the office's page. The number is masked: staff see that
/// a message went to a number, never the number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NoticeRow {
    pub id: i64,
    pub event: NoticeEvent,
    pub case_no: String,
    /// Masked (138****8000).
    pub phone: String,
    pub state: NoticeState,
    pub provider: Option<String>,
    pub provider_message_id: Option<String>,
    /// Why it failed, or why the last try did.
    pub reason: Option<String>,
    pub attempts: u32,
    pub created_at: String,
    pub updated_at: String,
}

/// Messages per state and provider (`provider` empty: not tried yet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NoticeCount {
    pub state: NoticeState,
    pub provider: String,
    pub n: u64,
}

/// The office's page: the counts, and one page of messages newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NoticeList {
    pub counts: Vec<NoticeCount>,
    pub notices: Vec<NoticeRow>,
    #[serde(flatten)]
    pub page: crate::page::PageInfo,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_of_case_changes() {
        assert_eq!(NoticeEvent::for_case_change(CaseState::InProgress), Some(NoticeEvent::CaseAccepted));
        assert_eq!(NoticeEvent::for_case_change(CaseState::Completed), Some(NoticeEvent::CaseCompleted));
        assert_eq!(NoticeEvent::for_case_change(CaseState::AwaitingSupplement), Some(NoticeEvent::CaseSupplement));
        assert_eq!(NoticeEvent::for_case_change(CaseState::Returned), None);
        assert_eq!(NoticeEvent::CaseAccepted.key("S1", 3), "case_accepted:S1:3");
        use TicketState as T;
        assert_eq!(NoticeEvent::for_ticket_change(None, T::Received), Some(NoticeEvent::HotlineReceived));
        assert_eq!(NoticeEvent::for_ticket_change(Some(T::Replied), T::Callback), Some(NoticeEvent::HotlineReplied));
        assert_eq!(NoticeEvent::for_ticket_change(Some(T::Callback), T::Closed), Some(NoticeEvent::HotlineCallback));
        // Closed at intake (answered at once, transferred): the caller was told on the line.
        assert_eq!(NoticeEvent::for_ticket_change(Some(T::Received), T::Closed), None);
        assert_eq!(NoticeEvent::for_ticket_change(Some(T::Replied), T::InProgress), None);
        use ComplaintState as C;
        assert_eq!(NoticeEvent::for_complaint_change(None, C::Received), Some(NoticeEvent::ComplaintReceived));
        assert_eq!(NoticeEvent::for_complaint_change(Some(C::Investigated), C::Replied), Some(NoticeEvent::ComplaintReplied));
        assert_eq!(NoticeEvent::for_complaint_change(Some(C::Replied), C::Closed), Some(NoticeEvent::ComplaintCallback));
        // Answered at intake or not accepted: closed from received, no call-back message.
        assert_eq!(NoticeEvent::for_complaint_change(Some(C::Received), C::Closed), None);
    }

    #[test]
    fn texts_carry_only_the_variables() {
        let v = Vars { no: "S1".into(), code: Some("ABC".into()), date: None };
        assert!(render(NoticeEvent::CaseReceived, &v).contains("办件编号S1，查询码ABC"));
        let v = Vars { no: "S1".into(), code: None, date: Some("2026-12-01".into()) };
        assert!(render(NoticeEvent::CaseAccepted, &v).contains("承诺于2026-12-01前办结"));
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"no":"S1","date":"2026-12-01"}"#);
    }

    #[test]
    fn test_numbers_and_backoff() {
        assert_eq!(test_fault("17000001234"), TestFault::Refused);
        assert_eq!(test_fault("17000002234"), TestFault::DownFor(2));
        assert_eq!(test_fault("17000000234"), TestFault::None);
        assert_eq!(test_fault("13800138000"), TestFault::None);
        assert_eq!((retry_delay(30, 1), retry_delay(30, 2), retry_delay(30, 3)), (30, 60, 120));
        assert_eq!(retry_delay(30, 40), 3600);
    }
}
