//! What a ticket records: each unit's part, the lead unit's reply, and the
//! audit trail (the entries the caller also sees marked).

use crate::app::Me;
use crate::pages::{AuditLine, AuditTrail};
use frontend::widgets::HeaderCells;
use leptos::prelude::*;
use shared::hotline::views::{Part, TicketEvent, TicketView};
use shared::hotline::Role;

const PART_COLUMNS: &[&str] = &["承办单位", "分工", "办理状态", "签收期限", "签收时间", "退单理由", "退单审核意见", "协办意见"];

/// The units the ticket went to, the viewer's own marked.
#[component]
pub fn PartsTable(parts: Vec<Part>) -> impl IntoView {
    if parts.is_empty() {
        return ().into_any();
    }
    let me = expect_context::<Me>();
    let own = move || me.get().and_then(|u| u.department_id);
    view! {
        <section class="panel" data-testid="parts">
            <h2>"承办单位"</h2>
            <div class="table-scroll">
                <table class="cases">
                    <thead><tr><HeaderCells titles=PART_COLUMNS/></tr></thead>
                    <tbody>
                        {parts.into_iter().map(|p| {
                            let id = p.unit_id;
                            let signed = p.signed_at.map(|at| format!("{}{}", at.short(), if p.signed_late { "（超时签收）" } else { "" }));
                            view! {
                                <tr data-unit=id.to_string()>
                                    <td>{p.unit_name}{move || (own() == Some(id)).then_some("（本单位）")}</td>
                                    <td>{match p.role { Role::Lead => "主办", Role::Assist => "协办" }}</td>
                                    <td>{p.state.zh()}</td>
                                    <td>{p.sign_by.short()}</td>
                                    <td>{signed.unwrap_or_else(|| "未签收".into())}</td>
                                    <td>{p.return_reason}</td>
                                    <td>{p.return_decision}</td>
                                    <td class="pre-wrap">{p.contribution}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// The lead unit's reply, signed off by its responsible leader.
#[component]
pub fn ReplyPanel(view: TicketView) -> impl IntoView {
    view.reply.map(|r| {
        view! {
            <section class="panel" data-testid="reply">
                <h2>"答复"</h2>
                <p class="pre-wrap">{r.text}</p>
                <dl class="pairs">
                    <dt>"政策依据"</dt><dd>{r.policy}</dd>
                    <dt>"审签的分管负责人"</dt><dd>{r.signed_off_by}</dd>
                    <dt>"答复时间"</dt><dd>{r.at.short()}</dd>
                </dl>
            </section>
        }
    })
}

/// The audit trail as the server lists it; entries the caller also sees marked.
#[component]
pub fn Events(events: Vec<TicketEvent>) -> impl IntoView {
    let lines = events.into_iter().map(|e| AuditLine { at: e.at, actor: e.actor, note: e.note, public: e.public }).collect();
    view! { <AuditTrail lines public_title="来电人查询时可见"/> }
}
