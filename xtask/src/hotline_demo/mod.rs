//! The demo county's hotline: a dispatch catalogue, a knowledge base, the
//! Open311 demo key, and about three hundred tickets over the year to
//! 20 November 2026 in every state, with their units' parts, audit rows and
//! the counters the figures page reads. Generated from a fixed seed with
//! the same rules the Worker applies (limits, increments), so the figures
//! agree with the tickets.

use crate::sql::text;
use crate::streamline_demo::Rng;
use shared::engine::calendar::{official::official_years, Calendar};
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::engine::limit::Limit;
use shared::engine::period::keys_of;
use shared::hotline::figures::{on_close, on_dispatch, on_received, on_reopen, on_sign, Increments, Tally};
use shared::hotline::{CloseReason, Kind, Urgency};
use std::collections::BTreeMap;
use std::fmt::Write;

mod data;
use data::{Cat, CATS, KNOWLEDGE};

/// The key partners use against the local stack (README, tests).
pub const DEMO_API_KEY: &str = "open311-demo-key";

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

fn at(day: Date, hour: u64, minute: u64) -> Instant {
    Instant::parse(&format!("{day}T{hour:02}:{minute:02}:00+08:00")).expect("instant")
}

pub fn sql(out: &mut String) {
    let calendar = Calendar::new(official_years());
    for (i, c) in CATS.iter().enumerate() {
        writeln!(
            out,
            "INSERT OR IGNORE INTO hotline_category (id, code, name, grp, county_matter, lead_unit_id, assist_unit_ids, limit_normal, limit_urgent, limit_critical) \
             VALUES ({}, '{}', {}, {}, {}, {}, '[]', '{}', '{}', '{}');",
            i + 1, c.code, text(c.name), text(c.group), c.county as u8, c.lead, c.limits[0], c.limits[1], c.limits[2]
        )
        .expect("write");
    }
    for (i, (cat, title, answer, policy)) in KNOWLEDGE.iter().enumerate() {
        writeln!(
            out,
            "INSERT OR IGNORE INTO hotline_knowledge (id, category_id, title, answer, policy_refs, uses, updated_at) VALUES ({}, {}, {}, {}, {}, 0, '2026-01-05T09:00:00+08:00');",
            i + 1, cat + 1, text(title), text(answer), text(policy)
        )
        .expect("write");
    }
    writeln!(
        out,
        "INSERT OR IGNORE INTO hotline_api_key (id, partner, key_hash, hint, created_at, created_by) VALUES (1, '演示合作方', '{}', '{}', '2026-01-05T09:00:00+08:00', '周明');",
        crate::staff::sha256_hex(DEMO_API_KEY.as_bytes()),
        &DEMO_API_KEY[DEMO_API_KEY.len() - 4..]
    )
    .expect("write");
    tickets(out, &calendar);
}

fn tickets(out: &mut String, calendar: &Calendar) {
    let mut rng = Rng(20_251_120);
    let mut counters = Counters(BTreeMap::new());
    let first = Date::parse("2025-11-21").expect("date");
    let last = Date::parse("2026-11-20").expect("date");
    let span = first.days_until(last) as u64 + 1;
    let mut days: Vec<Date> = (0..320).map(|_| first.add_days(rng.next(span) as i32)).collect();
    days.sort();
    let mut uses = [0u32; KNOWLEDGE.len()];
    for (n, day) in days.into_iter().enumerate() {
        let id = n as i64 + 1;
        let no = format!("RX{}{:08}", day.to_string().replace('-', ""), 10_000_000 + id);
        let cat_index = rng.next(CATS.len() as u64) as usize;
        let cat = &CATS[cat_index];
        let kind = [Kind::Complaint, Kind::Help, Kind::Consultation, Kind::Suggestion, Kind::Report][rng.next(5) as usize];
        let urgency = match rng.next(20) {
            0 => Urgency::Critical,
            1 | 2 => Urgency::Urgent,
            _ => Urgency::Normal,
        };
        let received = at(day, 8 + rng.next(10), rng.next(60));
        let cause = cat.causes[rng.next(3) as usize];
        let address = format!(
            "{}{}路{}号",
            ["城关镇", "河口镇", "青山乡", "东城街道"][rng.next(4) as usize],
            ["解放", "人民", "建设", "文化"][rng.next(4) as usize],
            1 + rng.next(30)
        );
        let channel = ["phone", "phone", "phone", "web", "city_12345", "letter"][rng.next(6) as usize];
        let city = if channel == "city_12345" { format!("SZ12345-{}", 100_000 + id) } else { String::new() };
        let age = day.days_until(last);
        // Recent tickets are still moving; older ones are closed one way or another.
        let fate = if age < 12 { 10 + rng.next(6) } else { rng.next(10) };
        counters.add(day, None, &on_received());
        let mut t = Ticket {
            id,
            no: &no,
            received,
            state: "closed",
            close: None,
            lead: None,
            limit: None,
            deadline: None,
            reply: None,
            extra: Vec::new(),
        };
        match fate {
            0 => {
                let k = if cat_index == 6 { rng.next(2) as usize } else { 3 };
                let k = k.min(KNOWLEDGE.len() - 1);
                uses[k] += 1;
                t.close = Some(CloseReason::Answered);
                t.reply = Some(KNOWLEDGE[k].2.to_string());
                t.extra.push(format!("knowledge_id = {}, closed_at = '{}'", k + 1, t.received));
                counters.add(day, None, &on_close(CloseReason::Answered, false, 0));
            }
            1 => {
                t.close = Some(CloseReason::Redirected);
                t.reply = Some("告知诉讼途径：属于民事纠纷，建议通过人民法院诉讼解决".into());
                t.extra.push(format!("closed_at = '{}'", t.received));
                counters.add(day, None, &on_close(CloseReason::Redirected, false, 0));
            }
            _ => dispatch(&mut t, cat, urgency, calendar, fate, &mut counters, &mut rng),
        }
        write_ticket(out, &t, channel, kind, urgency, &city, cause, &address, cat_index + 1);
    }
    for (k, n) in uses.iter().enumerate() {
        writeln!(out, "UPDATE hotline_knowledge SET uses = {n} WHERE id = {};", k + 1).expect("write");
    }
    for ((key, unit), t) in counters.0 {
        let columns: Vec<&str> = shared::hotline::figures::Counter::ALL.iter().map(|c| c.column()).collect();
        let values: Vec<String> = shared::hotline::figures::Counter::ALL.iter().map(|c| t.get(*c).to_string()).collect();
        writeln!(
            out,
            "INSERT OR IGNORE INTO hotline_tally (key, unit_id, {}) VALUES ('{key}', {unit}, {});",
            columns.join(", "),
            values.join(", ")
        )
        .expect("write");
    }
}

struct Ticket<'a> {
    id: i64,
    no: &'a str,
    received: Instant,
    state: &'static str,
    close: Option<CloseReason>,
    lead: Option<(i64, Instant, Instant, bool)>,
    limit: Option<Limit>,
    deadline: Option<Instant>,
    reply: Option<String>,
    extra: Vec<String>,
}

fn dispatch(t: &mut Ticket<'_>, cat: &Cat, urgency: Urgency, calendar: &Calendar, fate: u64, counters: &mut Counters, rng: &mut Rng) {
    let limit = Limit::from_code(cat.limits[urgency as usize]).expect("limit");
    let sent = t.received.plus_hours(1);
    let deadline = limit.deadline(calendar, sent);
    let sign_by = shared::hotline::ticket::sign_limit(urgency).deadline(calendar, sent).min(deadline);
    let signed = sent.plus_hours(rng.next(6) as u32);
    let unit = Some(cat.lead);
    counters.add(sent.date(), unit, &on_dispatch());
    t.limit = Some(limit);
    t.deadline = Some(deadline);
    t.extra.push(format!("dispatched_at = '{sent}', started_at = '{sent}'"));
    if fate == 10 {
        t.state = "received";
        t.limit = None;
        t.deadline = None;
        t.extra.clear();
        return;
    }
    if fate == 11 {
        t.state = "dispatched";
        t.lead = Some((cat.lead, sent, sign_by, false));
        return;
    }
    counters.add(signed.date(), unit, &on_sign(signed <= sign_by));
    t.lead = Some((cat.lead, sent, sign_by, true));
    // One ticket in six is late: replied after the deadline, or not yet.
    let late = rng.next(6) == 0;
    let replied = if late { deadline.plus_hours(30) } else { sent.plus_hours(2 + rng.next(40) as u32) };
    match fate {
        12 | 13 => t.state = "in_progress",
        14 => t.state = "replied",
        15 => t.state = "callback",
        _ => {}
    }
    if t.state == "in_progress" {
        return;
    }
    t.reply = Some(format!("经核查，已于{}前处理完毕，并向来电人说明情况。", replied.date().zh_month_day()));
    t.extra.push(format!("reply_policy = '相关法律法规', reply_signed_off_by = '分管负责人', reply_at = '{replied}'"));
    if t.state != "closed" {
        return;
    }
    if rng.next(12) == 0 {
        counters.add(replied.date(), unit, &on_reopen());
        t.extra.push("reopened = 1".into());
    }
    let reason = match rng.next(20) {
        0..=11 => CloseReason::Satisfied,
        12..=15 => CloseReason::BasicallySatisfied,
        16..=17 => CloseReason::Explained,
        _ => CloseReason::Unreachable,
    };
    let closed = replied.plus_hours(24);
    let hours = (sent.seconds_until(replied) / 3600) as u64;
    counters.add(closed.date(), unit, &on_close(reason, replied <= deadline, hours));
    t.close = Some(reason);
    t.extra.push(format!("closed_at = '{closed}', callback_tries = 1"));
}

#[allow(clippy::too_many_arguments)]
fn write_ticket(
    out: &mut String,
    t: &Ticket<'_>,
    channel: &str,
    kind: Kind,
    urgency: Urgency,
    city: &str,
    cause: &str,
    address: &str,
    category: usize,
) {
    let opt = |v: Option<String>| v.map(|s| text(&s)).unwrap_or_else(|| "NULL".into());
    let (lead, _, _, _) = t.lead.unwrap_or((0, t.received, t.received, false));
    let dispatched = t.limit.is_some();
    let timeline = format!("[{{\"at\":\"{}\",\"note\":\"已受理\"}}]", t.received);
    writeln!(
        out,
        "INSERT OR IGNORE INTO hotline_ticket (id, ticket_no, code_check, channel, kind, urgency, confidential, city_ticket_no, caller_name, caller_phone, \
         address, address_key, occurred, cause, course, received_at, received_on, state, close_reason, category_id, lead_unit_id, limit_code, deadline, \
         reply_text, public_timeline, last_change) VALUES ({}, '{}', 'demo', '{channel}', '{}', '{}', 0, {}, {}, '138{:08}', {}, {}, '当天', {}, {}, '{}', '{}', '{}', {}, {}, {}, {}, {}, {}, {}, 'demo');",
        t.id, t.no, kind.as_str(), urgency.as_str(), text(city), text(&format!("{}先生", ["王", "李", "张", "刘", "陈"][t.id as usize % 5])),
        10_000_000 + t.id * 7919 % 89_999_999, text(address), text(&shared::hotline::hotspots::address_key(address)), text(cause),
        text(&format!("{cause}，希望有关部门尽快处理。")), t.received, t.received.date(), t.state,
        opt(t.close.map(|c| c.as_str().to_string())), if dispatched || t.close.is_some() { category.to_string() } else { "NULL".into() },
        if dispatched && lead > 0 { lead.to_string() } else { "NULL".into() }, opt(t.limit.map(|l| l.code())), opt(t.deadline.map(|d| d.to_string())),
        opt(t.reply.clone()), text(&timeline),
    )
    .expect("write");
    if !t.extra.is_empty() {
        writeln!(out, "UPDATE hotline_ticket SET {} WHERE id = {} AND last_change = 'demo';", t.extra.join(", "), t.id).expect("write");
    }
    if let (Some((unit, sent, sign_by, signed)), Some(deadline)) = (t.lead, t.deadline) {
        let (state, signed_at) = if signed { ("signed", text(&sent.plus_hours(1).to_string())) } else { ("sent", "NULL".into()) };
        writeln!(
            out,
            "INSERT OR IGNORE INTO hotline_part (ticket_id, unit_id, role, state, sent_at, sign_by, signed_at, ticket_open, deadline) VALUES ({}, {unit}, 'lead', '{state}', '{sent}', '{sign_by}', {signed_at}, {}, '{deadline}');",
            t.id, (t.state != "closed") as u8
        )
        .expect("write");
    }
    writeln!(
        out,
        "INSERT OR IGNORE INTO hotline_event (id, ticket_id, at, actor, from_state, to_state, note, public) VALUES ({0}, {0}, '{1}', '话务员', NULL, 'received', '已受理', 1);",
        t.id, t.received
    )
    .expect("write");
}
