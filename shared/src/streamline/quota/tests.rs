use super::*;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn periods_default_to_this_year_so_far() {
    let today = d("2026-11-26");
    assert_eq!(Period::parse(None, None, None, today).unwrap(), Period { year: 2026, from_month: 1, to_month: 11 });
    assert_eq!(Period::parse(Some("2025"), None, None, today).unwrap(), Period { year: 2025, from_month: 1, to_month: 12 });
    assert_eq!(Period::parse(Some("2026"), Some("3"), Some("6"), today).unwrap().to_month, 6);
    for (y, f, t) in [("x", "1", "2"), ("2026", "0", "2"), ("2026", "5", "4"), ("2026", "1", "13"), ("1999", "1", "2")] {
        assert_eq!(Period::parse(Some(y), Some(f), Some(t), today).unwrap_err().code, ErrorCode::InvalidParameter);
    }
}

#[test]
fn a_period_is_cut_at_today_only_if_today_is_inside() {
    let today = d("2026-11-26");
    let p = |y, f, t| Period { year: y, from_month: f, to_month: t };
    assert_eq!(p(2026, 1, 11).cut(today), Some(today));
    assert_eq!(p(2026, 1, 12).cut(today), Some(today));
    assert_eq!(p(2026, 1, 10).cut(today), None);
    assert_eq!(p(2025, 1, 11).cut(today), None);
    assert!(p(2026, 12, 12).is_future(today));
    assert!(!p(2026, 11, 12).is_future(today));
}

#[test]
fn same_day_last_year_handles_the_leap_day() {
    assert_eq!(same_day_last_year(d("2026-11-26")), d("2025-11-26"));
    assert_eq!(same_day_last_year(d("2028-02-29")), d("2027-02-28"));
    assert_eq!(same_day_last_year(d("2029-02-28")), d("2028-02-28"));
    assert_eq!(same_day_last_year(d("2028-03-01")), d("2027-03-01"));
}

#[test]
fn sums_whole_months_and_the_cut_months_days() {
    let mut c = YearCounts { months: [5; 12], cut_month_days: vec![0; 30] };
    c.cut_month_days[0] = 2; // 11-01
    c.cut_month_days[25] = 3; // 11-26
    c.cut_month_days[26] = 7; // 11-27: after the cut
    assert_eq!(period_sum(&c, 1, 12, None), 60);
    assert_eq!(period_sum(&c, 3, 5, None), 15);
    // Jan..Nov cut at 26 Nov: ten whole months and five days' worth of November.
    assert_eq!(period_sum(&c, 1, 11, Some((11, 26))), 50 + 5);
    assert_eq!(period_sum(&c, 1, 11, Some((11, 25))), 50 + 2);
    // A period that starts in the cut month.
    assert_eq!(period_sum(&c, 11, 12, Some((11, 26))), 5);
    // A cut on the first day of a month counts that day.
    let first = YearCounts { months: [1; 12], cut_month_days: vec![4] };
    assert_eq!(period_sum(&first, 1, 3, Some((3, 1))), 2 + 4);
}

#[test]
fn year_on_year_change() {
    assert_eq!(change_percent(90, 100), Some(-10.0));
    assert_eq!(change_percent(100, 100), Some(0.0));
    assert_eq!(change_percent(2, 3), Some(-33.3));
    assert_eq!(change_percent(5, 4), Some(25.0));
    assert_eq!(change_percent(5, 0), None, "nothing last year: no percentage");
    assert_eq!(change_percent(0, 0), None);
}

#[test]
fn projection_at_the_current_pace() {
    assert_eq!(projection(10, d("2026-12-31")), 10);
    assert_eq!(projection(1, d("2026-01-01")), 365);
    assert_eq!(projection(0, d("2026-06-30")), 0);
    // Half of a leap year gone (183 of 366 days): double.
    assert_eq!(projection(50, d("2028-07-01")), 100);
    assert_eq!(projection(181, d("2026-06-30")), 365);
}

#[test]
fn a_row_warns_when_on_pace_to_exceed_its_quota() {
    let row = CategoryRow::new("class1", "一类会议", 30, 40, 30, Some(d("2026-06-30")), Some(50));
    assert_eq!(row.change_percent, Some(-25.0));
    assert_eq!(row.projected, 60);
    assert_eq!(row.warning.as_deref(), Some("按当前进度，一类会议全年预计60，将超过年度指标50"));
    let ok = CategoryRow::new("class1", "一类会议", 30, 40, 30, Some(d("2026-06-30")), Some(60));
    assert_eq!(ok.warning, None);
    let no_quota = CategoryRow::new("class1", "一类会议", 30, 0, 30, None, None);
    assert_eq!((no_quota.projected, no_quota.warning, no_quota.change_percent), (30, None, None));
}

#[test]
fn a_period_that_has_not_begun_is_not_compared() {
    let today = Date::from_ymd(2026, 11, 26).unwrap();
    let p = |year, from, to| Period { year, from_month: from, to_month: to };
    assert!(p(2026, 12, 12).not_started(today).unwrap().contains("2026年12月尚未开始"));
    assert!(p(2027, 1, 12).not_started(today).unwrap().contains("2027年1—12月"));
    assert_eq!(p(2026, 11, 12).not_started(today), None);
    assert_eq!(p(2026, 1, 12).not_started(today), None);
    assert_eq!(p(2025, 12, 12).not_started(today), None);
    assert_eq!(years_offered(today), 2025..=2026);
    assert_eq!(years_offered(Date::from_ymd(2027, 1, 1).unwrap()), 2025..=2027);
}
