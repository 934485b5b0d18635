//! The notification outbox (migration 0028): rows written in the batch of
//! the change they tell about, the queue's bookkeeping, the office's list.

use crate::db::{corrupt, num, opt_int, Db};
use serde::Deserialize;
use shared::approvals::case::CaseState;
use shared::engine::instant::Instant;
use shared::identity::mask_mobile;
use shared::notify::{NoticeCount, NoticeEvent, NoticeRow, NoticeState, Vars};
use worker::{D1PreparedStatement, Result};

/// An outbox row the request wrote, to enqueue once its batch is done.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Pending {
    pub event_key: String,
    pub event: String,
    pub case_no: String,
}

/// Why a message was recorded and not sent.
const SKIPPED_REASON: &str = "申请人选择不接收短信";

/// The message a case's change sends its applicant, if it sends one: a
/// statement for the change's batch, written only if the case's last change
/// is `nonce` (a change that lost its race tells nobody) and only once per
/// event key (`from_version`: the version the change moved the case from).
#[allow(clippy::too_many_arguments)]
pub fn case_notice(
    db: &Db,
    case_no: &str,
    from_version: i64,
    nonce: &str,
    from: Option<CaseState>,
    to: CaseState,
    deadline: Option<Instant>,
    now: &str,
) -> Result<Option<D1PreparedStatement>> {
    let event = match from {
        None => NoticeEvent::CaseReceived,
        Some(f) if f == to => return Ok(None),
        Some(_) => match NoticeEvent::for_case_change(to) {
            Some(e) => e,
            None => return Ok(None),
        },
    };
    let date = (event == NoticeEvent::CaseAccepted).then(|| deadline.map(|d| d.date().to_string())).flatten();
    let vars = serde_json::to_string(&Vars { no: case_no.to_string(), code: None, date })?;
    let key = event.key(case_no, from_version);
    let statement = db.statement(
        "INSERT INTO notice_outbox (event_key, event, case_no, phone, vars, state, reason, created_at, updated_at)
         SELECT ?3, ?4, case_no, mobile, ?5, iif(sms_opt_out = 1, 'skipped', 'queued'), iif(sms_opt_out = 1, ?7, NULL), ?6, ?6
         FROM case_record WHERE case_no = ?1 AND last_change = ?2
         ON CONFLICT (event_key) DO NOTHING",
        &[case_no.into(), nonce.into(), key.as_str().into(), event.as_str().into(), vars.into(), now.into(), SKIPPED_REASON.into()],
    )?;
    db.note_pending(Pending { event_key: key, event: event.as_str().to_string(), case_no: case_no.to_string() });
    Ok(Some(statement))
}

/// When the applicant turns SMS off: the case's messages still waiting (a
/// night's quiet hours, the daily cap, a retry) are recorded as skipped
/// rather than sent in the morning. Not one claimed by a send in progress.
/// Part of the choice's batch, written only if the choice (`nonce`) landed.
pub fn skip_waiting(db: &Db, case_no: &str, nonce: &str, now: &str) -> Result<D1PreparedStatement> {
    db.statement(
        "UPDATE notice_outbox SET state = 'skipped', reason = ?3, lease_until = NULL, updated_at = ?4
         WHERE case_no = ?1 AND state = 'queued' AND event LIKE 'case%' AND (lease_until IS NULL OR lease_until < ?4)
           AND EXISTS (SELECT 1 FROM case_record WHERE case_no = ?1 AND last_change = ?2)",
        &[case_no.into(), nonce.into(), SKIPPED_REASON.into(), now.into()],
    )
}

/// The message a hotline ticket's or a complaint's change sends the person
/// who raised it (their number in `phone_column`; none if empty), in the
/// change's batch and only if it landed (`?1` the record, `?2` the change's
/// nonce). Keyed by the change itself: a lost race or a retried action
/// writes nothing; a reopened ticket replied again tells the caller again.
pub fn raised_notice(w: &mut crate::db::guarded::Write<'_>, event: NoticeEvent, phone_column: &str, now: &str) -> Result<()> {
    let (table, key_column) = w.table();
    let (item, nonce) = w.key_and_nonce();
    let (item, key) = (item.to_string(), format!("{}:{item}:{nonce}", event.as_str()));
    // Table and column names come from code, never from input.
    let sql = format!(
        "INSERT INTO notice_outbox (event_key, event, case_no, phone, vars, created_at, updated_at)
         SELECT ?3, ?4, {key_column}, {phone_column}, json_object('no', {key_column}), ?5, ?5 FROM {table}
         WHERE {key_column} = ?1 AND last_change = ?2 AND {phone_column} <> ''
         ON CONFLICT (event_key) DO NOTHING"
    );
    w.then(&sql, &[key.as_str().into(), event.as_str().into(), now.into()])?;
    w.db().note_pending(Pending { event_key: key, event: event.as_str().to_string(), case_no: item });
    Ok(())
}

/// Records that the queue took these messages.
pub async fn mark_enqueued(db: &Db, keys: &[String], now: &str) -> Result<()> {
    let statements = keys
        .iter()
        .map(|k| {
            db.statement(
                "UPDATE notice_outbox SET enqueued_at = ?2 WHERE event_key = ?1 AND enqueued_at IS NULL",
                &[k.as_str().into(), now.into()],
            )
        })
        .collect::<Result<Vec<_>>>()?;
    db.batch(statements).await?;
    Ok(())
}

/// Queued rows the queue never took (a crash or a queue fault between the
/// batch and the send), older than `before`: the daily sweep's work.
pub async fn never_enqueued(db: &Db, before: &str, limit: u32) -> Result<Vec<Pending>> {
    db.rows(
        "SELECT event_key, event, case_no FROM notice_outbox
         WHERE state = 'queued' AND enqueued_at IS NULL AND created_at < ?1 ORDER BY id LIMIT ?2",
        &[before.into(), num(limit as i64)],
    )
    .await
}

#[derive(Deserialize)]
struct Stored {
    id: i64,
    event: String,
    case_no: String,
    phone: String,
    state: String,
    provider: Option<String>,
    provider_message_id: Option<String>,
    reason: Option<String>,
    attempts: u32,
    created_at: String,
    updated_at: String,
}

impl Stored {
    /// The row as staff see it: the number masked here, so no staff answer
    /// can carry it whole.
    fn view(self) -> Result<NoticeRow> {
        Ok(NoticeRow {
            id: self.id,
            event: NoticeEvent::parse(&self.event).ok_or_else(|| corrupt("notice event", &self.event))?,
            case_no: self.case_no,
            phone: mask_mobile(&self.phone),
            state: NoticeState::parse(&self.state).ok_or_else(|| corrupt("notice state", &self.state))?,
            provider: self.provider,
            provider_message_id: self.provider_message_id,
            reason: self.reason,
            attempts: self.attempts,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

const COLUMNS: &str = "id, event, case_no, phone, state, provider, provider_message_id, reason, attempts, created_at, updated_at";

/// A page of messages newest first (of one state, by its index), read with
/// one row more than `size` to tell whether another page follows.
pub async fn page(db: &Db, state: Option<NoticeState>, before_id: Option<i64>, size: u32) -> Result<Vec<NoticeRow>> {
    let (sql, params) = match state {
        Some(s) => (
            format!("SELECT {COLUMNS} FROM notice_outbox WHERE state = ?1 AND id < coalesce(?2, 9e18) ORDER BY id DESC LIMIT ?3"),
            vec![s.as_str().into(), opt_int(before_id), num(size as i64 + 1)],
        ),
        None => (
            format!("SELECT {COLUMNS} FROM notice_outbox WHERE id < coalesce(?1, 9e18) ORDER BY id DESC LIMIT ?2"),
            vec![opt_int(before_id), num(size as i64 + 1)],
        ),
    };
    db.rows::<Stored>(&sql, &params).await?.into_iter().map(Stored::view).collect()
}

pub async fn counts(db: &Db) -> Result<Vec<NoticeCount>> {
    #[derive(Deserialize)]
    struct Row {
        state: String,
        provider: String,
        n: u64,
    }
    let rows: Vec<Row> = db.rows("SELECT state, provider, n FROM notice_tally WHERE n > 0 ORDER BY state, provider", &[]).await?;
    rows.into_iter()
        .map(|r| {
            let state = NoticeState::parse(&r.state).ok_or_else(|| corrupt("notice state", &r.state))?;
            Ok(NoticeCount { state, provider: r.provider, n: r.n })
        })
        .collect()
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<NoticeRow>> {
    let rows: Vec<Stored> = db.rows(&format!("SELECT {COLUMNS} FROM notice_outbox WHERE id = ?1"), &[num(id)]).await?;
    rows.into_iter().next().map(Stored::view).transpose()
}

/// Puts a failed message back in the queue's hands as a fresh try, if it is
/// still failed (two office members resending at once send it once).
pub async fn resend(db: &Db, id: i64, staff_id: i64, now: &str) -> Result<bool> {
    #[derive(Deserialize)]
    struct Row {
        event_key: String,
        event: String,
        case_no: String,
    }
    let rows: Vec<Row> = db
        .rows(
            "UPDATE notice_outbox SET state = 'queued', attempts = 0, enqueued_at = NULL, lease_until = NULL,
                 resent_by = ?2, resent_at = ?3, updated_at = ?3
             WHERE id = ?1 AND state = 'failed' RETURNING event_key, event, case_no",
            &[num(id), num(staff_id), now.into()],
        )
        .await?;
    let resent = !rows.is_empty();
    for r in rows {
        db.note_pending(Pending { event_key: r.event_key, event: r.event, case_no: r.case_no });
    }
    Ok(resent)
}

/// Blanks the applicant's number in a case's messages and the log
/// provider's copies, in the batch that anonymises the case: only where its
/// guarded UPDATE set the case's `last_change` to `nonce`.
pub fn forget_numbers(db: &Db, case_no: &str, nonce: &str) -> Result<Vec<D1PreparedStatement>> {
    let landed = "EXISTS (SELECT 1 FROM case_record WHERE case_no = ?1 AND last_change = ?2)";
    Ok(vec![
        db.statement(
            &format!("UPDATE notice_log SET phone = '' WHERE outbox_id IN (SELECT id FROM notice_outbox WHERE case_no = ?1) AND {landed}"),
            &[case_no.into(), nonce.into()],
        )?,
        db.statement(&format!("UPDATE notice_outbox SET phone = '' WHERE case_no = ?1 AND {landed}"), &[case_no.into(), nonce.into()])?,
    ])
}
