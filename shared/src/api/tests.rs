use super::*;

#[test]
fn paths_are_filled_and_matched() {
    assert_eq!(TrackCase::path(&["SP1"]), "/api/track/SP1");
    assert_eq!(ReviewDocument::path(&["7"]), "/api/office/documents/7/review");
    let seg = |p: &'static str| p.trim_matches('/').split('/').collect::<Vec<_>>();
    assert_eq!(TrackCase::matches(Method::Post, &seg("/api/track/SP1")), Some(vec!["SP1"]));
    assert_eq!(TrackCase::matches(Method::Get, &seg("/api/track/SP1")), None);
    assert_eq!(TrackCase::matches(Method::Post, &seg("/api/track/SP1/qr.svg")), None);
    assert_eq!(TrackQr::matches(Method::Post, &seg("/api/track/SP1/qr.svg")), Some(vec!["SP1"]));
    assert_eq!(GetHealth::matches(Method::Get, &seg("/api/health")), Some(vec![]));
}

#[test]
fn no_two_endpoints_share_a_method_and_path() {
    let all = all();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(a, b);
        }
    }
}

#[test]
fn queries_travel_as_text() {
    let q = InboxQuery { state: Some("in_progress".into()), q: Some("张 三&".into()), ..Default::default() };
    assert_eq!(query_string(&q), "q=%E5%BC%A0%20%E4%B8%89%26&state=in_progress");
    assert_eq!(query_string(&Empty {}), "");
    let back: InboxQuery = serde_json::from_value(serde_json::json!({ "state": "open", "unknown": "x" })).unwrap();
    assert_eq!(back.state.as_deref(), Some("open"));
}
