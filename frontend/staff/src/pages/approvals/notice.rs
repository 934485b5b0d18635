//! The commitment notice (承诺件通知书), printable on A4.

use crate::route::Route;
use frontend::router::{set_title, Link};
use frontend::widgets::{load, show_page};
use leptos::prelude::*;
use shared::approvals::case::StaffCaseView;

#[component]
pub fn NoticePage(no: String) -> impl IntoView {
    set_title("承诺件通知书");
    let case = load::<shared::api::GetCase>(&[&no], Default::default());
    let back = Route::Case(no.clone());
    view! {
        <nav class="back no-print">
            <Link to=back>"‹ 返回办件"</Link>
            " "
            <button type="button" class="primary" on:click=|_| { let _ = window().print(); }>"打印"</button>
        </nav>
        {show_page(case, "承诺件通知书".into(), |c| view! { <Notice c/> })}
    }
}

#[component]
fn Notice(c: StaffCaseView) -> impl IntoView {
    let (Some(accepted), Some(days), Some(deadline)) = (c.progress.accepted_on, c.progress.committed_days, c.progress.deadline) else {
        return view! {
            <section class="panel"><h1>"承诺件通知书"</h1><p class="error">"该办件不是已受理的承诺件，没有承诺件通知书。"</p></section>
        }
        .into_any();
    };
    let county = frontend::county::county();
    view! {
        <article class="paper" data-testid="notice">
            <h1>"承诺件通知书"</h1>
            <p class="ref">{format!("编号：{}", c.progress.case_no)}</p>
            <p>{format!("{}：", c.applicant_name)}</p>
            <p class="body">
                {format!(
                    "您于{}提交的“{}”申请，材料齐全、符合法定形式，本窗口已于{}予以受理。根据承诺时限，本事项将在{}个工作日内办结，即于{}前办结（法定节假日不计算在内）。",
                    c.submitted_at.date().zh_full(),
                    c.progress.matter_name,
                    accepted.zh_full(),
                    days,
                    deadline.date().zh_full(),
                )}
            </p>
            <p class="body">{format!("请凭本通知书及办件编号查询办理进度或领取办理结果。如在承诺时限内未能办结，可拨打监督投诉电话 {} 反映。", county.complaint_phone)}</p>
            <p class="sign">{c.progress.department_name}<br/>{county.centre().to_string()}<br/>{accepted.zh_full()}</p>
        </article>
    }
    .into_any()
}
