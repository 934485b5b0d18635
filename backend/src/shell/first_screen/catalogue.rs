//! The catalogue's first screen (`/`): the search, the department list and
//! the first cards, with the departments and matters beside it as data
//! blocks. The search works before the app starts too, as a plain GET form.
//! Only what a screen shows: every byte here is in the catalogue's 150 KB
//! first load beside the same data as JSON.

use super::{escape, frame, FirstScreen};
use crate::db::{self, Db};
use shared::admin::settings::PublicSettings;
use shared::approvals::matter::{Department, DepartmentList, MatterList, MatterSummary};
use shared::shell::{CATALOGUE_DEPARTMENTS, CATALOGUE_MATTERS};

/// Cards in the first screen: more than a phone's (or a desktop's) screen
/// shows; the rest of the list, the panels under it and the footer come with
/// the app, below the fold (`main` is a screen tall), so nothing shifts.
const CARDS: usize = 12;

/// The unfiltered list the app would fetch at once, read as the API reads
/// it; none (the app fetches) if unreadable or empty.
pub async fn read(s: &PublicSettings, db: &Db) -> Option<FirstScreen> {
    use db::approvals::catalogue::{departments, matters};
    let (Ok(departments), Ok(matters)) = (departments(db).await, matters(db, &Default::default()).await) else { return None };
    if matters.is_empty() {
        return None;
    }
    let markup = html(s, &departments, &matters);
    let blocks = vec![
        (CATALOGUE_DEPARTMENTS, super::json(&DepartmentList { departments })),
        (CATALOGUE_MATTERS, super::json(&MatterList { matters })),
    ];
    Some(FirstScreen { markup, blocks })
}

fn html(s: &PublicSettings, departments: &[Department], matters: &[MatterSummary]) -> String {
    let options: String =
        departments.iter().map(|d| format!("<option value=\"{}\">{}（{}项）</option>", d.id, escape(&d.name), d.matter_count)).collect();
    let cards: String = matters.iter().take(CARDS).map(card).collect();
    frame(
        s,
        &format!(
            "<section class=\"panel\"><h1>办事指南</h1><form class=\"filters\" role=\"search\" action=\"/\">\
<label for=\"q\">搜索事项</label><div class=\"search-row\"><input id=\"q\" name=\"q\" type=\"search\" \
placeholder=\"输入事项名称或部门，如“营业执照”\" maxlength=\"50\" autocomplete=\"off\"><button type=\"submit\">搜索</button></div>\
<label for=\"department\">办理部门</label><select id=\"department\" name=\"department\"><option value=\"\" selected>全部部门</option>{options}</select>\
</form></section><section aria-label=\"事项列表\"><p class=\"count\" role=\"status\">共 {count} 项</p><ul class=\"cards\">{cards}</ul></section>",
            count = matters.len(),
        ),
    )
}

fn card(m: &MatterSummary) -> String {
    let limit = if m.committed_days == 0 { "当场办结".to_string() } else { format!("承诺 {} 个工作日", m.committed_days) };
    format!(
        "<li><a class=\"card\" href=\"/matters/{}\"><span class=\"card-title\">{}</span><span class=\"card-meta\">\
<span class=\"badge\">{}</span><span>{}</span><span>{limit}</span>{}</span></a></li>",
        m.id,
        escape(&m.name),
        m.class.zh(),
        escape(&m.department_name),
        if m.free { "<span>免费</span>" } else { "" },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::approvals::matter::HandlingClass;

    fn matter(id: i64, name: &str, committed_days: u32, free: bool) -> MatterSummary {
        MatterSummary {
            id,
            code: format!("M{id}"),
            name: name.into(),
            department_id: 1,
            department_name: "县<市场>监管局".into(),
            class: HandlingClass::Commitment,
            statutory_days: 20,
            committed_days,
            free,
        }
    }

    #[test]
    fn every_matter_is_a_card_and_no_value_is_markup() {
        let s = PublicSettings { centre_name: "某县<b>中心".into(), ..Default::default() };
        let departments =
            [Department {
                id: 7, name: "县&局".into(), window: "3号窗口".into(), window_staff: 2, phone: String::new(), matter_count: 2
            }];
        let html = html(&s, &departments, &[matter(3, "食品经营许可</a>", 0, true), matter(4, "取水许可", 20, false)]);
        assert!(html.starts_with("<div id=\"first-screen\">") && html.ends_with("</main></div>"));
        assert_eq!(html.matches("<li><a class=\"card\"").count(), 2);
        assert!(html.contains("<p class=\"count\" role=\"status\">共 2 项</p>"));
        assert!(html.contains("href=\"/matters/3\"><span class=\"card-title\">食品经营许可&lt;/a&gt;</span>"));
        assert!(html.contains("<span>当场办结</span><span>免费</span>") && html.contains("<span>承诺 20 个工作日</span></span>"));
        assert!(html.contains("<option value=\"7\">县&amp;局（2项）</option>"));
        assert!(html.contains(">某县&lt;b&gt;中心</a>") && html.contains("县&lt;市场&gt;监管局"));
        let many: Vec<_> = (1..=30).map(|id| matter(id, "取水许可", 20, false)).collect();
        let html = super::html(&s, &departments, &many);
        assert_eq!(html.matches("<li>").count(), CARDS, "the first screen only");
        assert!(html.contains("共 30 项"));
    }
}
