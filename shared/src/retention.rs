//! How long personal data is kept (个人信息保护法 art. 19: no longer than
//! the purpose needs): applicants', hotline callers' and complainants'; and
//! the notice the application form shows before the applicant agrees
//! (art. 17). The daily job enforces the
//! periods (`backend/src/retention.rs`); the counters and the audit trail
//! stay, so figures and the record of what was done never change.

use crate::engine::date::Date;

/// The files of an application that was not accepted (退回) are deleted
/// this many days after it was returned: the county keeps nothing of it
/// but the record that it was returned and why.
pub const RETURNED_FILES_DAYS: u32 = 180;
/// A closed case's applicant data (name, identity number, mobile, address,
/// the form's extra fields, the files), a closed hotline ticket's callers
/// and a closed complaint's complainant are anonymised this many days
/// after closing. The signed paper or archive copy (办件档案) is kept under the
/// archives rules by the archive, not by this system.
pub const CLOSED_PERSONAL_DAYS: u32 = 3 * 365;
/// Cases the daily job handles per rule per run: each is a few R2 calls and
/// one D1 batch; a backlog clears over the following days.
pub const PER_RUN: u32 = 50;
/// What an anonymised case's applicant is called from then on.
pub const ANONYMISED: &str = "（已匿名）";

/// The last day a case may have closed (or been returned) on and still
/// keep its data `days` days on: anything closed before it is due.
pub fn due_before(today: Date, days: u32) -> Date {
    today.add_days(-(days as i32))
}

/// What the applicant agrees to before submitting, with the periods above.
pub fn notice() -> String {
    format!(
        "为办理本事项和联系您，我们收集您填写的姓名（名称）、证件号码、手机号码、地址和申请材料，仅由经办部门和县政府办公室依职责查看。\
         办结后保存{}年，之后匿名化；未予受理（退回）的申请，材料在退回{}天后删除。",
        CLOSED_PERSONAL_DAYS / 365,
        RETURNED_FILES_DAYS
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_is_due_the_day_after_its_period() {
        let today = Date::parse("2026-11-26").unwrap();
        assert_eq!(due_before(today, RETURNED_FILES_DAYS).to_string(), "2026-05-30");
        assert_eq!(due_before(today, CLOSED_PERSONAL_DAYS).to_string(), "2023-11-27");
    }

    #[test]
    fn the_notice_states_the_periods() {
        let n = notice();
        assert!(n.contains("办结后保存3年") && n.contains("退回180天后删除"), "{n}");
    }
}
