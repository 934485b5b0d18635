//! The first screens of the hotline's and the complaints' pages, which need
//! no data: the tops of their forms (their fields come with the app, below
//! these).

use super::escape;
use shared::admin::settings::PublicSettings;

/// As `frontend`'s `ComplaintsPage`'s first panel.
pub const COMPLAINTS: &str = "<section class=\"panel\"><h1>效能投诉 · 我要投诉</h1>\
<p>对机关单位和工作人员办事拖拉、推诿扯皮、态度生硬、吃拿卡要等作风效能问题，可随时投诉或咨询，无需注册。</p>\
<p><a href=\"/complaints/track\">已投诉？查询办理结果</a></p></section>";

/// As `frontend`'s `HotlinePage`'s first panel, with the county's number.
pub fn hotline(s: &PublicSettings) -> String {
    let phone = if s.hotline_phone.is_empty() {
        String::new()
    } else {
        format!(
            "<p>也可拨打县长公开电话：<a href=\"tel:{}\">{}</a></p>",
            escape(&PublicSettings::dial(&s.hotline_phone)),
            escape(&s.hotline_phone)
        )
    };
    format!(
        "<section class=\"panel\"><h1>县长公开电话 · 我要留言</h1>\
<p>反映问题、提出建议或咨询政策，无需注册。留言后请保存工单编号和查询码，凭此查看办理进度和答复。</p>\
<p class=\"muted\">紧急情况请直接拨打110、119、120。</p>{phone}<p><a href=\"/hotline/track\">已留言？查询办理进度</a></p></section>"
    )
}
