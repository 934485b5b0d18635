use super::params::{check_intake, decode_form, first_try_times, new_request, requests_query, MAX_PAGE_SIZE, PAGE_SIZE};
use super::*;
use crate::hotline::catalogue::{CategoryForm, Limits};
use crate::hotline::Channel;
use serde_json::json;

fn at(s: &str) -> Instant {
    Instant::parse(s).unwrap()
}

fn category(active: bool) -> Category {
    Category {
        id: 1,
        form: CategoryForm {
            code: "noise".into(),
            name: "噪音扰民".into(),
            group: "生态环境".into(),
            county_matter: true,
            lead_unit_id: Some(9),
            assist_unit_ids: vec![],
            limits: Limits { normal: Limit::WorkingDays(13), urgent: Limit::WorkingDays(0), critical: Limit::Hours(2) },
        },
        lead_unit_name: Some("县生态环境分局".into()),
        active,
        version: 3,
    }
}

fn pairs(q: &str) -> Vec<(String, String)> {
    decode_form(q).unwrap()
}

fn facts() -> TicketFacts {
    TicketFacts {
        ticket_no: "RX2026112612345678".into(),
        state: TicketState::InProgress,
        service_code: Some("noise".into()),
        service_name: Some("噪音扰民".into()),
        course: "工地每晚施工，请联系我13812345678。".into(),
        address: "城关镇解放路12号3单元".into(),
        agency: Some("县生态环境分局".into()),
        received_at: at("2026-11-20T09:30:00+08:00"),
        deadline: Some(at("2026-12-09T23:59:59+08:00")),
        limit: Some(Limit::WorkingDays(13)),
        timeline: vec![
            PublicNote { at: at("2026-11-20T09:30:00+08:00"), note: "已受理".into() },
            PublicNote { at: at("2026-11-21T10:00:00+08:00"), note: "已转办县生态环境分局".into() },
        ],
        closed_at: None,
    }
}

#[test]
fn paths_name_resources_and_formats() {
    assert_eq!(route("/open311/v2/discovery.json"), Ok((Resource::Discovery, Format::Json)));
    assert_eq!(route("/open311/discovery.xml"), Ok((Resource::Discovery, Format::Xml)));
    assert_eq!(route("/open311/v2/services.xml"), Ok((Resource::Services, Format::Xml)));
    assert_eq!(route("/open311/v2/services/noise.json"), Ok((Resource::Service("noise".into()), Format::Json)));
    assert_eq!(route("/open311/v2/requests.json"), Ok((Resource::Requests, Format::Json)));
    assert_eq!(route("/open311/v2/requests/RX1.xml"), Ok((Resource::Request("RX1".into()), Format::Xml)));
    assert_eq!(route("/open311/v2/tokens/7.json"), Ok((Resource::Token("7".into()), Format::Json)));
    for bad in [
        "/open311",
        "/open311/",
        "/open311/v2/",
        "/open311/v2/services",
        "/open311/v2/services.html",
        "/open311/v2/x.json",
        "/open311/services.json",
        "/open311/v2/requests/.json",
        "/open311/v2/requests/a/b.json",
    ] {
        let e = route(bad).unwrap_err();
        assert_eq!(e.code, 404, "{bad}");
        assert!(e.description.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{bad}: {}", e.description);
    }
    assert!(route("/open311/v2/services.yaml").unwrap_err().description.contains(".yaml"));
}

#[test]
fn errors_are_the_specs_list() {
    let list = [Open311Error::forbidden("api_key 无效")];
    assert_eq!(errors(&list).json(), r#"[{"code":403,"description":"api_key 无效"}]"#);
    assert!(errors(&list)
        .xml(roots::ERRORS)
        .contains("<errors><error><code>403</code><description>api_key 无效</description></error></errors>"));
    assert_eq!(status(&list), 403);
    let form = ApiError::with_fields(
        ErrorCode::InvalidApplication,
        "x",
        vec![crate::error::FieldError { field: "caller_phone".into(), message: "请填写电话".into() }],
    );
    assert_eq!(from_api(&form), vec![Open311Error::bad("phone：请填写电话")]);
    assert_eq!(from_api(&ApiError::not_found("工单"))[0].code, 404);
    assert_eq!(from_api(&ApiError::new(ErrorCode::TooManyRequests, "慢点"))[0].code, 429);
    assert_eq!(from_api(&ApiError::internal())[0].code, 500);
}

#[test]
fn services_are_the_active_categories_grouped_by_class() {
    let list = services(&[category(true), category(false)]).to_json();
    assert_eq!(list.as_array().unwrap().len(), 1, "inactive categories are not offered");
    let s = &list[0];
    assert_eq!(s["service_code"], "noise");
    assert_eq!(s["service_name"], "噪音扰民");
    assert_eq!(s["group"], "生态环境");
    assert_eq!(s["metadata"], true);
    assert_eq!(s["type"], "realtime");
    assert_eq!(s["keywords"], "噪音扰民, 生态环境, 县生态环境分局");
    assert_eq!(s["description"], "噪音扰民：生态环境类诉求。一般诉求13个工作日内答复，紧急诉求当日答复，特急诉求2小时内答复。");
    assert_eq!(changeset(&[category(true), category(false)]), "000000000006");
}

#[test]
fn every_definition_asks_the_type_and_urgency_as_lists() {
    let d = definition("noise").to_json();
    assert_eq!(d["service_code"], "noise");
    let attrs = d["attributes"].as_array().unwrap();
    assert_eq!(attrs[0]["code"], "kind");
    assert_eq!(attrs[0]["description"], "诉求类型");
    assert_eq!(attrs[0]["datatype"], "singlevaluelist");
    assert_eq!(attrs[0]["required"], true);
    assert_eq!(attrs[0]["order"], 1);
    assert_eq!(attrs[0]["values"].as_array().unwrap().len(), Kind::ALL.len());
    assert_eq!(attrs[0]["values"][2], json!({"key": "complaint", "name": "投诉"}));
    assert_eq!(attrs[1]["code"], "urgency");
    assert_eq!(attrs[1]["description"], "紧急程度");
    assert_eq!(attrs[1]["required"], false);
    assert_eq!(attrs[1]["values"][2], json!({"key": "critical", "name": "特急"}));
    assert_eq!(attrs[2]["variable"], false);
    let xml = definition("noise").xml(roots::DEFINITION);
    assert!(xml.contains(
        "<service_definition><service_code>noise</service_code><attributes><attribute><variable>true</variable><code>kind</code>"
    ));
    assert!(xml.contains("<values><value><key>consultation</key><name>咨询</name></value>"));
}

#[test]
fn a_request_shows_the_ticket_without_the_caller() {
    let r = request(&facts()).to_json();
    let Node::Map(fields) = request(&facts()) else { panic!("a request is a map") };
    let keys: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        keys,
        [
            "service_request_id",
            "status",
            "status_notes",
            "service_name",
            "service_code",
            "description",
            "agency_responsible",
            "service_notice",
            "requested_datetime",
            "updated_datetime",
            "expected_datetime",
            "address",
            "media_url"
        ]
    );
    assert_eq!(r["service_request_id"], "RX2026112612345678");
    assert_eq!(r["status"], "open");
    assert_eq!(r["status_notes"], "已转办县生态环境分局");
    assert_eq!(r["agency_responsible"], "县生态环境分局");
    assert_eq!(r["service_notice"], "我们将在13个工作日内答复（2026-12-09 23:59前）");
    assert_eq!(r["requested_datetime"], "2026-11-20T09:30:00+08:00");
    assert_eq!(r["updated_datetime"], "2026-11-21T10:00:00+08:00");
    assert_eq!(r["expected_datetime"], "2026-12-09T23:59:59+08:00");
    assert_eq!(r["address"], "城关镇解放路****");
    assert_eq!(r["description"], "工地每晚施工，请联系我138****5678。");
    assert_eq!(r["media_url"], "");
    assert!(r.get("lat").is_none() && r.get("long").is_none());
}

#[test]
fn closed_requests_date_from_their_closing_and_promise_nothing_more() {
    let t = TicketFacts { state: TicketState::Closed, closed_at: Some(at("2026-11-25T16:00:00+08:00")), ..facts() };
    let r = request(&t).to_json();
    assert_eq!(r["status"], "closed");
    assert_eq!(r["updated_datetime"], "2026-11-25T16:00:00+08:00");
    assert_eq!(r["service_notice"], serde_json::Value::Null);
    let fresh = TicketFacts {
        state: TicketState::Received,
        service_code: None,
        service_name: None,
        agency: None,
        deadline: None,
        limit: None,
        timeline: vec![],
        ..facts()
    };
    let r = request(&fresh).to_json();
    assert_eq!(r["status_notes"], serde_json::Value::Null);
    assert_eq!(r["updated_datetime"], "2026-11-20T09:30:00+08:00");
    let xml = request(&fresh).xml("r");
    assert!(xml.contains("<service_code/>") && xml.contains("<expected_datetime/>") && xml.contains("<media_url></media_url>"), "{xml}");
}

#[test]
fn mobiles_in_free_text_are_masked_ticket_numbers_are_not() {
    assert_eq!(mask_mobiles("电话13812345678，工单RX2026112612345678"), "电话138****5678，工单RX2026112612345678");
    assert_eq!(mask_mobiles("23812345678 2026"), "23812345678 2026", "not a mobile");
    assert_eq!(mask_mobiles("139000011112"), "139000011112", "twelve digits");
}

#[test]
fn commitments() {
    assert_eq!(commitment(Limit::WorkingDays(13), None), "我们将在13个工作日内答复");
    assert_eq!(commitment(Limit::WorkingDays(0), None), "我们将在当日答复");
    assert_eq!(commitment(Limit::Hours(2), Some(at("2026-11-26T11:00:00+08:00"))), "我们将在2小时内答复（2026-11-26 11:00前）");
    assert_eq!(
        posted("RX1", "我们将在2小时内答复").json(),
        r#"[{"service_request_id":"RX1","service_notice":"我们将在2小时内答复","account_id":null}]"#
    );
}

#[test]
fn forms_decode_as_browsers_send_them() {
    assert_eq!(
        pairs("a=1&b=%E5%99%AA+x&c&attribute%5Bkind%5D=help"),
        vec![
            ("a".to_string(), "1".to_string()),
            ("b".into(), "噪 x".into()),
            ("c".into(), "".into()),
            ("attribute[kind]".into(), "help".into())
        ]
    );
    assert!(decode_form("a=%E5%99").is_err(), "not UTF-8");
    assert!(decode_form("a=%zz").is_err());
    assert!(decode_form("a=%4").is_err());
}

#[test]
fn requests_default_to_the_last_90_days_and_50_a_page() {
    let now = at("2026-11-26T10:00:00+08:00");
    let q = requests_query(&pairs("jurisdiction_id=example.gov"), now).unwrap();
    assert_eq!((q.start.to_string().as_str(), q.end), ("2026-08-28T10:00:00+08:00", now));
    assert_eq!((q.page, q.page_size, q.offset(), q.limit(), q.open), (1, PAGE_SIZE, 0, 50, None));
    let q =
        requests_query(&pairs("start_date=2026-10-01T00:00:00Z&status=closed&page=3&page_size=20&service_code=noise,water"), now).unwrap();
    assert_eq!(q.start.to_string(), "2026-10-01T08:00:00+08:00");
    assert_eq!(q.end.to_string(), "2026-12-30T08:00:00+08:00", "90 days on");
    assert_eq!((q.open, q.offset(), q.service_codes.len()), (Some(false), 40, 2));
    let q = requests_query(&pairs("end_date=2026-11-01T00:00:00-05:00&status=open,closed"), now).unwrap();
    assert_eq!(
        (q.start.to_string().as_str(), q.end.to_string().as_str(), q.open),
        ("2026-08-03T13:00:00+08:00", "2026-11-01T13:00:00+08:00", None)
    );
    // An unencoded `+` arrives as a space.
    let q = requests_query(&pairs("start_date=2026-11-01T00:00:00+08:00&end_date=2026-11-02T00:00:00%2B08:00"), now).unwrap();
    assert_eq!(q.start.to_string(), "2026-11-01T00:00:00+08:00");
    let q = requests_query(&pairs("service_request_id=RX1,RX2&status=nonsense&page=0"), now).unwrap_err();
    assert_eq!(q.len(), 1, "ids override the other arguments, but the page is still read: {q:?}");
}

#[test]
fn bad_requests_queries_say_every_problem() {
    let now = at("2026-11-26T10:00:00+08:00");
    let errs = |q: &str| requests_query(&pairs(q), now).unwrap_err();
    let e = errs("status=pending&start_date=yesterday&page_size=500&service_code=Noise!");
    assert_eq!(e.len(), 4, "{e:?}");
    assert!(e.iter().all(|e| e.code == 400));
    assert_eq!(errs(&format!("page_size={}", MAX_PAGE_SIZE + 1)).len(), 1);
    assert!(errs("start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z")[0].description.contains("早于"));
    assert!(errs("start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z")[0].description.contains("90天"));
    assert!(errs("page=21")[0].description.contains("1000"));
    assert!(requests_query(&pairs("page=20"), now).is_ok());
    assert_eq!(requests_query(&pairs("page=11&page_size=95"), now).unwrap().limit(), 50, "the last page stops at the 1000th");
    assert!(errs(&format!("service_request_id={}", vec!["RX1"; 101].join(",")))[0].description.contains("100"));
}

const GOOD: &str =
    "api_key=k&service_code=noise&description=%E5%B7%A5%E5%9C%B0%E6%AF%8F%E6%99%9A%E6%96%BD%E5%B7%A5%E5%88%B0%E5%87%8C%E6%99%A8\
    &address_string=%E5%9F%8E%E5%85%B3%E9%95%87%E8%A7%A3%E6%94%BE%E8%B7%AF12%E5%8F%B7&phone=13912345678&first_name=%E5%B0%8F%E6%98%8E\
    &last_name=%E7%8E%8B&attribute[kind]=complaint&attribute[urgency]=urgent&email=a%40b.cn";

#[test]
fn a_post_becomes_an_intake_form_with_the_five_elements() {
    let r = new_request(&pairs(GOOD)).unwrap();
    assert_eq!((r.kind, r.urgency, r.caller_name().as_str()), (Kind::Complaint, Urgency::Urgent, "王小明"));
    let f = r.intake_form("噪音扰民", at("2026-11-26T09:30:00+08:00"));
    assert_eq!(f.channel, Channel::Open311);
    assert_eq!(f.urgency, Urgency::Urgent);
    assert_eq!(f.caller.cause, "噪音扰民：工地每晚施工到凌晨");
    assert_eq!(f.caller.course, "工地每晚施工到凌晨");
    assert_eq!(f.caller.occurred, "2026-11-26 09:30（开放接口提交时间）");
    assert_eq!(f.caller.address, "城关镇解放路12号");
    assert!(check_intake(&f).is_ok(), "{:?}", check_intake(&f));
    let [same, before] = first_try_times(at("2026-11-26T09:30:00+08:00"));
    assert_eq!((same.short(), before.short()), ("2026-11-26 09:30".to_string(), "2026-11-26 09:29".to_string()));
    let anonymous = new_request(&pairs(&GOOD.replace("first_name", "x").replace("last_name", "y"))).unwrap();
    assert_eq!(anonymous.caller_name(), "开放接口用户");
    let latin = super::params::NewRequest { first_name: "John".into(), last_name: "Smith".into(), ..anonymous.clone() };
    assert_eq!(latin.caller_name(), "John Smith");
    let coords = new_request(&pairs(&GOOD.replace("address_string", "x").replace("&phone", "&lat=30.5&long=114.25&phone"))).unwrap();
    assert_eq!(coords.address, "经纬度30.500000,114.250000");
    let long = super::params::NewRequest { description: format!("{}\n第二行", "字".repeat(40)), ..anonymous };
    assert_eq!(long.intake_form("噪音扰民", at("2026-11-26T09:30:00+08:00")).caller.cause, format!("噪音扰民：{}…", "字".repeat(30)));
}

#[test]
fn a_post_without_a_phone_a_type_or_a_place_is_refused_clearly() {
    let e = new_request(&pairs("service_code=noise&description=%E5%99%AA")).unwrap_err();
    let text: Vec<&str> = e.iter().map(|e| e.description.as_str()).collect();
    assert_eq!(e.len(), 4, "{text:?}");
    assert!(text.iter().any(|t| t.contains("description")));
    assert!(text.iter().any(|t| t.contains("address_string")));
    assert!(text.iter().any(|t| t.starts_with("请提供 phone")));
    assert!(text.iter().any(|t| t.contains("attribute[kind]") && t.contains("complaint（投诉）")));
    let bad = |from: &str, to: &str| new_request(&pairs(&GOOD.replace(from, to))).unwrap_err();
    assert!(bad("attribute[kind]=complaint", "attribute[kind]=rant")[0].description.contains("“rant”无效"));
    assert!(bad("attribute[urgency]=urgent", "attribute[urgency]=asap")[0].description.contains("attribute[urgency]"));
    assert!(bad("attribute[urgency]", "attribute[colour]")[0].description.contains("attribute[colour]"));
    assert!(bad("phone=13912345678", "phone=12345")[0].description.contains("phone"));
    assert!(bad("address_string", "lat=91&x")[0].description.contains("lat"));
    assert!(bad("address_string", "lat=30&x")[0].description.contains("同时"));
    let long = format!("{GOOD}&description={}", "a".repeat(MAX_DESCRIPTION_CHARS + 1));
    assert!(new_request(&pairs(&long)).unwrap_err()[0].description.contains("4000"));
}
