//! The demo county's transmitted documents: the latest requests the
//! streamline demo issued this year, each sent to the townships (主送) and
//! 住建局 (抄送), their copies opened, signed for, returned, recalled or
//! still waiting, every receipt chained by SHA-256 exactly as the Worker
//! chains it, and the counters the figures page reads (the Worker's own
//! increments). Demo documents carry no body file (R2 is not seeded).

use crate::sql::text;
use crate::streamline_demo::Rng;
use sha2::{Digest, Sha256};
use shared::documents::figures::{on_sent, on_signed, Counter, Increments, Tally};
use shared::documents::receipt::{canonical, Receipt};
use shared::documents::{doc_key, ReceiptKind, RecipientRole, RecipientState, Urgency};
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::engine::period::keys_of;
use shared::streamline::DocLevel;
use std::collections::BTreeMap;
use std::fmt::Write;

/// How many of the latest issued requests become transmitted documents.
const DOCUMENTS: usize = 8;
/// The townships (主送) and 住建局 (抄送), with who acts for each.
const RECIPIENTS: [(i64, RecipientRole, &str); 5] = [
    (12, RecipientRole::Main, "刘芳"),
    (13, RecipientRole::Main, "郑伟"),
    (14, RecipientRole::Main, "黄小明"),
    (15, RecipientRole::Main, "林静"),
    (4, RecipientRole::Copy, "吴海峰"),
];

/// The issued requests of the streamline demo (id, level, day issued), read
/// from its own statements: its generator is seeded, so they are the same
/// on every run, and this wing never restates how that demo numbers them.
fn issued() -> Vec<(i64, DocLevel, Date)> {
    let mut streamline = String::new();
    crate::streamline_demo::sql(&mut streamline);
    let mut found: Vec<(i64, DocLevel, Date)> = streamline
        .lines()
        .filter(|l| l.starts_with("INSERT OR IGNORE INTO document_request") && l.contains("'issued'"))
        .filter_map(|l| {
            let values = l.split("VALUES (").nth(1)?;
            let id = values.split(',').next()?.trim().parse().ok()?;
            let level = DocLevel::parse(l.split("'issued', '").nth(1)?.split('\'').next()?)?;
            let at = l.find("T08:30:00+08:00")?;
            Some((id, level, Date::parse(&l[at - 10..at]).ok()?))
        })
        .filter(|(_, _, d)| d.year() == 2026)
        .collect();
    found.sort_by_key(|(id, _, d)| (std::cmp::Reverse(*d), *id));
    found.truncate(DOCUMENTS);
    found
}

struct Counters(BTreeMap<(String, i64), Tally>);

impl Counters {
    fn add(&mut self, day: Date, units: &[i64], inc: &Increments) {
        for key in keys_of(day) {
            for u in units {
                let t = self.0.entry((key.clone(), *u)).or_default();
                for (c, n) in inc {
                    t.set(*c, t.get(*c) + n);
                }
            }
        }
    }
}

fn at(day: Date, minutes: u32) -> Instant {
    Instant::parse(&format!("{day}T09:00:00+08:00")).expect("instant").plus_seconds(minutes as i64 * 60)
}

fn opt(i: Option<Instant>) -> String {
    i.map(|i| text(&i.to_string())).unwrap_or_else(|| "NULL".into())
}

pub fn sql(w: &mut String) {
    let mut rng = Rng(0x0d0c_2026);
    let mut counters = Counters(BTreeMap::new());
    for (n, (request, level, day)) in issued().into_iter().enumerate() {
        let key = doc_key(request);
        let urgency = [Urgency::ExtraUrgent, Urgency::Urgent, Urgency::Ordinary][n % 3];
        let sent = at(day, 0);
        // Demo limits: 特急 by noon, 加急 by the end of the next day.
        let due = match urgency {
            Urgency::ExtraUrgent => Some(at(day, 180)),
            Urgency::Urgent => Some(Instant::end_of_day(day.next())),
            Urgency::Ordinary => None,
        };
        let mut receipts: Vec<Receipt> = Vec::new();
        let mut push = |kind: ReceiptKind, unit: i64, actor: &str, time: Instant, note: &str| {
            let prev = receipts.last().map(|r: &Receipt| r.hash.clone()).unwrap_or_default();
            let mut r = Receipt {
                seq: receipts.len() as u32 + 1,
                kind,
                unit_id: Some(unit),
                unit_name: String::new(),
                actor: actor.into(),
                at: time,
                note: note.into(),
                prev_hash: prev,
                hash: String::new(),
            };
            r.hash = Sha256::digest(canonical(&key, &r).as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
            receipts.push(r);
        };
        for (unit, role, _) in RECIPIENTS {
            push(ReceiptKind::Delivered, unit, "周明", sent, role.zh());
        }
        let mut county: Increments = on_sent(level);
        county.push((Counter::delivered, RECIPIENTS.len() as u64));
        counters.add(day, &[0], &county);
        let (mut opened, mut signed, mut returned, mut recalled) = (0, 0, 0, 0);
        let mut copies = Vec::new();
        for (i, (unit, role, actor)) in RECIPIENTS.into_iter().enumerate() {
            counters.add(day, &[unit], &vec![(Counter::delivered, 1)]);
            // Most sign within hours; the newest document still has copies waiting.
            let fate = if n == 0 { i % 3 } else { [3, 3, 3, 4, 3, 5][rng.next(6) as usize] };
            let open_at = at(day, 5 + rng.next(90) as u32);
            let sign_minutes = open_at.seconds_until(sent).unsigned_abs() as u32 / 60 + 2 + rng.next(200) as u32;
            let sign_at = at(day, sign_minutes);
            let (state, o, s, r, c) = match fate {
                0 => (RecipientState::Delivered, None, None, None, None),
                1 | 4 => (RecipientState::Opened, Some(open_at), None, None, None),
                5 => (RecipientState::Returned, Some(open_at), None, Some(open_at.plus_seconds(600)), None),
                2 => (RecipientState::Recalled, None, None, None, Some(at(day, 240))),
                _ => (RecipientState::Signed, Some(open_at), Some(sign_at), None, None),
            };
            let state = if fate == 4 && n > 0 { RecipientState::Recalled } else { state };
            let c = if state == RecipientState::Recalled { c.or(Some(at(day, 240))) } else { c };
            if let Some(t) = o {
                opened += 1;
                push(ReceiptKind::Opened, unit, actor, t, "");
            }
            if let Some(t) = s {
                signed += 1;
                push(ReceiptKind::Signed, unit, actor, t, "");
                counters.add(day, &[0, unit], &on_signed(sign_minutes as u64, due.is_some_and(|d| t > d)));
            }
            if let Some(t) = r {
                returned += 1;
                push(ReceiptKind::Returned, unit, actor, t, "本单位不承担此项工作，主送有误");
                counters.add(day, &[0, unit], &vec![(Counter::returned, 1)]);
            }
            if let Some(t) = c {
                recalled += 1;
                push(ReceiptKind::Recalled, unit, "周明", t, "");
                counters.add(day, &[0, unit], &vec![(Counter::recalled, 1)]);
            }
            copies.push((unit, role, state, o.map(|_| actor), o, s, r, c));
        }
        let head = receipts.last().map(|r| r.hash.clone()).unwrap_or_default();
        let addressees = format!(
            r#"{{"request_id":{request},"urgency":"{}","signer":"张县长","main_units":[],"main_groups":[2],"copy_units":[4],"copy_groups":[],"not_classified":true}}"#,
            urgency.as_str()
        );
        writeln!(
            w,
            "INSERT OR IGNORE INTO doc_outgoing (doc_key, request_id, title, number, level, urgency, signer, not_classified, addressees, state, created_at, created_by, sent_at, due_at, recipients, opened, signed, returned, recalled, head_hash, receipts, last_change) \
             SELECT {}, id, subject, issued_prefix || '〔' || substr(issued_on, 1, 4) || '〕' || issued_seq || '号', issued_level, '{}', '张县长', 1, {}, 'sent', {}, (SELECT id FROM staff WHERE username = 'office_admin'), {}, {}, {}, {opened}, {signed}, {returned}, {recalled}, {}, {}, 'demo' FROM document_request WHERE id = {request};",
            text(&key), urgency.as_str(), text(&addressees), text(&sent.to_string()), text(&sent.to_string()), opt(due), RECIPIENTS.len(), text(&head), receipts.len()
        )
        .expect("write");
        let doc = format!("(SELECT id FROM doc_outgoing WHERE doc_key = {})", text(&key));
        for (unit, role, state, by, o, s, r, c) in copies {
            let by = by.map(text).unwrap_or_else(|| "NULL".into());
            let reason = if r.is_some() { text("本单位不承担此项工作，主送有误") } else { "NULL".into() };
            writeln!(
                w,
                "INSERT OR IGNORE INTO doc_recipient (doc_id, unit_id, role, state, delivered_at, due_at, opened_at, opened_by, signed_at, signed_by, returned_at, return_reason, recalled_at) \
                 VALUES ({doc}, {unit}, '{}', '{}', {}, {}, {}, {by}, {}, {}, {}, {reason}, {});",
                role.as_str(), state.as_str(), text(&sent.to_string()), opt(due), opt(o), opt(s), if s.is_some() { by.clone() } else { "NULL".into() }, opt(r), opt(c)
            )
            .expect("write");
        }
        for r in receipts {
            writeln!(
                w,
                "INSERT OR IGNORE INTO doc_receipt (doc_id, seq, kind, unit_id, actor, at, note, prev_hash, hash) VALUES ({doc}, {}, '{}', {}, {}, {}, {}, {}, {});",
                r.seq, r.kind.as_str(), r.unit_id.unwrap_or(0), text(&r.actor), text(&r.at.to_string()), text(&r.note), text(&r.prev_hash), text(&r.hash)
            )
            .expect("write");
        }
    }
    for ((key, unit), t) in counters.0 {
        let columns = Tally::columns().join(", ");
        let values: Vec<String> = t.values().iter().map(u64::to_string).collect();
        writeln!(w, "INSERT OR IGNORE INTO doc_tally (key, unit_id, {columns}) VALUES ({}, {unit}, {});", text(&key), values.join(", "))
            .expect("write");
    }
}
