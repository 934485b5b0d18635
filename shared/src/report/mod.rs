//! The office's report (`../shared/seed/`): six lines of work, each a
//! heading and paragraphs whose every figure comes from live data and
//! names the records behind it. What the system does not record (the
//! Center's opening day, hardware spending, training courses, staffing) is
//! listed as such, never printed as a made-up number. Every line of work
//! has its module now; a new one joins `Inputs` with its own sentence.
//!
//! The words around the figures are each line of work's own summary
//! sentence (`Prose`), so the report says what the figures pages say.

use crate::approvals::stats::CentreStats;
use crate::engine::period::Range;
use crate::prose::{Prose, Records};
use crate::streamline::quota::{Dashboard, Period};
use serde::{Deserialize, Serialize};

named_enum! {
    /// The report's six lines of work, in its order.
    pub enum Work {
        Approvals = "approvals",
        Hotline = "hotline",
        EGovernment = "e_government",
        Streamline = "streamline",
        Supervision = "supervision",
        Information = "information",
    }
}

impl Work {
    /// The report's heading for the line of work.
    pub fn heading(self) -> &'static str {
        match self {
            Work::Approvals => "一、加强公共审批服务体系建设，推进行政审批制度改革",
            Work::Hotline => "二、积极受理县长公开电话，拓宽联系群众的渠道",
            Work::EGovernment => "三、加快电子政务建设，进一步提高工作效率",
            Work::Streamline => "四、大力精简会议文件，努力转变文风会风",
            Work::Supervision => "五、加大政务督查和行政效能监察工作力度，更好地促进决策落实",
            Work::Information => "六、加强信息调研工作，提高政务服务水平",
        }
    }

    /// The report's blanks this system does not record: the office fills
    /// them in by hand.
    pub fn not_recorded(self) -> &'static [&'static str] {
        match self {
            Work::Approvals => &["“中心”揭牌运行日期"],
            Work::Hotline => &[],
            Work::EGovernment => &["硬件投资金额、联网微机台数", "计算机应用培训期数"],
            Work::Streamline => &[],
            Work::Supervision => &["督查科人数、效能投诉监察中心人数", "两个“中心”挂牌日期"],
            Work::Information => &[],
        }
    }
}

/// One line of work in the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    pub work: Work,
    pub heading: String,
    pub paragraphs: Vec<Prose>,
    /// The report's blanks that no module records.
    pub not_recorded: Vec<String>,
}

/// What `GET /api/office/report` answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    pub range: Range,
    /// The months the meetings and documents are compared over.
    pub streamline_period: Period,
    pub title: String,
    pub sections: Vec<Section>,
}

/// The member units the hotline reaches (active townships and county
/// departments).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MemberUnits {
    pub townships: u64,
    pub departments: u64,
}

/// Each line of work's figures for the report's period, read by the Worker.
pub struct Inputs {
    pub county: String,
    pub hotline_phone: String,
    pub centre: CentreStats,
    pub members: MemberUnits,
    pub hotline: Prose,
    pub e_government: Prose,
    pub streamline: Dashboard,
    pub supervision: Prose,
    pub complaints: Prose,
    pub information: Prose,
}

/// The months of the year `range` ends in that it covers: meetings and
/// documents are counted by month against the same months last year.
pub fn streamline_period(range: Range) -> Period {
    let (year, to_month, _) = range.to.ymd();
    let from_month = if range.from.year() == year { range.from.ymd().1 } else { 1 };
    Period { year, from_month, to_month }
}

/// The report for `range` from each line of work's figures.
pub fn compose(range: Range, i: Inputs) -> Report {
    let centre = Prose::new()
        .text(&format!("{}至{}，“中心”共", range.from.zh_full(), range.to.zh_full()))
        .then(i.centre.summary())
        .then(rates_sentence(&i.centre));
    let members = Prose::new()
        .text("我县")
        .figure(i.members.townships, Records::Units)
        .text("处乡镇（街道）、")
        .figure(i.members.departments, Records::Units)
        .text("个县直部门为政府网络成员单位。");
    let phone = if i.hotline_phone.is_empty() { String::new() } else { format!("“{}”", i.hotline_phone) };
    let hotline = Prose::new().text(&format!("{phone}县长公开电话开通以来，")).then(members).then(i.hotline);
    let sections = vec![
        section(Work::Approvals, vec![i.centre.establishment_prose(), centre]),
        section(Work::Hotline, vec![hotline]),
        section(Work::EGovernment, vec![i.e_government]),
        section(Work::Streamline, vec![i.streamline.summary()]),
        section(Work::Supervision, vec![i.supervision, i.complaints]),
        section(Work::Information, vec![i.information]),
    ];
    Report {
        range,
        streamline_period: i.streamline.period,
        title: format!("{}政府办公室工作情况（{}至{}）", i.county, range.from.zh_full(), range.to.zh_full()),
        sections,
    }
}

/// "承诺件按时办结率N%，好差评满意率N%。" for the rates that have a denominator.
fn rates_sentence(c: &CentreStats) -> Prose {
    let rates = [("承诺件按时办结率", c.on_time_rate), ("好差评满意率", c.satisfaction_rate)];
    let mut p = Prose::new();
    for (i, (name, value)) in rates.into_iter().filter_map(|(n, v)| v.map(|v| (n, v))).enumerate() {
        p = p.text(if i == 0 { "" } else { "，" }).text(name).figure(format!("{value}%"), Records::CentreStatistics);
    }
    if p.0.is_empty() {
        p
    } else {
        p.text("。")
    }
}

fn section(work: Work, paragraphs: Vec<Prose>) -> Section {
    Section { work, heading: work.heading().into(), paragraphs, not_recorded: work.not_recorded().iter().map(|s| s.to_string()).collect() }
}

#[cfg(test)]
mod tests;
