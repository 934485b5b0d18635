//! What may happen to a task, and by whom (DOMAIN §6). The Worker works out
//! the person's side (the office, the lead unit, an assisting unit) and the
//! task's situation, then asks `check`; the page shows what `available`
//! says is open.

use super::TaskState;
use crate::engine::case_action::ExtensionState;
use crate::engine::date::{days_in_month, Date};
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// The most working days one extension may add.
pub const MAX_EXTENSION_DAYS: u32 = 60;

/// What staff do with a task.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum TaskAction {
    /// A unit's progress report; `milestone` marks a planned checkpoint
    /// (its index) reached. After the report day it gives its reason.
    Progress {
        text: String,
        #[serde(default)]
        milestone: Option<usize>,
        #[serde(default)]
        late_reason: String,
    },
    /// An assisting unit's contribution to the lead's final report.
    Contribute {
        text: String,
    },
    /// The lead unit's final report: the one answer for all units. After
    /// the deadline it states why it is late.
    Report {
        text: String,
        #[serde(default)]
        late_reason: String,
    },
    /// The lead unit asks for more time, before the deadline, once.
    RequestExtension {
        days: u32,
        reason: String,
    },
    DecideExtension {
        approve: bool,
        reason: String,
    },
    /// The office checks the result: passed, or sent back to redo (with a
    /// new deadline if the old one is too close).
    Check {
        pass: bool,
        reason: String,
        #[serde(default)]
        redo_by: Option<Date>,
    },
    /// The office reports the result to the instructing leader.
    ReportToLeader {
        note: String,
    },
    /// No further instruction: struck off (销号).
    StrikeOff {
        note: String,
    },
    /// The leader instructed more: this task is struck off and a
    /// follow-up task, linked to it, goes to the same units.
    FollowUp {
        instruction: String,
        due: Date,
    },
}

impl TaskAction {
    pub fn name(&self) -> &'static str {
        match self {
            TaskAction::Progress { .. } => "progress",
            TaskAction::Contribute { .. } => "contribute",
            TaskAction::Report { .. } => "report",
            TaskAction::RequestExtension { .. } => "request_extension",
            TaskAction::DecideExtension { .. } => "decide_extension",
            TaskAction::Check { .. } => "check",
            TaskAction::ReportToLeader { .. } => "report_to_leader",
            TaskAction::StrikeOff { .. } => "strike_off",
            TaskAction::FollowUp { .. } => "follow_up",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskActionRequest {
    pub version: i64,
    #[serde(flatten)]
    pub action: TaskAction,
}

/// Which side of a task the person acting is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Office,
    Lead,
    Assist,
}

/// The task as it stands, for the checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Situation {
    pub state: TaskState,
    pub extension: ExtensionState,
    /// Past the deadline today.
    pub overdue: bool,
    /// Past the progress report day without a report.
    pub report_late: bool,
    pub milestones: usize,
    pub today: Date,
}

fn conflict(state: TaskState, why: &str) -> ApiError {
    ApiError { current_state: Some(state.as_str().to_string()), ..ApiError::new(ErrorCode::Conflict, why) }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Whether `side` may take `action` on a task in situation `s`: a
/// `forbidden` for the wrong side, a `conflict` for the wrong moment, an
/// `invalid_parameter` for what is missing.
pub fn check(side: Side, s: &Situation, action: &TaskAction) -> Result<(), ApiError> {
    use TaskAction::*;
    let forbidden = |m: &str| Err(ApiError::new(ErrorCode::Forbidden, m));
    let not_now = |m: &str| Err(conflict(s.state, m));
    let bad = |m: &str| Err(ApiError::new(ErrorCode::InvalidParameter, m));
    let open = s.state == TaskState::InProgress;
    match action {
        Progress { .. } if side == Side::Office => forbidden("进度由承办单位报送"),
        Contribute { .. } if side != Side::Assist => forbidden("只有配合单位提交配合意见"),
        Report { .. } | RequestExtension { .. } if side != Side::Lead => forbidden("只有牵头单位可以报送办理结果或申请延期"),
        DecideExtension { .. } | Check { .. } | ReportToLeader { .. } | StrikeOff { .. } | FollowUp { .. } if side != Side::Office => {
            forbidden("只有县府办督查室可以审核、呈报和销号")
        }
        Progress { .. } | Contribute { .. } | Report { .. } if !open => not_now("该任务不在办理中"),
        Progress { text, .. } if blank(text) => bad("请填写工作进展"),
        Progress { milestone: Some(i), .. } if *i >= s.milestones => bad("没有这个进度节点"),
        Progress { late_reason, .. } if s.report_late && side == Side::Lead && blank(late_reason) => bad("已过报送日期，请说明迟报原因"),
        Contribute { text } if blank(text) => bad("请填写配合意见"),
        Report { text, .. } if blank(text) => bad("请填写办理结果"),
        Report { late_reason, .. } if s.overdue && blank(late_reason) => bad("已超过办结时限，请说明逾期原因"),
        RequestExtension { .. } if !open => not_now("办理中的任务才能申请延期"),
        RequestExtension { .. } if s.extension != ExtensionState::None => not_now("每项任务只能申请一次延期"),
        RequestExtension { .. } if s.overdue => not_now("已超过办结时限，不能再申请延期，请尽快办理并说明逾期原因"),
        RequestExtension { days, .. } if !(1..=MAX_EXTENSION_DAYS).contains(days) => bad("延长的工作日应为1到60天"),
        RequestExtension { reason, .. } if blank(reason) => bad("请写明延期理由"),
        DecideExtension { .. } if s.extension != ExtensionState::Pending => not_now("没有待审批的延期申请"),
        DecideExtension { .. } if !open => not_now("任务已报送结果，延期申请不再需要审批"),
        DecideExtension { approve: false, reason } if blank(reason) => bad("不同意延期请写明理由"),
        Check { .. } if s.state != TaskState::Reported => not_now("没有待审核的办理结果"),
        Check { pass: false, reason, .. } if blank(reason) => bad("退回重办请写明理由"),
        Check { pass: false, redo_by: Some(d), .. } if *d <= s.today => bad("重办时限应晚于今天"),
        ReportToLeader { .. } if s.state != TaskState::Passed => not_now("审核通过后才能呈报领导"),
        ReportToLeader { note } if blank(note) => bad("请填写呈报情况"),
        StrikeOff { .. } | FollowUp { .. } if s.state != TaskState::WithLeader => not_now("审核通过并呈报领导后才能销号"),
        FollowUp { instruction, .. } if blank(instruction) => bad("请填写领导的新批示"),
        FollowUp { due, .. } if *due <= s.today => bad("后续任务的时限应晚于今天"),
        _ => Ok(()),
    }
}

/// The actions open to `side` now (the page shows only these): refused
/// only for the wrong side or moment, not for what is yet to be filled in.
pub fn available(side: Side, s: &Situation) -> Vec<&'static str> {
    let later = s.today.add_days(30);
    let samples = [
        TaskAction::Progress { text: "x".into(), milestone: None, late_reason: "x".into() },
        TaskAction::Contribute { text: "x".into() },
        TaskAction::Report { text: "x".into(), late_reason: "x".into() },
        TaskAction::RequestExtension { days: 1, reason: "x".into() },
        TaskAction::DecideExtension { approve: true, reason: "x".into() },
        TaskAction::Check { pass: true, reason: "x".into(), redo_by: None },
        TaskAction::ReportToLeader { note: "x".into() },
        TaskAction::StrikeOff { note: "x".into() },
        TaskAction::FollowUp { instruction: "x".into(), due: later },
    ];
    samples.iter().filter(|a| check(side, s, a).is_ok()).map(|a| a.name()).collect()
}

/// The first monthly report day (`day` of a month) after `after`: a task
/// assigned on the 3rd with reports by the 5th reports first on the 5th of
/// the next month, so a unit always has most of a month.
pub fn next_report_due(after: Date, day: u32) -> Date {
    let (mut y, mut m, _) = after.ymd();
    loop {
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
        let d = Date::from_ymd(y, m, day.min(days_in_month(y, m))).unwrap_or(after);
        if after.days_until(d) >= 7 {
            return d;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TaskAction::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn at(state: TaskState) -> Situation {
        Situation { state, extension: ExtensionState::None, overdue: false, report_late: false, milestones: 2, today: d("2026-03-02") }
    }

    #[test]
    fn each_side_has_its_actions_in_each_state() {
        use TaskState::*;
        let open = at(InProgress);
        assert_eq!(available(Side::Lead, &open), ["progress", "report", "request_extension"]);
        assert_eq!(available(Side::Assist, &open), ["progress", "contribute"]);
        assert_eq!(available(Side::Office, &open), Vec::<&str>::new());
        assert_eq!(available(Side::Office, &at(Reported)), ["check"]);
        assert_eq!(available(Side::Office, &at(Passed)), ["report_to_leader"]);
        assert_eq!(available(Side::Office, &at(WithLeader)), ["strike_off", "follow_up"]);
        for state in [Reported, Passed, WithLeader, Closed] {
            assert!(available(Side::Lead, &at(state)).is_empty(), "{state:?}");
            assert!(available(Side::Assist, &at(state)).is_empty(), "{state:?}");
        }
        assert!(available(Side::Office, &at(Closed)).is_empty());
        let pending = Situation { extension: ExtensionState::Pending, ..open };
        assert_eq!(available(Side::Office, &pending), ["decide_extension"]);
        assert_eq!(available(Side::Lead, &pending), ["progress", "report"]);
        let reported_meanwhile = Situation { state: Reported, ..pending };
        assert_eq!(available(Side::Office, &reported_meanwhile), ["check"], "a report settles the extension request");
    }

    #[test]
    fn striking_off_needs_the_check_and_the_leader() {
        let strike = StrikeOff { note: "无新批示".into() };
        for state in [TaskState::InProgress, TaskState::Reported, TaskState::Passed] {
            assert_eq!(check(Side::Office, &at(state), &strike).unwrap_err().code, ErrorCode::Conflict, "{state:?}");
        }
        assert!(check(Side::Office, &at(TaskState::WithLeader), &strike).is_ok());
        assert_eq!(check(Side::Lead, &at(TaskState::WithLeader), &strike).unwrap_err().code, ErrorCode::Forbidden);
    }

    #[test]
    fn late_reports_give_their_reason() {
        let overdue = Situation { overdue: true, ..at(TaskState::InProgress) };
        let report = |why: &str| Report { text: "已完成".into(), late_reason: why.into() };
        assert_eq!(check(Side::Lead, &overdue, &report("")).unwrap_err().code, ErrorCode::InvalidParameter);
        assert!(check(Side::Lead, &overdue, &report("征地协调耗时")).is_ok());
        assert!(check(Side::Lead, &at(TaskState::InProgress), &report("")).is_ok());
        let late = Situation { report_late: true, ..at(TaskState::InProgress) };
        let progress = |why: &str| Progress { text: "推进中".into(), milestone: None, late_reason: why.into() };
        assert!(check(Side::Lead, &late, &progress("")).is_err());
        assert!(check(Side::Lead, &late, &progress("人员调整")).is_ok());
        assert!(check(Side::Assist, &late, &progress("")).is_ok(), "the schedule binds the lead unit");
        let bad_milestone = Progress { text: "x".into(), milestone: Some(2), late_reason: String::new() };
        assert!(check(Side::Lead, &at(TaskState::InProgress), &bad_milestone).is_err());
    }

    #[test]
    fn one_extension_before_expiry() {
        let ask = RequestExtension { days: 10, reason: "需上级批复".into() };
        let open = at(TaskState::InProgress);
        assert!(check(Side::Lead, &open, &ask).is_ok());
        let overdue = Situation { overdue: true, ..open };
        assert_eq!(check(Side::Lead, &overdue, &ask).unwrap_err().code, ErrorCode::Conflict);
        for e in [ExtensionState::Pending, ExtensionState::Approved, ExtensionState::Refused] {
            assert!(check(Side::Lead, &Situation { extension: e, ..open }, &ask).is_err());
        }
        assert!(check(Side::Lead, &open, &RequestExtension { days: 0, reason: "x".into() }).is_err());
        assert!(check(Side::Lead, &open, &RequestExtension { days: 61, reason: "x".into() }).is_err());
        assert_eq!(check(Side::Assist, &open, &ask).unwrap_err().code, ErrorCode::Forbidden);
    }

    #[test]
    fn sending_back_needs_a_reason_and_a_later_date() {
        let s = at(TaskState::Reported);
        assert!(check(Side::Office, &s, &Check { pass: false, reason: " ".into(), redo_by: None }).is_err());
        assert!(check(Side::Office, &s, &Check { pass: false, reason: "数据不全".into(), redo_by: Some(d("2026-03-02")) }).is_err());
        assert!(check(Side::Office, &s, &Check { pass: false, reason: "数据不全".into(), redo_by: Some(d("2026-03-09")) }).is_ok());
        assert!(check(Side::Office, &s, &Check { pass: true, reason: String::new(), redo_by: None }).is_ok());
    }

    #[test]
    fn report_days_fall_in_the_next_month_at_least_a_week_on() {
        assert_eq!(next_report_due(d("2026-03-03"), 5), d("2026-04-05"));
        assert_eq!(next_report_due(d("2026-03-28"), 5), d("2026-04-05"));
        assert_eq!(next_report_due(d("2026-03-30"), 5), d("2026-05-05"), "not a report due within a week");
        assert_eq!(next_report_due(d("2026-12-10"), 5), d("2027-01-05"));
        assert_eq!(next_report_due(d("2026-01-31"), 28), d("2026-02-28"));
        assert_eq!(next_report_due(d("2026-04-05"), 5), d("2026-05-05"), "a report on the day moves to the next month");
    }
}
