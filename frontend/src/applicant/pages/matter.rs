//! A matter's guide: the nine disclosures, and the date it would be done by
//! if accepted today.

use crate::route::Route;
use frontend::router::{set_title, Link};
use frontend::widgets::{load_inline, show_page};
use leptos::prelude::*;
use shared::api::{self as ep, Empty};
use shared::approvals::matter::{Material, MatterDetail};

#[component]
pub fn MatterPage(id: i64) -> impl IntoView {
    set_title("事项详情");
    let matter = load_inline::<ep::GetMatter>(shared::shell::MATTER, &[&id.to_string()], Empty {}, move |m| m.id == id);
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
    let where_handled = m.where_handled();
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
                <ExpectedDate m=m.clone()/>
                <a href=format!("/apply/{}", m.id) class="button">"在线申请"</a>
            </header>
            <Section title="一、事项名称及办理部门">
                <p>{where_handled}</p>
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

/// "如今天受理，预计X月X日前办结", and which non-working days moved it
/// (the sentences are `shared::approvals::guide`'s).
#[component]
fn ExpectedDate(m: MatterDetail) -> impl IntoView {
    view! {
        <div class="expected" data-testid="expected-date">
            <p class="expected-headline">{m.expected_headline()}</p>
            {m.expected_detail().map(|d| view! { <p class="muted">{d}</p> })}
            {m.if_accepted_today.warnings.into_iter().map(|w| view! { <p class="warning">{w.message}</p> }).collect_view()}
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
