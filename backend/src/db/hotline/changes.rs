//! The parts of a ticket's change besides the ticket row: a unit's part,
//! a merged caller, a knowledge item's use. Each runs in the change's batch
//! only where the ticket's own update landed (`Write::then`).

use super::write::Write;
use crate::db::num;
use shared::engine::instant::Instant;
use shared::hotline::{PartState, Role};
use worker::Result;

/// What happens to a unit's part.
pub enum PartChange<'a> {
    Signed {
        at: Instant,
        late: bool,
    },
    ReturnAsked {
        reason: &'a str,
    },
    /// The office's decision on a return: back to `state`, or `returned`.
    ReturnDecided {
        state: PartState,
        decision: &'a str,
    },
    Contributed {
        text: &'a str,
    },
}

impl Write<'_> {
    /// A unit's part, sent now, to be signed for by `sign_by` (a unit that
    /// had returned it gets it afresh).
    pub fn add_part(&mut self, unit: i64, role: Role, now: Instant, sign_by: Instant, deadline: Instant) -> Result<()> {
        self.then(
            "INSERT INTO hotline_part (ticket_id, unit_id, role, state, sent_at, sign_by, deadline)
             SELECT id, ?3, ?4, 'sent', ?5, ?6, ?7 FROM hotline_ticket WHERE ticket_no = ?1 AND last_change = ?2
             ON CONFLICT (ticket_id, unit_id) DO UPDATE SET role = excluded.role, state = 'sent', sent_at = excluded.sent_at,
                 sign_by = excluded.sign_by, signed_at = NULL, signed_late = 0, deadline = excluded.deadline",
            &[num(unit), role.as_str().into(), now.to_string().into(), sign_by.to_string().into(), deadline.to_string().into()],
        )
    }

    pub fn change_part(&mut self, unit: i64, change: &PartChange<'_>) -> Result<()> {
        let (set, params): (&str, Vec<worker::wasm_bindgen::JsValue>) = match change {
            PartChange::Signed { at, late } => {
                ("state = 'signed', signed_at = ?4, signed_late = ?5", vec![at.to_string().into(), num(*late as i64)])
            }
            PartChange::ReturnAsked { reason } => ("state = 'return_requested', return_reason = ?4", vec![(*reason).into()]),
            PartChange::ReturnDecided { state, decision } => {
                ("state = ?4, return_decision = ?5", vec![state.as_str().into(), (*decision).into()])
            }
            PartChange::Contributed { text } => ("state = 'contributed', contribution = ?4", vec![(*text).into()]),
        };
        let mut all = vec![num(unit)];
        all.extend(params);
        self.then(
            &format!(
                "UPDATE hotline_part SET {set} WHERE unit_id = ?3
                   AND ticket_id = (SELECT id FROM hotline_ticket WHERE ticket_no = ?1 AND last_change = ?2)"
            ),
            &all,
        )
    }

    /// A knowledge item answered a call.
    pub fn count_answer(&mut self, knowledge_id: i64) -> Result<()> {
        self.then(
            "UPDATE hotline_knowledge SET uses = uses + 1
             WHERE id = ?3 AND EXISTS (SELECT 1 FROM hotline_ticket WHERE ticket_no = ?1 AND last_change = ?2)",
            &[num(knowledge_id)],
        )
    }

    /// This ticket's caller becomes a contact of the open ticket `into`,
    /// which records the merge in its own trail.
    pub fn merge_into(&mut self, into: &str, at: Instant, actor: &str, staff_id: i64) -> Result<()> {
        self.then(
            "INSERT OR IGNORE INTO hotline_caller (ticket_id, from_ticket, name, phone, address)
             SELECT m.id, t.ticket_no, t.caller_name, t.caller_phone, t.address FROM hotline_ticket t, hotline_ticket m
             WHERE t.ticket_no = ?1 AND t.last_change = ?2 AND m.ticket_no = ?3",
            &[into.into()],
        )?;
        self.then(
            "INSERT INTO hotline_event (ticket_id, at, actor, staff_id, from_state, to_state, note, public)
             SELECT m.id, ?4, ?5, ?6, m.state, m.state, '并入工单' || ?1, 0 FROM hotline_ticket m
             WHERE m.ticket_no = ?3 AND EXISTS (SELECT 1 FROM hotline_ticket WHERE ticket_no = ?1 AND last_change = ?2)",
            &[into.into(), at.to_string().into(), actor.into(), num(staff_id)],
        )
    }
}
