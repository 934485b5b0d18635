use super::figures::{self, Counter, Tally};
use super::forms::{ItemForm, Milestone, Origin, OriginKind, TaskForm};
use super::limits::{default_days, LimitRow, LimitTable};
use super::*;
use crate::engine::date::Date;
use crate::engine::period::Range;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn default_limits_follow_the_report() {
    assert_eq!(default_days(Source::HigherOffice, Priority::Normal), 30, "documents");
    assert_eq!(default_days(Source::HeadOfficeMeeting, Priority::Normal), 20, "meeting minutes");
    assert_eq!(default_days(Source::LeaderInstruction, Priority::Critical), 1);
    assert_eq!(default_days(Source::LeaderInstruction, Priority::Urgent), 5);
    assert_eq!(default_days(Source::LeaderInstruction, Priority::Normal), 15);
    let table = LimitTable::defaults();
    assert_eq!(table.rows.len(), Source::ALL.len() * Priority::ALL.len());
    assert!(table.validate().is_ok());
    assert_eq!(table.days(Source::LeaderInstruction, Priority::Normal, true), 30, "difficult");
    assert_eq!(table.days(Source::HigherOffice, Priority::Normal, true), 30);
    for s in Source::ALL {
        for p in Priority::ALL {
            let days = table.days(s, p, false);
            assert!((1..=30).contains(&days), "{s:?} {p:?}");
            assert!(table.days(s, Priority::Critical, false) <= table.days(s, Priority::Normal, false));
        }
    }
}

#[test]
fn the_office_table_wins_and_is_checked() {
    let mut table = LimitTable { rows: vec![LimitRow { source: Source::Media, priority: Priority::Normal, working_days: 7 }] };
    assert_eq!(table.days(Source::Media, Priority::Normal, false), 7);
    assert_eq!(table.days(Source::Media, Priority::Urgent, false), default_days(Source::Media, Priority::Urgent), "missing: default");
    table.rows.push(table.rows[0]);
    assert!(table.validate().is_err(), "duplicate line");
    let zero = LimitTable { rows: vec![LimitRow { source: Source::Media, priority: Priority::Normal, working_days: 0 }] };
    assert!(zero.validate().is_err());
}

fn item() -> ItemForm {
    ItemForm {
        source: Source::HeadOfficeMeeting,
        reference: "县长办公会议纪要〔2026〕5号".into(),
        title: "城区停车难问题整治".into(),
        instruction: "会议决定：由住建局牵头，一个月内拿出方案。".into(),
        priority: Priority::Normal,
        difficult: false,
        leader: "张县长".into(),
        origin: None,
    }
}

#[test]
fn an_item_needs_its_reference_and_a_matching_origin() {
    assert!(item().validate().is_ok());
    assert!(ItemForm { reference: " ".into(), ..item() }.validate().unwrap_err().message.contains("会议名称"));
    assert!(ItemForm { title: "x".repeat(101), ..item() }.validate().is_err());
    let origin = Origin { kind: OriginKind::Hotspot, reference: "category:3".into() };
    assert!(ItemForm { origin: Some(origin.clone()), ..item() }.validate().is_err(), "a hot spot's item has the hot spot as source");
    assert!(ItemForm { origin: Some(origin.clone()), source: Source::HotlineHotspot, reference: "供水".into(), ..item() }
        .validate()
        .is_ok());
    assert_eq!(origin.key(), "hotspot:category:3");
}

fn task() -> TaskForm {
    TaskForm {
        version: 1,
        requirement: "拿出整治方案".into(),
        lead_unit_id: 4,
        assist_unit_ids: vec![9],
        responsible: "李局长".into(),
        supervisor: "王科长".into(),
        due: Some(d("2026-04-30")),
        milestones: vec![Milestone { due: d("2026-03-31"), text: "完成调研".into() }],
        report_day: Some(5),
    }
}

#[test]
fn a_task_needs_a_unit_a_later_deadline_and_ordered_milestones() {
    let today = d("2026-03-02");
    assert!(task().validate(today).is_ok());
    assert!(TaskForm { due: None, ..task() }.validate(today).is_ok(), "the limit table gives the deadline");
    assert!(TaskForm { lead_unit_id: 0, ..task() }.validate(today).unwrap_err().message.contains("牵头单位"));
    assert!(TaskForm { assist_unit_ids: vec![4], ..task() }.validate(today).is_err());
    assert!(TaskForm { due: Some(today), ..task() }.validate(today).is_err());
    let late = vec![Milestone { due: d("2026-05-01"), text: "x".into() }];
    assert!(TaskForm { milestones: late, ..task() }.validate(today).is_err());
    let unordered = vec![Milestone { due: d("2026-04-01"), text: "x".into() }, Milestone { due: d("2026-03-20"), text: "y".into() }];
    assert!(TaskForm { milestones: unordered, ..task() }.validate(today).is_err());
    assert!(TaskForm { report_day: Some(29), ..task() }.validate(today).is_err());
    assert!(TaskForm { responsible: "".into(), ..task() }.validate(today).is_err());
}

#[test]
fn numbers_read_as_issued() {
    assert_eq!(slip_no(SlipKind::Reminder, 2026, 12), "督催〔2026〕12号");
    assert_eq!(slip_no(SlipKind::Notice, 2026, 3), "督通〔2026〕3号");
    assert_eq!(publication_no(PublicationKind::Bulletin, 2026, 3), "《政务督查》2026年第3期");
}

#[test]
fn figures_add_up_with_their_formulas() {
    let mut t = Tally::default();
    for (c, n) in figures::on_slip(SlipKind::Assignment).into_iter().chain(figures::on_report(true)).chain(figures::on_close(false)) {
        t.set(c, t.get(c) + n);
    }
    for (c, n) in figures::on_report(false).into_iter().chain(figures::on_close(true)) {
        t.set(c, t.get(c) + n);
    }
    assert_eq!((t.assigned, t.reported, t.reported_late, t.closed, t.closed_on_time), (1, 2, 1, 2, 1));
    let r = figures::rates(&t);
    assert_eq!((r[0].name.as_str(), r[0].value), ("按期办结率", Some(50.0)));
    assert_eq!(r[1].value, Some(50.0));
    assert!(r.iter().all(|x| x.formula.contains('÷')));
    assert_eq!(figures::rates(&Tally::default())[0].value, None);
    t.set(Counter::bulletins, 12);
    t.set(Counter::items, 120);
    let range = Range { from: d("2026-01-01"), to: d("2026-11-26") };
    assert_eq!(
        figures::summary(range, &t).to_string(),
        "2026年1月1日至2026年11月26日，编发《政务督查》12期、督查专报0期，立项督查事项120件，分解交办任务1件，销号2件，按期办结率50%；发出催办单0份、督办通知单0份。"
    );
    let csv = figures::csv(&[figures::UnitRow::new(None, "全县".into(), t)]);
    assert!(csv.starts_with("\u{feff}单位,立项事项,交办任务"));
    assert!(csv.contains("全县,120,1,2,1"));
}

#[test]
fn totals_add_every_source() {
    let a = figures::SourceRow { source: Some(Source::Media), registered: 1, red: 2, ..Default::default() };
    let b = figures::SourceRow { source: Some(Source::HigherOffice), registered: 2, green: 5, ..Default::default() };
    let t = figures::total(&[a, b]);
    assert_eq!((t.source, t.registered, t.red, t.green), (None, 3, 2, 5));
}
