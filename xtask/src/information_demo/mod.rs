//! The demo county's information work in 2026: units' items through the
//! year (adopted into numbered issues, some returned, declined or still
//! waiting; a joint one), higher adoptions and leaders' instructions, and
//! the score events, yearly totals and counters they make. Written with the
//! rules the Worker applies (the default rules table, the splits, the
//! increments), so the league table and figures agree with the rows.

use crate::sql::text;
use shared::engine::date::Date;
use shared::engine::period::keys_of;
use shared::information::figures::{on_higher, on_issue, Counter, Increments, InfoTally};
use shared::information::item::Share;
use shared::information::scoring::{split, ScoreRules};
use shared::information::{issue_no, item_no, Category, IssueKind, Level, ScoreReason};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Units that write (departments and townships of the demo county).
const UNITS: [i64; 8] = [12, 13, 14, 15, 1, 4, 9, 2];

const TITLES: [&str; 8] = [
    "推行“网格+信息”工作法 矛盾纠纷就地化解",
    "“一窗受理”让群众办事只跑一次",
    "春耕备耕物资供应充足",
    "老旧小区改造群众满意度提升",
    "食品安全“双随机”抽查全覆盖",
    "农村生活污水治理存在的问题及建议",
    "汛期地质灾害隐患排查情况",
    "优化营商环境的几点建议",
];

#[derive(Default)]
struct Counters(BTreeMap<(String, i64), InfoTally>);

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

fn day(month: u32, d: u32) -> Date {
    Date::from_ymd(2026, month, d).expect("date")
}

/// Appends the demo's information rows to `out`.
pub fn sql(out: &mut String) {
    let rules = ScoreRules::default_for(2026);
    let mut counters = Counters::default();
    // Per unit: points, adopted, higher, instructions, submitted.
    let mut score: BTreeMap<i64, [i64; 5]> = BTreeMap::new();
    let mut events = Vec::new();
    // One 《政务信息》 a month, a 专报 in March and September.
    let mut issues: Vec<(i64, IssueKind, Date)> = Vec::new();
    let mut seqs: BTreeMap<&str, i64> = BTreeMap::new();
    for m in 1..=11u32 {
        let mut kinds = vec![IssueKind::Bulletin];
        if m == 3 || m == 9 {
            kinds.push(IssueKind::Special);
        }
        for kind in kinds {
            let seq = seqs.entry(kind.as_str()).and_modify(|s| *s += 1).or_insert(1);
            let id = issues.len() as i64 + 1;
            let on = day(m, 25);
            let _ = writeln!(
                out,
                "INSERT INTO info_issue (id, kind, year, seq, number, title, published_on, created_at) VALUES ({id}, '{}', 2026, {seq}, {}, {}, '{on}', '{on}T10:00:00+08:00');",
                kind.as_str(),
                text(&issue_no(kind, 2026, *seq)),
                text(&format!("{}月要目", m))
            );
            counters.add(on, &[], &on_issue(kind));
            issues.push((id, kind, on));
        }
    }
    let mut seq = 0i64;
    for m in 1..=11u32 {
        for (k, unit) in UNITS.iter().enumerate() {
            // Townships write more than departments (their quota is 8, shown short in the demo).
            let per_month = if *unit >= 12 { 3 } else { 1 };
            for n in 0..per_month {
                seq += 1;
                let submitted = day(m, 3 + (k as u32 * 2 + n * 5) % 20);
                let shares = if seq % 17 == 0 {
                    vec![Share { unit_id: *unit, percent: 60 }, Share { unit_id: 4, percent: 40 }]
                } else {
                    vec![Share { unit_id: *unit, percent: 100 }]
                };
                let share_units: Vec<i64> = shares.iter().map(|s| s.unit_id).collect();
                let category = Category::ALL[(seq as usize) % 4];
                // Every third item is adopted; some returned or declined; the rest wait.
                let (state, issue) = match seq % 6 {
                    0 | 3 => ("adopted", issues.iter().filter(|(_, _, on)| *on >= submitted).nth((seq % 2) as usize).copied()),
                    1 => ("declined", None),
                    2 if m == 11 => ("returned", None),
                    _ => ("submitted", None),
                };
                let state = if state == "adopted" && issue.is_none() { "submitted" } else { state };
                counters.add(submitted, &[*unit], &vec![(Counter::submitted, 1)]);
                score.entry(*unit).or_default()[4] += 1;
                let mut adopted_by = Vec::new();
                if let Some((issue_id, kind, on)) = issue {
                    counters.add(on, &share_units, &vec![(Counter::adopted, 1)]);
                    let mut scored = vec![(ScoreReason::Issue, rules.issue(kind))];
                    if seq % 12 == 0 {
                        let level = if seq % 24 == 0 { Level::Province } else { Level::City };
                        adopted_by.push(level);
                        scored.push((ScoreReason::Higher, rules.higher(level)));
                        counters.add(on, &share_units, &on_higher(level));
                    }
                    if seq % 15 == 0 {
                        scored.push((ScoreReason::Instruction, rules.instruction));
                        counters.add(on, &share_units, &vec![(Counter::instructions, 1)]);
                    }
                    for (reason, points) in scored {
                        for (u, p) in split(points, &shares) {
                            let s = score.entry(u).or_default();
                            s[0] += p;
                            s[match reason {
                                ScoreReason::Issue => 1,
                                ScoreReason::Higher => 2,
                                ScoreReason::Instruction => 3,
                            }] += 1;
                            events.push(format!("({seq}, {u}, 2026, '{}', {p}, 1, '{on}T10:00:00+08:00')", reason.as_str()));
                        }
                    }
                    let _ = issue_id;
                } else if state == "declined" {
                    counters.add(submitted, &share_units, &vec![(Counter::declined, 1)]);
                } else if state == "returned" {
                    counters.add(submitted, &share_units, &vec![(Counter::returned, 1)]);
                }
                let levels = serde_json::to_string(&adopted_by).expect("levels");
                let reason = match state {
                    "declined" => "内容与已刊发信息重复",
                    "returned" => "请补充具体数据和成效",
                    _ => "",
                };
                let _ = writeln!(
                    out,
                    "INSERT INTO info_item (id, item_no, year, seq, unit_id, title, body, category, writer, writer_phone, signed_off_by, submitted_at, state, issue_id, score_year, reason, forwarded, adopted_by, last_change) VALUES ({seq}, {}, 2026, {seq}, {unit}, {}, {}, '{}', '王芳', '0571-88881234', '单位负责人', '{submitted}T09:30:00+08:00', '{state}', {}, {}, {}, {}, {}, 'demo');",
                    text(&item_no(2026, seq)),
                    text(TITLES[(seq as usize) % TITLES.len()]),
                    text(&format!("{}。{}月，本单位围绕中心工作，细化措施、压实责任，取得阶段性成效。", TITLES[(seq as usize) % TITLES.len()], m)),
                    category.as_str(),
                    issue.map(|i| i.0.to_string()).unwrap_or("NULL".into()),
                    if issue.is_some() { "2026" } else { "NULL" },
                    text(reason),
                    text(&levels),
                    text(&levels),
                );
                for s in &shares {
                    let _ =
                        writeln!(out, "INSERT INTO info_share (item_id, unit_id, percent) VALUES ({seq}, {}, {});", s.unit_id, s.percent);
                }
                let _ = writeln!(
                    out,
                    "INSERT INTO info_event (item_id, at, actor, to_state, note) VALUES ({seq}, '{submitted}T09:30:00+08:00', '王芳', 'submitted', '报送（单位负责人签发）');"
                );
            }
        }
    }
    for chunk in events.chunks(50) {
        let _ = writeln!(out, "INSERT INTO info_score_event (item_id, unit_id, year, reason, points, n, at) VALUES {};", chunk.join(", "));
    }
    for (unit, s) in &score {
        let _ = writeln!(
            out,
            "INSERT INTO info_score (year, unit_id, submitted, points, adopted, higher, instructions) VALUES (2026, {unit}, {}, {}, {}, {}, {});",
            s[4], s[0], s[1], s[2], s[3]
        );
    }
    let columns = InfoTally::columns().join(", ");
    for ((key, unit), t) in &counters.0 {
        let values: Vec<String> = t.values().iter().map(|v| v.to_string()).collect();
        let _ = writeln!(out, "INSERT INTO info_tally (key, unit_id, {columns}) VALUES ('{key}', {unit}, {});", values.join(", "));
    }
}
