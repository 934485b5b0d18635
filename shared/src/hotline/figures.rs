//! The hotline's figures (DOMAIN §3): counters kept per day and unit in the
//! same batch as each event (unit 0 is the whole county), so a period's
//! figures read one row per day and unit however many tickets there are,
//! and the rates with the formula beside each.

use super::CloseReason;
use crate::csv::{figures_csv, FigureLine};
pub use crate::engine::period::Rate;
use crate::engine::period::{percent_text, Range};
use crate::prose::{Prose, Records};
use serde::{Deserialize, Serialize};

tally! {
    /// Tickets taken in (county only).
    received: "受理",
    /// Tickets dispatched to the unit as lead (re-assignments included).
    dispatched: "转办",
    signed: "签收",
    signed_on_time: "按时签收",
    returns_requested: "申请退单",
    returns_rejected: "退单被驳回",
    /// Tickets that got at least one 催办 notice.
    chased: "被催办",
    reopened: "重办",
    extended: "延期",
    answered: "直接答复",
    redirected: "告知转接",
    merged: "并单",
    /// Closed after handling (call-back closed, explained, or unreachable).
    completed: "办结",
    /// Of those, replied before the deadline.
    completed_on_time: "按时办结",
    /// Hours from dispatch to the accepted reply, summed.
    handling_hours: "办理时长（小时）",
    /// Call-backs that reached the caller.
    visited: "回访",
    /// Satisfied or basically satisfied at the call-back.
    satisfied: "满意",
    /// Call-backs with an opinion (redirected and unreachable excluded).
    evaluated: "参评",
}

/// Counters an event adds to, each by one (hours by their number).
pub type Increments = Vec<(Counter, u64)>;

pub fn on_received() -> Increments {
    vec![(Counter::received, 1)]
}

pub fn on_dispatch() -> Increments {
    vec![(Counter::dispatched, 1)]
}

pub fn on_sign(on_time: bool) -> Increments {
    let mut v = vec![(Counter::signed, 1)];
    if on_time {
        v.push((Counter::signed_on_time, 1));
    }
    v
}

/// A close at intake, or after the call-back; `on_time` and `hours` for
/// the handled ones.
pub fn on_close(reason: CloseReason, on_time: bool, hours: u64) -> Increments {
    use CloseReason::*;
    match reason {
        Answered => vec![(Counter::answered, 1)],
        Redirected => vec![(Counter::redirected, 1)],
        Merged => vec![(Counter::merged, 1)],
        Satisfied | BasicallySatisfied | Explained | Unreachable => {
            let mut v = vec![(Counter::completed, 1), (Counter::handling_hours, hours)];
            if on_time {
                v.push((Counter::completed_on_time, 1));
            }
            if reason != Unreachable {
                v.extend([(Counter::visited, 1), (Counter::evaluated, 1)]);
            }
            if matches!(reason, Satisfied | BasicallySatisfied) {
                v.push((Counter::satisfied, 1));
            }
            v
        }
    }
}

/// A dissatisfied call-back that reopens the ticket: a visit and an
/// opinion, and a reopening.
pub fn on_reopen() -> Increments {
    vec![(Counter::reopened, 1), (Counter::visited, 1), (Counter::evaluated, 1)]
}

/// The rates of a tally, in the order the report gives them.
pub fn rates(t: &Tally) -> Vec<Rate> {
    let r = Rate::new;
    vec![
        r("办结率", t.completed, t.dispatched, "办结 ÷ 转办"),
        r("按时办结率", t.completed_on_time, t.completed, "时限内答复的办结 ÷ 办结"),
        r("签收及时率", t.signed_on_time, t.signed, "时限内签收 ÷ 签收"),
        r("退单率", t.returns_requested, t.dispatched, "申请退单 ÷ 转办"),
        r("催办率", t.chased, t.dispatched, "被催办的工单 ÷ 转办"),
        r("重办率", t.reopened, t.completed + t.reopened, "重办 ÷ （办结 + 重办）"),
        r("延期率", t.extended, t.dispatched, "批准延期 ÷ 转办"),
        r("直接答复率", t.answered, t.received, "直接答复 ÷ 受理"),
        r("回访率", t.visited, t.completed + t.reopened, "回访接通 ÷ （办结 + 重办）"),
        r("满意率", t.satisfied, t.evaluated, "满意与基本满意 ÷ 参评（告知转接、未接通不参评）"),
    ]
}

/// How the average handling time is computed, for the figures page.
pub const AVERAGE_HOURS_FORMULA: &str = "转办至答复的小时数合计 ÷ 办结";

/// Average hours from dispatch to the accepted reply.
pub fn average_hours(t: &Tally) -> Option<f64> {
    (t.completed > 0).then(|| (t.handling_hours as f64 * 10.0 / t.completed as f64).round() / 10.0)
}

/// One line of the figures page: the county, or a unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FigureRow {
    /// `None` for the county as a whole.
    pub unit_id: Option<i64>,
    pub label: String,
    pub tally: Tally,
    pub rates: Vec<Rate>,
    pub average_hours: Option<f64>,
}

impl FigureRow {
    pub fn new(unit_id: Option<i64>, label: String, tally: Tally) -> FigureRow {
        FigureRow { unit_id, label, rates: rates(&tally), average_hours: average_hours(&tally), tally }
    }
}

/// What `GET /api/hotline/figures` answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HotlineFigures {
    pub range: Range,
    /// The county first, then each unit with tickets in the period.
    pub rows: Vec<FigureRow>,
    /// The report's sentence.
    pub summary: String,
}

/// A unit named in the bulletin (通报): tickets it still had not replied to
/// after two 催办 notices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BulletinEntry {
    pub unit_id: i64,
    pub unit_name: String,
    pub tickets: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Bulletin {
    pub range: Range,
    pub entries: Vec<BulletinEntry>,
}

/// The report's sentence for the county's tally.
pub fn summary(range: Range, t: &Tally) -> Prose {
    let rs = rates(t);
    let rate = |name: &str| percent_text(&rs, name);
    let (figures, tickets) = (Records::HotlineFigures, Records::HotlineTickets);
    Prose::new()
        .text(&format!("{}至{}，县长公开电话共受理群众诉求", range.from.zh_full(), range.to.zh_full()))
        .figure(t.received, tickets)
        .text("件，其中直接答复")
        .figure(t.answered, figures)
        .text("件，转办")
        .figure(t.dispatched, figures)
        .text("件，办结")
        .figure(t.completed, figures)
        .text("件，办结率")
        .figure(rate("办结率"), figures)
        .text("，按时办结率")
        .figure(rate("按时办结率"), figures)
        .text("，回访满意率")
        .figure(rate("满意率"), figures)
        .text("。")
}

/// The figures as CSV: one line per row, counters then rates.
pub fn to_csv(f: &HotlineFigures) -> String {
    let lines = f.rows.iter().map(|r| FigureLine {
        label: &r.label,
        counts: r.tally.values(),
        rates: &r.rates,
        extra: vec![r.average_hours.map(|v| v.to_string()).unwrap_or_default()],
    });
    figures_csv(&Tally::labels(), &rates(&Tally::default()), &["平均办理时长（小时）"], lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::Date;

    fn apply(t: &mut Tally, inc: Increments) {
        for (c, n) in inc {
            t.set(c, t.get(c) + n);
        }
    }

    #[test]
    fn a_year_in_figures() {
        let mut t = Tally::default();
        for _ in 0..10 {
            apply(&mut t, on_received());
        }
        apply(&mut t, on_close(CloseReason::Answered, false, 0));
        apply(&mut t, on_close(CloseReason::Redirected, false, 0));
        for _ in 0..8 {
            apply(&mut t, on_dispatch());
            apply(&mut t, on_sign(true));
        }
        apply(&mut t, on_reopen());
        for (reason, on_time) in [
            (CloseReason::Satisfied, true),
            (CloseReason::Satisfied, true),
            (CloseReason::BasicallySatisfied, false),
            (CloseReason::Explained, true),
            (CloseReason::Unreachable, true),
        ] {
            apply(&mut t, on_close(reason, on_time, 24));
        }
        assert_eq!((t.completed, t.completed_on_time, t.visited, t.evaluated, t.satisfied), (5, 4, 5, 5, 3));
        let rs = rates(&t);
        let get = |n: &str| rs.iter().find(|r| r.name == n).unwrap().value;
        assert_eq!(get("办结率"), Some(62.5));
        assert_eq!(get("满意率"), Some(60.0), "3 of 4 closed with an opinion plus the reopened one");
        assert_eq!(get("直接答复率"), Some(10.0));
        assert_eq!(get("重办率"), Some(16.7));
        assert_eq!(average_hours(&t), Some(24.0));
        let range = Range { from: Date::parse("2026-01-01").unwrap(), to: Date::parse("2026-11-26").unwrap() };
        let s = summary(range, &t).to_string();
        assert!(s.contains("共受理群众诉求10件") && s.contains("办结率62.5%") && s.contains("回访满意率60%"), "{s}");
    }

    #[test]
    fn nothing_to_divide_says_so() {
        assert!(rates(&Tally::default()).iter().all(|r| r.value.is_none()));
        assert_eq!(average_hours(&Tally::default()), None);
    }

    #[test]
    fn csv_has_a_column_per_counter_and_rate() {
        let range = Range { from: Date::parse("2026-01-01").unwrap(), to: Date::parse("2026-01-31").unwrap() };
        let f = HotlineFigures { range, rows: vec![FigureRow::new(None, "全县".into(), Tally::default())], summary: String::new() };
        let csv = to_csv(&f);
        let header = csv.lines().next().unwrap();
        assert_eq!(header.split(',').count(), 1 + Counter::ALL.len() + 10 + 1);
        assert!(csv.lines().nth(1).unwrap().starts_with("全县,0,"));
    }
}
