//! `/staff/information/research`: the office's research: each writer's
//! quarterly report (the missing ones listed), leaders' decisions with the
//! instruction as evidence, and issues of 《工作研究》 with their articles.

use frontend::router::set_title;
use frontend::widgets::{load, post_then, show, ErrorRegion, HeaderCells, Loaded};
use leptos::prelude::*;
use shared::api::information::{ListResearch, PublishStudy, RecordDecision, SubmitResearch};
use shared::engine::date::Date;
use shared::error::{ApiError, ErrorCode};
use shared::information::research::{quarter_of, DecisionForm, ResearchForm, ResearchList, StudyForm};

fn today() -> Date {
    Date::from_unix_ms_cst(js_sys::Date::now())
}

#[component]
pub fn ResearchPage() -> impl IntoView {
    set_title("调研");
    let list = load::<ListResearch>(&[], Default::default());
    view! {
        <section class="panel">
            <h1>"调研报告"</h1>
            <NewReport list/>
            {show(list, move |l| view! {
                <div class="table-scroll"><table class="cases" data-testid="research">
                    <thead><tr><HeaderCells titles=&["季度", "执笔人", "标题", "领导批示", "记录批示"]/></tr></thead>
                    <tbody>{l.reports.into_iter().map(|r| view! {
                        <tr>
                            <td>{format!("第{}季度", r.quarter)}</td><td>{r.writer}</td><td>{r.title}</td>
                            <td>{r.leader.clone().map(|l| format!("{l}：{}", r.instruction.clone().unwrap_or_default())).unwrap_or_default()}</td>
                            <td>{r.leader.is_none().then(|| view! { <Decision id=r.id list/> })}</td>
                        </tr>
                    }).collect_view()}</tbody>
                </table></div>
                <h2>"尚未报送调研报告"</h2>
                <ul data-testid="research-missing">{l.missing.into_iter().map(|m| view! { <li>{format!("{}：第{}季度", m.writer, m.quarter)}</li> }).collect_view()}</ul>
                <h2>"《工作研究》"</h2>
                <ul data-testid="studies">{l.studies.into_iter().map(|s| view! { <li>{format!("{} {}（{}篇）：{}", s.number, s.title, s.articles.len(), s.articles.join("、"))}</li> }).collect_view()}</ul>
            })}
            <NewStudy list/>
        </section>
    }
}

fn reload(list: Loaded<ResearchList>) {
    leptos::task::spawn_local(async move { list.set(Some(frontend::api::fetch::<ListResearch>(&[], &Default::default()).await)) });
}

#[component]
fn NewReport(list: Loaded<ResearchList>) -> impl IntoView {
    let error = RwSignal::new(None);
    let title = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let day = today();
        let form = ResearchForm { title: title.get_untracked(), year: day.year(), quarter: quarter_of(day) };
        post_then::<SubmitResearch>(&[], form, error, move |_| reload(list));
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <label for="research-title">"本季度调研报告标题"</label>
            <input id="research-title" maxlength="100" bind:value=title/>
            <ErrorRegion error/>
            <button type="submit">"报送调研报告"</button>
        </form>
    }
}

#[component]
fn Decision(id: i64, list: Loaded<ResearchList>) -> impl IntoView {
    let error = RwSignal::new(None);
    let (leader, text) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (lid, tid) = (format!("decision-leader-{id}"), format!("decision-text-{id}"));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = DecisionForm { leader: leader.get_untracked(), instruction: text.get_untracked() };
        post_then::<RecordDecision>(&[&id.to_string()], form, error, move |_| reload(list));
    };
    view! {
        <form on:submit=submit>
            <label for=lid.clone()>"批示领导"</label><input id=lid maxlength="50" bind:value=leader/>
            <label for=tid.clone()>"批示内容"</label><input id=tid bind:value=text/>
            <ErrorRegion error/>
            <button type="submit" class="small">"记录"</button>
        </form>
    }
}

#[component]
fn NewStudy(list: Loaded<ResearchList>) -> impl IntoView {
    let error = RwSignal::new(None);
    let (title, day, articles) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(published_on) = Date::parse(day.get_untracked().trim()) else {
            return error.set(Some(ApiError::new(ErrorCode::InvalidParameter, "请选择编发日期")));
        };
        let articles = articles.get_untracked().lines().map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
        post_then::<PublishStudy>(&[], StudyForm { title: title.get_untracked(), published_on, articles }, error, move |_| reload(list));
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <h2>"编发《工作研究》"</h2>
            <label for="study-title">"本期标题"</label>
            <input id="study-title" maxlength="100" bind:value=title/>
            <label for="study-day">"编发日期"</label>
            <input id="study-day" type="date" bind:value=day/>
            <label for="study-articles">"刊发文章（每行一篇）"</label>
            <textarea id="study-articles" rows="4" bind:value=articles></textarea>
            <ErrorRegion error/>
            <button type="submit">"编发（自动编期号）"</button>
        </form>
    }
}
