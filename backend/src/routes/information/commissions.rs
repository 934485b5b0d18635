//! Commissioned topics (约稿): the office sends one to units with a
//! deadline; a unit answers with an item (`commission_id` in its
//! submission); a unit that misses two in a year may have its year zeroed.

use crate::auth::require_staff;
use crate::clock;
use crate::db::information::commissions::{self, PartRow};
use crate::db::Db;
use crate::error::AppError;
use crate::routes::{created, json, read_json, Cache, Reply};
use shared::api::YearParams;
use shared::engine::date::Date;
use shared::error::ApiError;
use shared::information::scoring::{check_commission, missed, year_of, ZERO_AFTER_MISSES};
use shared::information::views::{CommissionForm, CommissionList, CommissionUnit, CommissionView, MissRow};
use std::collections::BTreeMap;
use worker::Request;

/// The parts grouped by commission, newest first.
fn grouped(parts: Vec<PartRow>, today: Date) -> Vec<CommissionView> {
    let mut out: Vec<CommissionView> = Vec::new();
    for p in parts {
        let unit = CommissionUnit {
            missed: missed(p.deadline, today, p.answered_by.is_some()),
            unit_id: p.unit_id,
            unit_name: p.unit_name,
            answered_by: p.answered_by,
        };
        match out.last_mut() {
            Some(c) if c.id == p.id => c.units.push(unit),
            _ => out.push(CommissionView { id: p.id, topic: p.topic, deadline: p.deadline, units: vec![unit] }),
        }
    }
    out
}

pub async fn list(req: &Request, q: YearParams, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let scope = user.list_scope()?;
    let today = clock::today_cst();
    let year = year_of(q.year.as_deref(), today)?;
    let commissions = grouped(commissions::parts(db, year, scope, None).await?, today);
    let mut misses: BTreeMap<i64, MissRow> = BTreeMap::new();
    for u in commissions.iter().flat_map(|c| &c.units).filter(|u| u.missed) {
        let row =
            misses.entry(u.unit_id).or_insert(MissRow { unit_id: u.unit_id, unit_name: u.unit_name.clone(), misses: 0, may_zero: false });
        row.misses += 1;
        row.may_zero = row.misses >= ZERO_AFTER_MISSES;
    }
    json(&CommissionList { year, commissions, misses: misses.into_values().collect() }, Cache::NoStore)
}

pub async fn create(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let form: CommissionForm = read_json(req).await?;
    let today = clock::today_cst();
    check_commission(&form.topic, form.deadline, &form.unit_ids, today)?;
    for unit in &form.unit_ids {
        crate::db::admin::units::active_unit(db, *unit).await?.ok_or_else(|| AppError::from(ApiError::not_found("该单位")))?;
    }
    let id =
        commissions::create(db, form.topic.trim(), form.deadline, &form.unit_ids, clock::now()).await?.ok_or_else(ApiError::internal)?;
    let view = grouped(commissions::parts(db, form.deadline.year(), None, Some(id)).await?, today)
        .into_iter()
        .next()
        .ok_or_else(ApiError::internal)?;
    created(&view)
}
