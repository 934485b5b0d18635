//! The Center's statistics for any date range (DOMAIN.md §1–2): cases
//! received, disposed per class, completed, on time, commitment compression
//! and evaluations.
//!
//! Each event adds to counters kept per day and per month (`case_stats`), in
//! the same atomic batch as the event itself. A range is read as its whole
//! months plus the loose days at either end ([`cover`]), so a request reads
//! at most a few dozen rows a year, however many cases there are.

use crate::approvals::evaluation::Level;
use crate::approvals::matter::HandlingClass;
pub use crate::engine::period::{cover, keys_of, percent, Range, MAX_RANGE_YEARS};
use crate::prose::{Prose, Records};
use serde::{Deserialize, Serialize};

/// One counter: a column of `case_stats`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counter {
    Received,
    /// Disposed as this class (accepted for the first four; a supplement
    /// notice or a return for the last two).
    Disposed(HandlingClass),
    Completed(HandlingClass),
    /// Completions of cases with a deadline (commitment, joint).
    OnTime,
    Late,
    /// Sums over accepted commitment and joint cases, for the compression rate.
    CommittedDays,
    StatutoryDays,
    Evaluated(Level),
}

/// Classes whose cases can be completed (the others end at disposition).
pub const COMPLETABLE: [HandlingClass; 4] =
    [HandlingClass::Immediate, HandlingClass::Commitment, HandlingClass::Joint, HandlingClass::ReportUp];

impl Counter {
    /// Every counter, in column order.
    pub fn all() -> Vec<Counter> {
        let mut all = vec![Counter::Received];
        all.extend(HandlingClass::ALL.map(Counter::Disposed));
        all.extend(COMPLETABLE.map(Counter::Completed));
        all.extend([Counter::OnTime, Counter::Late, Counter::CommittedDays, Counter::StatutoryDays]);
        all.extend(Level::ALL.map(Counter::Evaluated));
        all
    }

    /// The column's name: fixed identifiers, safe to write into SQL.
    pub fn column(self) -> String {
        match self {
            Counter::Received => "received".into(),
            Counter::Disposed(c) => format!("disposed_{}", c.as_str()),
            Counter::Completed(c) => format!("completed_{}", c.as_str()),
            Counter::OnTime => "on_time".into(),
            Counter::Late => "late".into(),
            Counter::CommittedDays => "committed_days".into(),
            Counter::StatutoryDays => "statutory_days".into(),
            Counter::Evaluated(l) => format!("evaluated_{}", l.rank()),
        }
    }
}

/// What one event adds.
pub type Increments = Vec<(Counter, u64)>;

pub fn on_received() -> Increments {
    vec![(Counter::Received, 1)]
}

/// A disposition; `days` = (committed, statutory) of the matter, counted
/// for cases whose clock starts. An immediate case is completed at once.
pub fn on_disposition(class: HandlingClass, days: (u32, u32)) -> Increments {
    let mut inc = vec![(Counter::Disposed(class), 1)];
    match class {
        HandlingClass::Immediate => inc.push((Counter::Completed(class), 1)),
        HandlingClass::Commitment | HandlingClass::Joint => {
            inc.push((Counter::CommittedDays, days.0.into()));
            inc.push((Counter::StatutoryDays, days.1.into()));
        }
        _ => {}
    }
    inc
}

pub fn on_completion(class: HandlingClass, late: bool) -> Increments {
    let mut inc = vec![(Counter::Completed(class), 1)];
    if matches!(class, HandlingClass::Commitment | HandlingClass::Joint) {
        inc.push((if late { Counter::Late } else { Counter::OnTime }, 1));
    }
    inc
}

pub fn on_evaluation(level: Level) -> Increments {
    vec![(Counter::Evaluated(level), 1)]
}

/// Counter sums over a range, indexed like [`Counter::all`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Totals(pub Vec<u64>);

impl Totals {
    pub fn get(&self, c: Counter) -> u64 {
        Counter::all().iter().position(|x| *x == c).and_then(|i| self.0.get(i).copied()).unwrap_or(0)
    }
}

/// The Center's standing figures (from the catalogue, not the cases).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Establishment {
    pub departments: u64,
    pub window_staff: u64,
    pub intermediaries: u64,
    pub intermediary_staff: u64,
    pub matters: u64,
    /// Σ(statutory − committed) / Σ statutory over the catalogue, percent.
    pub catalogue_compression: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClassFigures {
    pub class: HandlingClass,
    pub disposed: u64,
    /// `None` for supplement and returned, which are not completed.
    pub completed: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LevelCount {
    pub level: Level,
    pub count: u64,
}

/// What `GET /api/office/statistics` answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CentreStats {
    pub range: Range,
    pub establishment: Establishment,
    pub received: u64,
    /// Immediate + commitment + joint + report-up.
    pub accepted: u64,
    pub completed: u64,
    pub classes: Vec<ClassFigures>,
    pub on_time: u64,
    pub late: u64,
    /// Percent, one decimal, of commitment and joint completions.
    pub on_time_rate: Option<f64>,
    /// Percent by which cases accepted in the range were promised faster
    /// than the law allows.
    pub compression_rate: Option<f64>,
    pub evaluations: Vec<LevelCount>,
    /// 非常满意 + 满意 + 基本满意 over all evaluations, percent.
    pub satisfaction_rate: Option<f64>,
}

impl CentreStats {
    pub fn new(range: Range, establishment: Establishment, t: &Totals) -> CentreStats {
        let classes: Vec<ClassFigures> = HandlingClass::ALL
            .into_iter()
            .map(|class| ClassFigures {
                class,
                disposed: t.get(Counter::Disposed(class)),
                completed: COMPLETABLE.contains(&class).then(|| t.get(Counter::Completed(class))),
            })
            .collect();
        let accepted = COMPLETABLE.iter().map(|c| t.get(Counter::Disposed(*c))).sum();
        let completed = COMPLETABLE.iter().map(|c| t.get(Counter::Completed(*c))).sum();
        let (on_time, late) = (t.get(Counter::OnTime), t.get(Counter::Late));
        let statutory = t.get(Counter::StatutoryDays);
        let evaluations: Vec<LevelCount> =
            Level::ALL.into_iter().map(|level| LevelCount { level, count: t.get(Counter::Evaluated(level)) }).collect();
        let rated: u64 = evaluations.iter().map(|e| e.count).sum();
        let satisfied = evaluations.iter().filter(|e| !e.level.is_negative()).map(|e| e.count).sum();
        CentreStats {
            range,
            establishment,
            received: t.get(Counter::Received),
            accepted,
            completed,
            classes,
            on_time,
            late,
            on_time_rate: percent(on_time, on_time + late),
            compression_rate: percent(statutory.saturating_sub(t.get(Counter::CommittedDays)), statutory),
            evaluations,
            satisfaction_rate: percent(satisfied, rated),
        }
    }

    /// The report's sentence: "受理办件N件，办结N件。其中即办件N件，全部当场办结；…"
    pub fn summary(&self) -> Prose {
        let stats = Records::CentreStatistics;
        let mut p = Prose::new().text("受理办件").figure(self.accepted, stats).text("件，办结").figure(self.completed, stats).text("件");
        let mut first = true;
        for c in self.classes.iter().filter(|c| c.disposed > 0 || c.completed.unwrap_or(0) > 0) {
            p = p.text(if first { "。其中" } else { "；" });
            first = false;
            p = p.text(c.class.zh()).figure(c.disposed, stats).text("件");
            p = match (c.class, c.completed) {
                (HandlingClass::Immediate, _) => p.text("，全部当场办结"),
                (_, Some(done)) => p.text("，办结").figure(done, stats).text("件"),
                (_, None) => p,
            };
        }
        p.text("。")
    }

    /// The Center's establishment as the report gives it: "进驻窗口部门N个、
    /// 窗口工作人员N人；中介服务机构N个，服务人员N人，办理事项共N项。"
    pub fn establishment_prose(&self) -> Prose {
        let (e, units) = (&self.establishment, Records::Units);
        Prose::new()
            .text("目前已进驻“中心”的窗口部门")
            .figure(e.departments, units)
            .text("个、窗口工作人员")
            .figure(e.window_staff, units)
            .text("人；中介服务机构")
            .figure(e.intermediaries, units)
            .text("个，服务人员")
            .figure(e.intermediary_staff, units)
            .text("人，办理事项共")
            .figure(e.matters, Records::Catalogue)
            .text("项。")
    }
}

#[cfg(test)]
mod tests;
