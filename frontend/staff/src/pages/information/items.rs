//! `/staff/information`: items newest first by state; `/staff/information/new`:
//! a unit submits one (joint with other units, points split by share).

use crate::info_route::Info;
use crate::pages::pager::Pager;
use crate::route::{PageAt, Route};
use frontend::router::{set_title, use_router, Link};
use frontend::widgets::{load, post_then, show, ErrorRegion, HeaderCells};
use leptos::prelude::*;
use shared::api::information::{InfoItemsQuery, ListInfoItems, SubmitInfoItem};
use shared::engine::instant::Instant;
use shared::error::{ApiError, ErrorCode};
use shared::information::emergency::{EmergencyReport, Grade, ReportKind};
use shared::information::item::{Share, SubmissionForm};
use shared::information::{Category, InfoState};
use shared::page::PageInfo;

#[component]
pub fn ItemsPage(state: String, at: PageAt) -> impl IntoView {
    set_title("信息报送");
    let router = use_router::<Route>();
    let query = InfoItemsQuery { state: Some(state.clone()).filter(|s| !s.is_empty()), after: at.after(), limit: None };
    let list = load::<ListInfoItems>(&[], query);
    let paged = {
        let state = state.clone();
        move |at: PageAt| Route::Information(Info::Items { state: state.clone(), at })
    };
    let choose = move |ev: leptos::ev::Event| {
        router.replace(Route::Information(Info::Items { state: event_target_value(&ev), at: PageAt::default() }))
    };
    view! {
        <section class="panel">
            <h1>"信息报送"</h1>
            <Link to=Route::Information(Info::New { commission: String::new() }) class="button">"报送信息"</Link>
            <label for="info-state">"状态"</label>
            <select id="info-state" on:change=choose>
                <option value="" selected=state.is_empty()>"全部"</option>
                {InfoState::ALL.map(|s| view! { <option value=s.as_str() selected=state == s.as_str()>{s.zh()}</option> })}
            </select>
        </section>
        {show(list, move |list| {
            if list.items.is_empty() {
                return view! { <p class="empty">"没有符合条件的信息。"</p> }.into_any();
            }
            let page = PageInfo { next: list.next.clone(), total: None };
            view! {
                <div class="table-scroll"><table class="cases" data-testid="info-items">
                    <thead><tr><HeaderCells titles=&["编号", "标题", "类别", "报送单位", "报送时间", "刊发", "状态"]/></tr></thead>
                    <tbody>{list.items.into_iter().map(|i| { let (to, row) = (Route::Information(Info::Item(i.item_no.clone())), i.item_no.clone()); view! {
                        <tr data-item=row>
                            <td><Link to>{i.item_no}</Link></td>
                            <td>{i.title}</td>
                            <td>{i.category.zh()}</td>
                            <td>{i.unit_name}</td>
                            <td>{i.submitted_at.short()}</td>
                            <td>{i.issue_no.unwrap_or_default()}</td>
                            <td>{i.state.zh()}</td>
                        </tr>
                    }}).collect_view()}</tbody>
                </table></div>
                <Pager at=at.clone() page to=paged.clone()/>
            }
            .into_any()
        })}
    }
}

/// "12:60, 13:40" as shares (unit id and percent); empty: none.
fn parse_shares(text: &str) -> Option<Vec<Share>> {
    text.split([',', '，', '、', ' '])
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            let (unit, percent) = s.split_once([':', '：'])?;
            Some(Share { unit_id: unit.trim().parse().ok()?, percent: percent.trim().trim_end_matches('%').parse().ok()? })
        })
        .collect()
}

#[component]
pub fn NewItemPage(commission: String) -> impl IntoView {
    set_title("报送信息");
    let router = use_router::<Route>();
    let error = RwSignal::new(None);
    let (title, body, writer, phone, signer, shares) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let category = RwSignal::new(Category::News);
    let commission_id: Option<i64> = commission.parse().ok();
    let timing = Timing::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(shares) = parse_shares(&shares.get_untracked()) else {
            return error.set(Some(ApiError::new(ErrorCode::InvalidParameter, "联合报送请按“单位编号:比例”填写")));
        };
        let form = SubmissionForm {
            title: title.get_untracked(),
            body: body.get_untracked(),
            category: Some(category.get_untracked()),
            writer: writer.get_untracked(),
            writer_phone: phone.get_untracked(),
            signed_off_by: signer.get_untracked(),
            shares,
            commission_id,
            emergency: None,
        };
        let form = match category.get_untracked() {
            Category::Urgent => match timing.report() {
                Ok(e) => SubmissionForm { emergency: Some(e), ..form },
                Err(e) => return error.set(Some(e)),
            },
            _ => form,
        };
        post_then::<SubmitInfoItem>(&[], form, error, move |v| router.push(Route::Information(Info::Item(v.item_no))));
    };
    view! {
        <section class="panel">
            <h1>"报送信息"</h1>
            {(!commission.is_empty()).then(|| view! { <p class="muted">{format!("本条信息报送约稿（编号{commission}）")}</p> })}
            <form class="stack-form" on:submit=submit>
                <label for="info-title">"标题"</label>
                <input id="info-title" maxlength="100" bind:value=title/>
                <label for="info-category">"类别"</label>
                <select id="info-category" on:change=move |ev| if let Some(c) = Category::parse(&event_target_value(&ev)) { category.set(c) }>
                    {Category::ALL.map(|c| view! { <option value=c.as_str()>{c.zh()}</option> })}
                </select>
                <Show when=move || category.get() == Category::Urgent><TimingFields timing/></Show>
                <label for="info-body">"正文"</label>
                <textarea id="info-body" rows="10" bind:value=body></textarea>
                <label for="info-writer">"执笔人"</label>
                <input id="info-writer" maxlength="50" bind:value=writer/>
                <label for="info-phone">"执笔人电话"</label>
                <input id="info-phone" type="tel" maxlength="20" bind:value=phone/>
                <label for="info-signer">"签发人（单位负责人；负责人本人报送可不填）"</label>
                <input id="info-signer" maxlength="50" bind:value=signer/>
                <label for="info-shares">"联合报送（选填，单位编号:比例，合计100，如 12:60, 13:40）"</label>
                <input id="info-shares" bind:value=shares/>
                <ErrorRegion error/>
                <button type="submit">"报送"</button>
            </form>
        </section>
    }
}

/// An urgent item's timing as typed.
#[derive(Clone, Copy)]
struct Timing {
    event_at: RwSignal<String>,
    grade: RwSignal<Grade>,
    report: RwSignal<ReportKind>,
    first_no: RwSignal<String>,
}

impl Timing {
    fn new() -> Timing {
        Timing {
            event_at: RwSignal::new(String::new()),
            grade: RwSignal::new(Grade::Major),
            report: RwSignal::new(ReportKind::First),
            first_no: RwSignal::new(String::new()),
        }
    }

    fn report(self) -> Result<EmergencyReport, ApiError> {
        // `datetime-local` gives 2026-07-01T08:30, China time.
        let at = format!("{}:00+08:00", self.event_at.get_untracked().trim());
        let event_at = Instant::parse(&at).map_err(|_| ApiError::new(ErrorCode::InvalidParameter, "请填写事件发生时间"))?;
        let first_no = Some(self.first_no.get_untracked().trim().to_string()).filter(|s| !s.is_empty());
        Ok(EmergencyReport { event_at, grade: self.grade.get_untracked(), report: self.report.get_untracked(), first_no })
    }
}

#[component]
fn TimingFields(timing: Timing) -> impl IntoView {
    view! {
        <label for="info-event-at">"事件发生时间"</label>
        <input id="info-event-at" type="datetime-local" bind:value=timing.event_at/>
        <label for="info-grade">"事件等级"</label>
        <select id="info-grade" on:change=move |ev| if let Some(g) = Grade::parse(&event_target_value(&ev)) { timing.grade.set(g) }>
            {Grade::ALL.map(|g| view! { <option value=g.as_str() selected=g == Grade::Major>{g.zh()}</option> })}
        </select>
        <label for="info-report">"报送类别"</label>
        <select id="info-report" on:change=move |ev| if let Some(r) = ReportKind::parse(&event_target_value(&ev)) { timing.report.set(r) }>
            {ReportKind::ALL.map(|r| view! { <option value=r.as_str()>{r.zh()}</option> })}
        </select>
        <Show when=move || timing.report.get() != ReportKind::First>
            <label for="info-first-no">"首报信息编号"</label>
            <input id="info-first-no" maxlength="20" bind:value=timing.first_no/>
        </Show>
    }
}
