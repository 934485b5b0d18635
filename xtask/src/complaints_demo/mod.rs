//! The demo county's efficiency complaints: a few dozen complaints and
//! consultations over the months to 20 November 2026 in every state, across
//! the demo units, with audit rows, the units complained about and the
//! counters the figures page reads. Generated from a fixed seed with the
//! rules the Worker applies (limits, increments), so the figures agree with
//! the complaints. Demo complaints have no usable query code.

use crate::sql::text;
use crate::streamline_demo::Rng;
use shared::complaints::complaint::{ACCEPT_LIMIT, EXTENDED_LIMIT, HANDLING_LIMIT};
use shared::complaints::figures::{
    on_accepted, on_answered, on_assigned, on_concluded, on_investigated, on_received, ComplaintTally, Counter, Increments,
};
use shared::complaints::{ComplaintKind, Finding, HandlingMode};
use shared::engine::calendar::{official::official_years, Calendar};
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::engine::period::keys_of;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Units complained about and handling (departments and townships of the demo county).
const UNITS: [i64; 8] = [1, 2, 3, 4, 5, 9, 12, 13];
const SUBJECTS: [&str; 8] = [
    "县市场监督管理局登记窗口",
    "县公安局户籍窗口",
    "县自然资源局",
    "县住房和城乡建设局审批窗口",
    "县卫生健康局",
    "市生态环境局县分局",
    "城关镇便民服务中心",
    "河口镇便民服务中心",
];
const CAUSES: [&str; 6] = [
    "办事要求重复提交材料",
    "工作时间窗口无人值守",
    "超过承诺时限未办结",
    "工作人员态度生硬",
    "推诿扯皮，让群众来回跑",
    "电话长期无人接听",
];

struct Counters(BTreeMap<(String, i64), ComplaintTally>);

impl Counters {
    fn add(&mut self, day: Date, units: &[i64], inc: &Increments) {
        for key in keys_of(day) {
            for u in std::iter::once(0).chain(units.iter().copied()) {
                let t = self.0.entry((key.clone(), u)).or_default();
                for (c, n) in inc {
                    t.set(*c, t.get(*c) + n);
                }
            }
        }
    }
}

fn at(day: Date, hour: u64, minute: u64) -> Instant {
    Instant::parse(&format!("{day}T{hour:02}:{minute:02}:00+08:00")).expect("instant")
}

pub fn sql(out: &mut String) {
    let calendar = Calendar::new(official_years());
    let mut rng = Rng(20_261_126);
    let mut counters = Counters(BTreeMap::new());
    let first = Date::parse("2026-06-01").expect("date");
    let last = Date::parse("2026-11-20").expect("date");
    let span = first.days_until(last) as u64 + 1;
    let mut days: Vec<Date> = (0..40).map(|_| first.add_days(rng.next(span) as i32)).collect();
    days.sort();
    for (n, day) in days.into_iter().enumerate() {
        let id = n as i64 + 1;
        let no = format!("XT{}{:08}", day.to_string().replace('-', ""), 10_000_000 + id);
        let received = at(day, 8 + rng.next(12), rng.next(60));
        let s = rng.next(UNITS.len() as u64) as usize;
        let cause = CAUSES[rng.next(CAUSES.len() as u64) as usize];
        let consultation = rng.next(6) == 0;
        let anonymous = !consultation && rng.next(5) == 0;
        let kind = if consultation { ComplaintKind::Consultation } else { ComplaintKind::Complaint };
        counters.add(day, &[], &on_received(kind));
        let recent = day.days_until(last) < 40;
        let mut c = Row::new(id, &no, received, ACCEPT_LIMIT.deadline(&calendar, received), kind, anonymous, s, cause);
        let decided = received.plus_hours(20);
        if consultation {
            if !recent {
                c.set(&format!(
                    "state = 'closed', close_reason = 'answered', decision = '已电话答复办理流程和所需材料。', closed_at = '{decided}'"
                ));
                c.event(decided, "周明", "咨询已答复", true);
                counters.add(decided.date(), &[], &on_answered());
            }
            c.write(out);
            continue;
        }
        let fate = if recent { rng.next(4) } else { 4 + rng.next(8) };
        match fate {
            0 => {} // awaiting the acceptance decision
            4 => {
                c.set(&format!("state = 'closed', close_reason = 'not_accepted', decision = '所反映问题属于民事纠纷，不属于效能投诉受理范围。', closed_at = '{decided}'"));
                c.event(decided, "周明", "不予受理：不属于效能投诉受理范围", true);
                counters.add(decided.date(), &[], &vec![(Counter::not_accepted, 1)]);
            }
            5 => {
                c.set(&format!("state = 'closed', close_reason = 'transferred_out', decision = '已转送县纪委监委处理：反映公职人员违纪问题', closed_at = '{decided}'"));
                c.event(decided, "周明", "已转送县纪委监委处理", true);
                counters.add(decided.date(), &[], &vec![(Counter::transferred_out, 1)]);
            }
            _ => {
                let mode =
                    [HandlingMode::Assigned, HandlingMode::Assigned, HandlingMode::Office, HandlingMode::Transferred][rng.next(4) as usize];
                let unit = mode.has_unit().then_some(UNITS[s]);
                let deadline = HANDLING_LIMIT.deadline(&calendar, decided);
                c.set(&format!(
                    "state = 'handling', mode = '{}', unit_id = {}, instruction = '请调查核实', started_at = '{decided}', deadline = '{deadline}'",
                    mode.as_str(),
                    unit.map(|u| u.to_string()).unwrap_or_else(|| "NULL".into())
                ));
                c.event(decided, "周明", &format!("受理，{}", mode.zh()), true);
                counters.add(decided.date(), &[], &on_accepted());
                if let Some(u) = unit {
                    counters.add(decided.date(), &[u], &on_assigned());
                }
                handled(&mut c, fate, unit, decided, &calendar, &mut counters, &mut rng);
            }
        }
        c.write(out);
    }
    for ((key, unit), t) in counters.0 {
        let columns: Vec<&str> = Counter::ALL.iter().map(|c| c.column()).collect();
        let values: Vec<String> = Counter::ALL.iter().map(|c| t.get(*c).to_string()).collect();
        writeln!(
            out,
            "INSERT OR IGNORE INTO complaint_tally (key, unit_id, {}) VALUES ('{key}', {unit}, {});",
            columns.join(", "),
            values.join(", ")
        )
        .expect("write");
    }
}

/// An accepted complaint from handling on: investigated, concluded, called back.
fn handled(c: &mut Row<'_>, fate: u64, unit: Option<i64>, start: Instant, calendar: &Calendar, counters: &mut Counters, rng: &mut Rng) {
    if fate == 1 || fate == 6 {
        if rng.next(2) == 0 {
            c.set("extension = 'pending', extension_reason = '需约谈多名当事人并调取监控'");
        }
        return;
    }
    let subject = UNITS[c.subject];
    let finding = [Finding::True, Finding::PartlyTrue, Finding::Untrue][rng.next(3) as usize];
    let investigated = start.plus_hours(24 * (3 + rng.next(48)) as u32);
    let extended = rng.next(8) == 0;
    let deadline = if extended { EXTENDED_LIMIT.deadline(calendar, start) } else { HANDLING_LIMIT.deadline(calendar, start) };
    if extended {
        c.set(&format!("extension = 'approved', extension_reason = '案情复杂，需进一步核查', deadline = '{deadline}'"));
        counters.add(start.date(), &unit.into_iter().collect::<Vec<_>>(), &vec![(Counter::extended, 1)]);
    }
    c.set(&format!(
        "state = 'investigated', finding = '{}', people = '窗口工作人员', facts = '经调查核实，{}。', investigated_at = '{investigated}'",
        finding.as_str(),
        if finding.upheld() { "反映问题基本属实，已责令整改" } else { "未发现反映的问题" }
    ));
    c.subjects.push(subject);
    c.event(investigated, "承办人", &format!("调查结论：{}", finding.zh()), false);
    counters.add(investigated.date(), &[subject], &on_investigated(finding));
    if fate == 2 || fate == 7 {
        return;
    }
    if finding.upheld() {
        let sanction = ["criticism", "written_self_criticism", "circular_criticism", "rectification"][rng.next(4) as usize];
        let reward = rng.next(4) == 0;
        c.set(&format!("notice = 'fault', sanction = '{sanction}', reward = {}, held = 1", reward as u8));
        if reward {
            counters.add(investigated.date(), &[], &vec![(Counter::rewarded, 1)]);
        }
    }
    let concluded = investigated.plus_hours(48);
    let on_time = concluded <= deadline;
    c.set(&format!(
        "result = '经调查，{}。感谢您对机关效能建设的监督。', concluded_at = '{concluded}', concluded_late = {}",
        if finding.upheld() {
            "已责令责任单位整改并追究相关人员责任"
        } else {
            "反映问题不属实，已向您说明情况"
        },
        (!on_time) as u8
    ));
    c.event(concluded, "周明", "办结", !c.anonymous);
    counters.add(concluded.date(), &unit.into_iter().collect::<Vec<_>>(), &on_concluded(on_time));
    if c.anonymous {
        c.set(&format!("state = 'closed', close_reason = 'concluded', closed_at = '{concluded}'"));
    } else if fate == 3 || fate == 8 {
        c.set("state = 'replied'");
    } else {
        let called = concluded.plus_hours(48);
        let reason = if rng.next(6) == 0 { "not_visited" } else { "satisfied" };
        let result = if reason == "satisfied" { "satisfied" } else { "unreachable" };
        c.set(&format!("state = 'closed', close_reason = '{reason}', last_callback = '{result}', closed_at = '{called}'"));
        c.event(called, "周明", "回访", true);
    }
}

struct Row<'a> {
    id: i64,
    no: &'a str,
    received: Instant,
    accept_by: Instant,
    kind: ComplaintKind,
    anonymous: bool,
    subject: usize,
    cause: &'a str,
    sets: Vec<String>,
    subjects: Vec<i64>,
    events: Vec<(Instant, String, String, bool)>,
}

impl<'a> Row<'a> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        id: i64,
        no: &'a str,
        received: Instant,
        accept_by: Instant,
        kind: ComplaintKind,
        anonymous: bool,
        subject: usize,
        cause: &'a str,
    ) -> Row<'a> {
        Row { id, no, received, accept_by, kind, anonymous, subject, cause, sets: Vec::new(), subjects: Vec::new(), events: Vec::new() }
    }

    fn set(&mut self, s: &str) {
        self.sets.push(s.to_string());
    }

    fn event(&mut self, at: Instant, actor: &str, note: &str, public: bool) {
        self.events.push((at, actor.to_string(), note.to_string(), public));
    }

    fn write(&self, out: &mut String) {
        let (name, phone, code) = if self.anonymous {
            (String::new(), String::new(), "NULL".to_string())
        } else {
            (
                format!("{}女士", ["赵", "钱", "孙", "李", "周"][self.id as usize % 5]),
                format!("139{:08}", 10_000_000 + self.id * 7919 % 89_999_999),
                "'demo'".into(),
            )
        };
        let timeline: Vec<String> = std::iter::once(format!("{{\"at\":\"{}\",\"note\":\"已收到\"}}", self.received))
            .chain(self.events.iter().filter(|e| e.3).map(|e| format!("{{\"at\":\"{}\",\"note\":\"{}\"}}", e.0, e.2)))
            .collect();
        let channel = ["web", "phone", "letter", "visit"][self.id as usize % 4];
        writeln!(
            out,
            "INSERT OR IGNORE INTO complaint (id, complaint_no, code_check, channel, kind, anonymous, name, phone, subject, cause, course, received_at, received_on, accept_by, state, public_timeline, last_change) \
             VALUES ({}, '{}', {code}, '{channel}', '{}', {}, {}, {}, {}, {}, {}, '{}', '{}', '{}', 'received', {}, 'demo');",
            self.id, self.no, self.kind.as_str(), self.anonymous as u8, text(&name), text(&phone), text(SUBJECTS[self.subject]), text(self.cause),
            text(&format!("{}，{}，希望有关部门尽快解决。", SUBJECTS[self.subject], self.cause)), self.received, self.received.date(), self.accept_by,
            text(&format!("[{}]", timeline.join(","))),
        )
        .expect("write");
        if !self.sets.is_empty() {
            writeln!(out, "UPDATE complaint SET {} WHERE id = {} AND last_change = 'demo';", self.sets.join(", "), self.id).expect("write");
        }
        for u in &self.subjects {
            writeln!(out, "INSERT OR IGNORE INTO complaint_subject (complaint_id, unit_id) VALUES ({}, {u});", self.id).expect("write");
        }
        let intake = std::iter::once((self.received, "接待员".to_string(), "已收到".to_string(), true));
        for (i, (at, actor, note, public)) in intake.chain(self.events.iter().cloned()).enumerate() {
            writeln!(
                out,
                "INSERT OR IGNORE INTO complaint_event (id, complaint_id, at, actor, to_state, note, public) VALUES ({}, {}, '{at}', {}, 'received', {}, {});",
                self.id * 10 + i as i64, self.id, text(&actor), text(&note), public as u8
            )
            .expect("write");
        }
    }
}
