//! `POST /api/information/items/{no}/action`: what the unit and the
//! editors do with an item. The rules are in shared::information; each
//! action is one batch naming the version read (`db::information::write`),
//! so a stale or lost write changes nothing and answers 409. Points are
//! score events split by the item's shares, and the units' yearly totals
//! are recomputed from the events in the same batch.

use super::access;
use super::items::{item_view, levels};
use crate::auth::require_staff;
use crate::clock;
use crate::db::information::write::Write;
use crate::db::information::{self as db_info, issues, league, ItemRecord};
use crate::db::{num, Db};
use crate::error::AppError;
use crate::routes::{json, read_json, Cache, Reply};
use shared::error::{ApiError, ErrorCode};
use shared::information::figures::{on_higher, Counter, Increments};
use shared::information::item::{check, InfoAction, InfoActionRequest, Share};
use shared::information::scoring::split;
use shared::information::{InfoState, Level, ScoreReason};
use worker::wasm_bindgen::JsValue;
use worker::Request;

fn conflict(state: InfoState, m: &str) -> AppError {
    ApiError { current_state: Some(state.as_str().into()), ..ApiError::new(ErrorCode::Conflict, m) }.into()
}

pub async fn act(req: &mut Request, db: &Db, item_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let body: InfoActionRequest = read_json(req).await?;
    let (item, side) = access::item(&user, db, item_no).await?;
    let side = side.ok_or_else(|| ApiError::new(ErrorCode::Forbidden, "联合报送单位只能查看，由牵头报送单位修改"))?;
    let version = body.version;
    let action = body.action()?;
    check(side, item.state, &levels(&item.adopted_by), &action)?;
    if version != item.version {
        return Err(conflict(item.state, "该信息已被他人更新，请刷新后再操作"));
    }
    let now = clock::now();
    let plan = plan(db, &item, &action).await?;
    let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
    let mut w = Write::update(db, &item.item_no, item.version, &nonce, &plan.columns)?;
    let units: Vec<i64> = plan.shares.iter().map(|s| s.unit_id).collect();
    if let Some((year, reason, points)) = plan.score {
        w.score(year, reason, &split(points, &plan.shares), now)?;
    }
    if plan.withdraw {
        w.withdraw(now)?;
    }
    if let Some(year) = plan.recompute {
        w.recompute(year)?;
    }
    w.tally(now.date(), &units, true, &plan.tally)?;
    w.event(now, &user.name, Some(user.id), Some(item.state), plan.to.unwrap_or(item.state), &plan.note)?;
    if !w.run().await? {
        return Err(conflict(item.state, "该信息刚被他人更新，请刷新查看最新情况"));
    }
    let (after, side) = access::item(&user, db, item_no).await?;
    json(&item_view(db, after, side).await?, Cache::NoStore)
}

/// What one action writes.
#[derive(Default)]
struct Plan {
    columns: Vec<(&'static str, JsValue)>,
    to: Option<InfoState>,
    note: String,
    shares: Vec<Share>,
    /// (year, reason, whole points before the split)
    score: Option<(i32, ScoreReason, u32)>,
    withdraw: bool,
    recompute: Option<i32>,
    tally: Increments,
}

impl Plan {
    fn state(&mut self, to: InfoState) {
        self.to = Some(to);
        self.columns.push(("state", to.as_str().into()));
    }

    fn scored(&mut self, year: i32, reason: ScoreReason, points: u32) {
        self.score = Some((year, reason, points));
        self.recompute = Some(year);
    }
}

fn with(levels_json: &str, level: Level) -> String {
    let mut all = levels(levels_json);
    if !all.contains(&level) {
        all.push(level);
    }
    serde_json::to_string(&all).unwrap_or_else(|_| "[]".into())
}

async fn plan(db: &Db, item: &ItemRecord, action: &InfoAction) -> Result<Plan, AppError> {
    let mut p = Plan {
        shares: db_info::shares(db, item.id).await?.into_iter().map(|s| Share { unit_id: s.unit_id, percent: s.percent }).collect(),
        ..Plan::default()
    };
    let year = item.score_year.unwrap_or_else(|| clock::today_cst().year());
    match action {
        InfoAction::Resubmit { title, body } => {
            p.state(InfoState::Submitted);
            p.columns.extend([("title", title.trim().into()), ("body", body.trim().into()), ("reason", "".into())]);
            p.note = "修改后重新报送".into();
        }
        InfoAction::Adopt { issue_id, title, body } => {
            let issue = issues::get(db, *issue_id).await?.ok_or_else(|| ApiError::not_found("该期刊物"))?;
            let year = issues::year_of(db, *issue_id).await?.unwrap_or(year);
            let points = league::rules(db, year).await?.issue(issue.kind);
            p.state(InfoState::Adopted);
            p.columns.extend([("issue_id", num(issue.id)), ("score_year", num(year as i64)), ("reason", "".into())]);
            if !title.trim().is_empty() {
                p.columns.push(("title", title.trim().into()));
            }
            if !body.trim().is_empty() {
                p.columns.push(("body", body.trim().into()));
            }
            p.scored(year, ScoreReason::Issue, points);
            p.tally.push((Counter::adopted, 1));
            p.note = format!("采用，编入{}（{}分）", issue.number, points);
        }
        InfoAction::Return { reason } | InfoAction::Decline { reason } => {
            let (to, counter, zh) = match action {
                InfoAction::Return { .. } => (InfoState::Returned, Counter::returned, "退回修改"),
                _ => (InfoState::Declined, Counter::declined, "不予采用"),
            };
            p.state(to);
            p.columns.push(("reason", reason.trim().into()));
            p.tally.push((counter, 1));
            p.note = format!("{zh}：{}", reason.trim());
        }
        InfoAction::Unadopt { reason } => {
            p.state(InfoState::Submitted);
            p.columns.extend([
                ("issue_id", JsValue::NULL),
                ("score_year", JsValue::NULL),
                ("forwarded", "[]".into()),
                ("adopted_by", "[]".into()),
                ("reason", reason.trim().into()),
            ]);
            p.withdraw = true;
            p.recompute = Some(year);
            p.tally.push((Counter::withdrawn, 1));
            p.note = format!("撤销采用（{}），所得分值全部扣回：{}", item.issue_no.clone().unwrap_or_default(), reason.trim());
        }
        InfoAction::Forward { level } => {
            p.columns.push(("forwarded", with(&item.forwarded, *level).into()));
            p.tally.push((Counter::forwarded, 1));
            p.note = format!("转报{}", level.zh());
        }
        InfoAction::HigherAdoption { level } => {
            let points = league::rules(db, year).await?.higher(*level);
            p.columns.push(("adopted_by", with(&item.adopted_by, *level).into()));
            p.scored(year, ScoreReason::Higher, points);
            p.tally.extend(on_higher(*level));
            p.note = format!("被{}采用（{}分）", level.zh(), points);
        }
        InfoAction::Instruction { leader, text } => {
            let points = league::rules(db, year).await?.instruction;
            p.scored(year, ScoreReason::Instruction, points);
            p.tally.push((Counter::instructions, 1));
            p.note = format!("{}批示（加{}分）：{}", leader.trim(), points, text.trim());
        }
    }
    Ok(p)
}
