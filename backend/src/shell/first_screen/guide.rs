//! The first screens of one matter's guide (`/matters/{id}`) and of its
//! online application form (`/apply/{id}`), with the matter beside them as
//! `GET /api/matters/{id}` answers it. The guide's top and its first three
//! disclosures fill a phone's screen; the form's heading is its first
//! screen's largest text, and its fields come with the app.

use super::{escape, frame, json, FirstScreen};
use crate::db::Db;
use crate::routes::approvals::catalogue::detail;
use shared::admin::settings::PublicSettings;
use shared::approvals::matter::MatterDetail;
use shared::shell::MATTER;

pub enum Kind {
    Guide,
    Form,
}

/// None for a matter that does not exist (the app says so) or cannot be read.
pub async fn read(s: &PublicSettings, db: &Db, id: i64, kind: Kind) -> Option<FirstScreen> {
    let m = detail(db, id).await.ok()??;
    let main = match kind {
        Kind::Guide => guide(&m),
        Kind::Form => form(&m),
    };
    Some(FirstScreen { markup: frame(s, &main), blocks: vec![(MATTER, json(&m))] })
}

/// As `frontend`'s `MatterPage` and `Guide`.
fn guide(m: &MatterDetail) -> String {
    let detail = m.expected_detail().map(|d| format!("<p class=\"muted\">{}</p>", escape(&d))).unwrap_or_default();
    let warnings: String =
        m.if_accepted_today.warnings.iter().map(|w| format!("<p class=\"warning\">{}</p>", escape(&w.message))).collect();
    let sections: String =
        [("一、事项名称及办理部门", m.where_handled()), ("二、设定依据", m.legal_basis.clone()), ("三、申请条件", m.conditions.clone())]
            .iter()
            .map(|(title, text)| format!("<section class=\"panel\"><h2>{title}</h2><p>{}</p></section>", escape(text)))
            .collect();
    format!(
        "<nav class=\"back\"><a href=\"/\">‹ 返回事项列表</a></nav><article class=\"guide\"><header class=\"panel\"><h1>{name}</h1>\
<p class=\"card-meta\"><span class=\"badge\">{class}</span><span>{department}</span><span>事项编码 {code}</span></p>\
<div class=\"expected\" data-testid=\"expected-date\"><p class=\"expected-headline\">{headline}</p>{detail}{warnings}</div>\
<a href=\"/apply/{id}\" class=\"button\">在线申请</a></header>{sections}</article>",
        name = escape(&m.name),
        class = m.class.zh(),
        department = escape(&m.department_name),
        code = escape(&m.code),
        headline = escape(&m.expected_headline()),
        id = m.id,
    )
}

/// As the `apply` app's `ApplyPage` and the top of its form.
fn form(m: &MatterDetail) -> String {
    format!(
        "<nav class=\"back\"><a href=\"/matters/{id}\">‹ 返回办事指南</a></nav><form class=\"apply\" novalidate><section class=\"panel\">\
<h1>在线申请：{name}</h1><p class=\"muted\">{department} · 承诺时限 {days} 个工作日</p><div role=\"alert\"></div></section></form>",
        id = m.id,
        name = escape(&m.name),
        department = escape(&m.department_name),
        days = m.committed_days,
    )
}
