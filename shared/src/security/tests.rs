use super::*;
use crate::staff::Role;

fn query(pairs: &[(&str, &str)]) -> SecurityEventsQuery {
    let map: serde_json::Map<String, serde_json::Value> =
        pairs.iter().map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string()))).collect();
    serde_json::from_value(serde_json::Value::Object(map)).unwrap()
}

#[test]
fn a_search_reads_days_as_china_time_bounds() {
    let f = SecurityFilter::parse(&query(&[("from", "2026-03-01"), ("to", "2026-03-31"), ("kind", "sign_in"), ("outcome", "failure")]))
        .unwrap();
    assert_eq!(f.from.unwrap().to_string(), "2026-03-01T00:00:00+08:00");
    assert_eq!(f.until.unwrap().to_string(), "2026-04-01T00:00:00+08:00");
    assert_eq!(f.kind, Some(SecurityKind::SignIn));
    assert_eq!(f.outcome, Some(Outcome::Failure));
    assert_eq!(f.limit, crate::page::PAGE_SIZE);
    let empty = SecurityFilter::parse(&query(&[("user", "  "), ("address", "")])).unwrap();
    assert_eq!((empty.user, empty.address, empty.from), (None, None, None));
}

#[test]
fn a_bad_search_is_refused() {
    for bad in [
        vec![("from", "2026-3-1")],
        vec![("from", "2026-03-02"), ("to", "2026-03-01")],
        vec![("kind", "nap")],
        vec![("outcome", "ok")],
        vec![("limit", "101")],
        vec![("after", "zz")],
    ] {
        assert!(SecurityFilter::parse(&query(&bad)).is_err(), "{bad:?}");
    }
    let long = "x".repeat(MAX_USERNAME_CHARS + 1);
    assert!(SecurityFilter::parse(&query(&[("user", &long)])).is_err());
}

#[test]
fn the_next_page_starts_after_the_last_event() {
    let at = Instant::parse("2026-03-01T09:30:00+08:00").unwrap();
    let event = SecurityEvent {
        id: 7,
        at,
        kind: SecurityKind::Forbidden,
        outcome: Outcome::Refused,
        staff_id: Some(3),
        username: "a".into(),
        address: "10.0.0.1".into(),
        target: "GET /api/admin/settings".into(),
        detail: String::new(),
    };
    let f = SecurityFilter::parse(&query(&[("after", &cursor_after(&event))])).unwrap();
    assert_eq!(f.after, Some((at, 7)));
}

#[test]
fn texts_are_cut_to_one_line() {
    assert_eq!(clip("a\nb\u{7}c", 10), "abc");
    assert_eq!(clip("县府办管理员", 3), "县府办");
}

#[test]
fn a_change_of_role_or_unit_is_a_role_change() {
    let before = Account {
        id: 5,
        username: "zj_window".into(),
        name: "张三".into(),
        role: Role::WindowStaff,
        department_id: Some(4),
        department_name: None,
        active: true,
        must_change_password: false,
        version: 1,
    };
    let save = |role, department_id, active| AccountSave { name: "张三".into(), role, department_id, active, version: 1 };
    let (kind, detail) = account_change(&before, &save(Role::DepartmentHead, Some(4), true));
    assert_eq!(kind, SecurityKind::RoleChanged);
    assert_eq!(detail, "zj_window：角色：窗口工作人员→部门负责人");
    let (kind, detail) = account_change(&before, &save(Role::WindowStaff, Some(4), false));
    assert_eq!(kind, SecurityKind::AccountChanged);
    assert_eq!(detail, "zj_window：停用");
    assert_eq!(account_change(&before, &save(Role::WindowStaff, Some(5), true)).0, SecurityKind::RoleChanged);
}

#[test]
fn every_kind_and_outcome_has_chinese() {
    assert!(SecurityKind::ALL.iter().all(|k| !k.zh().is_empty()));
    assert!(Outcome::ALL.iter().all(|o| !o.zh().is_empty()));
    assert!(retention_statement().contains(&RETAIN_DAYS.to_string()));
}
