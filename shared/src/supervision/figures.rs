//! Supervision's figures (DOMAIN §6): counters kept per day and unit in the
//! same batch as each event (unit 0 is the county), the current counts by
//! source and state, and the report's sentence: "现已编发政务督查N期，
//! 督查专报M期，督查事项K件".

use super::views::TaskSummary;
use super::{PublicationKind, SlipKind, Source};
use crate::csv::{figures_csv, FigureLine};
use crate::engine::period::{percent_figure, Range, Rate};
use crate::prose::{Prose, Records};
use serde::{Deserialize, Serialize};

tally! {
    /// Items registered (county only).
    items: "立项事项",
    /// Tasks assigned, to the lead unit.
    assigned: "交办任务",
    /// Final reports received.
    reported: "报送结果",
    /// Of those, after the deadline.
    reported_late: "逾期报送",
    /// Results sent back to redo.
    redone: "退回重办",
    extended: "批准延期",
    /// Tasks struck off (销号).
    closed: "销号",
    /// Of those, reported by the deadline.
    closed_on_time: "按期办结",
    /// 催办单 issued.
    reminders: "催办单",
    /// 督办通知单 issued.
    notices: "督办通知单",
    /// Issues of 《政务督查》 (county only).
    bulletins: "《政务督查》",
    /// Issues of 督查专报 (county only).
    specials: "督查专报",
}

/// Counters an event adds to.
pub type Increments = Vec<(Counter, u64)>;

pub fn on_slip(kind: SlipKind) -> Increments {
    match kind {
        SlipKind::Assignment => vec![(Counter::assigned, 1)],
        SlipKind::Reminder => vec![(Counter::reminders, 1)],
        SlipKind::Notice => vec![(Counter::notices, 1)],
    }
}

pub fn on_report(late: bool) -> Increments {
    let mut v = vec![(Counter::reported, 1)];
    if late {
        v.push((Counter::reported_late, 1));
    }
    v
}

pub fn on_close(on_time: bool) -> Increments {
    let mut v = vec![(Counter::closed, 1)];
    if on_time {
        v.push((Counter::closed_on_time, 1));
    }
    v
}

pub fn on_publication(kind: PublicationKind) -> Increments {
    match kind {
        PublicationKind::Bulletin => vec![(Counter::bulletins, 1)],
        PublicationKind::Special => vec![(Counter::specials, 1)],
    }
}

/// The rates of a tally, each with its formula.
pub fn rates(t: &Tally) -> Vec<Rate> {
    vec![
        Rate::new("按期办结率", t.closed_on_time, t.closed, "按期报送结果的销号任务 ÷ 销号任务"),
        Rate::new("按期报送率", t.reported - t.reported_late.min(t.reported), t.reported, "时限内报送的结果 ÷ 报送结果"),
        Rate::new("退回重办率", t.redone, t.reported, "退回重办 ÷ 报送结果"),
        Rate::new("督办通知率", t.notices, t.assigned, "督办通知单 ÷ 交办任务"),
    ]
}

/// One line of the period's figures: the county, or a unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitRow {
    /// `None` for the county as a whole.
    pub unit_id: Option<i64>,
    pub label: String,
    pub tally: Tally,
    pub rates: Vec<Rate>,
}

impl UnitRow {
    pub fn new(unit_id: Option<i64>, label: String, tally: Tally) -> UnitRow {
        UnitRow { unit_id, label, rates: rates(&tally), tally }
    }
}

/// Items and open tasks of one source as they stand now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SourceRow {
    pub source: Option<Source>,
    /// Items by state.
    pub registered: u64,
    pub in_progress: u64,
    pub closed: u64,
    /// Open tasks by colour.
    pub red: u64,
    pub yellow: u64,
    pub green: u64,
}

/// What `GET /api/supervision/dashboard` answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Dashboard {
    pub range: Range,
    /// Each source with items, then the total (`source: null`).
    pub sources: Vec<SourceRow>,
    /// The county first, then each unit with tasks in the period.
    pub rows: Vec<UnitRow>,
    /// The most overdue open tasks first.
    pub overdue: Vec<TaskSummary>,
    pub overdue_total: u64,
    pub summary: String,
}

/// The total line of `rows` (every source added up).
pub fn total(rows: &[SourceRow]) -> SourceRow {
    rows.iter().fold(SourceRow::default(), |a, r| SourceRow {
        source: None,
        registered: a.registered + r.registered,
        in_progress: a.in_progress + r.in_progress,
        closed: a.closed + r.closed,
        red: a.red + r.red,
        yellow: a.yellow + r.yellow,
        green: a.green + r.green,
    })
}

/// The report's sentence for the period.
pub fn summary(range: Range, t: &Tally) -> Prose {
    let (dashboard, items, publications) = (Records::SupervisionDashboard, Records::SupervisionItems, Records::SupervisionPublications);
    let rate = rates(t)[0].value;
    let mut p = Prose::new()
        .text(&format!("{}至{}，编发《政务督查》", range.from.zh_full(), range.to.zh_full()))
        .figure(t.bulletins, publications)
        .text("期、督查专报")
        .figure(t.specials, publications)
        .text("期，立项督查事项")
        .figure(t.items, items)
        .text("件，分解交办任务")
        .figure(t.assigned, dashboard)
        .text("件，销号")
        .figure(t.closed, dashboard)
        .text("件");
    if rate.is_some() {
        p = p.text("，按期办结率").figure(percent_figure(rate), dashboard);
    }
    p.text("；发出催办单").figure(t.reminders, dashboard).text("份、督办通知单").figure(t.notices, dashboard).text("份。")
}

/// The CSV export: one line per row of the figures.
pub fn csv(rows: &[UnitRow]) -> String {
    let lines = rows.iter().map(|r| FigureLine { label: &r.label, counts: r.tally.values(), rates: &r.rates, extra: vec![] });
    figures_csv(&Tally::labels(), &rates(&Tally::default()), &[], lines)
}
