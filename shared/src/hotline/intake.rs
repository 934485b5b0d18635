//! Taking a ticket in (DOMAIN.md §3): the five elements (who, when, where,
//! what, how it happened), channel, type, urgency and confidentiality, and
//! what the office may do with it at intake besides dispatching.

use super::{Channel, Kind, RedirectTo, Urgency};
use crate::engine::instant::Instant;
use crate::error::{ApiError, ErrorCode, FieldError};
use crate::identity::too_long;
pub use crate::identity::valid_phone;
use serde::{Deserialize, Serialize};

/// Longest texts, in characters. Descriptions match Open311's 4,000.
pub const MAX_COURSE_CHARS: usize = 4000;
pub const MAX_CAUSE_CHARS: usize = 100;
pub const MAX_SHORT_CHARS: usize = 100;
pub const MAX_NOTE_CHARS: usize = 2000;
pub const MAX_NAME_CHARS: usize = 30;
pub const MAX_OCCURRED_CHARS: usize = 50;

/// What a caller tells the hotline: the same whether typed by the caller on
/// a phone or by hotline staff during a call.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CallerForm {
    pub kind: Option<Kind>,
    /// 来电人姓名 (a surname with 先生/女士 is enough).
    pub caller_name: String,
    /// A mobile or landline number for the reply and the call-back.
    pub caller_phone: String,
    /// Where it happened (事发地点).
    pub address: String,
    /// When it happened (事发时间), as the caller says it.
    pub occurred: String,
    /// The point in one line (诉求事由).
    pub cause: String,
    /// What happened and what the caller asks (事情经过及诉求), ≤ 4,000 characters.
    pub course: String,
    /// The caller asks that name and contact be kept confidential.
    #[serde(default)]
    pub confidential: bool,
}

/// Hotline staff's intake: the caller's form plus how it arrived.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IntakeForm {
    #[serde(flatten)]
    pub caller: CallerForm,
    pub channel: Channel,
    pub urgency: Urgency,
    /// The city 12345 centre's ticket number (required for its forwards).
    #[serde(default)]
    pub city_ticket_no: String,
}

impl CallerForm {
    /// Every problem at once, so a caller fixes them in one go.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        let mut need = |field: &str, ok: bool, message: &str| {
            if !ok {
                out.push(FieldError { field: field.into(), message: message.into() });
            }
        };
        need("kind", self.kind.is_some(), "请选择诉求类型");
        need("caller_name", !self.caller_name.trim().is_empty(), "请填写来电人姓名（可只写姓氏）");
        need("caller_name", !too_long(&self.caller_name, MAX_NAME_CHARS), "姓名最长30个字");
        need("caller_phone", valid_phone(&self.caller_phone), "请填写能联系到您的手机号码或带区号的固定电话，用于答复和回访");
        need("address", !self.address.trim().is_empty(), "请填写事发地点");
        need("address", !too_long(&self.address, MAX_SHORT_CHARS), "地点最长100个字");
        need("occurred", !self.occurred.trim().is_empty(), "请填写事发时间（如“11月25日晚上”）");
        need("occurred", !too_long(&self.occurred, MAX_OCCURRED_CHARS), "时间最长50个字");
        need("cause", !self.cause.trim().is_empty(), "请用一句话写明诉求事由");
        need("cause", !too_long(&self.cause, MAX_CAUSE_CHARS), "诉求事由最长100个字");
        need("course", self.course.trim().chars().count() >= 5, "请写明事情经过和您的诉求（至少5个字）");
        need("course", !too_long(&self.course, MAX_COURSE_CHARS), "事情经过最长4000个字");
        out
    }
}

impl IntakeForm {
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = self.caller.problems();
        let city = self.city_ticket_no.trim();
        if self.channel == Channel::City12345 && city.is_empty() {
            out.push(FieldError { field: "city_ticket_no".into(), message: "市12345转办件请填写市级工单编号".into() });
        }
        if too_long(city, 40) {
            out.push(FieldError { field: "city_ticket_no".into(), message: "市级工单编号最长40个字符".into() });
        }
        out
    }
}

/// The one error for a form with problems: `invalid_application` with the
/// fields, as the approvals form answers.
pub fn check(problems: Vec<FieldError>) -> Result<(), ApiError> {
    if problems.is_empty() {
        return Ok(());
    }
    let message = problems.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join("；");
    Err(ApiError::with_fields(ErrorCode::InvalidApplication, message, problems))
}

/// What the caller keeps: the ticket number and its query code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketReceipt {
    pub ticket_no: String,
    pub query_code: String,
    pub received_at: Instant,
    /// The acknowledgement shown (and later texted) at once.
    pub acknowledgement: String,
}

/// The acknowledgement a web or SMS contact gets at once (DOMAIN §3: within
/// three minutes).
pub fn acknowledgement(ticket_no: &str, hotline_phone: &str) -> String {
    let phone = if hotline_phone.is_empty() { String::new() } else { format!("，如有疑问请拨打{hotline_phone}") };
    format!("您的诉求已收到，工单编号{ticket_no}。我们将尽快办理并答复，请凭工单编号和查询码查看进度{phone}。")
}

/// What the office does with a ticket at intake (from `received` or
/// `escalated`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "disposition", rename_all = "snake_case")]
pub enum Disposition {
    /// Answered at once from the knowledge base (直接答复).
    Answer { knowledge_id: i64, answer: String },
    /// Transferred to an emergency line, told the legal route, or explained.
    Redirect { to: RedirectTo, explanation: String },
    /// Merged into an open ticket on the same matter (the caller is kept).
    Merge { into: String },
    /// Sent to a leader (呈阅件); dispatched later on the instruction.
    Escalate { leader: String, note: String },
    /// Sent to the lead unit and any assisting units.
    Dispatch { category_id: i64, urgency: Urgency, lead_unit_id: i64, assist_unit_ids: Vec<i64>, instruction: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DispositionRequest {
    pub version: i64,
    #[serde(flatten)]
    pub disposition: Disposition,
}

impl Disposition {
    /// What each disposition needs, checked before anything is read.
    pub fn validate(&self) -> Result<(), ApiError> {
        let bad = |m: &str| Err(ApiError::new(ErrorCode::InvalidParameter, m));
        match self {
            Disposition::Answer { answer, .. } if answer.trim().is_empty() => bad("请填写答复内容"),
            Disposition::Redirect { explanation, .. } if explanation.trim().is_empty() => bad("请写明向来电人说明的内容"),
            Disposition::Merge { into } if into.trim().is_empty() => bad("请填写要并入的工单编号"),
            Disposition::Escalate { leader, .. } if leader.trim().is_empty() => bad("请填写呈阅的领导"),
            Disposition::Dispatch { lead_unit_id, assist_unit_ids, .. } if assist_unit_ids.contains(lead_unit_id) => {
                bad("主办单位不能同时是协办单位")
            }
            Disposition::Dispatch { assist_unit_ids, .. } if assist_unit_ids.len() > 10 => bad("协办单位最多10个"),
            Disposition::Answer { answer: t, .. }
            | Disposition::Redirect { explanation: t, .. }
            | Disposition::Escalate { note: t, .. }
            | Disposition::Dispatch { instruction: t, .. }
                if too_long(t, MAX_NOTE_CHARS) =>
            {
                bad("说明最长2000个字")
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> CallerForm {
        CallerForm {
            kind: Some(Kind::Complaint),
            caller_name: "王先生".into(),
            caller_phone: "13812345678".into(),
            address: "城关镇解放路12号".into(),
            occurred: "11月25日晚上".into(),
            cause: "夜间施工噪音扰民".into(),
            course: "工地每晚十一点后仍在施工，影响休息，请求查处。".into(),
            confidential: false,
        }
    }

    #[test]
    fn a_complete_form_passes() {
        assert!(form().problems().is_empty());
        assert!(check(form().problems()).is_ok());
    }

    #[test]
    fn each_of_the_five_elements_and_a_contact_is_needed() {
        let blank = CallerForm::default();
        let fields: Vec<String> = blank.problems().into_iter().map(|p| p.field).collect();
        for f in ["kind", "caller_name", "caller_phone", "address", "occurred", "cause", "course"] {
            assert!(fields.iter().any(|x| x == f), "{f} missing from {fields:?}");
        }
        let e = check(blank.problems()).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidApplication);
    }

    #[test]
    fn phones() {
        for ok in ["13812345678", "138 1234 5678", "0571-87654321", "07718765432"] {
            assert!(valid_phone(ok), "{ok}");
        }
        for bad in ["", "12345", "1381234567", "23812345678", "0571", "abc", "110"] {
            assert!(!valid_phone(bad), "{bad}");
        }
    }

    #[test]
    fn lengths_are_capped() {
        let mut f = form();
        f.course = "字".repeat(MAX_COURSE_CHARS);
        assert!(f.problems().is_empty());
        f.course.push('字');
        assert_eq!(f.problems()[0].field, "course");
    }

    #[test]
    fn city_forwards_carry_the_city_number() {
        let mut i = IntakeForm { caller: form(), channel: Channel::City12345, urgency: Urgency::Normal, city_ticket_no: " ".into() };
        assert_eq!(i.problems()[0].field, "city_ticket_no");
        i.city_ticket_no = "SZ12345-20261126-0001".into();
        assert!(i.problems().is_empty());
    }

    #[test]
    fn dispositions_need_their_parts() {
        let d = |json: &str| serde_json::from_str::<DispositionRequest>(json).unwrap().disposition;
        assert!(d(r#"{"version":1,"disposition":"answer","knowledge_id":2,"answer":" "}"#).validate().is_err());
        assert!(d(r#"{"version":1,"disposition":"redirect","to":"110","explanation":"已转接"}"#).validate().is_ok());
        assert!(d(r#"{"version":1,"disposition":"dispatch","category_id":1,"urgency":"normal","lead_unit_id":3,"assist_unit_ids":[3],"instruction":""}"#)
            .validate()
            .is_err());
        assert!(d(r#"{"version":1,"disposition":"dispatch","category_id":1,"urgency":"critical","lead_unit_id":3,"assist_unit_ids":[4],"instruction":""}"#)
            .validate()
            .is_ok());
    }

    #[test]
    fn the_acknowledgement_names_the_ticket() {
        assert!(acknowledgement("RX20261126001", "12345").contains("RX20261126001"));
    }
}
