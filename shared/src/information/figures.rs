//! Information's figures (DOMAIN §7): counters kept per day and unit in the
//! same batch as each event (unit 0 is the county), and the report's
//! sentence: "编发《政务信息》N期、专报N期、增刊N期，刊用信息近N条，被上级机关采用N条次；形成调研报告N篇，
//! 进入领导决策N篇；编发《工作研究》N期，刊发文章N篇。"

use super::{IssueKind, Level};
use crate::engine::period::Range;
use crate::prose::{Prose, Records};
use serde::{Deserialize, Serialize};

tally! {
    struct InfoTally;
    /// Items submitted (resubmissions not counted again).
    submitted: "报送信息",
    /// Items adopted into a county issue.
    adopted: "县级采用",
    /// Adoptions taken back (un-adopted).
    withdrawn: "撤销采用",
    returned: "退回修改",
    declined: "不予采用",
    /// Issues of 《政务信息》 (county only).
    bulletins: "《政务信息》期数",
    specials: "专报期数",
    supplements: "增刊期数",
    forwarded: "转报",
    /// Adoptions by a higher level (条次).
    higher: "上级采用条次",
    instructions: "领导批示",
    /// Research reports, those that reached a leader's decision, issues of
    /// 《工作研究》 and their articles (kept by the research part).
    research: "调研报告",
    decisions: "进入领导决策",
    studies: "《工作研究》期数",
    articles: "刊发文章",
}

/// Counters an event adds to.
pub type Increments = Vec<(Counter, u64)>;

pub fn on_issue(kind: IssueKind) -> Increments {
    match kind {
        IssueKind::Bulletin => vec![(Counter::bulletins, 1)],
        IssueKind::Special => vec![(Counter::specials, 1)],
        IssueKind::Supplement => vec![(Counter::supplements, 1)],
    }
}

pub fn on_higher(_level: Level) -> Increments {
    vec![(Counter::higher, 1)]
}

/// Items adopted and still in their issues.
pub fn net_adopted(t: &InfoTally) -> u64 {
    t.adopted.saturating_sub(t.withdrawn)
}

/// The report's sentence for the period.
pub fn summary(range: Range, t: &InfoTally) -> Prose {
    let (issues, items, research) = (Records::InfoIssues, Records::InfoItems, Records::InfoResearch);
    Prose::new()
        .text(&format!("{}至{}，编发《政务信息》", range.from.zh_full(), range.to.zh_full()))
        .figure(t.bulletins, issues)
        .text("期、专报")
        .figure(t.specials, issues)
        .text("期、增刊")
        .figure(t.supplements, issues)
        .text("期，刊用信息近")
        .figure(net_adopted(t), items)
        .text("条，被上级机关采用")
        .figure(t.higher, items)
        .text("条次；形成调研报告")
        .figure(t.research, research)
        .text("篇，进入领导决策")
        .figure(t.decisions, research)
        .text("篇；编发《工作研究》")
        .figure(t.studies, research)
        .text("期，刊发文章")
        .figure(t.articles, research)
        .text("篇。")
}

/// What `GET /api/information/figures` answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InfoFigures {
    pub range: Range,
    pub county: InfoTally,
    pub summary: String,
}
