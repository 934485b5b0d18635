//! The sentences of a matter's guide that are made from its data: the app
//! renders them, and the Worker writes the same into the guide's first
//! screen (`backend/src/shell/first_screen`), so both say one thing.

use crate::approvals::matter::{HandlingClass, MatterDetail};
use crate::engine::calendar::SkipKind;

impl MatterDetail {
    /// 一、事项名称及办理部门.
    pub fn where_handled(&self) -> String {
        format!("{}，由{}办理，地点：县行政审批服务中心{}。", self.name, self.department_name, self.window)
    }

    /// The date it would be done by if accepted today, in a line.
    pub fn expected_headline(&self) -> String {
        let answer = &self.if_accepted_today;
        if answer.days == 0 {
            "材料齐全的，今天受理、当场办结".to_string()
        } else {
            format!("如今天受理，预计{}前办结", answer.deadline_date().zh_month_day())
        }
    }

    /// How that date was counted, and which holidays moved it (none for a
    /// matter done on the spot).
    pub fn expected_detail(&self) -> Option<String> {
        let answer = &self.if_accepted_today;
        if answer.days == 0 {
            return None;
        }
        let mut holidays: Vec<&str> = Vec::new();
        for s in answer.skipped.iter().filter(|s| s.kind == SkipKind::Holiday) {
            if !holidays.contains(&s.reason.as_str()) {
                holidays.push(&s.reason);
            }
        }
        let mut text =
            format!("按 {} 个工作日计算，受理当日不计，截止 {} 24 时（北京时间）", answer.days, answer.deadline_date().zh_full());
        if !holidays.is_empty() {
            text.push_str(&format!("；期间遇{}假期顺延", holidays.join("、")));
        }
        if self.class == HandlingClass::ReportUp {
            text.push_str("；此为县级初审时限，上级审批时间另计");
        }
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::calendar::{official::official_years, Calendar};
    use crate::engine::date::Date;
    use crate::engine::deadline::DeadlineAnswer;

    fn matter(class: HandlingClass, accepted: &str, days: u32) -> MatterDetail {
        let calendar = Calendar::new(official_years());
        let accepted = Date::parse(accepted).unwrap();
        MatterDetail {
            id: 1,
            code: "M1".into(),
            name: "食品经营许可".into(),
            department_id: 1,
            department_name: "县市场监督管理局".into(),
            window: "1号窗口".into(),
            class,
            legal_basis: String::new(),
            conditions: String::new(),
            materials: Vec::new(),
            procedure: Vec::new(),
            statutory_days: 20,
            committed_days: days,
            fee: String::new(),
            fee_basis: String::new(),
            result: String::new(),
            complaint_phone: String::new(),
            if_accepted_today: DeadlineAnswer::from(calendar.add_working_days(accepted, days)),
            form_fields: Vec::new(),
        }
    }

    #[test]
    fn the_guide_says_where_and_by_when() {
        let m = matter(HandlingClass::Commitment, "2026-09-30", 5);
        assert_eq!(m.where_handled(), "食品经营许可，由县市场监督管理局办理，地点：县行政审批服务中心1号窗口。");
        assert_eq!(m.expected_headline(), format!("如今天受理，预计{}前办结", m.if_accepted_today.deadline_date().zh_month_day()));
        let detail = m.expected_detail().unwrap();
        assert!(detail.starts_with("按 5 个工作日计算，受理当日不计"), "{detail}");
        assert_eq!(detail.matches("国庆节").count(), 1, "each holiday named once: {detail}");
        assert!(!detail.contains("上级审批"));
    }

    #[test]
    fn on_the_spot_and_report_up_read_differently() {
        let m = matter(HandlingClass::Immediate, "2026-11-26", 0);
        assert_eq!(m.expected_headline(), "材料齐全的，今天受理、当场办结");
        assert_eq!(m.expected_detail(), None);
        let up = matter(HandlingClass::ReportUp, "2026-11-26", 3).expected_detail().unwrap();
        assert!(up.ends_with("；此为县级初审时限，上级审批时间另计") && !up.contains("假期顺延"), "{up}");
    }
}
