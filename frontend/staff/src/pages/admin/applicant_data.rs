//! `/staff/admin/applicant-data`: the office exports everything held about
//! one applicant (个人信息保护法 art. 45): their cases with the identity
//! number and mobile whole, shown as a list and downloaded as JSON. Each
//! export is in the security log.

use frontend::api::encode;
use frontend::router::set_title;
use frontend::widgets::{post_then, ErrorRegion, HeaderCells};
use leptos::prelude::*;
use shared::api::ExportApplicantData;
use shared::approvals::case::{ApplicantData, ApplicantDataRequest, APPLICANT_EXPORT_MAX};
use shared::error::ApiError;

#[component]
pub fn ApplicantDataPage() -> impl IntoView {
    set_title("申请人个人信息导出");
    let id_number = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let data = RwSignal::new(None::<ApplicantData>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        data.set(None);
        let body = ApplicantDataRequest { id_number: id_number.get_untracked() };
        post_then::<ExportApplicantData>(&[], body, error, move |d| data.set(Some(d)));
    };
    view! {
        <section class="panel narrow">
            <h1>"申请人个人信息导出"</h1>
            <p class="muted">"应申请人本人请求，导出系统保存的其全部申请及个人信息（个人信息保护法第四十五条）。每次导出均记入安全日志。"</p>
            <form class="filters" on:submit=submit>
                <label for="ad-id">"申请时使用的身份证号码或统一社会信用代码"</label>
                <input id="ad-id" bind:value=id_number autocomplete="off" required/>
                <ErrorRegion error=error/>
                <button type="submit" class="primary">"查询并导出"</button>
            </form>
        </section>
        {move || data.get().map(|d| view! { <Exported d/> })}
    }
}

#[component]
fn Exported(d: ApplicantData) -> impl IntoView {
    let json = serde_json::to_string_pretty(&d).unwrap_or_default();
    let href = format!("data:application/json;charset=utf-8,{}", encode(&json));
    // Masked: the file name stays in the browser's download history.
    let file = format!("applicant-{}.json", shared::identity::mask_id(&d.id_number).replace('*', "x"));
    let more = d.truncated.then(
        || view! { <p class="notice">{format!("该申请人的办件超过{APPLICANT_EXPORT_MAX}件，仅导出最早的{APPLICANT_EXPORT_MAX}件。")}</p> },
    );
    let titles: &'static [&'static str] = &["办件编号", "事项", "申请人", "提交时间", "状态"];
    view! {
        <section class="panel" data-testid="applicant-data">
            <p role="status">{format!("共{}件办件。", d.cases.len())}</p>
            {more}
            <p><a href=href download=file>"下载JSON"</a></p>
            <div class="table-scroll">
                <table class="cases">
                    <thead><tr><HeaderCells titles/></tr></thead>
                    <tbody>
                        {d.cases.into_iter().map(|c| view! {
                            <tr>
                                <td>{c.progress.case_no}</td>
                                <td>{c.progress.matter_name}</td>
                                <td>{c.applicant_name}</td>
                                <td>{c.submitted_at.short()}</td>
                                <td>{c.progress.state.zh()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
