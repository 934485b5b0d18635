use super::*;
use crate::engine::calendar::official::official_years;

fn cal() -> Calendar {
    Calendar::new(official_years())
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn ledger(accepted: &str, days: u32) -> Ledger {
    Ledger { accepted_on: d(accepted), committed_days: days, pauses: vec![], extensions: vec![] }
}

#[test]
fn without_pauses_it_is_the_calendar_deadline() {
    let c = cal();
    let r = ledger("2026-02-13", 5).derive(&c, d("2026-02-13"), 2);
    assert_eq!(r.deadline, Some(d("2026-02-27")));
    assert_eq!(r.remaining_days, 5);
    assert_eq!(r.standing, Standing::OnTrack);
    assert!(r.explanation.iter().any(|l| l == "+9天：春节假期"), "{:?}", r.explanation);
    assert_eq!(r.explanation.last().unwrap(), "办结期限：2026年2月27日24时前");
}

#[test]
fn a_pause_moves_the_deadline_by_the_working_days_it_covers() {
    // Accepted Mon 2026-03-02, 10 days: deadline Mon 03-16 without pause.
    let mut l = ledger("2026-03-02", 10);
    assert_eq!(l.derive(&cal(), d("2026-03-02"), 2).deadline, Some(d("2026-03-16")));
    // Expert review Wed 03-04 .. resumed Mon 03-09: Wed, Thu, Fri not counted.
    l.pauses.push(Pause { reason: PauseReason::ExpertReview, from: d("2026-03-04"), resumed: Some(d("2026-03-09")) });
    let r = l.derive(&cal(), d("2026-03-10"), 2);
    assert_eq!(r.deadline, Some(d("2026-03-19")));
    assert!(r.explanation.contains(&"暂停计时：专家评审，3月4日起，3月9日恢复".to_string()));
    assert!(r.explanation.contains(&"+3个工作日：暂停计时期间不计".to_string()));
}

#[test]
fn while_paused_there_is_no_deadline_and_the_remainder_is_kept() {
    let mut l = ledger("2026-03-02", 10);
    l.pauses.push(Pause { reason: PauseReason::Supplement, from: d("2026-03-05"), resumed: None });
    let r = l.derive(&cal(), d("2026-03-20"), 2);
    assert_eq!(r.deadline, None);
    assert_eq!(r.standing, Standing::Paused);
    assert_eq!(r.used_days, 2, "Tue 03-03 and Wed 03-04");
    assert_eq!(r.remaining_days, 8);
    assert_eq!(r.explanation.last().unwrap(), "暂停计时中，恢复计时后还有8个工作日");
}

#[test]
fn an_extension_adds_working_days_and_says_who_approved_it() {
    let mut l = ledger("2026-03-02", 10);
    l.extensions.push(Extension { days: 10, approver: "李建国".into(), reason: "需组织专家论证".into() });
    let r = l.derive(&cal(), d("2026-03-02"), 2);
    assert_eq!(r.deadline, Some(d("2026-03-30")));
    assert_eq!(r.total_days, 20);
    assert!(r.explanation.contains(&"+10个工作日：延期（李建国批准，理由：需组织专家论证）".to_string()));
}

#[test]
fn yellow_within_the_threshold_and_red_once_overdue() {
    let l = ledger("2026-03-02", 10); // deadline Mon 03-16
    let at = |day: &str, yellow| l.derive(&cal(), d(day), yellow);
    assert_eq!(at("2026-03-11", 2).standing, Standing::OnTrack); // 3 left
    assert_eq!(at("2026-03-12", 2).standing, Standing::Yellow); // 2 left
    assert_eq!(at("2026-03-12", 1).standing, Standing::OnTrack, "threshold per matter");
    assert_eq!(at("2026-03-14", 2).remaining_days, 1, "Saturday: Monday is left");
    assert_eq!(at("2026-03-16", 2).standing, Standing::Yellow, "the deadline day itself");
    let late = at("2026-03-18", 2);
    assert_eq!((late.standing, late.remaining_days), (Standing::Red, -2));
}

/// Properties over every acceptance day of 2026 and every pause placement
/// in its first weeks.
#[test]
fn properties_for_every_start_and_pause() {
    let c = cal();
    let mut accepted = d("2026-01-01");
    while accepted <= d("2026-12-31") {
        let base = ledger(&accepted.to_string(), 7);
        let plain = base.derive(&c, accepted, 2).deadline.unwrap();
        assert!(c.day_kind(plain).is_working(), "{accepted}");
        let mut from = accepted.next();
        for _ in 0..12 {
            // Resuming on the pausing day is a no-op.
            let mut same = base.clone();
            same.pauses.push(Pause { reason: PauseReason::Hearing, from, resumed: Some(from) });
            assert_eq!(same.derive(&c, accepted, 2).deadline, Some(plain), "{accepted} pause {from}");
            // A pause never makes the deadline earlier, and it stays a working day.
            let mut resumed = from;
            for _ in 0..6 {
                resumed = resumed.next();
                let mut l = base.clone();
                l.pauses.push(Pause { reason: PauseReason::Testing, from, resumed: Some(resumed) });
                let dl = l.derive(&c, accepted, 2).deadline.unwrap();
                assert!(dl >= plain, "{accepted} pause {from}..{resumed}");
                assert!(c.day_kind(dl).is_working());
            }
            from = from.next();
        }
        accepted = accepted.next();
    }
}

#[test]
fn zero_days_is_the_acceptance_day() {
    let r = ledger("2026-02-15", 0).derive(&cal(), d("2026-02-15"), 2);
    assert_eq!(r.deadline, Some(d("2026-02-15")));
}

#[test]
fn the_countdown_says_days_left_overdue_or_paused() {
    let derived = |deadline: Option<Date>, remaining_days| Derived {
        deadline,
        total_days: 5,
        used_days: 0,
        remaining_days,
        standing: Standing::OnTrack,
        explanation: vec![],
    };
    assert_eq!(derived(Some(d("2026-12-01")), 3).countdown(), "剩余3个工作日");
    assert_eq!(derived(Some(d("2026-12-01")), 0).countdown(), "剩余0个工作日");
    assert_eq!(derived(Some(d("2026-12-01")), -1).countdown(), "已超过承诺期限");
    assert_eq!(derived(None, 2).countdown(), "暂停计时中");
}
