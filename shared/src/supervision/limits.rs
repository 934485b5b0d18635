//! Default limits (DOMAIN §6): when the office gives a task no deadline,
//! its limit comes from the item's source and priority. The office keeps
//! the table (`supervision_limit`); these are the values a county starts
//! with: documents 30 working days, meeting minutes 20, leaders'
//! instructions 1 (特急), 5 (急) or 15 (一般), and 30 for a difficult one.

use super::{Priority, Source};
use crate::error::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// The longest limit anyone may set (a task longer than that gets
/// milestones and a follow-up, not one distant deadline).
pub const MAX_DAYS: u32 = 250;
/// A difficult item's limit (疑难事项).
pub const DIFFICULT_DAYS: u32 = 30;
/// Working days of warning before a deadline (the yellow 催办单).
pub const YELLOW_DAYS: u32 = 2;

/// One line of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LimitRow {
    pub source: Source,
    pub priority: Priority,
    pub working_days: u32,
}

/// The whole table, as the API answers and the office saves it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LimitTable {
    pub rows: Vec<LimitRow>,
}

/// The county's starting value for one source and priority.
pub fn default_days(source: Source, priority: Priority) -> u32 {
    use Source::*;
    let base = match source {
        LeaderInstruction => {
            return match priority {
                Priority::Critical => 1,
                Priority::Urgent => 5,
                Priority::Normal => 15,
            }
        }
        HigherOffice | DeputySuggestion | CppccProposal => 30,
        PeopleCongress | EconomicConference | ExecutiveMeeting | HeadOfficeMeeting => 20,
        Media => 10,
        HotlineHotspot => 15,
        NegativeReview => 10,
    };
    match priority {
        Priority::Critical => base.min(3),
        Priority::Urgent => base.min(10),
        Priority::Normal => base,
    }
}

impl LimitTable {
    /// Every source and priority with its starting value.
    pub fn defaults() -> LimitTable {
        let rows = Source::ALL
            .iter()
            .flat_map(|s| Priority::ALL.iter().map(move |p| LimitRow { source: *s, priority: *p, working_days: default_days(*s, *p) }))
            .collect();
        LimitTable { rows }
    }

    /// The days for `source` and `priority` (the default if the office's
    /// table lacks the line); a difficult item gets at least 30.
    pub fn days(&self, source: Source, priority: Priority, difficult: bool) -> u32 {
        let days = self
            .rows
            .iter()
            .find(|r| r.source == source && r.priority == priority)
            .map(|r| r.working_days)
            .unwrap_or_else(|| default_days(source, priority));
        if difficult {
            days.max(DIFFICULT_DAYS)
        } else {
            days
        }
    }

    /// Every line present once, each between 1 and [`MAX_DAYS`].
    pub fn validate(&self) -> Result<(), ApiError> {
        for (i, r) in self.rows.iter().enumerate() {
            if !(1..=MAX_DAYS).contains(&r.working_days) {
                return Err(ApiError::new(
                    ErrorCode::InvalidParameter,
                    format!("{}（{}）的时限应为1到{MAX_DAYS}个工作日", r.source.zh(), r.priority.zh()),
                ));
            }
            if self.rows[..i].iter().any(|o| o.source == r.source && o.priority == r.priority) {
                return Err(ApiError::new(ErrorCode::InvalidParameter, format!("{}（{}）重复出现", r.source.zh(), r.priority.zh())));
            }
        }
        Ok(())
    }
}
