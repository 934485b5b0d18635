//! SQL for `county_settings`.

use super::super::security_events::{self, Event};
use super::super::{corrupt, num, Db};
use shared::admin::settings::{CountySettings, SettingsView};
use worker::Result;

#[derive(serde::Deserialize)]
struct Row {
    settings: String,
    version: i64,
}

/// The settings (one row by primary key).
pub async fn read(db: &Db) -> Result<SettingsView> {
    let row: Option<Row> = db.rows("SELECT settings, version FROM county_settings WHERE id = 1", &[]).await?.into_iter().next();
    let row = row.ok_or_else(|| corrupt("county_settings", "the row is missing"))?;
    let settings: CountySettings = serde_json::from_str(&row.settings).map_err(|e| corrupt("county_settings", e))?;
    Ok(SettingsView { settings, version: row.version })
}

/// Saves if nobody saved since `version` was read (with the audit row and
/// the security event, only where the save landed); false if someone did.
pub async fn save(db: &Db, s: &CountySettings, version: i64, staff: (i64, &str), now: &str, nonce: &str, event: &Event) -> Result<bool> {
    let json = serde_json::to_string(s).map_err(|e| corrupt("county_settings", e))?;
    let results = db
        .batch(vec![
            db.statement(
                "UPDATE county_settings SET settings = ?1, version = version + 1, last_change = ?2, updated_at = ?3, updated_by = ?4
                 WHERE id = 1 AND version = ?5",
                &[json.into(), nonce.into(), now.into(), staff.1.into(), num(version)],
            )?,
            super::audit(db, staff.0, "save_settings", "县情与服务设置", &summary(s), now, Some(("county_settings", 1, nonce)))?,
            security_events::if_landed(db, event, "county_settings", 1, nonce)?,
        ])
        .await?;
    Ok(crate::db::wrote(results.first()))
}

fn summary(s: &CountySettings) -> String {
    let p = &s.public;
    format!(
        "{}；{}；投诉电话{}；县长公开电话{}；黄牌{}个工作日",
        p.county_name, p.centre_name, p.complaint_phone, p.hotline_phone, p.yellow_days
    )
}
