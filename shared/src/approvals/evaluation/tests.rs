use super::*;

#[test]
fn five_levels_round_trip_and_the_last_two_are_negative() {
    for (i, l) in Level::ALL.into_iter().enumerate() {
        assert_eq!(l.rank() as usize, i + 1);
        assert_eq!(Level::from_rank(l.rank()), Some(l));
    }
    assert_eq!(Level::from_rank(0), None);
    assert_eq!(Level::from_rank(6), None);
    let negative: Vec<_> = Level::ALL.into_iter().filter(|l| l.is_negative()).map(Level::zh).collect();
    assert_eq!(negative, ["不满意", "非常不满意"]);
    for r in ReviewState::ALL {
        assert_eq!(ReviewState::parse(r.as_str()), Some(r));
    }
}

#[test]
fn rating_only_once_after_completion() {
    assert!(check_rating(CaseState::Completed, false, Level::Satisfied, "").is_ok());
    assert!(check_rating(CaseState::Completed, false, Level::Dissatisfied, "等了很久").is_ok());
    for s in CaseState::ALL.into_iter().filter(|s| *s != CaseState::Completed) {
        let e = check_rating(s, false, Level::Satisfied, "").unwrap_err();
        assert_eq!((e.code, e.current_state.as_deref()), (ErrorCode::Conflict, Some(s.as_str())));
    }
    assert_eq!(check_rating(CaseState::Completed, true, Level::Satisfied, "").unwrap_err().code, ErrorCode::Conflict);
}

#[test]
fn a_negative_rating_needs_a_reason_and_comments_are_bounded() {
    for l in [Level::Dissatisfied, Level::VeryDissatisfied] {
        assert_eq!(check_rating(CaseState::Completed, false, l, "  ").unwrap_err().code, ErrorCode::InvalidParameter);
    }
    let long = "慢".repeat(MAX_COMMENT_CHARS + 1);
    assert_eq!(check_rating(CaseState::Completed, false, Level::Satisfied, &long).unwrap_err().code, ErrorCode::InvalidParameter);
    assert!(check_rating(CaseState::Completed, false, Level::Satisfied, &long[..MAX_COMMENT_CHARS * 3]).is_ok());
}

#[test]
fn verification_only_once_with_particulars() {
    let pending = Some(ReviewState::PendingVerification);
    let upheld = |days, text: &str| Verdict::Upheld { days, instructions: text.into() };
    assert_eq!(check_verdict(pending, &upheld(5, "加强窗口告知")), Ok(ReviewState::Rectifying));
    assert_eq!(check_verdict(pending, &Verdict::Dismissed { reason: "经调阅录像，窗口按规定办理".into() }), Ok(ReviewState::Dismissed));
    for bad in [upheld(0, "x"), upheld(MAX_RECTIFY_DAYS + 1, "x"), upheld(5, " "), Verdict::Dismissed { reason: "".into() }] {
        assert_eq!(check_verdict(pending, &bad).unwrap_err().code, ErrorCode::InvalidParameter, "{bad:?}");
    }
    for done in [ReviewState::Dismissed, ReviewState::Rectifying, ReviewState::Rectified] {
        let e = check_verdict(Some(done), &upheld(5, "x")).unwrap_err();
        assert_eq!((e.code, e.current_state.as_deref()), (ErrorCode::Conflict, Some(done.as_str())));
    }
    assert_eq!(check_verdict(None, &upheld(5, "x")).unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn rectification_only_when_told_to() {
    assert!(check_rectification(Some(ReviewState::Rectifying), "已对窗口人员开展培训").is_ok());
    assert_eq!(check_rectification(Some(ReviewState::Rectifying), " ").unwrap_err().code, ErrorCode::InvalidParameter);
    for s in [ReviewState::PendingVerification, ReviewState::Dismissed, ReviewState::Rectified] {
        assert_eq!(check_rectification(Some(s), "x").unwrap_err().code, ErrorCode::Conflict);
    }
    assert_eq!(check_rectification(None, "x").unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn a_rectification_is_overdue_only_after_its_last_day_while_unreported() {
    let d = |s| crate::engine::date::Date::parse(s).unwrap();
    let by = crate::engine::instant::Instant::parse("2026-12-02T23:59:59+08:00").ok();
    assert!(!rectification_overdue(ReviewState::Rectifying, by, d("2026-12-02")));
    assert!(rectification_overdue(ReviewState::Rectifying, by, d("2026-12-03")));
    assert!(!rectification_overdue(ReviewState::Rectified, by, d("2026-12-03")));
    assert!(!rectification_overdue(ReviewState::Rectifying, None, d("2026-12-03")));
}

#[test]
fn requests_read_the_documented_json() {
    let v: VerificationRequest = serde_json::from_str(r#"{"version":7,"verdict":"upheld","days":5,"instructions":"整改"}"#).unwrap();
    assert_eq!(v.verdict, Verdict::Upheld { days: 5, instructions: "整改".into() });
    let r: EvaluationRequest = serde_json::from_str(r#"{"code":"AB12","level":"very_dissatisfied","comment":"慢"}"#).unwrap();
    assert_eq!(r.level, Level::VeryDissatisfied);
}
