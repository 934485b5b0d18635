//! `POST /api/documents/{key}/action`: the office sends, recalls and
//! chases; a recipient unit opens, signs for, returns and handles its copy.
//! The rules are in shared::documents::rules; each action is one batch that
//! moves the receipt chain on from the head read (`db::documents::chain`):
//! a stale version answers 409 and writes nothing; a change that only lost
//! the race for the chain's head (another unit signing the same moment) is
//! read again and retried.

use super::access::{visible, Seen};
use super::view::doc_view;
use crate::auth::require_staff;
use crate::clock;
use crate::db::documents::chain::{self, Change};
use crate::db::documents::{self as docs, CopyRecord};
use crate::db::{num, Db};
use crate::error::AppError;
use crate::routes::{json, read_json, Cache, Reply};
use shared::documents::figures::{on_sent, on_signed, Counter};
use shared::documents::forms::{DocAction, DocActionRequest};
use shared::documents::incoming::is_incoming;
use shared::documents::receipt::Receipt;
use shared::documents::rules::{check, next_state, sign_due, Side};
use shared::documents::{FileKind, ReceiptKind, RecipientRole, RecipientState};
use shared::engine::instant::Instant;
use shared::error::{ApiError, ErrorCode};
use shared::staff::StaffUser;
use worker::wasm_bindgen::JsValue;
use worker::Request;

/// Reads and tries again at most this often when only the chain's head moved.
const ATTEMPTS: usize = 3;

fn bad(m: impl Into<String>) -> AppError {
    ApiError::new(ErrorCode::InvalidParameter, m).into()
}

fn stale(state: &str) -> AppError {
    ApiError {
        current_state: Some(state.into()), ..ApiError::new(ErrorCode::Conflict, "该公文已被他人更新，请刷新后再操作")
    }
    .into()
}

pub async fn act(req: &mut Request, db: &Db, doc_key: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let body: DocActionRequest = read_json(req).await?;
    for _ in 0..ATTEMPTS {
        let seen = visible(&user, db, doc_key).await?;
        let now = clock::now();
        let (change, mut receipts) = plan(db, &user, &seen, &body, now).await?;
        chain::link(&seen.doc, &mut receipts);
        let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
        if chain::write(db, &seen.doc, change, &receipts, now, &nonce).await? {
            let after = visible(&user, db, doc_key).await?;
            return json(&doc_view(db, &after, now).await?, Cache::NoStore);
        }
    }
    Err(stale(""))
}

/// The copies an action is about: the unit's own, the one named, or all.
async fn targets(db: &Db, seen: &Seen, action: &DocAction) -> Result<Vec<CopyRecord>, AppError> {
    let unit = match action {
        DocAction::Recall { unit_id } | DocAction::Chase { unit_id } => *unit_id,
        DocAction::Send => return Ok(vec![]),
        _ => seen.unit,
    };
    let copies = docs::copies(db, seen.doc.id, unit).await?;
    if unit.is_some() && copies.is_empty() {
        return Err(bad("该单位不是本公文的收文单位"));
    }
    Ok(copies)
}

fn receipt(kind: ReceiptKind, unit: Option<i64>, user: &StaffUser, at: Instant, note: String) -> Receipt {
    Receipt {
        seq: 0,
        kind,
        unit_id: unit,
        unit_name: String::new(),
        actor: user.name.clone(),
        at,
        note,
        prev_hash: String::new(),
        hash: String::new(),
    }
}

async fn plan(db: &Db, user: &StaffUser, seen: &Seen, body: &DocActionRequest, now: Instant) -> Result<(Change, Vec<Receipt>), AppError> {
    let action = &body.action;
    let doc = &seen.doc;
    // The wrong side is refused before the targets are looked up, so a
    // recipient cannot learn from the errors which units received it.
    if seen.side == Side::Recipient && action.by_sender() {
        check(seen.side, doc.state, None, action)?;
    }
    let copies = targets(db, seen, action).await?;
    let one = match action {
        DocAction::Recall { unit_id: None } | DocAction::Chase { unit_id: None } | DocAction::Send => None,
        _ => copies.first(),
    };
    if is_incoming(action) {
        if seen.side == Side::Sender {
            return Err(ApiError::new(ErrorCode::Forbidden, "收文登记、批示、传阅和承办由收文单位办理").into());
        }
        let copy = one.ok_or_else(super::access::not_found)?;
        if copy.version != body.version {
            return Err(stale(copy.state.as_str()));
        }
        return Ok((super::incoming::plan(db, user, seen, copy, action, now).await?, vec![]));
    }
    check(seen.side, doc.state, one.map(|c| c.state), action)?;
    let mut change = Change::default();
    match one {
        Some(c) if seen.side == Side::Recipient || matches!(action, DocAction::Recall { .. }) => {
            if c.version != body.version {
                return Err(stale(c.state.as_str()));
            }
            change.copy_version = Some((c.id, c.version));
        }
        _ => {
            if doc.version != body.version {
                return Err(stale(doc.state.as_str()));
            }
            change.doc_version = Some(doc.version);
        }
    }
    let waiting: Vec<&CopyRecord> = copies.iter().filter(|c| c.state.awaiting()).collect();
    let mut receipts = Vec::new();
    let at = JsValue::from(now.to_string());
    match action {
        DocAction::Send => return send(db, user, seen, change, now).await,
        DocAction::Recall { .. } | DocAction::Chase { .. } => {
            if waiting.is_empty() {
                return Err(ApiError::new(ErrorCode::Conflict, "没有尚未签收的收文单位").into());
            }
            let recall = matches!(action, DocAction::Recall { .. });
            let (kind, counter) = if recall { (ReceiptKind::Recalled, Counter::recalled) } else { (ReceiptKind::Chased, Counter::chased) };
            for c in &waiting {
                let columns = if recall {
                    vec![("state", JsValue::from(RecipientState::Recalled.as_str())), ("recalled_at", at.clone())]
                } else {
                    vec![("chased", num(c.chased as i64 + 1)), ("last_chased_at", at.clone())]
                };
                change.copies.push((c.id, columns));
                receipts.push(receipt(kind, Some(c.unit_id), user, now, String::new()));
            }
            let n = waiting.len() as u64;
            if recall {
                change.counts.push(("recalled", n as i64));
            }
            change.tally.push((vec![0], vec![(counter, n)]));
            change.tally.push((waiting.iter().map(|c| c.unit_id).collect(), vec![(counter, 1)]));
        }
        _ => {
            let Some(c) = one else { return Err(super::access::not_found().into()) };
            let state = next_state(action).unwrap_or(c.state);
            let (note, columns, count): (String, Vec<(&'static str, JsValue)>, Option<&'static str>) = match action {
                DocAction::Open => {
                    (String::new(), vec![("opened_at", at.clone()), ("opened_by", user.name.as_str().into())], Some("opened"))
                }
                DocAction::Sign => {
                    (String::new(), vec![("signed_at", at.clone()), ("signed_by", user.name.as_str().into())], Some("signed"))
                }
                DocAction::Return { reason } => (
                    reason.trim().to_string(),
                    vec![("returned_at", at.clone()), ("return_reason", reason.trim().into())],
                    Some("returned"),
                ),
                DocAction::Handle { note } => {
                    (note.trim().to_string(), vec![("handled_at", at.clone()), ("handled_note", note.trim().into())], None)
                }
                _ => (String::new(), vec![], None),
            };
            let mut columns = columns;
            columns.push(("state", state.as_str().into()));
            change.copies.push((c.id, columns));
            change.counts.extend(count.map(|n| (n, 1)));
            let kind = ReceiptKind::parse(state.as_str()).unwrap_or(ReceiptKind::Opened);
            receipts.push(receipt(kind, Some(c.unit_id), user, now, note));
            let increments = match action {
                DocAction::Sign => {
                    let minutes = c.delivered_at.seconds_until(now).max(0) as u64 / 60;
                    on_signed(minutes, c.due_at.is_some_and(|d| now > d))
                }
                DocAction::Return { .. } => vec![(Counter::returned, 1)],
                _ => vec![],
            };
            if !increments.is_empty() {
                change.tally.push((vec![0, c.unit_id], increments));
            }
        }
    }
    Ok((change, receipts))
}

/// The send: groups expanded to their active units now (a unit named
/// outright must be active), a copy and a 送达 receipt for each, main
/// before copy, a unit in both lists only as main.
async fn send(db: &Db, user: &StaffUser, seen: &Seen, mut change: Change, now: Instant) -> Result<(Change, Vec<Receipt>), AppError> {
    let doc = &seen.doc;
    if !docs::files(db, doc.id).await?.iter().any(|f| f.kind == FileKind::Body) {
        return Err(bad("请先上传公文正文（PDF或OFD）再发送"));
    }
    let to = doc.addressees()?;
    let mut list: Vec<(i64, RecipientRole)> = Vec::new();
    for (units, groups, role) in
        [(&to.main_units, &to.main_groups, RecipientRole::Main), (&to.copy_units, &to.copy_groups, RecipientRole::Copy)]
    {
        let named = docs::units(db, units).await?;
        if named.len() != units.len() {
            return Err(bad("所选单位不存在，请重新选择"));
        }
        if let Some(u) = named.iter().find(|u| u.active == 0) {
            return Err(bad(format!("单位“{}”已停用，不能向其发文，请修改收文单位", u.name)));
        }
        let members = if groups.is_empty() { vec![] } else { docs::group_members(db, groups).await? };
        for u in named.iter().chain(members.iter().filter(|u| u.active == 1)) {
            if !list.iter().any(|(id, _)| *id == u.id) {
                list.push((u.id, role));
            }
        }
    }
    if list.is_empty() {
        return Err(bad("所选单位分组中没有在用的单位"));
    }
    let calendar = crate::db::calendar::for_limits_starting_in(db, now.date().year() - 1).await?;
    let due = sign_due(&calendar, docs::limits(db).await?, doc.urgency, now);
    let at = JsValue::from(now.to_string());
    change.columns =
        vec![("state", "sent".into()), ("sent_at", at), ("due_at", due.map(|d| JsValue::from(d.to_string())).unwrap_or(JsValue::NULL))];
    let n = list.len();
    change.counts.push(("recipients", n as i64));
    let json: Vec<serde_json::Value> = list.iter().map(|(u, r)| serde_json::json!({"unit": u, "role": r.as_str()})).collect();
    change.new_copies = Some((serde_json::to_string(&json).map_err(worker::Error::from)?, now, due));
    let receipts = list.iter().map(|(u, r)| receipt(ReceiptKind::Delivered, Some(*u), user, now, r.zh().into())).collect();
    let mut county = on_sent(doc.level);
    county.push((Counter::delivered, n as u64));
    change.tally.push((vec![0], county));
    change.tally.push((list.iter().map(|(u, _)| *u).collect(), vec![(Counter::delivered, 1)]));
    Ok((change, receipts))
}
