//! Document transmission's figures (DOMAIN §4): counters kept per day and
//! unit in the same batch as each event (unit 0 is the county; a unit's
//! row counts the copies it received), minutes to sign for in buckets so
//! the median never scans receipts, and the report's sentence: "……通过电子
//! 公文传输系统发文N件，签收率X%，平均/中位签收时长N小时。"

use crate::csv::{figures_csv, FigureLine};
use crate::engine::period::{percent_figure, Range, Rate};
use crate::prose::{Prose, Records};
use crate::streamline::DocLevel;
use serde::{Deserialize, Serialize};

tally! {
    /// Documents sent (county only), and by issuing level.
    sent: "发文",
    sent_county_government: "县政府文件",
    sent_county_office: "县府办文件",
    sent_informal_letter: "便函",
    sent_joint_department: "部门联合发文",
    sent_department: "部门文件",
    /// Copies delivered to units.
    delivered: "送达份数",
    signed: "签收",
    /// Minutes from delivery to sign-for, summed (the average).
    sign_minutes: "签收总分钟",
    /// Signed within 15 minutes, 1, 4, 8, 24, 72 hours, later.
    m15: "15分钟内签收",
    h1: "1小时内签收",
    h4: "4小时内签收",
    h8: "8小时内签收",
    h24: "24小时内签收",
    h72: "72小时内签收",
    later: "72小时后签收",
    /// Urgent copies signed after their limit.
    signed_late: "超时签收",
    returned: "退文",
    recalled: "撤回",
    chased: "催收",
    /// Documents a unit circulated internally (传阅), once each.
    circulated: "内部传阅",
    /// Circulation copies read, and the minutes from sending to reading.
    circulation_reads: "传阅阅毕人次",
    circulation_minutes: "传阅总分钟",
}

/// Counters an event adds to.
pub type Increments = Vec<(Counter, u64)>;

/// The buckets' upper bounds in minutes (the last has none).
const BUCKETS: [(Counter, Option<u64>); 7] = [
    (Counter::m15, Some(15)),
    (Counter::h1, Some(60)),
    (Counter::h4, Some(240)),
    (Counter::h8, Some(480)),
    (Counter::h24, Some(1440)),
    (Counter::h72, Some(4320)),
    (Counter::later, None),
];

pub fn on_sent(level: DocLevel) -> Increments {
    let by_level = match level {
        DocLevel::CountyGovernment => Counter::sent_county_government,
        DocLevel::CountyOffice => Counter::sent_county_office,
        DocLevel::InformalLetter => Counter::sent_informal_letter,
        DocLevel::JointDepartment => Counter::sent_joint_department,
        DocLevel::Department => Counter::sent_department,
    };
    vec![(Counter::sent, 1), (by_level, 1)]
}

/// A sign-for `minutes` after delivery; `late` past an urgent limit.
pub fn on_signed(minutes: u64, late: bool) -> Increments {
    let bucket = BUCKETS.iter().find(|(_, max)| max.is_none_or(|m| minutes <= m)).map(|(c, _)| *c).unwrap_or(Counter::later);
    let mut v = vec![(Counter::signed, 1), (Counter::sign_minutes, minutes), (bucket, 1)];
    if late {
        v.push((Counter::signed_late, 1));
    }
    v
}

/// Copies still to count as delivered (recalled ones are not).
fn deliveries(t: &Tally) -> u64 {
    t.delivered.saturating_sub(t.recalled)
}

/// The average minutes to sign for.
pub fn average_minutes(t: &Tally) -> Option<u64> {
    (t.signed > 0).then(|| t.sign_minutes / t.signed)
}

/// The median minutes to sign for, from the buckets (linear within the
/// bucket holding the middle sign-for; the open last bucket gives its lower
/// bound).
pub fn median_minutes(t: &Tally) -> Option<u64> {
    let total: u64 = BUCKETS.iter().map(|(c, _)| t.get(*c)).sum();
    if total == 0 {
        return None;
    }
    let middle = total.div_ceil(2);
    let (mut below, mut lower) = (0, 0);
    for (c, max) in BUCKETS {
        let n = t.get(c);
        if below + n >= middle {
            return Some(match max {
                Some(upper) => lower + (upper - lower) * (middle - below) / n.max(1),
                None => lower,
            });
        }
        below += n;
        lower = max.unwrap_or(lower);
    }
    Some(lower)
}

/// Minutes for people: `1.5小时`, `40分钟`.
pub fn duration_zh(minutes: Option<u64>) -> String {
    match minutes {
        None => "—".into(),
        Some(m) if m < 60 => format!("{m}分钟"),
        Some(m) => format!("{}小时", (m as f64 / 6.0).round() / 10.0),
    }
}

/// The average minutes a circulated copy took to be read.
pub fn average_circulation_minutes(t: &Tally) -> Option<u64> {
    (t.circulation_reads > 0).then(|| t.circulation_minutes / t.circulation_reads)
}

/// The rates of a tally, each with its formula.
pub fn rates(t: &Tally) -> Vec<Rate> {
    vec![
        Rate::new("签收率", t.signed, deliveries(t), "签收份数 ÷ （送达份数 − 撤回份数）"),
        Rate::new("退文率", t.returned, deliveries(t), "退文份数 ÷ （送达份数 − 撤回份数）"),
        Rate::new("超时签收率", t.signed_late, t.signed, "超过紧急公文签收时限的签收 ÷ 签收份数"),
    ]
}

/// One line of the figures: the county, or a receiving unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitRow {
    pub unit_id: Option<i64>,
    pub label: String,
    pub tally: Tally,
    pub rates: Vec<Rate>,
    pub average: String,
    pub median: String,
    /// The average time a circulated copy took to be read.
    pub circulation_average: String,
}

impl UnitRow {
    pub fn new(unit_id: Option<i64>, label: String, tally: Tally) -> UnitRow {
        let (average, median) = (duration_zh(average_minutes(&tally)), duration_zh(median_minutes(&tally)));
        let circulation_average = duration_zh(average_circulation_minutes(&tally));
        UnitRow { unit_id, label, rates: rates(&tally), tally, average, median, circulation_average }
    }
}

/// What `GET /api/documents/figures` answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocFigures {
    pub range: Range,
    /// The county first, then each receiving unit (most late sign-fors first).
    pub rows: Vec<UnitRow>,
    pub summary: String,
}

/// The report's sentence for the period.
pub fn summary(range: Range, t: &Tally) -> Prose {
    let (figures, documents) = (Records::TransmitFigures, Records::TransmitDocuments);
    Prose::new()
        .text(&format!("{}至{}，通过电子公文传输系统发文", range.from.zh_full(), range.to.zh_full()))
        .figure(t.sent, documents)
        .text("件（送达")
        .figure(t.delivered, figures)
        .text("份），签收率")
        .figure(percent_figure(rates(t)[0].value), figures)
        .text("，平均签收时长")
        .figure(duration_zh(average_minutes(t)), figures)
        .text("、中位签收时长")
        .figure(duration_zh(median_minutes(t)), figures)
        .text("；退文")
        .figure(t.returned, figures)
        .text("份，撤回")
        .figure(t.recalled, figures)
        .text("份，超时签收")
        .figure(t.signed_late, figures)
        .text("份；内部传阅")
        .figure(t.circulated, figures)
        .text("件，平均每人阅毕用时")
        .figure(duration_zh(average_circulation_minutes(t)), figures)
        .text("。")
}

/// The CSV export: one line per row of the figures.
pub fn csv(rows: &[UnitRow]) -> String {
    let lines = rows.iter().map(|r| FigureLine {
        label: &r.label,
        counts: r.tally.values(),
        rates: &r.rates,
        extra: vec![r.average.clone(), r.median.clone(), r.circulation_average.clone()],
    });
    figures_csv(&Tally::labels(), &rates(&Tally::default()), &["平均签收时长", "中位签收时长", "传阅平均阅毕用时"], lines)
}
