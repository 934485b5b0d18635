use super::item::{check, shares_of, InfoAction, Share, Side, SubmissionForm};
use super::scoring::{points_text, split, ScoreRules};
use super::*;
use crate::error::ErrorCode;

fn form() -> SubmissionForm {
    SubmissionForm {
        title: "城关镇推行网格化管理".into(),
        body: "正文".into(),
        category: Some(Category::Experience),
        writer: "王芳".into(),
        writer_phone: "0571-12345678".into(),
        signed_off_by: "李镇长".into(),
        shares: vec![],
        commission_id: None,
        emergency: None,
    }
}

#[test]
fn a_form_names_each_missing_field() {
    assert!(form().validate(true).is_ok());
    let e = SubmissionForm { writer_phone: "abc".into(), signed_off_by: String::new(), ..form() }.validate(true).unwrap_err();
    let fields: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["writer_phone", "signed_off_by"]);
    assert!(SubmissionForm { signed_off_by: String::new(), ..form() }.validate(false).is_ok());
}

#[test]
fn joint_shares_add_up_to_a_hundred() {
    assert_eq!(shares_of(3, &[]).unwrap(), vec![Share { unit_id: 3, percent: 100 }]);
    let ok = [Share { unit_id: 3, percent: 60 }, Share { unit_id: 4, percent: 40 }];
    assert!(shares_of(3, &ok).is_ok());
    let short = [Share { unit_id: 3, percent: 60 }, Share { unit_id: 4, percent: 30 }];
    let e = shares_of(3, &short).unwrap_err();
    assert_eq!((e.code, e.fields[0].field.as_str()), (ErrorCode::InvalidParameter, "shares"));
    assert!(shares_of(5, &ok).is_err(), "the submitter must be among the units");
    assert!(shares_of(3, &[ok[0], ok[0]]).is_err());
}

#[test]
fn a_split_keeps_every_hundredth() {
    let shares = [Share { unit_id: 1, percent: 67 }, Share { unit_id: 2, percent: 33 }];
    assert_eq!(split(5, &shares), vec![(1, 335), (2, 165)]);
    assert_eq!(points_text(335), "3.35");
    assert_eq!(points_text(750), "7.5");
    assert_eq!(points_text(-1000), "-10");
}

#[test]
fn rules_that_do_not_add_up_name_their_field() {
    let r = ScoreRules::default_for(2026);
    assert!(r.validate().is_ok());
    let e = ScoreRules { province: 20, ..r }.validate().unwrap_err();
    assert_eq!(e.fields[0].field, "province");
    assert!(ScoreRules { bulletin: 9999, ..r }.validate().is_err());
}

#[test]
fn each_side_acts_in_its_state() {
    let adopt = InfoAction::Adopt { issue_id: 1, title: String::new(), body: String::new() };
    assert!(check(Side::Office, InfoState::Submitted, &[], &adopt).is_ok());
    assert_eq!(check(Side::Unit, InfoState::Submitted, &[], &adopt).unwrap_err().code, ErrorCode::Forbidden);
    assert_eq!(check(Side::Office, InfoState::Adopted, &[], &adopt).unwrap_err().code, ErrorCode::Conflict);
    let unadopt = InfoAction::Unadopt { reason: "重复".into() };
    assert_eq!(check(Side::Office, InfoState::Submitted, &[], &unadopt).unwrap_err().code, ErrorCode::Conflict);
    let city = InfoAction::HigherAdoption { level: Level::City };
    assert_eq!(check(Side::Office, InfoState::Adopted, &[Level::City], &city).unwrap_err().code, ErrorCode::Conflict);
    let resubmit = InfoAction::Resubmit { title: "t".into(), body: "b".into() };
    assert!(check(Side::Unit, InfoState::Returned, &[], &resubmit).is_ok());
    assert_eq!(check(Side::Unit, InfoState::Submitted, &[], &resubmit).unwrap_err().code, ErrorCode::Conflict);
    assert_eq!(item::available(Side::Office, InfoState::Adopted), ["unadopt", "forward", "higher_adoption", "instruction"]);
}

#[test]
fn the_sentence_counts_issues_and_adoptions() {
    use crate::engine::date::Date;
    use crate::engine::period::Range;
    let range = Range { from: Date::from_ymd(2026, 1, 1).unwrap(), to: Date::from_ymd(2026, 6, 30).unwrap() };
    let t = figures::InfoTally { bulletins: 10, specials: 2, adopted: 90, withdrawn: 2, higher: 7, ..Default::default() };
    let s = figures::summary(range, &t).to_string();
    assert!(s.contains("编发《政务信息》10期、专报2期、增刊0期，刊用信息近88条，被上级机关采用7条次"), "{s}");
    assert_eq!(issue_no(IssueKind::Bulletin, 2026, 3), "《政务信息》2026年第3期");
}

#[test]
fn two_missed_commissions_may_zero_a_year() {
    use crate::engine::date::Date;
    let (deadline, today) = (Date::from_ymd(2026, 5, 10).unwrap(), Date::from_ymd(2026, 5, 11).unwrap());
    assert!(scoring::missed(deadline, today, false));
    assert!(!scoring::missed(deadline, deadline, false), "the deadline's own day still counts");
    assert!(!scoring::missed(deadline, today, true));
    assert!(scoring::check_commission("乡村振兴典型经验", today, &[12], deadline).is_ok());
    assert!(scoring::check_commission("", today, &[12], deadline).is_err());
    assert!(scoring::check_commission("x", deadline, &[], deadline).is_err());
}

#[test]
fn a_first_report_is_late_after_the_rules_hours() {
    use super::emergency::{check, is_late, EmergencyReport, Grade, ReportKind};
    use crate::engine::instant::Instant;
    let rules = ScoreRules::default_for(2026);
    let event = Instant::parse("2026-07-01T08:00:00+08:00").unwrap();
    let e = EmergencyReport { event_at: event, grade: Grade::Major, report: ReportKind::First, first_no: None };
    assert!(!is_late(&rules, &e, event.plus_hours(2)));
    assert!(is_late(&rules, &e, event.plus_hours(3)));
    assert!(is_late(&rules, &EmergencyReport { grade: Grade::Grave, ..e.clone() }, event.plus_hours(2)));
    assert!(!is_late(&rules, &EmergencyReport { grade: Grade::Ordinary, ..e.clone() }, event.plus_hours(30)));
    assert!(!is_late(
        &rules,
        &EmergencyReport { report: ReportKind::Final, first_no: Some("XX2026-0001".into()), ..e.clone() },
        event.plus_hours(30)
    ));
    let now = event.plus_hours(1);
    assert!(check(true, Some(&e), now).is_ok());
    assert!(check(true, None, now).is_err());
    assert!(check(false, Some(&e), now).is_err());
    assert!(check(true, Some(&EmergencyReport { report: ReportKind::FollowUp, ..e.clone() }), now).is_err());
    assert!(check(true, Some(&EmergencyReport { event_at: now.plus_hours(1), ..e }), now).is_err());
    assert!(ScoreRules { first_hours_major: 0, ..rules }.validate().is_err());
}
