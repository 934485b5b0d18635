//! Items: the list (a unit's own and joint ones; the office's all), a
//! unit's submission, an item's page, and the items' CSV.

use super::access::{self, no_item};
use crate::auth::require_staff;
use crate::clock;
use crate::db::information::write::{NewItem, Write};
use crate::db::information::{self as db_info, league, ItemRecord};
use crate::db::{self, audit, Db};
use crate::error::AppError;
use crate::routes::{created, csv_download, json, read_json, Cache, Reply};
use shared::api::information::InfoItemsQuery;
use shared::api::YearParams;
use shared::error::{ApiError, ErrorCode};
use shared::information::figures::Counter;
use shared::information::item::{available, shares_of, Side, SubmissionForm};
use shared::information::scoring::year_of;
use shared::information::views::{InfoItemList, InfoItemView, ItemSummary, ShareView, TrailLine};
use shared::information::{emergency, item_no, Category, InfoState, Level};
use shared::page::{page_size, split_page};
use shared::staff::Role;
use worker::Request;

fn bad(m: impl Into<String>) -> AppError {
    ApiError::new(ErrorCode::InvalidParameter, m).into()
}

pub async fn list(req: &Request, q: InfoItemsQuery, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let scope = user.list_scope()?;
    let size = page_size(q.limit.as_deref())?;
    let state = match q.state.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => Some(InfoState::parse(s).ok_or_else(|| bad("状态应为 submitted、returned、adopted 或 declined"))?),
        None => None,
    };
    let before = match q.after.as_deref().filter(|s| !s.is_empty()) {
        Some(a) => Some(a.parse::<i64>().map_err(|_| bad("翻页参数无效，请回到第一页重新查看"))?),
        None => None,
    };
    let mut rows = db_info::items(db, scope, state, before, size).await?;
    let more = split_page(&mut rows, size);
    let next = more.then(|| rows.last().map(|r| r.id.to_string())).flatten();
    let items = rows
        .into_iter()
        .map(|r| ItemSummary {
            item_no: r.item_no,
            title: r.title,
            category: r.category,
            state: r.state,
            unit_name: r.unit_name,
            submitted_at: r.submitted_at,
            issue_no: r.issue_no,
        })
        .collect();
    json(&InfoItemList { items, next }, Cache::NoStore)
}

pub async fn submit(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let Some(unit) = user.department_id.filter(|_| user.role != Role::OfficeAdmin) else {
        return Err(ApiError::new(ErrorCode::Forbidden, "信息由各单位报送").into());
    };
    let form: SubmissionForm = read_json(req).await?;
    // A department head signs off their own unit's item.
    let head = user.role == Role::DepartmentHead;
    form.validate(!head)?;
    let shares = shares_of(unit, &form.shares)?;
    for s in &shares {
        db::admin::units::active_unit(db, s.unit_id).await?.ok_or_else(|| bad(format!("单位（编号{}）不存在或已停用", s.unit_id)))?;
    }
    let now = clock::now();
    let year = now.date().year();
    let urgent = form.category == Some(Category::Urgent);
    emergency::check(urgent, form.emergency.as_ref(), now)?;
    if let Some(first) = form.emergency.as_ref().and_then(|e| e.first_no.as_deref()).filter(|_| urgent) {
        if db_info::emergencies::first_report_unit(db, first.trim()).await? != Some(unit) {
            return Err(bad("首报编号不存在，或不是本单位的紧急信息首报"));
        }
    }
    let late = match &form.emergency {
        Some(e) => emergency::is_late(&league::rules(db, year).await?, e, now),
        None => false,
    };
    if let Some(id) = form.commission_id {
        if !db_info::commissions::open_for(db, id, unit).await? {
            return Err(bad("该约稿不是向本单位发出的，或本单位已报送"));
        }
    }
    let signed_off_by = match form.signed_off_by.trim() {
        "" => user.name.clone(),
        s => s.to_string(),
    };
    let note = if shares.len() > 1 { "联合报送" } else { "报送" };
    // Two submissions racing for a number: the loser takes the next.
    for _ in 0..3 {
        let seq = db_info::next_item_seq(db, year).await?;
        let no = item_no(year, seq);
        let nonce = crate::crypto::hex(&crate::crypto::random_bytes::<16>()?);
        let n = NewItem {
            item_no: &no,
            nonce: &nonce,
            year,
            seq,
            unit_id: unit,
            form: &form,
            signed_off_by: &signed_off_by,
            shares: &shares,
            at: now,
            late,
        };
        let mut w = Write::insert(db, &n)?;
        w.event(now, &user.name, Some(user.id), None, InfoState::Submitted, &format!("{note}（{}签发）", signed_off_by))?;
        w.tally(now.date(), &[unit], true, &vec![(Counter::submitted, 1)])?;
        w.submitted(year, unit)?;
        if let Some(id) = form.commission_id {
            w.answer(id, unit)?;
        }
        if w.run().await? {
            let item = db_info::item_by_no(db, &no).await?.ok_or_else(no_item)?;
            return created(&item_view(db, item, Some(Side::Unit)).await?);
        }
    }
    Err(ApiError::new(ErrorCode::Conflict, "信息编号正被占用，请稍后重试").into())
}

pub async fn get(req: &Request, db: &Db, item_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let (item, side) = access::item(&user, db, item_no).await?;
    json(&item_view(db, item, side).await?, Cache::NoStore)
}

/// The levels stored as a JSON array.
pub fn levels(json: &str) -> Vec<Level> {
    serde_json::from_str(json).unwrap_or_default()
}

pub async fn item_view(db: &Db, r: ItemRecord, side: Option<Side>) -> Result<InfoItemView, AppError> {
    let shares = db_info::shares(db, r.id).await?;
    let trail = audit::trail(db, "info_event", "item_id", r.id).await?;
    let actions = side.map(|s| available(s, r.state)).unwrap_or_default();
    Ok(InfoItemView {
        shares: shares
            .into_iter()
            .map(|s| ShareView { unit_id: s.unit_id, unit_name: s.unit_name, percent: s.percent, points: s.points })
            .collect(),
        trail: trail.into_iter().map(|l| TrailLine { at: l.at, actor: l.actor, note: l.note }).collect(),
        actions: actions.into_iter().map(String::from).collect(),
        forwarded: levels(&r.forwarded),
        adopted_by: levels(&r.adopted_by),
        item_no: r.item_no,
        title: r.title,
        body: r.body,
        category: r.category,
        state: r.state,
        unit_id: r.unit_id,
        unit_name: r.unit_name,
        writer: r.writer,
        writer_phone: r.writer_phone,
        signed_off_by: r.signed_off_by,
        submitted_at: r.submitted_at,
        issue_id: r.issue_id,
        issue_no: r.issue_no,
        reason: r.reason,
        version: r.version,
    })
}

pub async fn csv(req: &Request, q: YearParams, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let year = year_of(q.year.as_deref(), clock::today_cst())?;
    let rows: Vec<Vec<String>> = league::csv_rows(db, year)
        .await?
        .into_iter()
        .map(|r| {
            let state = InfoState::parse(&r.state).map(|s| s.zh()).unwrap_or("");
            let higher: Vec<&str> = levels(&r.adopted_by).into_iter().map(|l| l.zh()).collect();
            let category = Category::parse(&r.category).map(|c| c.zh()).unwrap_or("");
            vec![
                r.item_no,
                r.unit_name,
                r.title,
                category.into(),
                state.into(),
                r.issue_no.unwrap_or_default(),
                r.submitted_at,
                higher.join("、"),
            ]
        })
        .collect();
    let header = ["编号", "报送单位", "标题", "类别", "状态", "刊发期号", "报送时间", "上级采用"];
    csv_download(shared::csv::to_csv(&header, &rows), &format!("attachment; filename=\"information-items-{year}.csv\""))
}
