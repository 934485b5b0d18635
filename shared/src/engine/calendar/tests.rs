use super::official::official_years;
use super::*;

fn cal() -> Calendar {
    Calendar::new(official_years())
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn deadline(accepted: &str, days: u32) -> String {
    cal().add_working_days(d(accepted), days).deadline.to_string()
}

#[test]
fn the_specification_example() {
    // DOMAIN.md §2: accepted Fri 2026-02-13 with 5 working days.
    let c = cal().add_working_days(d("2026-02-13"), 5);
    assert_eq!(c.deadline, d("2026-02-27"));
    let skipped: Vec<_> = c.skipped.iter().map(|s| (s.date.to_string(), s.reason.as_str())).collect();
    let expected: Vec<_> = (15..=23).map(|day| (format!("2026-02-{day}"), "春节")).collect();
    let expected: Vec<_> = expected.iter().map(|(a, b)| (a.clone(), *b)).collect();
    assert_eq!(skipped, expected);
    assert!(c.skipped.iter().all(|s| s.kind == SkipKind::Holiday));
    assert!(c.unpublished_years.is_empty());
}

/// Every holiday block and every swapped working day of 2025 and 2026: the
/// working day before the block plus one lands after it, and a swapped
/// Saturday or Sunday counts.
#[test]
fn every_holiday_block_and_swapped_workday() {
    let cases = [
        // 2025
        ("2024-12-31", 1, "2025-01-02"), // 元旦
        ("2025-01-24", 1, "2025-01-26"), // Sun 01-26 swapped (春节)
        ("2025-01-26", 1, "2025-01-27"),
        ("2025-01-27", 1, "2025-02-05"), // 春节 01-28..02-04
        ("2025-02-07", 1, "2025-02-08"), // Sat 02-08 swapped
        ("2025-04-03", 1, "2025-04-07"), // 清明节
        ("2025-04-25", 1, "2025-04-27"), // Sun 04-27 swapped (劳动节)
        ("2025-04-30", 1, "2025-05-06"), // 劳动节 05-01..05
        ("2025-05-30", 1, "2025-06-03"), // 端午节 05-31..06-02
        ("2025-09-26", 1, "2025-09-28"), // Sun 09-28 swapped (国庆节、中秋节)
        ("2025-09-30", 1, "2025-10-09"), // 国庆节、中秋节 10-01..08
        ("2025-10-10", 1, "2025-10-11"), // Sat 10-11 swapped
        // 2026
        ("2025-12-31", 1, "2026-01-04"), // 元旦 01-01..03, Sun 01-04 swapped
        ("2026-02-13", 1, "2026-02-14"), // Sat 02-14 swapped (春节)
        ("2026-02-14", 1, "2026-02-24"), // 春节 02-15..23
        ("2026-02-27", 1, "2026-02-28"), // Sat 02-28 swapped
        ("2026-04-03", 1, "2026-04-07"), // 清明节
        ("2026-04-30", 1, "2026-05-06"), // 劳动节
        ("2026-05-08", 1, "2026-05-09"), // Sat 05-09 swapped
        ("2026-06-18", 1, "2026-06-22"), // 端午节
        ("2026-09-18", 1, "2026-09-20"), // Sun 09-20 swapped (国庆节)
        ("2026-09-24", 1, "2026-09-28"), // 中秋节
        ("2026-09-30", 1, "2026-10-08"), // 国庆节
        ("2026-10-09", 1, "2026-10-10"), // Sat 10-10 swapped
    ];
    for (accepted, days, expected) in cases {
        assert_eq!(deadline(accepted, days), expected, "accepted {accepted} + {days}");
    }
}

#[test]
fn every_official_swapped_workday_counts_and_every_holiday_is_skipped() {
    let c = cal();
    for year in official_years() {
        assert_eq!(year.validate(), Ok(()));
        for w in &year.workdays {
            assert!(w.date.weekday().is_weekend());
            assert_eq!(c.day_kind(w.date), DayKind::SwappedWorkday(&w.name));
            assert!(c.day_kind(w.date).is_working(), "{} is worked", w.date);
        }
        for h in &year.holidays {
            assert_eq!(c.day_kind(h.date), DayKind::Holiday(&h.name));
            assert!(!c.day_kind(h.date).is_working(), "{} is off", h.date);
        }
    }
}

#[test]
fn each_official_year_has_248_working_days() {
    let c = cal();
    for year in [2025, 2026] {
        let mut day = Date::from_ymd(year, 1, 1).unwrap();
        let mut working = 0;
        while day.year() == year {
            working += c.day_kind(day).is_working() as u32;
            day = day.next();
        }
        assert_eq!(working, 248, "{year}");
    }
}

#[test]
fn zero_days_means_the_acceptance_day_itself() {
    for accepted in ["2026-02-13", "2026-02-15", "2026-12-31", "2027-06-01"] {
        let c = cal().add_working_days(d(accepted), 0);
        assert_eq!(c.deadline, d(accepted));
        assert!(c.skipped.is_empty());
    }
}

#[test]
fn the_acceptance_day_is_not_counted_even_on_a_weekend() {
    // Submitted online on Saturday 2026-03-07: Sunday is skipped, Monday is day 1.
    let c = cal().add_working_days(d("2026-03-07"), 1);
    assert_eq!(c.deadline, d("2026-03-09"));
    assert_eq!(c.skipped.len(), 1);
    assert_eq!(c.skipped[0].reason, "周日");
    assert_eq!(c.skipped[0].kind, SkipKind::Weekend);
}

#[test]
fn an_unpublished_year_counts_weekdays_and_says_so() {
    let c = cal().add_working_days(d("2026-12-31"), 1);
    assert_eq!(c.deadline, d("2027-01-01"), "no 2027 calendar: Jan 1 is a plain Friday");
    assert_eq!(c.unpublished_years, vec![2027]);

    let c = cal().add_working_days(d("2024-12-31"), 1);
    assert_eq!(c.unpublished_years, vec![2024]);

    let c = cal().add_working_days(d("2026-06-01"), 20);
    assert!(c.unpublished_years.is_empty());
}

#[test]
fn the_longest_limit_crosses_years() {
    let c = cal().add_working_days(d("2026-01-05"), MAX_WORKING_DAYS);
    assert!(c.deadline.year() == 2027 && c.deadline.weekday() != crate::engine::date::Weekday::Saturday);
    assert_eq!(c.unpublished_years, vec![2027]);
}

/// Exhaustive check against a direct definition: for every acceptance date
/// around the published years and every limit up to 30 days, the deadline is
/// a working day, exactly N working days lie after acceptance up to it, and
/// `skipped` lists exactly the other days in between.
#[test]
fn matches_the_definition_for_every_start_date_and_limit() {
    let c = cal();
    let mut accepted = d("2024-12-01");
    while accepted <= d("2027-01-31") {
        let mut previous = accepted;
        for n in 0..=30 {
            let r = c.add_working_days(accepted, n);
            assert!(r.deadline >= previous, "monotone in N");
            previous = r.deadline;
            let mut working = 0;
            let mut non_working = Vec::new();
            let mut day = accepted;
            while day < r.deadline {
                day = day.next();
                if c.day_kind(day).is_working() {
                    working += 1;
                } else {
                    non_working.push(day);
                }
            }
            assert_eq!(working, n, "{accepted} + {n}");
            if n > 0 {
                assert!(c.day_kind(r.deadline).is_working(), "{accepted} + {n}");
            }
            let skipped: Vec<Date> = r.skipped.iter().map(|s| s.date).collect();
            assert_eq!(skipped, non_working, "{accepted} + {n}");
        }
        accepted = accepted.next();
    }
}

#[test]
fn validation_refuses_inconsistent_years() {
    let named = |date: &str| NamedDay { date: d(date), name: "国庆节".into() };
    let year = |holidays: Vec<NamedDay>, workdays: Vec<NamedDay>| YearCalendar { year: 2027, holidays, workdays };

    let r = year(vec![named("2026-10-01")], vec![]).validate();
    assert_eq!(r, Err(CalendarError::OutsideYear(d("2026-10-01"))));
    let r = year(vec![named("2027-10-01"), named("2027-10-01")], vec![]).validate();
    assert_eq!(r, Err(CalendarError::Duplicate(d("2027-10-01"))));
    let r = year(vec![named("2027-10-01")], vec![named("2027-10-01")]).validate();
    assert_eq!(r, Err(CalendarError::Duplicate(d("2027-10-01"))));
    let r = year(vec![], vec![named("2027-10-08")]).validate();
    assert_eq!(r, Err(CalendarError::WorkdayNotWeekend(d("2027-10-08"))));
    assert!(r.unwrap_err().message().contains("周五"));
    let unnamed = NamedDay { date: d("2027-10-01"), name: " ".into() };
    assert_eq!(year(vec![unnamed], vec![]).validate(), Err(CalendarError::Unnamed(d("2027-10-01"))));
    assert_eq!(year(vec![named("2027-10-01")], vec![named("2027-10-09")]).validate(), Ok(()));
}

#[test]
fn days_are_typed_one_per_line() {
    let days = parse_days("2027-01-01 元旦\n\n  2027-02-06   春节 \n").unwrap();
    assert_eq!(
        days,
        vec![NamedDay { date: d("2027-01-01"), name: "元旦".into() }, NamedDay { date: d("2027-02-06"), name: "春节".into() },]
    );
    assert_eq!(parse_days("2027-13-01 x"), Err(CalendarError::BadLine("2027-13-01 x".into())));
    assert_eq!(parse_days("元旦 2027-01-01").unwrap_err().message(), "无法识别“元旦 2027-01-01”，每行应为“日期 名称”，如“2027-01-01 元旦”");
    let unnamed = parse_days("2027-01-01").unwrap();
    let year = YearCalendar { year: 2027, holidays: unnamed, workdays: vec![] };
    assert_eq!(year.validate(), Err(CalendarError::Unnamed(d("2027-01-01"))));
}

#[test]
fn a_missing_next_year_is_flagged_from_the_first_of_november() {
    assert_eq!(missing_next_year(d("2026-10-31"), false), None);
    assert!(missing_next_year(d("2026-11-01"), false).unwrap().starts_with("2027年节假日安排尚未录入"));
    assert_eq!(missing_next_year(d("2026-12-31"), true), None);
}
