//! The demo county's supervision: a dozen items from every kind of source
//! registered through 2026, decomposed into tasks for departments and
//! townships, in every state: struck off (on time or late), reported,
//! with the leader, overdue with their 督办通知单, and still running; the
//! slips, audit rows, publications and the counters the dashboard reads.
//! Written with the rules the Worker applies (limits, slip numbers,
//! increments), so the figures agree with the rows.

mod data;

use crate::sql::text;
use data::ITEMS;
use shared::engine::calendar::{official::official_years, Calendar};
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::engine::period::keys_of;
use shared::supervision::figures::{on_close, on_publication, on_report, on_slip, Counter, Increments, Tally};
use shared::supervision::limits::LimitTable;
use shared::supervision::{Colour, PublicationKind, SlipKind};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The demo data's "now": later rows would be in the future of some runs.
const DEMO_DAY: &str = "2026-11-20";

fn d(s: &str) -> Date {
    Date::parse(s).expect("date")
}

fn at(day: Date, hour: u32) -> Instant {
    Instant::parse(&format!("{day}T{hour:02}:30:00+08:00")).expect("instant")
}

#[derive(Default)]
struct Counters(BTreeMap<(String, i64), Tally>);

impl Counters {
    fn add(&mut self, day: Date, unit: Option<i64>, inc: &Increments) {
        for key in keys_of(day) {
            for u in std::iter::once(0).chain(unit) {
                let t = self.0.entry((key.clone(), u)).or_default();
                for (c, n) in inc {
                    t.set(*c, t.get(*c) + n);
                }
            }
        }
    }
}

/// A slip before numbering (numbers follow the order of issue).
struct Slip {
    kind: SlipKind,
    colour: Colour,
    task: usize,
    key: String,
    at: Instant,
    why: String,
}

struct Task {
    id: usize,
    no: String,
    item: usize,
    lead: i64,
    requirement: &'static str,
    deadline: Date,
}

fn line(out: &mut String, sql: String) {
    writeln!(out, "{sql}").expect("write");
}

/// An audit row; `change` is (from state, to state).
fn event(out: &mut String, item: usize, task: Option<usize>, at: Instant, actor: &str, change: (Option<&str>, &str), note: &str) {
    let (from, to) = change;
    let task = task.map(|t| t.to_string()).unwrap_or_else(|| "NULL".into());
    let from = from.map(text).unwrap_or_else(|| "NULL".into());
    line(out, format!(
        "INSERT INTO supervision_event (item_id, task_id, at, actor, staff_id, from_state, to_state, note) \
         SELECT {item}, {task}, '{at}', {}, NULL, {from}, '{to}', {} WHERE EXISTS (SELECT 1 FROM supervision_item WHERE id = {item} AND last_change = 'demo-new');",
        text(actor), text(note)
    ));
}

pub fn sql(out: &mut String) {
    // Rerunnable: an item that exists is left alone, with everything below it.
    let calendar = Calendar::new(official_years());
    let limits = LimitTable::defaults();
    let demo_day = d(DEMO_DAY);
    let mut counters = Counters::default();
    let mut tasks: Vec<Task> = Vec::new();
    let mut slips: Vec<Slip> = Vec::new();
    let mut counts: BTreeMap<(&str, &str), u64> = BTreeMap::new();
    for (i, item) in ITEMS.iter().enumerate() {
        let id = i + 1;
        let no = format!("DC2026-{id:04}");
        // Through the year on working days; the last items still running.
        let registered = calendar.add_working_days(d("2026-01-04").add_days(i as i32 * 25), 1).deadline;
        let registered_at = at(registered, 9);
        let mut open = 0;
        let mut task_lines = Vec::new();
        for (j, (requirement, lead, assists)) in item.tasks.iter().enumerate() {
            let k = tasks.len();
            let task_id = k + 1;
            let task_no = format!("{no}-{}", j + 1);
            let assigned = calendar.add_working_days(registered, 2).deadline;
            let days = limits.days(item.source, item.priority, false) + (k as u32 % 3) * 5 + if i >= 9 { 15 } else { 0 };
            let deadline = calendar.add_working_days(assigned, days).deadline;
            counters.add(assigned, Some(*lead), &on_slip(SlipKind::Assignment));
            slips.push(Slip {
                kind: SlipKind::Assignment,
                colour: Colour::None,
                task: k,
                key: "assignment".into(),
                at: at(assigned, 10),
                why: format!("请按工作要求抓好落实，于{}前办结并报送办理结果", deadline.zh_full()),
            });
            let mut cols = vec![("state", "'in_progress'".to_string())];
            let mut history =
                vec![(at(assigned, 10), None, "in_progress", format!("分解交办：{requirement}，{}前办结", deadline.zh_full()))];
            // The last items' tasks are still running (three of them overdue).
            if i < 9 {
                // Older tasks: reported (one in five late), then on through the check.
                let late = k.is_multiple_of(5);
                let reported = if late {
                    calendar.add_working_days(deadline, 3).deadline
                } else {
                    calendar.add_working_days(assigned, days / 2).deadline
                };
                counters.add(reported, Some(*lead), &on_report(late));
                cols.extend([
                    ("report_text", text(&format!("{requirement}已完成，相关资料已归档。"))),
                    ("report_at", format!("'{}'", at(reported, 16))),
                    ("report_late", (late as u8).to_string()),
                    ("late_reason", text(if late { "涉及多部门协调，审批手续耗时较长" } else { "" })),
                ]);
                history.push((
                    at(reported, 16),
                    Some("in_progress"),
                    "reported",
                    if late {
                        "报送办理结果（逾期，原因：涉及多部门协调）".into()
                    } else {
                        "报送办理结果".into()
                    },
                ));
                let state = match k % 6 {
                    1 => "reported",
                    2 => "with_leader",
                    _ => "closed",
                };
                if state != "reported" {
                    let checked = calendar.add_working_days(reported, 2).deadline;
                    history.push((at(checked, 10), Some("reported"), "passed", "审核通过".into()));
                    history.push((at(checked, 15), Some("passed"), "with_leader", format!("呈报{}：任务已完成", item.leader)));
                    cols.extend([("check_note", text("材料齐全，完成情况属实")), ("leader_note", text(&format!("已呈报{}", item.leader)))]);
                }
                if state == "closed" {
                    let closed = calendar.add_working_days(reported, 5).deadline;
                    counters.add(closed, Some(*lead), &on_close(!late));
                    cols.extend([("closed_at", format!("'{}'", at(closed, 11))), ("closed_on_time", (!late as u8).to_string())]);
                    history.push((at(closed, 11), Some("with_leader"), "closed", "领导无新批示，销号".into()));
                } else {
                    open += 1;
                }
                cols[0].1 = format!("'{state}'");
            } else {
                open += 1;
                if deadline < demo_day {
                    // Overdue: the 催办单 two working days before, the 督办通知单 the day after.
                    let reminded =
                        (1..=10).map(|n| deadline.add_days(-n)).filter(|x| calendar.day_kind(*x).is_working()).nth(1).unwrap_or(deadline);
                    let noticed = calendar.add_working_days(deadline, 1).deadline;
                    slips.push(Slip {
                        kind: SlipKind::Reminder,
                        colour: Colour::Yellow,
                        task: k,
                        key: format!("near:{deadline}"),
                        at: at(reminded, 8),
                        why: format!("距办结时限{}仅剩2个工作日", deadline.zh_full()),
                    });
                    slips.push(Slip {
                        kind: SlipKind::Notice,
                        colour: Colour::Red,
                        task: k,
                        key: format!("overdue:{deadline}"),
                        at: at(noticed, 8),
                        why: format!("已于{}超过办结时限，逾期未办结", deadline.zh_full()),
                    });
                }
            }
            let parts: Vec<String> = std::iter::once(format!("({task_id}, {lead}, 'lead', {})", (cols[0].1 != "'closed'") as u8))
                .chain(assists.iter().map(|a| format!("({task_id}, {a}, 'assist', {})", (cols[0].1 != "'closed'") as u8)))
                .collect();
            task_lines.push((task_id, task_no.clone(), *lead, *requirement, assigned, days, deadline, cols, parts, history));
            tasks.push(Task { id: task_id, no: task_no, item: id, lead: *lead, requirement, deadline });
        }
        let state = if open == 0 { "closed" } else { "in_progress" };
        *counts.entry((item.source.as_str(), state)).or_default() += 1;
        counters.add(registered, None, &vec![(Counter::items, 1)]);
        line(out, format!(
            "INSERT OR IGNORE INTO supervision_item (id, item_no, source, reference, title, instruction, priority, difficult, leader, state, tasks, open_tasks, registered_at, registered_by, last_change) \
             VALUES ({id}, '{no}', '{}', {}, {}, {}, '{}', 0, {}, '{state}', {}, {open}, '{registered_at}', '周明', 'demo-new');",
            item.source.as_str(), text(item.reference), text(item.title), text(item.instruction), item.priority.as_str(), text(item.leader), item.tasks.len()
        ));
        event(out, id, None, registered_at, "周明", (None, "registered"), &format!("立项：{}（{}）", item.title, item.source.zh()));
        for (task_id, task_no, lead, requirement, assigned, days, deadline, cols, parts, history) in task_lines {
            let (names, values): (Vec<&str>, Vec<String>) = cols.into_iter().unzip();
            line(out, format!(
                "INSERT OR IGNORE INTO supervision_task (id, task_no, item_id, source, requirement, lead_unit_id, responsible, supervisor, assigned_at, started_on, limit_days, deadline, watch_date, last_change, {}) \
                 SELECT {task_id}, '{task_no}', {id}, '{}', {}, {lead}, '主要负责人', '督查室 周明', '{}', '{assigned}', {days}, '{deadline}', '{deadline}', 'demo', {} \
                 WHERE EXISTS (SELECT 1 FROM supervision_item WHERE id = {id} AND last_change = 'demo-new');",
                names.join(", "), item.source.as_str(), text(requirement), at(assigned, 10), values.join(", ")
            ));
            line(out, format!("INSERT OR IGNORE INTO supervision_part (task_id, unit_id, role, open) VALUES {};", parts.join(", ")));
            for (when, from, to, note) in history {
                event(out, id, Some(task_id), when, "周明", (from, to), &note);
            }
        }
    }
    slips.sort_by_key(|s| s.at.to_string());
    let mut seqs: BTreeMap<&str, i64> = BTreeMap::new();
    for s in &slips {
        let t = &tasks[s.task];
        let seq = seqs.entry(s.kind.as_str()).or_default();
        *seq += 1;
        if s.kind != SlipKind::Assignment {
            counters.add(s.at.date(), Some(t.lead), &on_slip(s.kind));
            event(
                out,
                t.item,
                Some(t.id),
                s.at,
                "系统（每日督办）",
                (Some("in_progress"), "in_progress"),
                &format!("发出{}{}：{}", s.colour.zh(), s.kind.zh(), s.why),
            );
        }
        line(out, format!(
            "INSERT OR IGNORE INTO supervision_slip (kind, year, seq, colour, task_id, unit_id, reason_key, issued_day, issued_at, item_no, item_title, requirement, unit_name, responsible, supervisor, deadline, why, task_no) \
             SELECT '{}', 2026, {seq}, '{}', {}, {}, '{}', '{}', '{}', i.item_no, i.title, {}, d.name, '主要负责人', '督查室 周明', '{}', {}, '{}' \
             FROM supervision_item i, department d WHERE i.id = {} AND d.id = {} AND i.last_change = 'demo-new';",
            s.kind.as_str(), s.colour.as_str(), t.id, t.lead, s.key, s.at.date(), s.at, text(t.requirement), t.deadline, text(&s.why), t.no, t.item, t.lead
        ));
        line(out, format!(
            "UPDATE supervision_task SET slips = slips + 1 WHERE id = {} AND item_id IN (SELECT id FROM supervision_item WHERE last_change = 'demo-new');",
            t.id
        ));
    }
    for (kind, last) in &seqs {
        line(out, format!("INSERT OR IGNORE INTO supervision_seq (name, year, last) VALUES ('{kind}', 2026, {last});"));
    }
    line(out, format!("INSERT OR IGNORE INTO supervision_seq (name, year, last) VALUES ('item', 2026, {});", ITEMS.len()));
    publications(out, &mut counters);
    for ((source, state), n) in &counts {
        line(out, format!("INSERT OR IGNORE INTO supervision_count (source, state, items) VALUES ('{source}', '{state}', {n});"));
    }
    for ((key, unit), t) in &counters.0 {
        let names: Vec<&str> = Counter::ALL.iter().map(|c| c.column()).collect();
        let values: Vec<String> = Counter::ALL.iter().map(|c| t.get(*c).to_string()).collect();
        line(
            out,
            format!(
                "INSERT OR IGNORE INTO supervision_tally (key, unit_id, {}) VALUES ('{key}', {unit}, {});",
                names.join(", "),
                values.join(", ")
            ),
        );
    }
    // Marks the items as seeded: a second run adds nothing above.
    line(out, "UPDATE supervision_item SET last_change = 'demo' WHERE last_change = 'demo-new';".into());
}

/// 《政务督查》 monthly, January to October, and three 督查专报, each on
/// the items registered by then.
fn publications(out: &mut String, counters: &mut Counters) {
    let issues = (1..=10).map(|m| (PublicationKind::Bulletin, m, d(&format!("2026-{m:02}-25"))));
    let specials = [
        (PublicationKind::Special, 1, d("2026-03-20")),
        (PublicationKind::Special, 2, d("2026-07-15")),
        (PublicationKind::Special, 3, d("2026-10-20")),
    ];
    for (n, (kind, seq, day)) in issues.chain(specials).enumerate() {
        let id = n + 1;
        let title = match kind {
            PublicationKind::Bulletin => format!("{}月份重点工作督查情况", day.ymd().1),
            PublicationKind::Special => "关于重点督办事项推进情况的专报".to_string(),
        };
        line(
            out,
            format!(
                "INSERT OR IGNORE INTO supervision_publication (id, kind, year, seq, title, published_on, summary, created_by, nonce) \
             VALUES ({id}, '{}', 2026, {seq}, {}, '{day}', {}, '周明', 'demo-{id}');",
                kind.as_str(),
                text(&title),
                text("通报本期督查事项的推进情况、存在问题和下一步要求。")
            ),
        );
        let first = (day.ymd().1 as usize).saturating_sub(1).min(ITEMS.len() - 1) / 2 + 1;
        line(out, format!("INSERT OR IGNORE INTO supervision_publication_item (publication_id, item_id) VALUES ({id}, {first});"));
        counters.add(day, None, &on_publication(kind));
    }
}
