//! The staff's in-app inbox (migration 0029): a member's entries and read
//! marks. Items are written by triggers on the events' own rows.

use crate::db::{corrupt, num, Db};
use serde::Deserialize;
use shared::notify::inbox::{InboxKind, InboxMessage, StaffInbox, INBOX_PAGE};
use worker::Result;

/// The member's unread count (kept by migration 0033's triggers: one row)
/// and latest items (one page: the entries' primary key walked backwards),
/// in one round trip; the rows read stay flat however much is unread.
pub async fn of(db: &Db, staff_id: i64) -> Result<StaffInbox> {
    #[derive(Deserialize)]
    struct Count {
        n: u64,
    }
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        kind: String,
        title: String,
        link: String,
        created_at: String,
        read: u8,
    }
    let results = db
        .batch(vec![
            db.statement("SELECT n FROM inbox_unread_count WHERE staff_id = ?1", &[num(staff_id)])?,
            db.statement(
                "SELECT i.id, i.kind, i.title, i.link, i.created_at, e.read_at IS NOT NULL AS read
                 FROM inbox_entry e JOIN inbox_item i ON i.id = e.item_id
                 WHERE e.staff_id = ?1 ORDER BY e.item_id DESC LIMIT ?2",
                &[num(staff_id), num(INBOX_PAGE as i64)],
            )?,
        ])
        .await?;
    let unread = results.first().map(|r| r.results::<Count>()).transpose()?.and_then(|c| c.first().map(|c| c.n)).unwrap_or(0);
    let rows: Vec<Row> = results.get(1).map(|r| r.results()).transpose()?.unwrap_or_default();
    let items = rows
        .into_iter()
        .map(|r| {
            Ok(InboxMessage {
                id: r.id,
                kind: InboxKind::parse(&r.kind).ok_or_else(|| corrupt("inbox kind", &r.kind))?,
                title: r.title,
                link: r.link,
                created_at: r.created_at,
                read: r.read == 1,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(StaffInbox { unread, items })
}

/// Marks the member's entry read (the first time counts); `false` if they
/// have no such item.
pub async fn mark_read(db: &Db, staff_id: i64, item_id: i64, now: &str) -> Result<bool> {
    let results = db
        .batch(vec![db.statement(
            "UPDATE inbox_entry SET read_at = coalesce(read_at, ?3) WHERE staff_id = ?1 AND item_id = ?2",
            &[num(staff_id), num(item_id), now.into()],
        )?])
        .await?;
    Ok(crate::db::wrote(results.first()))
}
