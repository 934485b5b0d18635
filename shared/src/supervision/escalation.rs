//! Which slip the daily job issues for an open task today (DOMAIN §6):
//! a red 督办通知单 once it is overdue, a yellow 催办单 when at most
//! [`YELLOW_DAYS`](super::limits::YELLOW_DAYS) working days are left, a blue
//! 催办单 when a planned checkpoint or a progress report is behind. Each
//! reason is chased once (its key); the job runs on working days only and
//! a task gets at most one slip a day (the database's unique day index).

use super::{Colour, SlipKind};
use crate::engine::calendar::Calendar;
use crate::engine::date::Date;
use crate::engine::ledger::{is_late, standing, Standing};

/// What the job knows of an open task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    pub deadline: Date,
    /// Planned checkpoints not reached yet, by their due day.
    pub open_milestones: Vec<(usize, Date)>,
    /// The next monthly progress report's day, if on a schedule.
    pub report_due: Option<Date>,
}

impl Facts {
    /// The first day a slip may be due: the job looks only at tasks whose
    /// day is within the yellow window, never at all open tasks.
    pub fn watch_date(&self) -> Date {
        let first_milestone = self.open_milestones.iter().map(|(_, d)| *d).min();
        [Some(self.deadline), first_milestone, self.report_due].into_iter().flatten().min().unwrap_or(self.deadline)
    }
}

/// A slip due today, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    pub kind: SlipKind,
    pub colour: Colour,
    /// Chased once per key: `overdue:2026-03-05`, `milestone:1:2026-03-01`.
    pub key: String,
    /// The slip's sentence on what is behind.
    pub why: String,
}

/// The slip due for `f` today, given the keys already chased; none on a
/// non-working day.
pub fn due_today(calendar: &Calendar, today: Date, f: &Facts, chased: &[String], yellow_days: u32) -> Option<Due> {
    if !calendar.day_kind(today).is_working() {
        return None;
    }
    let fresh = |d: &Due| !chased.contains(&d.key);
    let (left, standing) = standing(calendar, today, f.deadline, yellow_days);
    if standing == Standing::Red {
        // Once overdue, only the red notice counts: no milder slip after it.
        let d = Due {
            kind: SlipKind::Notice,
            colour: Colour::Red,
            key: format!("overdue:{}", f.deadline),
            why: format!("已于{}超过办结时限，逾期未办结", f.deadline.zh_full()),
        };
        return fresh(&d).then_some(d);
    }
    let mut candidates = Vec::new();
    if standing == Standing::Yellow {
        candidates.push(Due {
            kind: SlipKind::Reminder,
            colour: Colour::Yellow,
            key: format!("near:{}", f.deadline),
            why: format!("距办结时限{}仅剩{left}个工作日", f.deadline.zh_full()),
        });
    }
    for (i, due) in &f.open_milestones {
        if is_late(today, *due) {
            candidates.push(Due {
                kind: SlipKind::Reminder,
                colour: Colour::Blue,
                key: format!("milestone:{i}:{due}"),
                why: format!("第{}个序时进度节点（{}）未按期完成", i + 1, due.zh_full()),
            });
        }
    }
    if let Some(due) = f.report_due.filter(|d| is_late(today, *d)) {
        candidates.push(Due {
            kind: SlipKind::Reminder,
            colour: Colour::Blue,
            key: format!("report:{due}"),
            why: format!("未按时报送进度（应于{}前报送）", due.zh_full()),
        });
    }
    candidates.into_iter().find(fresh)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::calendar::official;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn facts(deadline: &str) -> Facts {
        Facts { deadline: d(deadline), open_milestones: vec![], report_due: None }
    }

    #[test]
    fn red_once_overdue_and_never_milder_after() {
        let cal = Calendar::new(official::official_years());
        let f = Facts { open_milestones: vec![(0, d("2026-03-02"))], ..facts("2026-03-04") };
        let due = due_today(&cal, d("2026-03-05"), &f, &[], 2).unwrap();
        assert_eq!((due.kind, due.colour, due.key.as_str()), (SlipKind::Notice, Colour::Red, "overdue:2026-03-04"));
        assert_eq!(due_today(&cal, d("2026-03-06"), &f, &[due.key], 2), None, "chased once; the milestone waits no more");
    }

    #[test]
    fn yellow_within_two_working_days_counting_no_weekend() {
        let cal = Calendar::new(official::official_years());
        let f = facts("2026-03-09"); // Monday
        assert_eq!(due_today(&cal, d("2026-03-04"), &f, &[], 2), None, "Wed: 3 working days left");
        let thu = due_today(&cal, d("2026-03-05"), &f, &[], 2).unwrap();
        assert_eq!((thu.colour, thu.why.as_str()), (Colour::Yellow, "距办结时限2026年3月9日仅剩2个工作日"));
        assert_eq!(due_today(&cal, d("2026-03-07"), &f, &[], 2), None, "never on a Saturday");
        assert_eq!(due_today(&cal, d("2026-03-06"), &f, &[thu.key], 2), None);
    }

    #[test]
    fn blue_for_a_missed_checkpoint_or_report_one_at_a_time() {
        let cal = Calendar::new(official::official_years());
        let f = Facts {
            open_milestones: vec![(0, d("2026-03-02")), (1, d("2026-03-20"))],
            report_due: Some(d("2026-03-05")),
            ..facts("2026-06-30")
        };
        let first = due_today(&cal, d("2026-03-06"), &f, &[], 2).unwrap();
        assert_eq!((first.colour, first.key.as_str()), (Colour::Blue, "milestone:0:2026-03-02"));
        let second = due_today(&cal, d("2026-03-09"), &f, std::slice::from_ref(&first.key), 2).unwrap();
        assert_eq!(second.key, "report:2026-03-05");
        assert_eq!(due_today(&cal, d("2026-03-10"), &f, &[first.key, second.key], 2), None);
        assert_eq!(
            due_today(&cal, d("2026-03-05"), &f, &[], 2).unwrap().key,
            "milestone:0:2026-03-02",
            "the report is due that day, not late"
        );
    }

    #[test]
    fn the_watch_date_is_the_first_date_that_matters() {
        let f = Facts { open_milestones: vec![(1, d("2026-03-20"))], report_due: Some(d("2026-04-05")), ..facts("2026-06-30") };
        assert_eq!(f.watch_date(), d("2026-03-20"));
        assert_eq!(facts("2026-06-30").watch_date(), d("2026-06-30"));
    }

    #[test]
    fn holidays_are_not_working_days() {
        let cal = Calendar::new(official::official_years());
        // National Day 2026: 10-01..10-07 off; a task due 10-09 is yellow
        // on 09-30 (left: 10-08, 10-09) and the job is quiet on the holiday.
        let f = facts("2026-10-09");
        assert_eq!(due_today(&cal, d("2026-09-30"), &f, &[], 2).unwrap().colour, Colour::Yellow);
        assert_eq!(due_today(&cal, d("2026-10-02"), &f, &[], 2), None);
    }
}
