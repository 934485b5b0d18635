use super::*;
use crate::hotline::CloseReason;
use ExtensionState as E;
use TicketState::*;

fn at(state: TicketState, part: Option<PartState>) -> Situation {
    Situation { state, part, extension: E::None, overdue: false, return_pending: false }
}

fn code(side: Side, s: &Situation, a: &TicketAction) -> Option<ErrorCode> {
    check(side, s, a).err().map(|e| e.code)
}

const HEAD: Side = Side::Lead { head: true };
const STAFF: Side = Side::Lead { head: false };

#[test]
fn only_a_unit_with_a_part_sent_signs() {
    let sent = at(Dispatched, Some(PartState::Sent));
    assert_eq!(code(HEAD, &sent, &TicketAction::Sign), None);
    assert_eq!(code(Side::Assist, &sent, &TicketAction::Sign), None);
    assert_eq!(code(Side::Office, &sent, &TicketAction::Sign), Some(ErrorCode::Forbidden));
    assert_eq!(code(HEAD, &at(InProgress, Some(PartState::Signed)), &TicketAction::Sign), Some(ErrorCode::Conflict));
    for s in [Received, Escalated, Replied, Callback, Closed] {
        assert_eq!(code(HEAD, &at(s, Some(PartState::Sent)), &TicketAction::Sign), Some(ErrorCode::Conflict), "{s:?}");
    }
}

#[test]
fn a_return_needs_a_reason_and_the_office_decides() {
    let ask = |r: &str| TicketAction::RequestReturn { reason: r.into() };
    let signed = at(InProgress, Some(PartState::Signed));
    assert_eq!(code(STAFF, &signed, &ask("属于县住建局职责")), None);
    assert_eq!(code(STAFF, &signed, &ask(" ")), Some(ErrorCode::InvalidParameter));
    assert_eq!(code(STAFF, &at(InProgress, Some(PartState::ReturnRequested)), &ask("x")), Some(ErrorCode::Conflict));
    let review = |accept, reason: &str| TicketAction::ReviewReturn { unit_id: 1, accept, reassign_to: None, reason: reason.into() };
    let pending = Situation { return_pending: true, ..at(InProgress, None) };
    assert_eq!(code(Side::Office, &pending, &review(false, "属于本单位职责")), None);
    assert_eq!(code(Side::Office, &pending, &review(false, "")), Some(ErrorCode::InvalidParameter));
    assert_eq!(code(Side::Office, &at(InProgress, None), &review(true, "")), Some(ErrorCode::Conflict));
    assert_eq!(code(HEAD, &pending, &review(true, "")), Some(ErrorCode::Forbidden));
}

#[test]
fn extension_once_before_expiry_by_the_lead() {
    let ask = TicketAction::RequestExtension { amount: 2, reason: "需现场核查".into() };
    let signed = at(InProgress, Some(PartState::Signed));
    assert_eq!(code(STAFF, &signed, &ask), None);
    assert_eq!(code(Side::Assist, &signed, &ask), Some(ErrorCode::Forbidden));
    assert_eq!(code(STAFF, &Situation { overdue: true, ..signed }, &ask), Some(ErrorCode::Conflict));
    for e in [E::Pending, E::Approved, E::Refused] {
        assert_eq!(code(STAFF, &Situation { extension: e, ..signed }, &ask), Some(ErrorCode::Conflict));
    }
    let zero = TicketAction::RequestExtension { amount: 0, reason: "x".into() };
    assert_eq!(code(STAFF, &signed, &zero), Some(ErrorCode::InvalidParameter));
    let decide = TicketAction::DecideExtension { approve: true, reason: String::new() };
    assert_eq!(code(Side::Office, &Situation { extension: E::Pending, ..signed }, &decide), None);
    assert_eq!(code(Side::Office, &signed, &decide), Some(ErrorCode::Conflict));
}

#[test]
fn the_reply_is_signed_off_and_cites_policy() {
    let reply = |t: &str, p: &str, by: &str| TicketAction::Reply { text: t.into(), policy: p.into(), signed_off_by: by.into() };
    let signed = at(InProgress, Some(PartState::Signed));
    assert_eq!(code(HEAD, &signed, &reply("已责令停工", "《环境噪声污染防治法》第三十条", "李副局长")), None);
    assert_eq!(code(STAFF, &signed, &reply("已责令停工", "x", "李副局长")), Some(ErrorCode::Forbidden));
    assert_eq!(code(HEAD, &signed, &reply("已责令停工", " ", "李副局长")), Some(ErrorCode::InvalidParameter));
    assert_eq!(code(HEAD, &signed, &reply("已责令停工", "x", "")), Some(ErrorCode::InvalidParameter));
    assert_eq!(code(HEAD, &at(Dispatched, Some(PartState::Sent)), &reply("a", "b", "c")), Some(ErrorCode::Conflict));
    assert_eq!(code(HEAD, &Situation { return_pending: true, ..signed }, &reply("a", "b", "c")), Some(ErrorCode::Conflict));
}

#[test]
fn what_each_side_sees_open() {
    let signed = at(InProgress, Some(PartState::Signed));
    assert_eq!(available(HEAD, &signed), vec!["request_return", "request_extension", "note", "reply"]);
    assert_eq!(available(STAFF, &signed), vec!["request_return", "request_extension", "note"]);
    assert_eq!(available(Side::Assist, &signed), vec!["request_return", "note", "contribute"]);
    assert_eq!(available(Side::Office, &at(Replied, None)), vec!["note", "review_reply", "grant_contact"]);
    assert_eq!(available(Side::Office, &at(Callback, None)), vec!["note", "callback", "grant_contact"]);
    assert!(available(Side::Office, &at(Closed, None)).is_empty());
}

#[test]
fn call_back_outcomes() {
    use CallbackOutcome::*;
    assert_eq!(callback_outcome(CallbackResult::Satisfied, 1), Close(CloseReason::Satisfied));
    assert_eq!(callback_outcome(CallbackResult::BasicallySatisfied, 1), Close(CloseReason::BasicallySatisfied));
    assert_eq!(callback_outcome(CallbackResult::Dissatisfied, 1), Reopen);
    assert_eq!(callback_outcome(CallbackResult::DissatisfiedObjective, 2), Close(CloseReason::Explained));
    assert_eq!(callback_outcome(CallbackResult::NoAnswer, 1), TryAgain);
    assert_eq!(callback_outcome(CallbackResult::NoAnswer, CALLBACK_TRIES), Close(CloseReason::Unreachable));
}

#[test]
fn signing_limits_by_urgency() {
    assert_eq!(sign_limit(Urgency::Critical), Limit::Hours(1));
    assert_eq!(sign_limit(Urgency::Normal), Limit::WorkingDays(1));
}
