use super::*;
use crate::complaints::ComplaintCloseReason;
use ComplaintState::*;
use ExtensionState as E;

fn at(state: ComplaintState, mode: Option<HandlingMode>) -> Situation {
    Situation {
        state,
        kind: ComplaintKind::Complaint,
        mode,
        anonymous: false,
        extension: E::None,
        overdue: false,
        finding: (state != Received && state != Handling).then_some(Finding::True),
    }
}

fn code(side: Side, s: &Situation, a: &ComplaintAction) -> Option<ErrorCode> {
    check(side, s, a).err().map(|e| e.code)
}

const OFFICE: Option<HandlingMode> = Some(HandlingMode::Office);
const ASSIGNED: Option<HandlingMode> = Some(HandlingMode::Assigned);

/// Every state × every action, for each side and way of handling: exactly
/// these are open, everything else is refused.
#[test]
fn every_state_and_action() {
    type Open = &'static [&'static str];
    let expected: [(ComplaintState, Open, Open, Open); 5] = [
        // (state, the office when it handles it, the office when a unit does, the unit)
        (Received, &["accept", "reject", "transfer_out", "note"], &["accept", "reject", "transfer_out", "note"], &["note"]),
        (Handling, &["request_extension", "investigate", "note"], &["note"], &["request_extension", "investigate", "note"]),
        (Investigated, &["hold", "conclude", "note"], &["hold", "conclude", "note"], &["note"]),
        (Replied, &["callback", "note"], &["callback", "note"], &["note"]),
        (Closed, &[], &[], &[]),
    ];
    assert_eq!(expected.len(), ComplaintState::ALL.len());
    for (state, office_self, office_unit, unit) in expected {
        let received_mode = |m| if state == Received { None } else { m };
        assert_eq!(available(Side::Office, &at(state, received_mode(OFFICE))), office_self, "office, self, {state:?}");
        assert_eq!(available(Side::Office, &at(state, received_mode(ASSIGNED))), office_unit, "office, unit, {state:?}");
        assert_eq!(available(Side::Unit, &at(state, received_mode(ASSIGNED))), unit, "unit, {state:?}");
    }
}

#[test]
fn a_consultation_is_answered_and_closed() {
    let s = Situation { kind: ComplaintKind::Consultation, ..at(Received, None) };
    assert_eq!(available(Side::Office, &s), vec!["answer", "note"]);
    let answer = |t: &str| ComplaintAction::Answer { text: t.into() };
    assert_eq!(code(Side::Office, &s, &answer("营业执照变更可在网上办理")), None);
    assert_eq!(code(Side::Office, &s, &answer(" ")), Some(ErrorCode::InvalidParameter));
    assert_eq!(code(Side::Unit, &s, &answer("x")), Some(ErrorCode::Forbidden));
    assert_eq!(code(Side::Office, &at(Received, None), &answer("x")), Some(ErrorCode::Conflict), "a complaint is not answered");
    let accept = ComplaintAction::Accept { mode: HandlingMode::Office, unit_id: None, instruction: String::new() };
    assert_eq!(code(Side::Office, &s, &accept), Some(ErrorCode::Conflict), "a consultation is not accepted");
}

#[test]
fn the_acceptance_decision_needs_its_parts() {
    let s = at(Received, None);
    let accept = |mode, unit_id| ComplaintAction::Accept { mode, unit_id, instruction: String::new() };
    assert_eq!(code(Side::Office, &s, &accept(HandlingMode::Office, None)), None);
    assert_eq!(code(Side::Office, &s, &accept(HandlingMode::Assigned, Some(3))), None);
    assert_eq!(code(Side::Office, &s, &accept(HandlingMode::Transferred, Some(3))), None);
    assert_eq!(code(Side::Office, &s, &accept(HandlingMode::Assigned, None)), Some(ErrorCode::InvalidParameter));
    assert_eq!(code(Side::Office, &s, &accept(HandlingMode::Office, Some(3))), Some(ErrorCode::InvalidParameter));
    assert_eq!(code(Side::Unit, &s, &accept(HandlingMode::Office, None)), Some(ErrorCode::Forbidden));
    let reject = |r: &str| ComplaintAction::Reject { reason: r.into() };
    assert_eq!(code(Side::Office, &s, &reject("不属于行政效能投诉范围")), None);
    assert_eq!(code(Side::Office, &s, &reject("")), Some(ErrorCode::InvalidParameter));
    let out = |b: &str, r: &str| ComplaintAction::TransferOut { body: b.into(), reason: r.into() };
    assert_eq!(code(Side::Office, &s, &out("县纪委监委", "涉及违纪")), None);
    assert_eq!(code(Side::Office, &s, &out("", "涉及违纪")), Some(ErrorCode::InvalidParameter));
    assert_eq!(code(Side::Office, &s, &out("县纪委监委", " ")), Some(ErrorCode::InvalidParameter));
    for state in [Handling, Investigated, Replied, Closed] {
        assert_eq!(code(Side::Office, &at(state, OFFICE), &reject("x")), Some(ErrorCode::Conflict), "{state:?}");
    }
}

#[test]
fn the_default_limit_is_30_working_days_extended_to_60() {
    assert_eq!(HANDLING_LIMIT, Limit::WorkingDays(30));
    assert_eq!(EXTENDED_LIMIT, Limit::WorkingDays(60));
    assert_eq!(handling_limit(E::None), HANDLING_LIMIT);
    assert_eq!(handling_limit(E::Pending), HANDLING_LIMIT);
    assert_eq!(handling_limit(E::Refused), HANDLING_LIMIT);
    assert_eq!(handling_limit(E::Approved), EXTENDED_LIMIT);
    assert!(EXTENDED_LIMIT.validate().is_ok());
}

#[test]
fn an_extension_is_asked_once_before_expiry_by_the_handler() {
    let ask = ComplaintAction::RequestExtension { reason: "需调取监控并约谈当事人".into() };
    let own = at(Handling, OFFICE);
    let theirs = at(Handling, ASSIGNED);
    assert_eq!(code(Side::Office, &own, &ask), None);
    assert_eq!(code(Side::Unit, &theirs, &ask), None);
    assert_eq!(code(Side::Office, &theirs, &ask), Some(ErrorCode::Forbidden), "the unit asks for what it handles");
    let late = check(Side::Unit, &Situation { overdue: true, ..theirs }, &ask).unwrap_err();
    assert_eq!(late.code, ErrorCode::Conflict);
    assert!(late.message.contains("期限届满前"), "{}", late.message);
    assert_eq!(late.current_state.as_deref(), Some("handling"));
    for e in [E::Pending, E::Approved, E::Refused] {
        assert_eq!(code(Side::Unit, &Situation { extension: e, ..theirs }, &ask), Some(ErrorCode::Conflict), "{e:?}");
    }
    let no_reason = ComplaintAction::RequestExtension { reason: " ".into() };
    assert_eq!(code(Side::Unit, &theirs, &no_reason), Some(ErrorCode::InvalidParameter));
    let decide = |approve, r: &str| ComplaintAction::DecideExtension { approve, reason: r.into() };
    let pending = Situation { extension: E::Pending, ..theirs };
    assert_eq!(code(Side::Office, &pending, &decide(true, "")), None);
    assert_eq!(code(Side::Office, &Situation { overdue: true, ..pending }, &decide(true, "")), None, "asked in time, decided later");
    assert_eq!(code(Side::Office, &pending, &decide(false, "")), Some(ErrorCode::InvalidParameter));
    assert_eq!(code(Side::Unit, &pending, &decide(true, "")), Some(ErrorCode::Forbidden));
    assert_eq!(code(Side::Office, &theirs, &decide(true, "")), Some(ErrorCode::Conflict));
}

#[test]
fn the_investigation_record_names_the_units_and_the_facts() {
    let inv = |unit_ids: Vec<i64>, facts: &str| ComplaintAction::Investigate {
        finding: Finding::PartlyTrue,
        unit_ids,
        people: "窗口工作人员张某".into(),
        facts: facts.into(),
    };
    let theirs = at(Handling, ASSIGNED);
    assert_eq!(code(Side::Unit, &theirs, &inv(vec![2], "经查，重复要求补交材料属实")), None);
    assert_eq!(code(Side::Unit, &theirs, &inv(vec![], "x")), Some(ErrorCode::InvalidParameter));
    assert_eq!(code(Side::Unit, &theirs, &inv((1..=11).collect(), "x")), Some(ErrorCode::InvalidParameter));
    assert_eq!(code(Side::Unit, &theirs, &inv(vec![2], "")), Some(ErrorCode::InvalidParameter));
    assert_eq!(code(Side::Office, &theirs, &inv(vec![2], "x")), Some(ErrorCode::Forbidden));
    assert_eq!(code(Side::Office, &at(Handling, OFFICE), &inv(vec![2], "x")), None);
    assert_eq!(code(Side::Unit, &at(Investigated, ASSIGNED), &inv(vec![2], "x")), Some(ErrorCode::Conflict));
}

#[test]
fn accountability_only_for_an_upheld_finding() {
    let hold = |notice, sanction, reward| ComplaintAction::Hold { notice, sanction, reward };
    let upheld = at(Investigated, ASSIGNED);
    assert_eq!(code(Side::Office, &upheld, &hold(Some(FaultNotice::Fault), Some(Sanction::WrittenSelfCriticism), true)), None);
    assert_eq!(code(Side::Office, &upheld, &hold(None, None, false)), Some(ErrorCode::InvalidParameter));
    assert_eq!(code(Side::Unit, &upheld, &hold(None, None, true)), Some(ErrorCode::Forbidden));
    let untrue = Situation { finding: Some(Finding::Untrue), ..upheld };
    assert_eq!(code(Side::Office, &untrue, &hold(Some(FaultNotice::Fault), None, false)), Some(ErrorCode::Conflict));
    assert!(!available(Side::Office, &untrue).contains(&"hold"));
    assert!(Finding::True.upheld() && Finding::PartlyTrue.upheld() && !Finding::Untrue.upheld());
}

#[test]
fn concluding_replies_to_a_named_complainant_only() {
    assert_eq!(after_conclusion(false), (Replied, None));
    assert_eq!(after_conclusion(true), (Closed, Some(ComplaintCloseReason::Concluded)));
    let conclude = |r: &str| ComplaintAction::Conclude { result: r.into() };
    assert_eq!(code(Side::Office, &at(Investigated, OFFICE), &conclude("已责令整改并向您致歉")), None);
    assert_eq!(code(Side::Office, &at(Investigated, OFFICE), &conclude(" ")), Some(ErrorCode::InvalidParameter));
    assert_eq!(code(Side::Office, &at(Handling, OFFICE), &conclude("x")), Some(ErrorCode::Conflict));
}

#[test]
fn a_call_back_closes_or_sends_back_for_redo() {
    assert_eq!(after_callback(ComplaintCallback::Satisfied), (Closed, Some(ComplaintCloseReason::Satisfied)));
    assert_eq!(after_callback(ComplaintCallback::Unreachable), (Closed, Some(ComplaintCloseReason::NotVisited)));
    assert_eq!(after_callback(ComplaintCallback::Redo), (Handling, None));
    let cb = ComplaintAction::Callback { result: ComplaintCallback::Redo, note: "认为整改不到位".into() };
    assert_eq!(code(Side::Office, &at(Replied, ASSIGNED), &cb), None);
    assert_eq!(code(Side::Unit, &at(Replied, ASSIGNED), &cb), Some(ErrorCode::Forbidden));
    assert_eq!(code(Side::Office, &at(Investigated, ASSIGNED), &cb), Some(ErrorCode::Conflict));
}

#[test]
fn texts_are_capped() {
    let long = ComplaintAction::Note { text: "字".repeat(MAX_TEXT_CHARS + 1) };
    assert_eq!(code(Side::Office, &at(Handling, OFFICE), &long), Some(ErrorCode::InvalidParameter));
    let fits = ComplaintAction::Note { text: "字".repeat(MAX_TEXT_CHARS) };
    assert_eq!(code(Side::Office, &at(Handling, OFFICE), &fits), None);
    let people = ComplaintAction::Investigate { finding: Finding::True, unit_ids: vec![1], people: "字".repeat(201), facts: "x".into() };
    assert_eq!(code(Side::Office, &at(Handling, OFFICE), &people), Some(ErrorCode::InvalidParameter));
    let accept = ComplaintAction::Accept { mode: HandlingMode::Office, unit_id: None, instruction: "字".repeat(201) };
    assert_eq!(code(Side::Office, &at(Received, None), &accept), Some(ErrorCode::InvalidParameter));
}

#[test]
fn actions_travel_tagged() {
    let r: ComplaintActionRequest = serde_json::from_str(r#"{"version":3,"action":"accept","mode":"assigned","unit_id":2}"#).unwrap();
    assert_eq!(r.version, 3);
    assert_eq!(r.action, ComplaintAction::Accept { mode: HandlingMode::Assigned, unit_id: Some(2), instruction: String::new() });
    assert_eq!(r.action.name(), "accept");
}

#[test]
fn evidence_comes_from_the_handler_before_the_conclusion() {
    assert!(check_evidence(Side::Unit, &at(Handling, ASSIGNED)).is_ok());
    assert!(check_evidence(Side::Unit, &at(Investigated, ASSIGNED)).is_ok());
    assert_eq!(check_evidence(Side::Office, &at(Handling, ASSIGNED)).unwrap_err().code, ErrorCode::Forbidden);
    assert!(check_evidence(Side::Office, &at(Handling, OFFICE)).is_ok());
    for state in [Received, Replied, Closed] {
        assert_eq!(check_evidence(Side::Office, &at(state, OFFICE)).unwrap_err().code, ErrorCode::Conflict, "{state:?}");
    }
}
