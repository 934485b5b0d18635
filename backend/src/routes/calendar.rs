//! `GET /api/calendar/deadline?accepted=YYYY-MM-DD&days=N`

use super::{json, param, Cache, Reply};
use crate::db::{self, Db};
use shared::deadline::{DeadlineAnswer, DeadlineQuery};
use worker::Url;

pub async fn deadline(url: &Url, db: &Db) -> Reply {
    let (accepted, days) = (param(url, "accepted"), param(url, "days"));
    let q = DeadlineQuery::parse(accepted.as_deref(), days.as_deref())?;
    let calendar = db::calendar::for_limits_starting_in(db, q.accepted.year()).await?;
    let answer = DeadlineAnswer::from(calendar.add_working_days(q.accepted, q.days));
    json(&answer, Cache::PublicMinute)
}
