use super::*;

pub(crate) fn content() -> MatterContent {
    MatterContent {
        code: "SCJG-001".into(),
        name: "个体工商户设立登记".into(),
        department_id: 1,
        class: HandlingClass::Commitment,
        legal_basis: "《促进个体工商户发展条例》".into(),
        conditions: "有经营能力的自然人".into(),
        materials: vec![
            MaterialSpec { name: "申请书".into(), form: MaterialForm::Original, copies: 1, required: true, note: String::new() },
            MaterialSpec { name: "身份证".into(), form: MaterialForm::Copy, copies: 1, required: true, note: String::new() },
        ],
        procedure: vec!["申请".into(), "受理".into(), "办结".into()],
        statutory_days: 15,
        committed_days: 3,
        fee: "不收费".into(),
        fee_basis: String::new(),
        free: true,
        result: "营业执照".into(),
        yellow_days: 2,
        form_fields: vec![FormField { key: "shop_address".into(), label: "经营场所".into(), required: true }],
    }
}

fn fields(c: &MatterContent) -> Vec<String> {
    c.validate().err().map(|e| e.fields.into_iter().map(|f| f.field).collect()).unwrap_or_default()
}

#[test]
fn a_complete_matter_passes() {
    assert_eq!(content().validate(), Ok(()));
}

#[test]
fn committed_never_exceeds_statutory() {
    let c = MatterContent { committed_days: 16, ..content() };
    assert_eq!(fields(&c), ["committed_days"]);
    assert!(MatterContent { committed_days: 15, ..content() }.validate().is_ok());
    assert!(MatterContent { committed_days: 0, statutory_days: 0, ..content() }.validate().is_ok());
}

#[test]
fn materials_are_named_once_each() {
    let mut c = content();
    c.materials[1].name = " 申请书 ".into();
    assert_eq!(fields(&c), ["materials.1"]);
    c.materials.clear();
    assert_eq!(fields(&c), ["materials"]);
    let mut c = content();
    c.materials[0].copies = 0;
    assert_eq!(fields(&c), ["materials.0"]);
}

#[test]
fn form_fields_have_unique_plain_keys() {
    let mut c = content();
    c.form_fields.push(FormField { key: "shop_address".into(), label: "又一个".into(), required: false });
    c.form_fields.push(FormField { key: "经营".into(), label: "x".into(), required: false });
    assert_eq!(fields(&c), ["form_fields.1", "form_fields.2"]);
}

#[test]
fn empty_steps_and_codes_are_refused() {
    let c = MatterContent { code: "A B".into(), procedure: vec!["申请".into(), " ".into()], ..content() };
    assert_eq!(fields(&c), ["code", "procedure"]);
}

fn user(role: Role, department_id: Option<i64>) -> StaffUser {
    StaffUser {
        id: 1,
        username: "u".into(),
        name: "甲".into(),
        role,
        department_id,
        department_name: None,
        must_change_password: false,
        must_set_up_second_factor: false,
    }
}

#[test]
fn heads_draft_for_their_department_and_the_office_publishes() {
    let head = user(Role::DepartmentHead, Some(1));
    let window = user(Role::WindowStaff, Some(1));
    let office = user(Role::OfficeAdmin, None);
    assert!(check_can_draft(&head, 1).is_ok());
    assert!(check_can_draft(&head, 2).is_err());
    assert!(check_can_draft(&window, 1).is_err());
    assert!(check_can_draft(&office, 2).is_ok());
    assert_eq!(check_step(&head, VersionState::Draft, VersionStep::Submit, ""), Ok(VersionState::Submitted));
    assert_eq!(check_step(&head, VersionState::Returned, VersionStep::Submit, ""), Ok(VersionState::Submitted));
    assert_eq!(check_step(&head, VersionState::Submitted, VersionStep::Publish, "").unwrap_err().code, ErrorCode::Forbidden);
    assert_eq!(check_step(&office, VersionState::Submitted, VersionStep::Publish, ""), Ok(VersionState::Published));
    assert_eq!(check_step(&office, VersionState::Submitted, VersionStep::Return, " ").unwrap_err().code, ErrorCode::InvalidParameter);
    assert_eq!(check_step(&office, VersionState::Submitted, VersionStep::Return, "材料不全"), Ok(VersionState::Returned));
    assert_eq!(check_step(&office, VersionState::Draft, VersionStep::Publish, "").unwrap_err().code, ErrorCode::Conflict);
    assert_eq!(check_step(&office, VersionState::Published, VersionStep::Submit, "").unwrap_err().code, ErrorCode::Conflict);
}

#[test]
fn only_drafts_and_returned_versions_are_edited() {
    for s in VersionState::ALL {
        let editable = matches!(s, VersionState::Draft | VersionState::Returned);
        assert_eq!(check_editable(s).is_ok(), editable, "{s:?}");
    }
}

#[test]
fn the_diff_names_what_changed() {
    let before = content();
    assert!(diff(Some(&before), &before).is_empty());
    let mut after = content();
    after.committed_days = 2;
    after.materials.swap(0, 1);
    after.materials[0].copies = 2;
    after.materials.push(MaterialSpec {
        name: "承诺书".into(),
        form: MaterialForm::Original,
        copies: 1,
        required: false,
        note: "自愿".into(),
    });
    after.form_fields.clear();
    let changes = diff(Some(&before), &after);
    let named: Vec<(&str, &str, &str)> = changes.iter().map(|c| (c.field.as_str(), c.before.as_str(), c.after.as_str())).collect();
    assert_eq!(
        named,
        [
            ("承诺时限（工作日）", "3", "2"),
            ("材料：身份证", "复印件，1份，必交", "复印件，2份，必交"),
            ("材料：承诺书", "（新增）", "原件，1份，选交，自愿"),
            ("申请表栏目：shop_address", "经营场所（必填）", "（删除）"),
        ]
    );
}

#[test]
fn a_new_matter_is_all_new() {
    let changes = diff(None, &content());
    assert!(changes.iter().any(|c| c.field == "事项名称" && c.before.is_empty()));
    assert!(changes.iter().any(|c| c.field == "材料：申请书" && c.before == "（新增）"));
}
