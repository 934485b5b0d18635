//! The demo items: what a county office registers in a year.

use shared::supervision::{Priority, Source};

/// An item and its tasks: (requirement, lead unit, assisting units).
pub struct DemoItem {
    pub source: Source,
    pub reference: &'static str,
    pub title: &'static str,
    pub instruction: &'static str,
    pub priority: Priority,
    pub leader: &'static str,
    pub tasks: &'static [(&'static str, i64, &'static [i64])],
}

const fn item(
    source: Source,
    reference: &'static str,
    title: &'static str,
    instruction: &'static str,
    priority: Priority,
    leader: &'static str,
    tasks: &'static [(&'static str, i64, &'static [i64])],
) -> DemoItem {
    DemoItem { source, reference, title, instruction, priority, leader, tasks }
}

use Priority::*;
use Source::*;

pub const ITEMS: [DemoItem; 12] = [
    item(
        PeopleCongress,
        "县十八届人大三次会议政府工作报告",
        "城区老旧小区改造",
        "年内完成12个老旧小区改造，惠及居民3000户。",
        Normal,
        "张县长",
        &[("制定年度改造计划并完成招投标", 4, &[12]), ("完成小区管网和道路改造", 4, &[12, 9])],
    ),
    item(
        EconomicConference,
        "全县经济工作会议",
        "优化营商环境“一件事一次办”",
        "梳理高频事项，推行一件事一次办，办理时间压缩一半。",
        Urgent,
        "李副县长",
        &[("梳理高频事项清单并公布", 1, &[2, 7]), ("上线一件事一次办专区", 1, &[])],
    ),
    item(
        ExecutiveMeeting,
        "县政府第18次常务会议纪要",
        "农村饮水安全巩固提升",
        "汛前完成山区村集中供水工程维修养护。",
        Urgent,
        "王副县长",
        &[("完成13个村供水工程维修", 13, &[9]), ("开展水质检测并公示", 5, &[])],
    ),
    item(
        HeadOfficeMeeting,
        "县长办公会议纪要〔2026〕5号",
        "城区停车难问题整治",
        "住建局牵头，一个月内拿出整治方案，新增公共停车位500个。",
        Normal,
        "张县长",
        &[("拿出城区停车整治方案", 4, &[2, 12]), ("新增公共停车泊位", 12, &[4])],
    ),
    item(
        LeaderInstruction,
        "张县长2026年3月2日批示",
        "河口镇集市占道经营问题",
        "请河口镇会同市场监管局限期整改，结果报我。",
        Critical,
        "张县长",
        &[("清理占道经营并建立长效机制", 13, &[1])],
    ),
    item(
        HigherOffice,
        "市政府办公室交办函〔2026〕17号",
        "安全生产大排查大整治",
        "对全县道路运输、建筑施工领域开展排查整治。",
        Urgent,
        "李副县长",
        &[("道路运输领域排查整治", 6, &[2]), ("建筑施工领域排查整治", 4, &[])],
    ),
    item(
        DeputySuggestion,
        "县人大代表建议第23号",
        "增设城关镇公交线路",
        "建议增设城关镇至青山乡公交线路，方便群众出行。",
        Normal,
        "王副县长",
        &[("论证并开通城乡公交线路", 6, &[12, 14])],
    ),
    item(
        CppccProposal,
        "县政协提案第41号",
        "加强农村养老服务",
        "建设农村互助幸福院，解决留守老人养老问题。",
        Normal,
        "赵副县长",
        &[("建设农村互助幸福院5所", 8, &[14, 15])],
    ),
    item(
        Media,
        "市电视台《问政》栏目2026年4月报道",
        "东城街道垃圾清运不及时",
        "媒体曝光东城街道部分小区垃圾清运不及时，立即整改。",
        Critical,
        "张县长",
        &[("整改垃圾清运并建立日清机制", 15, &[4])],
    ),
    item(
        LeaderInstruction,
        "李副县长2026年6月批示",
        "企业开办全程网办",
        "企业开办压缩到1个工作日内，全程网上办理。",
        Urgent,
        "李副县长",
        &[("实现企业开办全程网办", 1, &[10, 2])],
    ),
    item(
        HeadOfficeMeeting,
        "县长办公会议纪要〔2026〕11号",
        "中小学校园周边交通安全",
        "开学前完成校园周边交通设施完善。",
        Urgent,
        "赵副县长",
        &[("完善校园周边交通标志标线", 2, &[11]), ("设置护学岗", 11, &[2])],
    ),
    item(
        ExecutiveMeeting,
        "县政府第25次常务会议纪要",
        "冬季清洁取暖改造",
        "年底前完成2000户清洁取暖改造。",
        Normal,
        "王副县长",
        &[("完成清洁取暖改造2000户", 9, &[12, 13, 14])],
    ),
];
