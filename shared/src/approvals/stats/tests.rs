use super::*;
use crate::engine::date::{days_in_month, Date};
use crate::error::ErrorCode;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// Every day a key stands for.
fn days_of(key: &str) -> Vec<Date> {
    if key.len() == 10 {
        return vec![d(key)];
    }
    let (y, m): (i32, u32) = (key[..4].parse().unwrap(), key[5..7].parse().unwrap());
    (1..=days_in_month(y, m)).map(|day| Date::from_ymd(y, m, day).unwrap()).collect()
}

#[test]
fn cover_is_exact_and_small_for_every_range_within_2025_2026() {
    let start = d("2025-01-01");
    let all: Vec<Date> = std::iter::successors(Some(start), |x| Some(x.next())).take(730).collect();
    // Every start day × a spread of lengths (exhaustive over starts, sampled over ends).
    for (i, from) in all.iter().enumerate() {
        for len in [0usize, 1, 27, 30, 31, 59, 180, 364, 400] {
            let Some(to) = all.get(i + len) else { continue };
            let keys = cover(Range { from: *from, to: *to });
            let days: Vec<Date> = keys.iter().flat_map(|k| days_of(k)).collect();
            let expected: Vec<Date> = all[i..=i + len].to_vec();
            assert_eq!(days, expected, "{from}..{to}");
            let months = (to.year() - from.year()) * 12 + to.ymd().1 as i32 - from.ymd().1 as i32 + 1;
            assert!(keys.len() as i32 <= 60 + months, "{from}..{to}: {} keys", keys.len());
        }
    }
    assert_eq!(cover(Range { from: d("2026-01-01"), to: d("2026-12-31") }).len(), 12);
    assert_eq!(cover(Range { from: d("2026-02-27"), to: d("2026-03-02") }), ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    assert_eq!(cover(Range { from: d("2024-02-01"), to: d("2024-02-29") }), ["2024-02"]);
}

#[test]
fn keys_of_a_day_are_its_day_and_month() {
    assert_eq!(keys_of(d("2026-03-09")), ["2026-03-09", "2026-03"]);
}

#[test]
fn ranges_default_to_this_year_and_are_checked() {
    let today = d("2026-11-25");
    assert_eq!(Range::parse(None, None, today).unwrap(), Range { from: d("2026-01-01"), to: today });
    assert_eq!(Range::parse(Some("2026-02-30"), None, today).unwrap_err().code, ErrorCode::InvalidDate);
    assert_eq!(Range::parse(Some("2026-03-01"), Some("2026-02-01"), today).unwrap_err().code, ErrorCode::InvalidParameter);
    assert_eq!(Range::parse(Some("2020-01-01"), Some("2026-01-01"), today).unwrap_err().code, ErrorCode::InvalidParameter);
    assert!(Range::parse(Some("2022-01-01"), Some("2026-12-31"), today).is_ok());
}

#[test]
fn columns_are_distinct_identifiers() {
    let cols: Vec<String> = Counter::all().into_iter().map(Counter::column).collect();
    let mut unique = cols.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), cols.len());
    assert!(cols.iter().all(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')));
}

#[test]
fn what_each_event_adds() {
    use HandlingClass::*;
    assert_eq!(on_disposition(Immediate, (0, 0)), vec![(Counter::Disposed(Immediate), 1), (Counter::Completed(Immediate), 1)]);
    assert_eq!(
        on_disposition(Commitment, (5, 20)),
        vec![(Counter::Disposed(Commitment), 1), (Counter::CommittedDays, 5), (Counter::StatutoryDays, 20)]
    );
    assert_eq!(on_disposition(Supplement, (5, 20)), vec![(Counter::Disposed(Supplement), 1)]);
    assert_eq!(on_completion(Joint, true), vec![(Counter::Completed(Joint), 1), (Counter::Late, 1)]);
    assert_eq!(on_completion(Commitment, false), vec![(Counter::Completed(Commitment), 1), (Counter::OnTime, 1)]);
    assert_eq!(on_completion(ReportUp, false), vec![(Counter::Completed(ReportUp), 1)]);
    assert_eq!(on_evaluation(Level::Dissatisfied), vec![(Counter::Evaluated(Level::Dissatisfied), 1)]);
}

#[test]
fn figures_and_the_reports_sentence() {
    use HandlingClass::*;
    let mut t = Totals(vec![0; Counter::all().len()]);
    let mut add = |inc: Increments| {
        for (c, n) in inc {
            let i = Counter::all().iter().position(|x| *x == c).unwrap();
            t.0[i] += n;
        }
    };
    for _ in 0..3 {
        add(on_received());
        add(on_disposition(Immediate, (0, 0)));
    }
    add(on_disposition(Commitment, (5, 20)));
    add(on_disposition(Commitment, (10, 20)));
    add(on_completion(Commitment, false));
    add(on_completion(Commitment, true));
    add(on_disposition(ReportUp, (0, 0)));
    add(on_disposition(Returned, (0, 0)));
    add(on_evaluation(Level::VerySatisfied));
    add(on_evaluation(Level::Satisfied));
    add(on_evaluation(Level::VeryDissatisfied));
    let range = Range { from: d("2026-01-01"), to: d("2026-11-25") };
    let s = CentreStats::new(range, Establishment::default(), &t);
    assert_eq!((s.received, s.accepted, s.completed), (3, 6, 5));
    assert_eq!(s.on_time_rate, Some(50.0));
    assert_eq!(s.compression_rate, Some(62.5));
    assert_eq!(s.satisfaction_rate, Some(66.7));
    assert_eq!(
        s.summary().to_string(),
        "受理办件6件，办结5件。其中即办件3件，全部当场办结；承诺件2件，办结2件；上报件1件，办结0件；退回件1件。"
    );
    let empty = CentreStats::new(range, Establishment::default(), &Totals::default());
    assert_eq!((empty.on_time_rate, empty.compression_rate, empty.satisfaction_rate), (None, None, None));
    assert_eq!(empty.summary().to_string(), "受理办件0件，办结0件。");
}

#[test]
fn the_migration_has_a_column_for_every_counter() {
    let sql = include_str!("../../../../backend/migrations/0010_evaluation_stats_assignee.sql");
    for c in Counter::all() {
        assert!(sql.contains(&format!("    {} ", c.column())), "case_stats lacks {}", c.column());
    }
}
