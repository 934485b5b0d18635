//! `/staff/information/emergencies`: urgent items by event, each with when
//! the first report was due, whether it came late, and its follow-ups and
//! final report (the office: every unit's; a unit: its own).

use crate::info_route::Info;
use crate::route::Route;
use frontend::router::{set_title, Link};
use frontend::widgets::{load, show, HeaderCells};
use leptos::prelude::*;
use shared::api::information::ListEmergencies;

#[component]
pub fn EmergenciesPage() -> impl IntoView {
    set_title("紧急信息");
    let list = load::<ListEmergencies>(&[], Default::default());
    view! {
        <section class="panel">
            <h1>"紧急信息"</h1>
            <p class="muted">"较大及以上事件须在规定时限内首报（时限见计分规则），并及时续报、终报。"</p>
            {show(list, |l| view! {
                <div class="table-scroll"><table class="cases" data-testid="emergencies">
                    <thead><tr><HeaderCells titles=&["事件（首报）", "单位", "等级", "发生时间", "首报时限", "报送情况"]/></tr></thead>
                    <tbody>{l.events.into_iter().map(|e| view! {
                        <tr class=if e.late { "red" } else { "" } data-event=e.first_no.clone()>
                            <td><Link to=Route::Information(Info::Item(e.first_no.clone()))>{e.title}</Link></td>
                            <td>{e.unit_name}</td>
                            <td>{e.grade.zh()}</td>
                            <td>{e.event_at.short()}</td>
                            <td>{e.due_at.map(|d| d.short()).unwrap_or_else(|| "—".into())}{e.late.then_some("（首报超时）")}</td>
                            <td>
                                {e.reports.iter().map(|r| format!("{} {} {}", r.report.zh(), r.item_no, r.submitted_at.short())).collect::<Vec<_>>().join("；")}
                                {(!e.finished).then_some("；尚未终报")}
                            </td>
                        </tr>
                    }).collect_view()}</tbody>
                </table></div>
            })}
        </section>
    }
}
