//! Items: the office's list, registration (also by hand-off from a hotline
//! hot spot or an upheld negative review), an item's page, and its
//! decomposition into tasks, each with its 交办单.

use super::access::{self, Viewer};
use super::view::{calendar, item_view};
use crate::auth::require_staff;
use crate::clock;
use crate::db::supervision::create::{self, NewTask, Registration};
use crate::db::supervision::write::{self, ITEMS};
use crate::db::supervision::{self as db_sv, lists::ItemFilter, StoredMilestone};
use crate::db::{self, guarded::Write, num, Db};
use crate::error::AppError;
use crate::routes::{created, json, read_json, Cache, Reply};
use shared::api::ItemsQuery;
use shared::approvals::evaluation::ReviewState;
use shared::error::{ApiError, ErrorCode};
use shared::page::{page_size, split_page};
use shared::supervision::escalation::Facts;
use shared::supervision::forms::{ItemForm, OriginKind, TaskForm};
use shared::supervision::task::next_report_due;
use shared::supervision::views::{ItemCreated, ItemList, ItemSummary};
use shared::supervision::{ItemState, Source};
use worker::Request;

fn bad(m: impl Into<String>) -> AppError {
    ApiError::new(ErrorCode::InvalidParameter, m).into()
}

fn conflict(m: &str) -> AppError {
    ApiError::new(ErrorCode::Conflict, m).into()
}

pub async fn list(req: &Request, q: ItemsQuery, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let size = page_size(q.limit.as_deref())?;
    let state = match q.state.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => Some(ItemState::parse(s).ok_or_else(|| bad("状态应为 registered、in_progress 或 closed"))?),
        None => None,
    };
    let source = match q.source.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => Some(Source::parse(s).ok_or_else(|| bad(format!("没有“{s}”这种来源")))?),
        None => None,
    };
    fn text(s: Option<&str>) -> Option<&str> {
        s.map(str::trim).filter(|s| !s.is_empty())
    }
    let (q_text, origin) = (text(q.q.as_deref()), text(q.origin.as_deref()));
    if q_text.is_some_and(|s| s.chars().count() > 50) || origin.is_some_and(|s| s.chars().count() > 120) {
        return Err(bad("查找内容过长"));
    }
    let before = match q.after.as_deref().filter(|s| !s.is_empty()) {
        Some(a) => Some(a.parse::<i64>().map_err(|_| bad("翻页参数无效，请回到第一页重新查看"))?),
        None => None,
    };
    let filter = ItemFilter { state, source, q: q_text, origin };
    let mut rows = db_sv::lists::items(db, &filter, before, size).await?;
    let more = split_page(&mut rows, size);
    let next = more.then(|| rows.last().map(|r| r.id.to_string())).flatten();
    let items = rows
        .into_iter()
        .map(|r| ItemSummary {
            item_no: r.item_no,
            source: r.source,
            title: r.title,
            priority: r.priority,
            state: r.state,
            tasks: r.tasks,
            open_tasks: r.open_tasks,
            registered_at: r.registered_at,
            leader: r.leader,
        })
        .collect();
    json(&ItemList { items, next }, Cache::NoStore)
}

pub async fn register(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let form: ItemForm = read_json(req).await?;
    form.validate()?;
    if let Some(origin) = &form.origin {
        let existing = db_sv::lists::items(db, &ItemFilter { origin: Some(&origin.key()), ..Default::default() }, None, 1).await?;
        if let Some(item) = existing.first() {
            return Err(conflict(&format!("已立项为督查事项{}，请在该事项下继续督办", item.item_no)));
        }
        if origin.kind == OriginKind::Case {
            let review = db::approvals::evaluation::review_of(db, origin.reference.trim()).await?;
            if !matches!(review, Some(ReviewState::Rectifying | ReviewState::Rectified)) {
                return Err(bad("只有经核实属实的差评才能转为督查事项"));
            }
        }
    }
    let now = clock::now();
    let year = now.date().year();
    // Two registrations racing for a number: the loser takes the next. Two
    // from the same origin: the unique origin refuses the second.
    for _ in 0..3 {
        let seq = create::next_item_seq(db, year).await?;
        let item_no = create::item_no(year, seq);
        let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
        let r = Registration { item_no: &item_no, year, seq, nonce: &nonce, at: now, by: &user.name, staff_id: user.id };
        if create::register(db, &form, &r).await? {
            return created(&ItemCreated { item_no });
        }
        if let Some(origin) = &form.origin {
            let existing = db_sv::lists::items(db, &ItemFilter { origin: Some(&origin.key()), ..Default::default() }, None, 1).await?;
            if let Some(item) = existing.first() {
                return Err(conflict(&format!("已立项为督查事项{}，请在该事项下继续督办", item.item_no)));
            }
        }
    }
    Err(conflict("立项编号正被占用，请稍后重试"))
}

pub async fn get(req: &Request, db: &Db, item_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let (item, viewer) = access::item(&user, db, item_no).await?;
    json(&item_view(db, item, viewer, clock::today_cst()).await?, Cache::NoStore)
}

pub async fn add_task(req: &mut Request, db: &Db, item_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let form: TaskForm = read_json(req).await?;
    let (item, _) = access::item(&user, db, item_no).await?;
    let now = clock::now();
    let today = now.date();
    form.validate(today)?;
    if item.state == ItemState::Closed {
        return Err(conflict("该事项已销号；领导有新批示的，请在原任务上“后续交办”"));
    }
    if form.version != item.version {
        return Err(conflict("该事项已被他人更新，请刷新后再分解"));
    }
    for unit in std::iter::once(&form.lead_unit_id).chain(&form.assist_unit_ids) {
        db::admin::units::active_unit(db, *unit).await?.ok_or_else(|| bad(format!("单位（编号{unit}）不存在或已停用")))?;
    }
    let cal = calendar(db, today).await?;
    let (limit_days, deadline) = match form.due {
        Some(due) => (None, due),
        None => {
            let days = db_sv::extras::limits(db).await?.days(item.source, item.priority, item.difficult == 1);
            (Some(days), cal.add_working_days(today, days).deadline)
        }
    };
    if form.milestones.last().is_some_and(|m| m.due > deadline) {
        return Err(bad(format!("进度节点不能晚于办结时限{}", deadline.zh_full())));
    }
    let milestones: Vec<StoredMilestone> =
        form.milestones.iter().map(|m| StoredMilestone { due: m.due, text: m.text.trim().into(), reached_at: None }).collect();
    let report_due = form.report_day.map(|d| next_report_due(today, d));
    let facts = Facts { deadline, open_milestones: form.milestones.iter().map(|m| m.due).enumerate().collect(), report_due };
    let task_no = format!("{}-{}", item.item_no, item.tasks + 1);
    let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
    let columns = [("state", "in_progress".into()), ("tasks", num(item.tasks as i64 + 1)), ("open_tasks", num(item.open_tasks as i64 + 1))];
    let mut w = Write::update(db, &ITEMS, &item.item_no, item.version, &nonce, &columns)?;
    let task = NewTask {
        task_no: &task_no,
        item_id: item.id,
        source: item.source,
        requirement: &form.requirement,
        lead_unit_id: form.lead_unit_id,
        assists: &form.assist_unit_ids,
        responsible: &form.responsible,
        supervisor: &form.supervisor,
        at: now,
        limit_days,
        deadline,
        milestones: serde_json::to_string(&milestones).map_err(worker::Error::from)?,
        report_day: form.report_day,
        next_report_due: report_due,
        watch_date: facts.watch_date(),
        follows: None,
    };
    let note = format!("分解交办：{}，{}前办结", form.requirement.trim(), deadline.zh_full());
    create::insert_task(&mut w, &task, &user.name, Some(user.id), &note)?;
    if item.state == ItemState::Registered {
        write::move_item(&mut w, item.source, Some(ItemState::Registered), ItemState::InProgress)?;
    }
    if !w.run().await? {
        return Err(conflict("该事项刚被他人更新，请刷新后再分解"));
    }
    let item = db_sv::item_by_no(db, item_no).await?.ok_or_else(access::no_item)?;
    created(&item_view(db, item, Viewer::Office, today).await?)
}
