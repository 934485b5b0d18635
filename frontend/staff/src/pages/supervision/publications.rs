//! `/staff/supervision/publications`: issues of 《政务督查》 and 督查专报
//! (numbered per kind and year, linked to the items they report on), and
//! the table of default limits by source and priority.

use frontend::router::set_title;
use frontend::widgets::{load, post_then, show, ErrorRegion, HeaderCells};
use leptos::prelude::*;
use shared::api::{GetLimitTable, ListPublications, Publish, SaveLimitTable};
use shared::engine::date::Date;
use shared::error::{ApiError, ErrorCode};
use shared::supervision::forms::PublicationForm;
use shared::supervision::limits::LimitTable;
use shared::supervision::PublicationKind;

#[component]
pub fn PublicationsPage() -> impl IntoView {
    set_title("督查刊发与默认时限");
    let list = load::<ListPublications>(&[], Default::default());
    let limits = load::<GetLimitTable>(&[], Default::default());
    view! {
        <section class="panel">
            <h1>"《政务督查》与督查专报"</h1>
            <NewIssue list/>
            {show(list, |l| view! {
                <div class="table-scroll"><table class="cases" data-testid="publications">
                    <thead><tr><HeaderCells titles=&["期号", "标题", "编发日期", "关联事项"]/></tr></thead>
                    <tbody>{l.publications.into_iter().map(|p| view! {
                        <tr><td>{p.number}</td><td>{p.title}</td><td>{p.published_on.zh_full()}</td><td>{p.item_nos.join("、")}</td></tr>
                    }).collect_view()}</tbody>
                </table></div>
            })}
        </section>
        <section class="panel">
            <h2>"默认办理时限（工作日）"</h2>
            <p class="muted">"分解任务时未定办结时限的，按事项来源和紧急程度取此表；疑难事项不少于30个工作日。"</p>
            {show(limits, |t| view! { <Limits table=t/> })}
        </section>
    }
}

#[component]
fn NewIssue(list: frontend::widgets::Loaded<shared::supervision::views::PublicationList>) -> impl IntoView {
    let error = RwSignal::new(None);
    let kind = RwSignal::new(PublicationKind::Bulletin);
    let (title, day, summary, items) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(published_on) = Date::parse(day.get_untracked().trim()) else {
            return error.set(Some(ApiError::new(ErrorCode::InvalidParameter, "请选择编发日期")));
        };
        let item_nos =
            items.get_untracked().split([',', '，', '、', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
        let form = PublicationForm {
            kind: kind.get_untracked(),
            title: title.get_untracked(),
            published_on,
            summary: summary.get_untracked(),
            item_nos,
        };
        post_then::<Publish>(&[], form, error, move |p| {
            list.update(|l| {
                if let Some(Ok(l)) = l {
                    l.publications.insert(0, p)
                }
            })
        });
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <label for="pub-kind">"刊物"</label>
            <select id="pub-kind" on:change=move |ev| if let Some(k) = PublicationKind::parse(&event_target_value(&ev)) { kind.set(k) }>
                {PublicationKind::ALL.map(|k| view! { <option value=k.as_str()>{k.zh()}</option> })}
            </select>
            <label for="pub-title">"标题"</label>
            <input id="pub-title" maxlength="100" bind:value=title/>
            <label for="pub-day">"编发日期"</label>
            <input id="pub-day" type="date" bind:value=day/>
            <label for="pub-summary">"内容摘要"</label>
            <textarea id="pub-summary" rows="2" bind:value=summary></textarea>
            <label for="pub-items">"关联督查事项编号（用逗号分隔）"</label>
            <input id="pub-items" bind:value=items placeholder="DC2026-0001, DC2026-0002"/>
            <ErrorRegion error/>
            <button type="submit">"编发（自动编期号）"</button>
        </form>
    }
}

#[component]
fn Limits(table: LimitTable) -> impl IntoView {
    let error = RwSignal::new(None);
    let saved = RwSignal::new(false);
    let rows: Vec<(shared::supervision::limits::LimitRow, RwSignal<String>)> =
        table.rows.into_iter().map(|r| (r, RwSignal::new(r.working_days.to_string()))).collect();
    let inputs = StoredValue::new(rows.clone());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let rows = inputs
            .get_value()
            .into_iter()
            .map(|(r, v)| shared::supervision::limits::LimitRow { working_days: v.get_untracked().trim().parse().unwrap_or(0), ..r })
            .collect();
        post_then::<SaveLimitTable>(&[], LimitTable { rows }, error, move |_| saved.set(true));
    };
    view! {
        <form on:submit=save>
            <div class="table-scroll"><table class="cases">
                <thead><tr><HeaderCells titles=&["来源", "紧急程度", "工作日"]/></tr></thead>
                <tbody>{rows.into_iter().map(|(r, v)| { let id = format!("limit-{}-{}", r.source.as_str(), r.priority.as_str()); view! {
                    <tr><td>{r.source.zh()}</td><td><label for=id.clone()>{r.priority.zh()}</label></td>
                        <td><input id=id type="number" min="1" max="250" bind:value=v/></td></tr>
                }}).collect_view()}</tbody>
            </table></div>
            <ErrorRegion error/>
            {move || saved.get().then(|| view! { <p role="status" class="ok">"已保存"</p> })}
            <button type="submit">"保存默认时限"</button>
        </form>
    }
}
