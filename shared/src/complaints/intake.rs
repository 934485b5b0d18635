//! Taking a complaint in (DOMAIN.md §6): the same form whether typed by the
//! complainant on a phone (anonymous allowed) or by the office's staff for
//! a call, a letter or a visit.

use super::{ComplaintChannel, ComplaintKind};
use crate::engine::instant::Instant;
use crate::error::{ApiError, ErrorCode, FieldError};
use crate::identity::{too_long, valid_phone};
use serde::{Deserialize, Serialize};

pub const MAX_NAME_CHARS: usize = 30;
pub const MAX_SHORT_CHARS: usize = 100;
pub const MAX_COURSE_CHARS: usize = 4000;

/// What a complainant tells the office.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComplaintForm {
    pub kind: Option<ComplaintKind>,
    /// No name, phone or ID: handled, but no reply and no query code.
    #[serde(default)]
    pub anonymous: bool,
    /// 投诉人姓名 (a named complaint).
    #[serde(default)]
    pub name: String,
    /// A mobile or landline for the reply and the call-back.
    #[serde(default)]
    pub phone: String,
    /// 身份证号 (optional; checked if given).
    #[serde(default)]
    pub id_number: String,
    /// The unit (and person, if known) complained about, as the complainant names it.
    pub subject: String,
    /// The point in one line (事由).
    pub cause: String,
    /// What happened and what the complainant asks, ≤ 4,000 characters.
    pub course: String,
}

/// The office's staff entry: the form plus how it arrived.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffIntakeForm {
    #[serde(flatten)]
    pub form: ComplaintForm,
    pub channel: ComplaintChannel,
}

impl ComplaintForm {
    /// Every problem at once, so a complainant fixes them in one go.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        let mut need = |field: &str, ok: bool, message: &str| {
            if !ok {
                out.push(FieldError { field: field.into(), message: message.into() });
            }
        };
        need("kind", self.kind.is_some(), "请选择投诉或咨询");
        if self.anonymous {
            let blank = self.name.trim().is_empty() && self.phone.trim().is_empty() && self.id_number.trim().is_empty();
            need("anonymous", blank, "匿名投诉请不要填写姓名、电话和身份证号");
        } else {
            need("name", !self.name.trim().is_empty(), "请填写您的姓名，或选择匿名投诉");
            need("name", !too_long(&self.name, MAX_NAME_CHARS), "姓名最长30个字");
            need("phone", valid_phone(&self.phone), "请填写能联系到您的手机号码或带区号的固定电话，用于答复和回访");
            let id = self.id_number.trim();
            need("id_number", id.is_empty() || crate::identity::ResidentId::parse(id).is_ok(), "身份证号码不正确，请核对（可不填）");
        }
        need("subject", !self.subject.trim().is_empty(), "请填写被投诉的单位或人员");
        need("subject", !too_long(&self.subject, MAX_SHORT_CHARS), "被投诉单位或人员最长100个字");
        need("cause", !self.cause.trim().is_empty(), "请用一句话写明投诉或咨询事由");
        need("cause", !too_long(&self.cause, MAX_SHORT_CHARS), "事由最长100个字");
        need("course", self.course.trim().chars().count() >= 5, "请写明事情经过和您的诉求（至少5个字）");
        need("course", !too_long(&self.course, MAX_COURSE_CHARS), "事情经过最长4000个字");
        out
    }
}

/// The one error for a form with problems (`invalid_application` with fields).
pub fn check(problems: Vec<FieldError>) -> Result<(), ApiError> {
    if problems.is_empty() {
        return Ok(());
    }
    let message = problems.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join("；");
    Err(ApiError::with_fields(ErrorCode::InvalidApplication, message, problems))
}

/// What the complainant keeps. An anonymous complaint gets its number but
/// no query code: it gets no reply, so there is nothing to look up, and
/// no code ties a look-up to the person who sent it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComplaintReceipt {
    pub complaint_no: String,
    /// `None` for an anonymous complaint.
    pub query_code: Option<String>,
    pub received_at: Instant,
    pub acknowledgement: String,
}

/// What the complainant reads at once.
pub fn acknowledgement(complaint_no: &str, anonymous: bool, phone: &str) -> String {
    let phone = if phone.is_empty() { String::new() } else { format!("如有疑问请拨打监督投诉电话{phone}。") };
    if anonymous {
        format!("您的匿名投诉已收到，编号{complaint_no}。我们将依规办理，匿名投诉不予答复，也不发放查询码。{phone}")
    } else {
        format!("您的诉求已收到，编号{complaint_no}。我们将依规办理并答复，请凭编号和查询码查看进度。{phone}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named() -> ComplaintForm {
        ComplaintForm {
            kind: Some(ComplaintKind::Complaint),
            anonymous: false,
            name: "李女士".into(),
            phone: "13912345678".into(),
            id_number: String::new(),
            subject: "县市场监督管理局登记窗口".into(),
            cause: "办理营业执照变更被要求重复提交材料".into(),
            course: "11月20日到窗口办理变更，工作人员三次要求补交同一份材料，拖延一周未办。".into(),
        }
    }

    #[test]
    fn a_named_complaint_passes() {
        assert!(named().problems().is_empty());
    }

    #[test]
    fn anonymous_needs_no_identity_and_takes_none() {
        let mut f = ComplaintForm { anonymous: true, name: String::new(), phone: String::new(), ..named() };
        assert!(f.problems().is_empty());
        f.phone = "13912345678".into();
        assert_eq!(f.problems()[0].field, "anonymous");
    }

    #[test]
    fn a_named_one_needs_a_name_and_a_phone() {
        let fields: Vec<String> = ComplaintForm::default().problems().into_iter().map(|p| p.field).collect();
        for f in ["kind", "name", "phone", "subject", "cause", "course"] {
            assert!(fields.iter().any(|x| x == f), "{f} missing from {fields:?}");
        }
        assert_eq!(check(ComplaintForm::default().problems()).unwrap_err().code, ErrorCode::InvalidApplication);
    }

    #[test]
    fn an_id_number_is_checked_when_given() {
        let f = ComplaintForm { id_number: "110105194912310021".into(), ..named() };
        assert_eq!(f.problems()[0].field, "id_number");
        let f = ComplaintForm { id_number: "11010519491231002X".into(), ..named() };
        assert!(f.problems().is_empty(), "{:?}", f.problems());
    }

    #[test]
    fn lengths_are_capped() {
        let mut f = named();
        f.course = "字".repeat(MAX_COURSE_CHARS);
        assert!(f.problems().is_empty());
        f.course.push('字');
        assert_eq!(f.problems()[0].field, "course");
    }

    #[test]
    fn the_acknowledgement_says_whether_a_reply_comes() {
        assert!(acknowledgement("XT1", true, "").contains("不予答复"));
        assert!(acknowledgement("XT1", false, "0000-1").contains("查询码"));
    }
}
