//! The figures of efficiency complaints (DOMAIN §6: received,
//! consultations answered, closed on time, upheld): counters kept per day
//! and unit in the same batch as each event (unit 0 is the whole county),
//! the rates with their formulas, the report's sentence and CSV. A unit's
//! row counts what it handled (assigned or transferred to it) and what it
//! was complained about (named in an investigation).

use super::{ComplaintKind, Finding};
use crate::csv::{figures_csv, FigureLine};
pub use crate::engine::period::Rate;
use crate::engine::period::{percent_text, Range};
use crate::prose::{Prose, Records};
use serde::{Deserialize, Serialize};

tally! {
    struct ComplaintTally;
    /// Complaints and consultations taken in (county only).
    received: "收件",
    consultations: "咨询",
    /// Consultations answered.
    answered: "咨询已答复",
    complaints: "投诉",
    accepted: "受理",
    not_accepted: "不予受理",
    transferred_out: "转送有权机关",
    /// Accepted and given to the unit (交办 or 转办).
    assigned: "交办转办",
    extended: "延期",
    /// Investigations naming the unit (the county: investigations).
    investigated: "调查",
    /// Of those, 属实 or 部分属实.
    upheld: "属实",
    concluded: "办结",
    /// Concluded by the deadline.
    concluded_on_time: "按时办结",
    redone: "重办",
    rewarded: "有奖举报",
}

/// Counters an event adds to, each by one.
pub type Increments = Vec<(Counter, u64)>;

pub fn on_received(kind: ComplaintKind) -> Increments {
    let k = if kind == ComplaintKind::Consultation { Counter::consultations } else { Counter::complaints };
    vec![(Counter::received, 1), (k, 1)]
}

pub fn on_answered() -> Increments {
    vec![(Counter::answered, 1)]
}

/// For the county; a unit handling it also gets `assigned`.
pub fn on_accepted() -> Increments {
    vec![(Counter::accepted, 1)]
}

pub fn on_assigned() -> Increments {
    vec![(Counter::assigned, 1)]
}

/// For the county and for each unit complained about.
pub fn on_investigated(finding: Finding) -> Increments {
    let mut v = vec![(Counter::investigated, 1)];
    if finding.upheld() {
        v.push((Counter::upheld, 1));
    }
    v
}

/// For the county and the unit that handled it.
pub fn on_concluded(on_time: bool) -> Increments {
    let mut v = vec![(Counter::concluded, 1)];
    if on_time {
        v.push((Counter::concluded_on_time, 1));
    }
    v
}

/// The rates of a tally, in the order the report gives them.
pub fn rates(t: &ComplaintTally) -> Vec<Rate> {
    let r = Rate::new;
    vec![
        r("咨询答复率", t.answered, t.consultations, "咨询已答复 ÷ 咨询"),
        r("受理率", t.accepted, t.complaints, "受理 ÷ 投诉"),
        r("按时办结率", t.concluded_on_time, t.concluded, "期限内办结 ÷ 办结"),
        r("属实率", t.upheld, t.investigated, "属实与部分属实 ÷ 调查"),
        r("重办率", t.redone, t.concluded, "回访后重办 ÷ 办结"),
    ]
}

/// One line of the figures page: the county, or a unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComplaintFigureRow {
    /// `None` for the county as a whole.
    pub unit_id: Option<i64>,
    pub label: String,
    pub tally: ComplaintTally,
    pub rates: Vec<Rate>,
}

impl ComplaintFigureRow {
    pub fn new(unit_id: Option<i64>, label: String, tally: ComplaintTally) -> ComplaintFigureRow {
        ComplaintFigureRow { unit_id, label, rates: rates(&tally), tally }
    }
}

/// What `GET /api/complaints/figures` answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComplaintFigures {
    pub range: Range,
    /// The county first, then each unit with complaints in the period.
    pub rows: Vec<ComplaintFigureRow>,
    /// The report's sentence.
    pub summary: String,
}

/// The report's sentence for the county's tally.
pub fn summary(range: Range, t: &ComplaintTally) -> Prose {
    let rs = rates(t);
    let (figures, list) = (Records::ComplaintFigures, Records::Complaints);
    Prose::new()
        .text(&format!("{}至{}，共受理效能投诉和咨询", range.from.zh_full(), range.to.zh_full()))
        .figure(t.received, list)
        .text("件，其中咨询")
        .figure(t.consultations, figures)
        .text("件、已答复")
        .figure(t.answered, figures)
        .text("件；投诉")
        .figure(t.complaints, figures)
        .text("件，受理")
        .figure(t.accepted, figures)
        .text("件，办结")
        .figure(t.concluded, figures)
        .text("件，按时办结")
        .figure(t.concluded_on_time, figures)
        .text("件，按时办结率")
        .figure(percent_text(&rs, "按时办结率"), figures)
        .text("；经调查属实或部分属实")
        .figure(t.upheld, figures)
        .text("件。")
}

/// The figures as CSV: one line per row, counters then rates. No
/// complainant's identity is ever in it: the tally holds none.
pub fn to_csv(f: &ComplaintFigures) -> String {
    let lines = f.rows.iter().map(|r| FigureLine { label: &r.label, counts: r.tally.values(), rates: &r.rates, extra: vec![] });
    figures_csv(&ComplaintTally::labels(), &rates(&ComplaintTally::default()), &[], lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::Date;

    fn apply(t: &mut ComplaintTally, inc: Increments) {
        for (c, n) in inc {
            t.set(c, t.get(c) + n);
        }
    }

    #[test]
    fn a_year_in_figures() {
        let mut t = ComplaintTally::default();
        for _ in 0..4 {
            apply(&mut t, on_received(ComplaintKind::Consultation));
        }
        for _ in 0..3 {
            apply(&mut t, on_answered());
        }
        for _ in 0..8 {
            apply(&mut t, on_received(ComplaintKind::Complaint));
        }
        t.not_accepted += 1;
        t.transferred_out += 1;
        for _ in 0..6 {
            apply(&mut t, on_accepted());
        }
        for f in [Finding::True, Finding::PartlyTrue, Finding::Untrue, Finding::True, Finding::Untrue] {
            apply(&mut t, on_investigated(f));
        }
        for on_time in [true, true, true, false] {
            apply(&mut t, on_concluded(on_time));
        }
        assert_eq!((t.received, t.consultations, t.complaints, t.upheld, t.investigated), (12, 4, 8, 3, 5));
        let rs = rates(&t);
        let get = |n: &str| rs.iter().find(|r| r.name == n).unwrap().value;
        assert_eq!(get("咨询答复率"), Some(75.0));
        assert_eq!(get("受理率"), Some(75.0));
        assert_eq!(get("按时办结率"), Some(75.0));
        assert_eq!(get("属实率"), Some(60.0));
        let range = Range { from: Date::parse("2026-01-01").unwrap(), to: Date::parse("2026-11-26").unwrap() };
        let s = summary(range, &t).to_string();
        assert!(s.contains("共受理效能投诉和咨询12件") && s.contains("咨询4件、已答复3件"), "{s}");
        assert!(s.contains("办结4件，按时办结3件，按时办结率75%") && s.contains("属实或部分属实3件"), "{s}");
    }

    #[test]
    fn nothing_to_divide_says_so() {
        assert!(rates(&ComplaintTally::default()).iter().all(|r| r.value.is_none()));
        let range = Range { from: Date::parse("2026-01-01").unwrap(), to: Date::parse("2026-01-31").unwrap() };
        assert!(summary(range, &ComplaintTally::default()).to_string().contains("按时办结率—"));
    }

    #[test]
    fn an_untrue_finding_is_investigated_not_upheld() {
        assert_eq!(on_investigated(Finding::Untrue), vec![(Counter::investigated, 1)]);
        assert_eq!(on_investigated(Finding::PartlyTrue), vec![(Counter::investigated, 1), (Counter::upheld, 1)]);
        assert_eq!(on_concluded(false), vec![(Counter::concluded, 1)]);
    }

    #[test]
    fn csv_has_a_column_per_counter_and_rate() {
        let range = Range { from: Date::parse("2026-01-01").unwrap(), to: Date::parse("2026-01-31").unwrap() };
        let f = ComplaintFigures {
            range,
            rows: vec![ComplaintFigureRow::new(None, "全县".into(), ComplaintTally::default())],
            summary: String::new(),
        };
        let csv = to_csv(&f);
        let header = csv.lines().next().unwrap();
        assert_eq!(header.split(',').count(), 1 + Counter::ALL.len() + 5);
        assert!(csv.lines().nth(1).unwrap().starts_with("全县,0,"));
    }
}
