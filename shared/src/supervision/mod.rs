//! Supervision (督查督办, DOMAIN.md §6): items registered from meetings,
//! leaders' instructions, higher offices, deputies' suggestions, the media
//! and the hotline's hot spots, decomposed into tasks for units, chased with
//! escalating slips, checked and struck off (销号). "件件有着落、事事有回音".
//!
//! - `limits`: the default limit of a task by source and priority (the
//!   office's configurable table);
//! - `forms`: registering an item, decomposing it into tasks, publications;
//! - `task`: a task's states, what each side may do when, report schedules;
//! - `escalation`: which slip the daily job issues for a task today;
//! - `views`: what staff see of items, tasks and slips;
//! - `figures`: counters per event, the dashboard and the report's sentence.

pub mod escalation;
pub mod figures;
pub mod forms;
pub mod limits;
pub mod task;
pub mod views;

named_enum! {
/// Where an item comes from (DOMAIN §6).
pub enum Source {
    /// 人代会 (the People's Congress session).
    PeopleCongress = "people_congress",
    /// 经济工作会.
    EconomicConference = "economic_conference",
    /// 政府常务会议.
    ExecutiveMeeting = "executive_meeting",
    /// 县长办公会议.
    HeadOfficeMeeting = "head_office_meeting",
    /// 领导批办件 (a leader's written instruction).
    LeaderInstruction = "leader_instruction",
    /// 上级交办件 (from a higher office, usually by document).
    HigherOffice = "higher_office",
    /// 人大代表建议.
    DeputySuggestion = "deputy_suggestion",
    /// 政协委员提案.
    CppccProposal = "cppcc_proposal",
    /// 媒体曝光.
    Media = "media",
    /// A hot spot found by the county head's hotline.
    HotlineHotspot = "hotline_hotspot",
    /// An upheld negative review (好差评) of an approval.
    NegativeReview = "negative_review",
}
}

impl Source {
    pub fn zh(self) -> &'static str {
        match self {
            Source::PeopleCongress => "人代会",
            Source::EconomicConference => "经济工作会",
            Source::ExecutiveMeeting => "政府常务会议",
            Source::HeadOfficeMeeting => "县长办公会议",
            Source::LeaderInstruction => "领导批办件",
            Source::HigherOffice => "上级交办件",
            Source::DeputySuggestion => "人大代表建议",
            Source::CppccProposal => "政协委员提案",
            Source::Media => "媒体曝光",
            Source::HotlineHotspot => "热线热点问题",
            Source::NegativeReview => "政务服务差评整改",
        }
    }

    /// What the source's reference is, for the form's label.
    pub fn reference_label(self) -> &'static str {
        match self {
            Source::PeopleCongress | Source::EconomicConference | Source::ExecutiveMeeting | Source::HeadOfficeMeeting => {
                "会议名称及纪要编号"
            }
            Source::LeaderInstruction => "批示领导及批示日期",
            Source::HigherOffice => "交办文件文号",
            Source::DeputySuggestion | Source::CppccProposal => "建议或提案编号",
            Source::Media => "媒体名称及报道日期",
            Source::HotlineHotspot => "热点（类别或地点）",
            Source::NegativeReview => "办件编号",
        }
    }
}

named_enum! {
/// 特急 / 急 / 一般.
pub enum Priority {
    Normal = "normal",
    Urgent = "urgent",
    Critical = "critical",
}
}

impl Priority {
    pub fn zh(self) -> &'static str {
        match self {
            Priority::Normal => "一般",
            Priority::Urgent => "急",
            Priority::Critical => "特急",
        }
    }
}

named_enum! {
/// Where an item is: registered and not yet decomposed, with tasks open,
/// or every task struck off.
pub enum ItemState {
    Registered = "registered",
    InProgress = "in_progress",
    Closed = "closed",
}
}

impl ItemState {
    pub fn zh(self) -> &'static str {
        match self {
            ItemState::Registered => "待分解",
            ItemState::InProgress => "督办中",
            ItemState::Closed => "已销号",
        }
    }
}

named_enum! {
/// Where a task is.
pub enum TaskState {
    /// Assigned (交办): the units are working on it.
    InProgress = "in_progress",
    /// The lead unit's final report awaits the office's check.
    Reported = "reported",
    /// The result passed the check; to be reported to the leader.
    Passed = "passed",
    /// Reported to the instructing leader; awaiting a further instruction
    /// or the strike-off.
    WithLeader = "with_leader",
    /// Struck off (销号).
    Closed = "closed",
}
}

impl TaskState {
    pub fn zh(self) -> &'static str {
        match self {
            TaskState::InProgress => "办理中",
            TaskState::Reported => "已报结果待审核",
            TaskState::Passed => "审核通过待呈报",
            TaskState::WithLeader => "已呈报领导",
            TaskState::Closed => "已销号",
        }
    }

    /// Still open for the figures and the inbox.
    pub fn is_open(self) -> bool {
        self != TaskState::Closed
    }
}

named_enum! {
/// A unit's part in a task.
pub enum TaskRole {
    /// 牵头单位: reports the one answer for all units.
    Lead = "lead",
    /// 配合单位.
    Assist = "assist",
}
}

named_enum! {
/// The escalating slips (督办单).
pub enum SlipKind {
    /// 交办单, at assignment.
    Assignment = "assignment",
    /// 催办单: the deadline is near, or the task is behind its schedule.
    Reminder = "reminder",
    /// 督办通知单: overdue.
    Notice = "notice",
}
}

impl SlipKind {
    pub fn zh(self) -> &'static str {
        match self {
            SlipKind::Assignment => "交办单",
            SlipKind::Reminder => "催办单",
            SlipKind::Notice => "督办通知单",
        }
    }

    /// The number's prefix: 督交〔2026〕3号.
    pub fn prefix(self) -> &'static str {
        match self {
            SlipKind::Assignment => "督交",
            SlipKind::Reminder => "督催",
            SlipKind::Notice => "督通",
        }
    }
}

named_enum! {
/// A slip's colour: blue behind schedule, yellow near the deadline, red
/// overdue; an assignment has none.
pub enum Colour {
    None = "none",
    Blue = "blue",
    Yellow = "yellow",
    Red = "red",
}
}

impl Colour {
    pub fn zh(self) -> &'static str {
        match self {
            Colour::None => "",
            Colour::Blue => "蓝色",
            Colour::Yellow => "黄色",
            Colour::Red => "红色",
        }
    }
}

named_enum! {
/// The office's publications on supervision.
pub enum PublicationKind {
    /// 《政务督查》, the regular issue.
    Bulletin = "bulletin",
    /// 督查专报, a special report to the leaders.
    Special = "special",
}
}

impl PublicationKind {
    pub fn zh(self) -> &'static str {
        match self {
            PublicationKind::Bulletin => "《政务督查》",
            PublicationKind::Special => "督查专报",
        }
    }
}

/// The slip's number: 督催〔2026〕12号.
pub fn slip_no(kind: SlipKind, year: i32, seq: i64) -> String {
    format!("{}〔{year}〕{seq}号", kind.prefix())
}

/// A publication's number: 《政务督查》2026年第3期.
pub fn publication_no(kind: PublicationKind, year: i32, seq: i64) -> String {
    format!("{}{year}年第{seq}期", kind.zh())
}

#[cfg(test)]
mod tests;
