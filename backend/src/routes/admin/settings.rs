//! `GET|POST /api/admin/settings` (the office).

use super::{stale, stamp};
use crate::auth::require_staff;
use crate::db::{self, Db};
use crate::routes::{json, read_json, Cache, Reply};
use crate::security_log;
use shared::admin::settings::SettingsView;
use shared::security::{Outcome, SecurityKind};
use worker::Request;

pub async fn get(req: &Request, db: &Db) -> Reply {
    require_staff(req, db).await?.check_is_office()?;
    json(&db::admin::settings::read(db).await?, Cache::NoStore)
}

pub async fn save(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let body: SettingsView = read_json(req).await?;
    let settings = body.settings.trimmed();
    settings.validate()?;
    let s = stamp()?;
    let detail = format!("县情与服务设置（第{}版）", body.version + 1);
    let event = security_log::event(req, SecurityKind::SettingsChanged, Outcome::Success, (&user).into(), "settings", &detail);
    if !db::admin::settings::save(db, &settings, body.version, (user.id, &user.name), &s.now, &s.nonce, &event).await? {
        return Err(stale("设置").into());
    }
    json(&db::admin::settings::read(db).await?, Cache::NoStore)
}
