//! The deadline ledger of a case (DOMAIN.md §2): acceptance date, committed
//! working days, pauses and extensions. The deadline is derived from it, with
//! the reasons it falls where it does, instead of being stored as one fixed
//! instant that nobody can explain.
//!
//! Counting: working days after the acceptance date count, except those in a
//! pause `[from, resumed)`: the pause's first day does not count, the resume
//! day does. So resuming on the day of pausing changes nothing, and a pause
//! never makes a deadline earlier.

use crate::engine::calendar::{Calendar, DayKind};
use crate::engine::date::Date;
use serde::{Deserialize, Serialize};

named_enum! {
/// Why the clock stopped (Administrative Licensing Law, art. 45).
pub enum PauseReason {
    Supplement = "supplement",
    Hearing = "hearing",
    Testing = "testing",
    ExpertReview = "expert_review",
    SiteSurvey = "site_survey",
}
}

impl PauseReason {
    pub fn zh(self) -> &'static str {
        match self {
            PauseReason::Supplement => "补正材料",
            PauseReason::Hearing => "听证",
            PauseReason::Testing => "检验检测",
            PauseReason::ExpertReview => "专家评审",
            PauseReason::SiteSurvey => "现场勘查",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Pause {
    pub reason: PauseReason,
    pub from: Date,
    /// `None` while still paused.
    pub resumed: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Extension {
    pub days: u32,
    pub approver: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ledger {
    pub accepted_on: Date,
    pub committed_days: u32,
    pub pauses: Vec<Pause>,
    pub extensions: Vec<Extension>,
}

/// Where a case stands against its deadline on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    OnTrack,
    /// At most the warning threshold of working days left (yellow card).
    Yellow,
    /// Past the deadline (red card).
    Red,
    /// The clock is stopped.
    Paused,
}

/// The derived deadline and its explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Derived {
    /// `None` while paused: the deadline depends on the resume date.
    pub deadline: Option<Date>,
    /// Working days the limit allows in all (committed + extensions).
    pub total_days: u32,
    /// Working days counted so far, up to and including `today`.
    pub used_days: u32,
    /// Working days left after `today` (negative once overdue).
    pub remaining_days: i64,
    pub standing: Standing,
    /// Plain-Chinese lines saying why the deadline is where it is.
    pub explanation: Vec<String>,
}

impl Derived {
    /// The countdown the applicant reads on the tracking page.
    pub fn countdown(&self) -> String {
        match self.deadline {
            Some(_) if self.remaining_days >= 0 => format!("剩余{}个工作日", self.remaining_days),
            Some(_) => "已超过承诺期限".to_string(),
            None => "暂停计时中".to_string(),
        }
    }
}

impl Ledger {
    fn paused_on(&self, d: Date) -> Option<&Pause> {
        self.pauses.iter().find(|p| d >= p.from && p.resumed.is_none_or(|r| d < r))
    }

    pub fn total_days(&self) -> u32 {
        self.committed_days + self.extensions.iter().map(|e| e.days).sum::<u32>()
    }

    /// Derives the deadline as of `today`; `yellow_at` is the warning
    /// threshold in working days (2 unless the matter says otherwise).
    pub fn derive(&self, calendar: &Calendar, today: Date, yellow_at: u32) -> Derived {
        let total = self.total_days();
        let counts = |d: Date| calendar.day_kind(d).is_working() && self.paused_on(d).is_none();
        let used_until = |end: Date| {
            let (mut d, mut n) = (self.accepted_on, 0u32);
            while d < end {
                d = d.next();
                n += counts(d) as u32;
            }
            n
        };
        let mut explanation = vec![format!("{}受理，受理当日不计；承诺{}个工作日", self.accepted_on.zh_full(), self.committed_days)];
        for e in &self.extensions {
            explanation.push(format!("+{}个工作日：延期（{}批准，理由：{}）", e.days, e.approver, e.reason));
        }

        if self.pauses.iter().any(|p| p.resumed.is_none()) {
            // Paused: the deadline depends on the resume date.
            let used = used_until(today).min(total);
            explanation.extend(self.pause_lines());
            explanation.push(format!("暂停计时中，恢复计时后还有{}个工作日", total - used));
            return Derived {
                deadline: None,
                total_days: total,
                used_days: used,
                remaining_days: (total - used) as i64,
                standing: Standing::Paused,
                explanation,
            };
        }

        // Walk to the deadline, noting every day passed over and why.
        let (mut day, mut counted) = (self.accepted_on, 0u32);
        let (mut holidays, mut weekends, mut paused) = (Vec::<(String, u32)>::new(), 0u32, 0u32);
        while counted < total {
            day = day.next();
            let kind = calendar.day_kind(day);
            if !kind.is_working() {
                match kind {
                    DayKind::Holiday(name) => match holidays.iter_mut().find(|(n, _)| n == name) {
                        Some((_, k)) => *k += 1,
                        None => holidays.push((name.to_string(), 1)),
                    },
                    _ => weekends += 1,
                }
            } else if self.paused_on(day).is_some() {
                paused += 1;
            } else {
                counted += 1;
            }
        }
        let deadline = day;
        for (name, k) in &holidays {
            explanation.push(format!("+{k}天：{name}假期"));
        }
        if weekends > 0 {
            explanation.push(format!("+{weekends}天：周末"));
        }
        explanation.extend(self.pause_lines());
        if paused > 0 {
            explanation.push(format!("+{paused}个工作日：暂停计时期间不计"));
        }
        explanation.push(format!("办结期限：{}24时前", deadline.zh_full()));
        let (remaining, standing) = standing(calendar, today, deadline, yellow_at);
        Derived {
            deadline: Some(deadline),
            total_days: total,
            used_days: used_until(today.min(deadline)),
            remaining_days: remaining,
            standing,
            explanation,
        }
    }

    fn pause_lines(&self) -> Vec<String> {
        self.pauses
            .iter()
            .map(|p| {
                let until = p.resumed.map(|r| format!("{}恢复", r.zh_month_day())).unwrap_or_else(|| "尚未恢复".into());
                format!("暂停计时：{}，{}起，{until}", p.reason.zh(), p.from.zh_month_day())
            })
            .collect()
    }
}

/// Where a case due on `deadline` stands on `today`, with the working days
/// left (negative once overdue): red after the deadline day, yellow with at
/// most `yellow_at` working days left. The one rule for the inbox, the daily
/// job, the overview and the derived ledger.
pub fn standing(calendar: &Calendar, today: Date, deadline: Date, yellow_at: u32) -> (i64, Standing) {
    let remaining = if deadline >= today {
        working_days_between(calendar, today, deadline) as i64
    } else {
        -(working_days_between(calendar, deadline, today) as i64)
    };
    let standing = if is_late(today, deadline) {
        Standing::Red
    } else if remaining <= yellow_at as i64 {
        Standing::Yellow
    } else {
        Standing::OnTrack
    };
    (remaining, standing)
}

/// Whether something done (or still undone) on `day` is late for a limit
/// that ends at the end of `deadline`: the one rule for completion,
/// rectification and red cards.
pub fn is_late(day: Date, deadline: Date) -> bool {
    day > deadline
}

/// Working days in `(from, to]`.
pub fn working_days_between(calendar: &Calendar, from: Date, to: Date) -> u32 {
    let (mut d, mut n) = (from, 0);
    while d < to {
        d = d.next();
        n += calendar.day_kind(d).is_working() as u32;
    }
    n
}

#[cfg(test)]
mod tests;
