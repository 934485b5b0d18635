//! The office's limit table, publications, and files.

use crate::db::{num, opt_int, Db};
use serde::Deserialize;
use shared::engine::date::Date;
use shared::engine::instant::Instant;
use shared::supervision::figures::on_publication;
use shared::supervision::forms::PublicationForm;
use shared::supervision::limits::{LimitRow, LimitTable};
use shared::supervision::views::Publication;
use shared::supervision::{publication_no, PublicationKind};
use worker::Result;

/// The office's table with every line the office has not set taken from
/// the defaults.
pub async fn limits(db: &Db) -> Result<LimitTable> {
    let saved: Vec<LimitRow> = db.rows("SELECT source, priority, working_days FROM supervision_limit", &[]).await?;
    let mut table = LimitTable::defaults();
    for row in &mut table.rows {
        if let Some(s) = saved.iter().find(|s| s.source == row.source && s.priority == row.priority) {
            row.working_days = s.working_days;
        }
    }
    Ok(table)
}

/// Saves every line of `table` in one batch.
pub async fn save_limits(db: &Db, table: &LimitTable) -> Result<()> {
    let statements = table
        .rows
        .iter()
        .map(|r| {
            db.statement(
                "INSERT INTO supervision_limit (source, priority, working_days) VALUES (?1, ?2, ?3)
                 ON CONFLICT (source, priority) DO UPDATE SET working_days = excluded.working_days",
                &[r.source.as_str().into(), r.priority.as_str().into(), num(r.working_days as i64)],
            )
        })
        .collect::<Result<Vec<_>>>()?;
    if !statements.is_empty() {
        db.batch(statements).await?;
    }
    Ok(())
}

#[derive(Deserialize)]
struct PublicationRow {
    id: i64,
    kind: PublicationKind,
    year: i32,
    seq: i64,
    title: String,
    published_on: Date,
    summary: String,
    item_nos: Option<String>,
}

impl PublicationRow {
    fn view(self) -> Publication {
        Publication {
            id: self.id,
            kind: self.kind,
            number: publication_no(self.kind, self.year, self.seq),
            title: self.title,
            published_on: self.published_on,
            summary: self.summary,
            item_nos: self.item_nos.map(|s| s.split(',').map(String::from).collect()).unwrap_or_default(),
        }
    }
}

const PUBLICATION: &str = "SELECT p.id, p.kind, p.year, p.seq, p.title, p.published_on, p.summary,
    (SELECT group_concat(i.item_no) FROM supervision_publication_item x JOIN supervision_item i ON i.id = x.item_id
     WHERE x.publication_id = p.id) AS item_nos
    FROM supervision_publication p";

/// The latest 200 publications, newest first.
pub async fn publications(db: &Db) -> Result<Vec<Publication>> {
    let rows: Vec<PublicationRow> = db.rows(&format!("{PUBLICATION} ORDER BY p.published_on DESC, p.id DESC LIMIT 200"), &[]).await?;
    Ok(rows.into_iter().map(PublicationRow::view).collect())
}

/// Publishes the year's next issue of its kind, linked to `item_ids`, and
/// counts it. `None` if another took the number meanwhile.
pub async fn publish(db: &Db, f: &PublicationForm, item_ids: &[i64], by: &str, nonce: &str) -> Result<Option<Publication>> {
    let year = f.published_on.year();
    #[derive(Deserialize)]
    struct Next {
        seq: i64,
    }
    let next: Vec<Next> = db
        .rows(
            "SELECT coalesce(max(seq), 0) + 1 AS seq FROM supervision_publication WHERE kind = ?1 AND year = ?2",
            &[f.kind.as_str().into(), num(year as i64)],
        )
        .await?;
    let seq = next.first().map(|n| n.seq).unwrap_or(1);
    let key = [f.kind.as_str().into(), num(year as i64), num(seq)];
    // The statements after the insert find the issue by this request's nonce:
    // one that lost the race for the number links and counts nothing.
    let mine = "SELECT id FROM supervision_publication WHERE nonce = ?1";
    let statements = vec![
        db.statement(
            "INSERT OR IGNORE INTO supervision_publication (kind, year, seq, title, published_on, summary, created_by, nonce)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            &[
                key[0].clone(),
                key[1].clone(),
                key[2].clone(),
                f.title.trim().into(),
                f.published_on.to_string().into(),
                f.summary.trim().into(),
                by.into(),
                nonce.into(),
            ],
        )?,
        db.statement(
            &format!("INSERT OR IGNORE INTO supervision_publication_item (publication_id, item_id) SELECT ({mine}), value FROM json_each(?2) WHERE EXISTS ({mine})"),
            &[nonce.into(), serde_json::to_string(item_ids)?.into()],
        )?,
        {
            let (counter, _) = on_publication(f.kind)[0];
            let keys = serde_json::to_string(&shared::engine::period::keys_of(f.published_on))?;
            db.statement(
                &format!(
                    "INSERT INTO supervision_tally (key, unit_id, {0}) SELECT value, 0, 1 FROM json_each(?2) WHERE EXISTS ({mine})
                     ON CONFLICT (key, unit_id) DO UPDATE SET {0} = {0} + 1",
                    counter.column()
                ),
                &[nonce.into(), keys.into()],
            )?
        },
    ];
    let results = db.batch(statements).await?;
    if !crate::db::wrote(results.first()) {
        return Ok(None);
    }
    let rows: Vec<PublicationRow> = db.rows(&format!("{PUBLICATION} WHERE p.nonce = ?1"), &[nonce.into()]).await?;
    Ok(rows.into_iter().next().map(PublicationRow::view))
}

/// The ids of items by number (unknown numbers left out).
pub async fn item_ids(db: &Db, item_nos: &[String]) -> Result<Vec<(i64, String)>> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        item_no: String,
    }
    let rows: Vec<Row> = db
        .rows(
            "SELECT id, item_no FROM supervision_item WHERE item_no IN (SELECT value FROM json_each(?1))",
            &[serde_json::to_string(item_nos)?.into()],
        )
        .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.item_no)).collect())
}

/// A stored file, for serving it.
#[derive(Deserialize)]
pub struct StoredFile {
    pub item_no: String,
    pub task_id: Option<i64>,
    pub r2_key: String,
    pub content_type: String,
}

pub async fn file(db: &Db, id: i64) -> Result<Option<StoredFile>> {
    let rows = db
        .rows(
            "SELECT i.item_no, f.task_id, f.r2_key, f.content_type FROM supervision_file f JOIN supervision_item i ON i.id = f.item_id WHERE f.id = ?1",
            &[num(id)],
        )
        .await?;
    Ok(rows.into_iter().next())
}

/// A file just written to R2.
pub struct NewFile<'a> {
    pub item_id: i64,
    pub task_id: Option<i64>,
    pub r2_key: &'a str,
    pub name: &'a str,
    pub content_type: &'a str,
    pub size: u64,
    pub at: Instant,
    pub by: &'a str,
}

pub async fn add_file(db: &Db, f: &NewFile<'_>) -> Result<()> {
    db.rows::<serde_json::Value>(
        "INSERT INTO supervision_file (item_id, task_id, r2_key, file_name, content_type, size, uploaded_at, uploaded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        &[
            num(f.item_id),
            opt_int(f.task_id),
            f.r2_key.into(),
            f.name.into(),
            f.content_type.into(),
            num(f.size as i64),
            f.at.to_string().into(),
            f.by.into(),
        ],
    )
    .await?;
    Ok(())
}
