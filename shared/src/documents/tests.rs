use super::figures::{median_minutes, on_signed, summary, Counter, Tally};
use super::forms::{DocAction, OutgoingForm, SignLimits};
use super::receipt::{canonical, verify, Receipt};
use super::rules::{check, overdue, sign_due, working_hours_deadline, Side};
use super::{DocState, ReceiptKind, RecipientState, Urgency};
use crate::engine::calendar::Calendar;
use crate::engine::date::Date;
use crate::engine::instant::Instant;
use crate::engine::period::Range;
use crate::error::ErrorCode;

fn at(s: &str) -> Instant {
    Instant::parse(s).unwrap()
}

#[test]
fn the_statement_and_a_main_recipient_are_required() {
    let mut form = OutgoingForm {
        request_id: 1,
        urgency: Urgency::Urgent,
        signer: "张县长".into(),
        main_units: vec![],
        main_groups: vec![3],
        copy_units: vec![],
        copy_groups: vec![],
        not_classified: false,
    };
    assert!(form.validate().unwrap_err().message.contains("非涉密"));
    form.not_classified = true;
    assert!(form.validate().is_ok());
    form.main_groups.clear();
    assert!(form.validate().unwrap_err().message.contains("主送"));
}

#[test]
fn sign_for_once_recall_before_sign_for_only() {
    let sent = DocState::Sent;
    assert!(check(Side::Recipient, sent, Some(RecipientState::Opened), &DocAction::Sign).is_ok());
    let again = check(Side::Recipient, sent, Some(RecipientState::Signed), &DocAction::Sign).unwrap_err();
    assert_eq!((again.code, again.current_state.as_deref()), (ErrorCode::Conflict, Some("signed")));
    let recall = DocAction::Recall { unit_id: Some(4) };
    assert!(check(Side::Sender, sent, Some(RecipientState::Delivered), &recall).is_ok());
    assert!(check(Side::Sender, sent, Some(RecipientState::Signed), &recall).unwrap_err().message.contains("不能撤回"));
    assert_eq!(check(Side::Recipient, sent, Some(RecipientState::Delivered), &recall).unwrap_err().code, ErrorCode::Forbidden);
    assert_eq!(check(Side::Sender, DocState::Draft, None, &DocAction::Chase { unit_id: None }).unwrap_err().code, ErrorCode::Conflict);
    let ret = DocAction::Return { reason: " ".into() };
    assert_eq!(check(Side::Recipient, sent, Some(RecipientState::Opened), &ret).unwrap_err().code, ErrorCode::InvalidParameter);
    let handle = DocAction::Handle { note: "已落实".into() };
    assert!(check(Side::Recipient, sent, Some(RecipientState::Opened), &handle).is_err());
    assert!(check(Side::Recipient, sent, Some(RecipientState::Signed), &handle).is_ok());
}

#[test]
fn extra_urgent_counts_office_hours_on_working_days() {
    let cal = Calendar::default();
    // Thursday 2026-11-26 at 11:00: one hour before lunch, one after.
    assert_eq!(working_hours_deadline(&cal, at("2026-11-26T11:00:00+08:00"), 2), at("2026-11-26T14:30:00+08:00"));
    // Friday at 17:00: half an hour on Friday, the rest on Monday.
    assert_eq!(working_hours_deadline(&cal, at("2026-11-27T17:00:00+08:00"), 2), at("2026-11-30T10:30:00+08:00"));
    // Saturday night: Monday from 09:00.
    assert_eq!(working_hours_deadline(&cal, at("2026-11-28T22:00:00+08:00"), 2), at("2026-11-30T11:00:00+08:00"));
    let limits = SignLimits::default();
    let sent = at("2026-11-26T11:00:00+08:00");
    assert_eq!(sign_due(&cal, limits, Urgency::Urgent, sent), Some(at("2026-11-27T23:59:59+08:00")));
    assert_eq!(sign_due(&cal, limits, Urgency::Ordinary, sent), None);
    let due = sign_due(&cal, limits, Urgency::ExtraUrgent, sent);
    assert!(overdue(RecipientState::Opened, due, at("2026-11-26T15:00:00+08:00")));
    assert!(!overdue(RecipientState::Signed, due, at("2026-11-26T15:00:00+08:00")));
}

#[test]
fn the_median_comes_from_the_buckets() {
    let mut t = Tally::default();
    assert_eq!(median_minutes(&t), None);
    for (minutes, n) in [(10, 3), (50, 1), (3000, 1)] {
        for _ in 0..n {
            for (c, v) in on_signed(minutes, false) {
                t.set(c, t.get(c) + v);
            }
        }
    }
    assert_eq!((t.signed, t.get(Counter::m15)), (5, 3));
    // The 3rd of 5 is the last in the first bucket.
    assert_eq!(median_minutes(&t), Some(15));
    t.delivered = 10;
    t.sent = 2;
    let range = Range { from: Date::parse("2026-01-01").unwrap(), to: Date::parse("2026-11-26").unwrap() };
    let s = summary(range, &t).to_string();
    assert!(s.contains("发文2件") && s.contains("签收率50%") && s.contains("中位签收时长15分钟"), "{s}");
}

fn fake_hash(s: &str) -> String {
    // Not SHA-256: the chain logic does not depend on which hash.
    format!("{:x}", s.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64)))
}

#[test]
fn an_edited_or_removed_receipt_breaks_the_chain() {
    let mut chain: Vec<Receipt> = Vec::new();
    for (i, kind) in [ReceiptKind::Delivered, ReceiptKind::Opened, ReceiptKind::Signed].into_iter().enumerate() {
        let prev = chain.last().map(|r| r.hash.clone()).unwrap_or_default();
        let mut r = Receipt {
            seq: i as u32 + 1,
            kind,
            unit_id: Some(4),
            unit_name: "县住建局".into(),
            actor: "吴海峰".into(),
            at: at("2026-11-26T09:00:00+08:00"),
            note: String::new(),
            prev_hash: prev,
            hash: String::new(),
        };
        r.hash = fake_hash(&canonical("FW1", &r));
        chain.push(r);
    }
    let head = chain[2].hash.clone();
    assert!(verify("FW1", &chain, &head, fake_hash).ok);
    let mut edited = chain.clone();
    edited[1].actor = "他人".into();
    assert_eq!(verify("FW1", &edited, &head, fake_hash).broken_at, Some(2));
    assert_eq!(verify("FW1", &chain[..2], &head, fake_hash).broken_at, Some(3));
    assert!(!verify("FW2", &chain, &head, fake_hash).ok);
}
