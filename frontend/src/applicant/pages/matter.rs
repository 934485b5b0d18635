//! A matter's guide: the nine disclosures, and the date it would be done by
//! if accepted today.

use crate::route::Route;
use frontend::router::{set_title, Link};
use frontend::widgets::{load, show_page};
use leptos::prelude::*;
use shared::api::{self as ep, Empty};
use shared::approvals::matter::{HandlingClass, Material, MatterDetail};
use shared::engine::deadline::DeadlineAnswer;

#[component]
pub fn MatterPage(id: i64) -> impl IntoView {
    set_title("事项详情");
    let matter = load::<ep::GetMatter>(&[&id.to_string()], Empty {});
    view! {
        <nav class="back">
            <Link to=Route::home()>"‹ 返回事项列表"</Link>
        </nav>
        {show_page(matter, "事项详情".into(), |m| {
            set_title(&m.name);
            view! { <Guide m/> }
        })}
    }
}

#[component]
fn Guide(m: MatterDetail) -> impl IntoView {
    let limits = if m.committed_days == 0 {
        format!("即办：材料齐全当场办结（法定时限 {} 个工作日）", m.statutory_days)
    } else {
        format!("承诺时限 {} 个工作日（法定时限 {} 个工作日）", m.committed_days, m.statutory_days)
    };
    let phone_digits: String = m.complaint_phone.chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
    view! {
        <article class="guide">
            <header class="panel">
                <h1>{m.name.clone()}</h1>
                <p class="card-meta">
                    <span class="badge">{m.class.zh()}</span>
                    <span>{m.department_name.clone()}</span>
                    <span>{format!("事项编码 {}", m.code)}</span>
                </p>
                <ExpectedDate answer=m.if_accepted_today.clone() class=m.class/>
                <a href=format!("/apply/{}", m.id) class="button">"在线申请"</a>
            </header>
            <Section title="一、事项名称及办理部门">
                <p>{format!("{}，由{}办理，地点：县行政审批服务中心{}。", m.name, m.department_name, m.window)}</p>
            </Section>
            <Section title="二、设定依据"><p>{m.legal_basis}</p></Section>
            <Section title="三、申请条件"><p>{m.conditions}</p></Section>
            <Section title="四、申请材料"><Materials materials=m.materials/></Section>
            <Section title="五、办理流程">
                <ol class="steps">{m.procedure.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
            </Section>
            <Section title="六、办理时限"><p>{limits}</p></Section>
            <Section title="七、收费标准">
                <p>{m.fee}</p>
                <p class="muted">{format!("依据：{}", m.fee_basis)}</p>
            </Section>
            <Section title="八、办理结果"><p>{m.result}</p></Section>
            <Section title="九、监督投诉电话">
                <p><a href=format!("tel:{phone_digits}")>{m.complaint_phone}</a></p>
            </Section>
        </article>
    }
}

#[component]
fn Section(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <section class="panel">
            <h2>{title}</h2>
            {children()}
        </section>
    }
}

/// "如今天受理，预计X月X日前办结", and which non-working days moved it.
#[component]
fn ExpectedDate(answer: DeadlineAnswer, class: HandlingClass) -> impl IntoView {
    let deadline = answer.deadline_date();
    let headline = if answer.days == 0 {
        "材料齐全的，今天受理、当场办结".to_string()
    } else {
        format!("如今天受理，预计{}前办结", deadline.zh_month_day())
    };
    let holidays: Vec<String> =
        answer.skipped.iter().filter(|s| s.kind == shared::engine::calendar::SkipKind::Holiday).map(|s| s.reason.clone()).fold(
            Vec::new(),
            |mut names, n| {
                if !names.contains(&n) {
                    names.push(n);
                }
                names
            },
        );
    let detail = (answer.days > 0).then(|| {
        let mut text = format!("按 {} 个工作日计算，受理当日不计，截止 {} 24 时（北京时间）", answer.days, deadline.zh_full());
        if !holidays.is_empty() {
            text.push_str(&format!("；期间遇{}假期顺延", holidays.join("、")));
        }
        if class == HandlingClass::ReportUp {
            text.push_str("；此为县级初审时限，上级审批时间另计");
        }
        text
    });
    view! {
        <div class="expected" data-testid="expected-date">
            <p class="expected-headline">{headline}</p>
            {detail.map(|d| view! { <p class="muted">{d}</p> })}
            {answer.warnings.into_iter().map(|w| view! { <p class="warning">{w.message}</p> }).collect_view()}
        </div>
    }
    .into_any()
}

#[component]
fn Materials(materials: Vec<Material>) -> impl IntoView {
    view! {
        <ol class="materials" data-testid="materials">
            {materials
                .into_iter()
                .map(|m| {
                    let need = if m.required { "必需" } else { "视情况提交" };
                    view! {
                        <li>
                            <span class="material-name">{m.name}</span>
                            <span class="material-meta">
                                {format!("{} {} 份 · {}", m.form.zh(), m.copies, need)}
                            </span>
                            {(!m.note.is_empty()).then(|| view! { <span class="muted">{m.note}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
