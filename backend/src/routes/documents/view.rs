//! Reading documents: the list (`GET /api/documents`: the office's
//! documents or a unit's inbox), one document (the sender's page with every
//! copy as a flat row, or the unit's own copy), and the receipt chain with
//! its check.

use super::access::{visible, Seen};
use crate::auth::require_staff;
use crate::clock;
use crate::db::documents::{self as docs, chain, lists};
use crate::db::Db;
use crate::error::AppError;
use crate::routes::{json, Cache, Reply};
use shared::api::documents::DocsQuery;
use shared::documents::receipt::{verify as check_chain, ChainCheck};
use shared::documents::rules::{limit_zh, Side};
use shared::documents::views::{DocCounts, DocList, DocRow, DocView, ReceiptChain};
use shared::engine::instant::Instant;
use shared::page::{next_after, page_size, split_page, Cursor};
use worker::Request;

pub async fn doc_view(db: &Db, seen: &Seen, now: Instant) -> Result<DocView, AppError> {
    let d = &seen.doc;
    let copies = docs::copies(db, d.id, seen.unit).await?;
    let limits = docs::limits(db).await?;
    let incoming = match (seen.side, copies.first()) {
        (Side::Recipient, Some(copy)) => super::incoming::record(db, copy).await?,
        _ => None,
    };
    Ok(DocView {
        doc_key: d.doc_key.clone(),
        request_id: d.request_id,
        title: d.title.clone(),
        number: d.number.clone(),
        level: d.level,
        urgency: d.urgency,
        signer: d.signer.clone(),
        not_classified: true,
        state: d.state,
        version: d.version,
        created_at: d.created_at,
        sent_at: d.sent_at,
        limit: limit_zh(limits, d.urgency),
        files: docs::files(db, d.id).await?,
        counts: d.counts(),
        recipients: copies.into_iter().map(|c| c.row(now)).collect(),
        sender: seen.side == Side::Sender,
        incoming,
    })
}

pub async fn list(req: &Request, q: DocsQuery, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let size = page_size(q.limit.as_deref())?;
    let after = q.after.as_deref().filter(|a| !a.is_empty()).map(Cursor::decode).transpose()?;
    let unit = user.list_scope()?;
    let mut rows = lists::page(db, unit, after.as_ref(), size).await?;
    let more = split_page(&mut rows, size);
    let next = next_after(more, rows.last().map(|r| (r.sort.clone(), r.sort_id)));
    let now = clock::now();
    let items = rows
        .into_iter()
        .map(|r| {
            let counts =
                DocCounts { recipients: r.recipients, opened: r.opened, signed: r.signed, returned: r.returned, recalled: r.recalled };
            let waiting = match r.mine {
                Some(state) => state.awaiting(),
                None => counts.unsigned() > 0,
            };
            DocRow {
                overdue: waiting && r.due_at.is_some_and(|d| now > d),
                doc_key: r.doc_key,
                title: r.title,
                number: r.number,
                urgency: r.urgency,
                state: r.state,
                created_at: r.created_at,
                sent_at: r.sent_at,
                counts,
                mine: r.mine,
            }
        })
        .collect();
    json(&DocList { items, next }, Cache::NoStore)
}

pub async fn get(req: &Request, db: &Db, doc_key: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let seen = visible(&user, db, doc_key).await?;
    json(&doc_view(db, &seen, clock::now()).await?, Cache::NoStore)
}

async fn chain_of(req: &Request, db: &Db, doc_key: &str) -> Result<(ReceiptChain, ChainCheck), AppError> {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let seen = visible(&user, db, doc_key).await?;
    let d = seen.doc;
    let receipts = chain::receipts(db, d.id).await?;
    let check = check_chain(&d.doc_key, &receipts, &d.head_hash, chain::sha256_hex);
    let answer =
        ReceiptChain { doc_key: d.doc_key, title: d.title, number: d.number, head_hash: d.head_hash, receipts, check: check.clone() };
    Ok((answer, check))
}

/// The printable 签收回执: every receipt with its hashes, and the check.
pub async fn receipts(req: &Request, db: &Db, doc_key: &str) -> Reply {
    json(&chain_of(req, db, doc_key).await?.0, Cache::NoStore)
}

/// Recomputes every hash and link against the document's stored head.
pub async fn verify(req: &Request, db: &Db, doc_key: &str) -> Reply {
    json(&chain_of(req, db, doc_key).await?.1, Cache::NoStore)
}
