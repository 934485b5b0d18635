//! `/staff/information/issues`: the office's issues this year and a new
//! one (numbered per kind and year); `/staff/information/issues/{id}`: an
//! issue with its articles, laid out for A4 printing.

use crate::info_route::Info;
use crate::route::Route;
use frontend::router::{set_title, Link};
use frontend::widgets::{load, post_then, show, show_page, ErrorRegion, HeaderCells, Loaded};
use leptos::prelude::*;
use shared::api::information::{CreateInfoIssue, GetInfoIssue, ListInfoIssues};
use shared::engine::date::Date;
use shared::error::{ApiError, ErrorCode};
use shared::information::views::{IssueForm, IssueList};
use shared::information::IssueKind;

#[component]
pub fn IssuesPage() -> impl IntoView {
    set_title("信息刊物");
    let list = load::<ListInfoIssues>(&[], Default::default());
    view! {
        <section class="panel">
            <h1>"《政务信息》、专报与增刊"</h1>
            <NewIssue list/>
            {show(list, |l| view! {
                <div class="table-scroll"><table class="cases" data-testid="info-issues">
                    <thead><tr><HeaderCells titles=&["期号", "标题", "编发日期", "信息条数"]/></tr></thead>
                    <tbody>{l.issues.into_iter().map(|s| view! {
                        <tr>
                            <td><Link to=Route::Information(Info::Issue(s.id.to_string()))>{s.number}</Link></td>
                            <td>{s.title}</td><td>{s.published_on.zh_full()}</td><td>{s.items}</td>
                        </tr>
                    }).collect_view()}</tbody>
                </table></div>
            })}
        </section>
    }
}

#[component]
fn NewIssue(list: Loaded<IssueList>) -> impl IntoView {
    let error = RwSignal::new(None);
    let kind = RwSignal::new(IssueKind::Bulletin);
    let (title, day) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(published_on) = Date::parse(day.get_untracked().trim()) else {
            return error.set(Some(ApiError::new(ErrorCode::InvalidParameter, "请选择编发日期")));
        };
        let form = IssueForm { kind: kind.get_untracked(), title: title.get_untracked(), published_on };
        post_then::<CreateInfoIssue>(&[], form, error, move |s| {
            list.update(|l| {
                if let Some(Ok(l)) = l {
                    l.issues.insert(0, s)
                }
            })
        });
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <label for="issue-kind">"刊物"</label>
            <select id="issue-kind" on:change=move |ev| if let Some(k) = IssueKind::parse(&event_target_value(&ev)) { kind.set(k) }>
                {IssueKind::ALL.map(|k| view! { <option value=k.as_str()>{k.zh()}</option> })}
            </select>
            <label for="issue-title">"本期标题"</label>
            <input id="issue-title" maxlength="100" bind:value=title/>
            <label for="issue-day">"编发日期"</label>
            <input id="issue-day" type="date" bind:value=day/>
            <ErrorRegion error/>
            <button type="submit">"新编一期（自动编期号）"</button>
        </form>
    }
}

/// One issue as printed: the masthead, its number and date, each article
/// with its units and writer.
#[component]
pub fn IssuePage(id: String) -> impl IntoView {
    set_title("政务信息");
    let issue = load::<GetInfoIssue>(&[&id], Default::default());
    let county = frontend::county::county();
    show_page(issue, "政务信息".into(), move |v| {
        let print = |_| {
            let _ = window().print();
        };
        view! {
            <article class="panel slip" data-testid="info-issue">
                <h1>{v.issue.kind.zh()}</h1>
                <p class="slip-no">{v.issue.number.clone()}</p>
                <p>{format!("{} · {}", county.office(), v.issue.published_on.zh_full())}</p>
                <h2>{v.issue.title.clone()}</h2>
                {v.articles.iter().map(|a| view! {
                    <section class="article">
                        <h3>{a.title.clone()}</h3>
                        <p class="pre-wrap">{a.body.clone()}</p>
                        <p class="muted">{format!("（{}　执笔：{}）", a.units, a.writer)}</p>
                    </section>
                }).collect_view()}
                <p class="no-print">
                    <button type="button" on:click=print>"打印"</button>" "
                    <Link to=Route::Information(Info::Issues)>"返回刊物列表"</Link>
                </p>
            </article>
        }
    })
}
