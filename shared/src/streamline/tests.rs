use super::*;
use ApprovingBody::*;
use MeetingClass::*;

#[test]
fn every_class_and_approving_body() {
    let table = [
        (Class1, ExecutiveMeeting, true),
        (Class1, CountyHeadOfficeMeeting, true),
        (Class1, CountyHead, false),
        (Class1, ExecutiveDeputyCountyHead, false),
        (Class2, ExecutiveMeeting, false),
        (Class2, CountyHeadOfficeMeeting, true),
        (Class2, CountyHead, true),
        (Class2, ExecutiveDeputyCountyHead, true),
    ];
    for (class, body, allowed) in table {
        assert_eq!(may_approve(class, body), allowed, "{class:?} by {body:?}");
        let form = meeting(class, body);
        assert_eq!(form.validate().is_ok(), allowed, "{class:?} by {body:?}");
    }
}

fn meeting(class: MeetingClass, approved_by: ApprovingBody) -> MeetingForm {
    MeetingForm {
        title: "全县安全生产工作会议".into(),
        organiser_department_id: 1,
        date: Date::parse("2026-03-10").unwrap(),
        duration_minutes: 90,
        participants: "各乡镇、县直各部门主要负责人".into(),
        class,
        approved_by,
        approval_date: Date::parse("2026-03-02").unwrap(),
        approval_ref: "县政府常务会议纪要〔2026〕3号".into(),
        plan_item_id: None,
    }
}

#[test]
fn a_refusal_names_who_may_approve() {
    let e = meeting(Class1, CountyHead).validate().unwrap_err();
    let f = &e.fields[0];
    assert_eq!(f.field, "approved_by");
    assert_eq!(f.message, "一类会议须由县政府常务会议、县长办公会议研究确定或批准，“县长”无权批准");
}

#[test]
fn meeting_fields_are_checked() {
    let mut m = meeting(Class2, CountyHead);
    m.title = " ".into();
    m.duration_minutes = 5;
    m.approval_date = Date::parse("2026-03-11").unwrap();
    let fields: Vec<_> = m.validate().unwrap_err().fields.into_iter().map(|f| f.field).collect();
    assert_eq!(fields, ["title", "duration_minutes", "approval_date"]);
}

fn request(within: bool, departments: usize, authority: bool, nature: DocNature) -> DocumentRequest {
    DocumentRequest {
        subject: "关于做好冬季供暖工作的通知".into(),
        proposed_level: DocLevel::CountyGovernment,
        drafting_departments: (1..=departments as i64).collect(),
        within_one_department: within,
        needs_government_authority: authority,
        nature,
        length_chars: 1800,
    }
}

#[test]
fn the_lowest_level_that_serves_is_suggested() {
    use DocNature::*;
    assert_eq!(suggest_level(&request(true, 1, false, WorkArrangement)), DocLevel::Department);
    assert_eq!(suggest_level(&request(false, 1, false, Policy)), DocLevel::Department);
    assert_eq!(suggest_level(&request(false, 3, false, WorkArrangement)), DocLevel::JointDepartment);
    assert_eq!(suggest_level(&request(false, 2, true, Policy)), DocLevel::CountyGovernment);
    assert_eq!(suggest_level(&request(false, 2, true, WorkArrangement)), DocLevel::CountyOffice);
    assert_eq!(suggest_level(&request(false, 1, true, Correspondence)), DocLevel::InformalLetter);
}

#[test]
fn requests_are_validated() {
    assert!(request(true, 1, false, DocNature::Policy).validate().is_ok());
    let fields: Vec<_> = request(true, 2, false, DocNature::Policy).validate().unwrap_err().fields.into_iter().map(|f| f.field).collect();
    assert_eq!(fields, ["within_one_department"]);
    let mut r = request(false, 0, false, DocNature::Policy);
    r.subject = String::new();
    r.length_chars = 0;
    let fields: Vec<_> = r.validate().unwrap_err().fields.into_iter().map(|f| f.field).collect();
    assert_eq!(fields, ["subject", "drafting_departments", "length_chars"]);
}

#[test]
fn reviews_only_lower_never_raise() {
    let proposed = DocLevel::CountyOffice;
    assert_eq!(Review::Approve.check(proposed), Ok(Some(proposed)));
    let lower = Review::Lower { level: DocLevel::InformalLetter, reason: "仅涉及少数单位，便函即可".into() };
    assert_eq!(lower.check(proposed), Ok(Some(DocLevel::InformalLetter)));
    for level in [DocLevel::CountyGovernment, DocLevel::CountyOffice] {
        assert!(Review::Lower { level, reason: "x".into() }.check(proposed).is_err(), "{level:?}");
    }
    assert!(Review::Lower { level: DocLevel::Department, reason: " ".into() }.check(proposed).is_err());
    assert_eq!(Review::Refuse { reason: "内容已有文件覆盖".into() }.check(proposed), Ok(None));
    assert!(Review::Refuse { reason: "".into() }.check(proposed).is_err());
}

#[test]
fn numbers_and_names() {
    assert_eq!(document_number("示政发", 2026, 3), "示政发〔2026〕3号");
    assert_eq!(document_number("示政办发", 2026, 12), "示政办发〔2026〕12号");
    for l in DocLevel::ALL {
        assert_eq!(DocLevel::parse(l.as_str()), Some(l));
        assert_eq!(serde_json::to_value(l).unwrap(), l.as_str());
    }
    for c in MeetingClass::ALL {
        assert_eq!(MeetingClass::parse(c.as_str()), Some(c));
    }
    let government: Vec<_> = DocLevel::ALL.into_iter().filter(|l| l.in_government_name()).collect();
    assert_eq!(government, [DocLevel::CountyGovernment, DocLevel::CountyOffice, DocLevel::InformalLetter]);
}
