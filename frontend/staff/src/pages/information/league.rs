//! `/staff/information/league?year=`: the league table (flat rows kept
//! with each score event), the formula, the units still short of this
//! month's quota, the CSV; for the office, the year's rules.

use super::points;
use crate::info_route::Info;
use crate::route::Route;
use frontend::router::{set_title, use_router};
use frontend::widgets::{load, post_then, show, ErrorRegion, HeaderCells};
use leptos::prelude::*;
use shared::api::information::{ExportLeague, GetLeague, SaveScoreRules};
use shared::api::YearParams;
use shared::information::scoring::ScoreRules;

#[component]
pub fn LeaguePage(year: String) -> impl IntoView {
    set_title("信息工作排名");
    let router = use_router::<Route>();
    let query = YearParams { year: Some(year.clone()).filter(|y| !y.is_empty()) };
    let csv = frontend::api::url::<ExportLeague>(&[], &query);
    let data = load::<GetLeague>(&[], query);
    let choose = move |ev: leptos::ev::Event| router.replace(Route::Information(Info::League { year: event_target_value(&ev) }));
    view! {
        <section class="panel">
            <h1>"信息工作排名"</h1>
            <label for="league-year">"年度"</label>
            <input id="league-year" type="number" min="2000" max="2100" value=year on:change=choose/>
            {show(data, move |l| view! {
                <p class="muted" data-testid="formula">{l.formula.clone()}</p>
                <div class="table-scroll"><table class="cases" data-testid="league">
                    <thead><tr><HeaderCells titles=&["名次", "单位", "得分", "报送", "县级采用", "上级采用", "领导批示"]/></tr></thead>
                    <tbody>{l.rows.into_iter().map(|r| view! {
                        <tr data-unit=r.unit_id.to_string()>
                            <td>{r.rank}</td><td>{r.unit_name}</td><td>{points(r.points)}</td><td>{r.submitted}</td>
                            <td>{r.adopted}</td><td>{r.higher}</td><td>{r.instructions}</td>
                        </tr>
                    }).collect_view()}</tbody>
                </table></div>
                <p class="no-print"><a href=csv.clone() download>"导出CSV"</a></p>
                <h2>{format!("{}月尚未完成报送任务的单位", l.month)}</h2>
                <ul data-testid="shortfall">{l.shortfall.into_iter().map(|s| view! {
                    <li>{format!("{}：已报送{}条，每月应报{}条", s.unit_name, s.submitted, s.quota)}</li>
                }).collect_view()}</ul>
                <Rules rules=l.rules/>
            })}
        </section>
    }
}

/// The year's rules (the office saves them; others are refused by the API).
#[component]
fn Rules(rules: ScoreRules) -> impl IntoView {
    let error = RwSignal::new(None);
    let saved = RwSignal::new(false);
    let fields: [(&'static str, &'static str, u32); 9] = [
        ("bulletin", "《政务信息》采用", rules.bulletin),
        ("supplement", "增刊采用", rules.supplement),
        ("special", "专报采用", rules.special),
        ("city", "市级采用", rules.city),
        ("province", "省级采用", rules.province),
        ("state_council", "国办采用", rules.state_council),
        ("instruction", "领导批示（每条）", rules.instruction),
        ("township_quota", "乡镇每月最低报送条数", rules.township_quota),
        ("department_quota", "部门每月最低报送条数", rules.department_quota),
    ];
    let inputs: Vec<(&'static str, &'static str, RwSignal<String>)> =
        fields.iter().map(|(k, zh, v)| (*k, *zh, RwSignal::new(v.to_string()))).collect();
    let values = StoredValue::new(inputs.clone());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut json = serde_json::json!({ "year": rules.year });
        for (k, _, v) in values.get_value() {
            json[k] = v.get_untracked().trim().parse::<u32>().unwrap_or(0).into();
        }
        let Ok(r) = serde_json::from_value::<ScoreRules>(json) else { return };
        post_then::<SaveScoreRules>(&[], r, error, move |_| saved.set(true));
    };
    view! {
        <details class="no-print">
            <summary>{format!("{}年计分规则（县府办可修改）", rules.year)}</summary>
            <form class="stack-form" on:submit=save>
                {inputs.into_iter().map(|(k, zh, v)| { let id = format!("rule-{k}"); view! {
                    <label for=id.clone()>{zh}</label>
                    <input id=id type="number" min="0" max="500" bind:value=v/>
                }}).collect_view()}
                <ErrorRegion error/>
                {move || saved.get().then(|| view! { <p role="status" class="ok">"已保存"</p> })}
                <button type="submit">"保存计分规则"</button>
            </form>
        </details>
    }
}
