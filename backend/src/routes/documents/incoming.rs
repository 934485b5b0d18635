//! Incoming handling (收文) of a unit's signed copy, planned for
//! `act.rs`: registration with its receiving number and 拟办, the leader's
//! 批示, circulation to named colleagues (read, or taken back while unread),
//! the lead office with its deadline. The rules are in
//! shared::documents::incoming; the writes ride the same guarded batch as
//! every other change of the document, without a receipt (the sender's
//! receipt chain records transmission, not the unit's internal steps).

use super::access::Seen;
use crate::db::documents::chain::Change;
use crate::db::documents::{incoming as db_in, CopyRecord};
use crate::db::Db;
use crate::error::AppError;
use shared::documents::figures::Counter;
use shared::documents::forms::DocAction;
use shared::documents::incoming::{check, whereabouts, Incoming, Situation};
use shared::engine::instant::Instant;
use shared::error::{ApiError, ErrorCode};
use shared::staff::StaffUser;
use worker::wasm_bindgen::JsValue;

pub async fn plan(db: &Db, user: &StaffUser, seen: &Seen, copy: &CopyRecord, action: &DocAction, now: Instant) -> Result<Change, AppError> {
    if seen.unit.is_none() || (matches!(action, DocAction::Instruct { .. }) && user.role != shared::staff::Role::DepartmentHead) {
        return Err(ApiError::new(ErrorCode::Forbidden, "领导批示由本单位负责人填写；收文办理由收文单位办理").into());
    }
    let circulation = db_in::circulation(db, copy.id).await?;
    let open: Vec<i64> = circulation.iter().filter(|(_, c)| c.read_at.is_none() && c.recalled_at.is_none()).map(|(s, _)| *s).collect();
    let situation = Situation {
        state: copy.state,
        registered: copy.receive_seq.is_some(),
        unread: open.len() as u32,
        mine_unread: open.contains(&user.id),
    };
    check(&situation, action)?;
    let mut c = Change { copy_version: Some((copy.id, copy.version)), ..Default::default() };
    // The copy's version moves on with every step, so a stale page is refused.
    c.copies.push((copy.id, vec![("state", copy.state.as_str().into())]));
    match action {
        DocAction::Register { proposal } => db_in::register(&mut c, copy.id, copy.unit_id, now.date().year(), proposal.trim()),
        DocAction::Instruct { instruction } => {
            c.copies[0].1.extend([("instruction", JsValue::from(instruction.trim())), ("instructed_by", user.name.as_str().into())]);
        }
        DocAction::Assign { lead, due } => {
            let due = due.map(|d| JsValue::from(d.to_string())).unwrap_or(JsValue::NULL);
            c.copies[0].1.extend([("lead", JsValue::from(lead.trim())), ("lead_due", due)]);
        }
        DocAction::Circulate { staff_ids } => {
            let colleagues = crate::db::staff::colleagues(db, copy.unit_id).await?;
            if let Some(id) = staff_ids.iter().find(|id| !colleagues.iter().any(|c| c.id == **id)) {
                return Err(ApiError::new(ErrorCode::InvalidParameter, format!("传阅人（编号{id}）不是本单位在岗工作人员")).into());
            }
            db_in::circulate(&mut c, copy.id, copy.unit_id, staff_ids, now)?;
            if circulation.is_empty() {
                c.tally.push((vec![0, copy.unit_id], vec![(Counter::circulated, 1)]));
            }
        }
        DocAction::Read => {
            db_in::close(&mut c, copy.id, Some(user.id), now);
            let sent = circulation
                .iter()
                .filter(|(s, c)| *s == user.id && c.read_at.is_none() && c.recalled_at.is_none())
                .map(|(_, c)| c.sent_at)
                .min();
            let minutes = sent.map(|t| t.seconds_until(now).max(0) as u64 / 60).unwrap_or(0);
            c.tally.push((vec![0, copy.unit_id], vec![(Counter::circulation_reads, 1), (Counter::circulation_minutes, minutes)]));
        }
        _ => db_in::close(&mut c, copy.id, None, now),
    }
    Ok(c)
}

/// The unit's incoming record of its copy, once registered.
pub async fn record(db: &Db, copy: &CopyRecord) -> Result<Option<Incoming>, AppError> {
    let (Some(year), Some(seq)) = (copy.receive_year, copy.receive_seq) else { return Ok(None) };
    let circulation: Vec<_> = db_in::circulation(db, copy.id).await?.into_iter().map(|(_, c)| c).collect();
    Ok(Some(Incoming {
        receive_no: shared::documents::incoming::receive_no(year, seq),
        proposal: copy.proposal.clone().unwrap_or_default(),
        instruction: copy.instruction.clone(),
        instructed_by: copy.instructed_by.clone(),
        lead: copy.lead.clone(),
        lead_due: copy.lead_due,
        whereabouts: whereabouts(&circulation, copy.lead.as_deref()),
        circulation,
    }))
}
