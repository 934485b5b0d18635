//! Tracking's first screens. `GET /track` is the look-up form. A case's
//! page, `/track#no=…&code=…` (the receipt's QR code), carries its number
//! and code in the fragment, which never reaches the server, so its start
//! script asks `POST /track` with them while the form is painted, and puts
//! the answer in the form's place before it fetches the app: the case's
//! progress, drawn here, and the look-up's answer as a data block the app
//! reads instead of looking up again (issue 14: on a slow line the progress
//! no longer waits for the app's wasm).

use super::{escape, frame, json, FirstScreen};
use crate::case_access::check_code;
use crate::case_views::tracking;
use crate::db::Db;
use crate::error::AppError;
use crate::routes::read_json;
use shared::admin::settings::PublicSettings;
use shared::approvals::case::{CaseState, TrackView};
use shared::engine::case_action::ExtensionState;
use shared::shell::{TrackAnswer, TrackAsked, TRACK_ANSWER};
use worker::{Env, Request};

/// As the `track` app's `TrackPage` look-up form, filled in.
pub fn form(no: &str, code: &str) -> String {
    format!(
        "<section class=\"panel\"><h1>办件查询</h1><form class=\"filters\">\
<label for=\"no\">办件编号</label><input id=\"no\" value=\"{no}\" autocomplete=\"off\" placeholder=\"如 SP20261126123456\">\
<label for=\"code\">查询码</label><input id=\"code\" value=\"{code}\" inputmode=\"numeric\" autocomplete=\"off\" placeholder=\"回执上的8位数字\">\
<button type=\"submit\" class=\"primary\">查询</button></form></section>",
        no = escape(no),
        code = escape(code),
    )
}

/// `POST /track` (`{no, code}`): the case's first screen, or the look-up's
/// refusal shown as the app shows it, with that refusal (its status is the
/// answer's). `Err` only for what the app should try again itself (a
/// platform failure, a malformed request).
pub async fn answer(req: &mut Request, env: &Env, db: &Db, s: &PublicSettings) -> Result<(FirstScreen, Option<AppError>), AppError> {
    let asked: TrackAsked = read_json(req).await?;
    let looked_up = match check_code(req, env, db, &asked.no, &asked.code).await {
        Ok(()) => tracking(db, &asked.no).await,
        Err(e) => Err(e),
    };
    let (answer, refusal) = match looked_up {
        Ok(text) => (Ok(serde_json::from_str::<TrackView>(&text).map_err(|e| AppError::Platform(e.into()))?), None),
        Err(e) => match e.refusal() {
            Some(refused) => (Err(refused.clone()), Some(e)),
            None => return Err(e),
        },
    };
    let below = match &answer {
        Ok(view) => progress(view),
        Err(e) => format!("<p class=\"error\" role=\"alert\">{}</p>", escape(&e.message)),
    };
    let markup = frame(s, &format!("{}{below}", form(&asked.no, &asked.code)));
    let block = json(&TrackAnswer { asked, answer });
    Ok((FirstScreen { markup, blocks: vec![(TRACK_ANSWER, block)] }, refusal))
}

/// As the `track` app's `Progress`, down to the panels only the app draws:
/// the progress; then, unless a supplement or a rating comes between (the
/// app puts it there, below what is drawn here, so nothing moves), the SMS
/// choice and the record.
fn progress(v: &TrackView) -> String {
    let pair = |dt: &str, dd: &str| format!("<dt>{dt}</dt><dd>{}</dd>", escape(dd));
    let mut pairs = pair("办件编号", &v.case_no) + &pair("办理事项", &v.matter_name) + &pair("办理部门", &v.department_name);
    if let Some(class) = v.class {
        pairs += &pair("办理类别", class.zh());
    }
    if let Some(d) = v.accepted_on {
        pairs += &pair("受理日期", &d.zh_full());
    }
    if let Some(d) = v.deadline {
        pairs += &format!("<dt>承诺办结期限</dt><dd data-testid=\"deadline\">{}前办结</dd>", d.date().zh_full());
    }
    if let Some(a) = &v.report_authority {
        pairs += &pair("上报机关", a);
    }
    let mut notes = String::new();
    let mut note = |class: &str, text: String| notes += &format!("<p class=\"{class}\">{}</p>", escape(&text));
    if let Some(r) = &v.return_reasons {
        note("error", format!("退回理由：{r}"));
    }
    if let Some(r) = &v.result {
        note("ok", format!("办理结果：{r}"));
    }
    if let Some(e) = v.extension.as_ref().filter(|e| e.state == ExtensionState::Approved) {
        note("notice", format!("已延期{}个工作日，理由：{}", e.days, e.reason));
    }
    let ledger = v.ledger.as_ref().map_or(String::new(), |l| {
        let lines: String = l.explanation.iter().map(|x| format!("<li>{}</li>", escape(x))).collect();
        format!(
            "<div data-testid=\"explanation\"><p class=\"state\">{}</p><p class=\"muted\">期限是这样算出来的：</p><ul class=\"explanation\">{lines}</ul></div>",
            l.countdown()
        )
    });
    let top = format!(
        "<section class=\"panel\" data-testid=\"progress\"><h2>办理进度</h2><p class=\"state\">{}</p><dl class=\"pairs\">{pairs}</dl>{notes}{ledger}</section>",
        v.state.zh()
    );
    if v.state == CaseState::AwaitingSupplement || v.state == CaseState::Completed || v.evaluation.is_some() {
        return top;
    }
    top + &sms(v.sms_opt_out) + &record(v)
}

/// As the `track` app's `SmsSwitch`; the box turned off until the app,
/// which acts on it, has started.
fn sms(opt_out: bool) -> String {
    format!(
        "<section class=\"panel\" data-testid=\"sms-choice\"><h2>短信通知</h2><label class=\"choice\">\
<input type=\"checkbox\" id=\"sms\"{checked} disabled>接收本办件的短信通知</label>\
<p class=\"muted\">不接收短信时，请凭办件编号和查询码在本页查看办理进度。</p><div role=\"alert\"></div></section>",
        checked = if opt_out { "" } else { " checked" },
    )
}

/// As the `track` app's "办理记录".
fn record(v: &TrackView) -> String {
    let events: String = v
        .timeline
        .iter()
        .map(|e| format!("<li><span class=\"muted\">{}</span> {}<br>{}</li>", e.at.short(), e.to_state.zh(), escape(&e.note)))
        .collect();
    format!("<section class=\"panel\"><h2>办理记录</h2><ol class=\"timeline\">{events}</ol></section>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::approvals::case::CaseEvent;

    fn view(state: CaseState) -> TrackView {
        let at = shared::engine::instant::Instant::parse("2026-11-26T09:30:00+08:00").expect("instant");
        TrackView {
            case_no: "SP1".into(),
            matter_id: 1,
            matter_name: "食品<经营>许可".into(),
            department_name: "市场监管局".into(),
            state,
            class: None,
            accepted_on: None,
            committed_days: None,
            deadline: None,
            supplement_items: vec![],
            return_reasons: None,
            report_authority: None,
            materials: vec![],
            timeline: vec![CaseEvent {
                at,
                actor: "申请人".into(),
                from_state: None,
                to_state: CaseState::Submitted,
                note: "网上提交".into(),
            }],
            ledger: None,
            extension: None,
            result: None,
            evaluation: None,
            sms_opt_out: true,
        }
    }

    #[test]
    fn the_form_is_filled_in_and_escaped() {
        let html = form("SP1\"><script>", "123");
        assert!(html.contains("value=\"SP1&quot;&gt;&lt;script&gt;\""), "{html}");
        assert!(html.contains("id=\"code\" value=\"123\""));
    }

    #[test]
    fn a_case_shows_its_progress_its_sms_choice_and_its_record() {
        let html = progress(&view(CaseState::Submitted));
        assert!(html.contains("<dd>食品&lt;经营&gt;许可</dd>"), "{html}");
        assert!(html.contains("data-testid=\"sms-choice\"") && html.contains("id=\"sms\" disabled>"), "opted out: unchecked");
        assert!(html.contains("<li><span class=\"muted\">2026-11-26 09:30</span> "), "{html}");
    }

    #[test]
    fn only_the_progress_when_the_app_puts_a_panel_under_it() {
        for state in [CaseState::AwaitingSupplement, CaseState::Completed] {
            let html = progress(&view(state));
            assert!(html.ends_with("</section>") && !html.contains("sms-choice") && !html.contains("办理记录"), "{state:?}");
        }
    }
}
