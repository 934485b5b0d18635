//! Meetings and documents (精简会议文件), signed in:
//! `GET /api/office/dashboard?year=&from=&to=`,
//! `GET|POST /api/office/meetings`, `GET|POST /api/office/plan`,
//! `GET|POST /api/office/documents`, `POST /api/office/documents/{id}/review`,
//! `GET|POST /api/office/quotas`.
//!
//! Everyone signed in may read; the office sets quotas and plans and reviews
//! requests; departments register in their own name.

use super::{json, read_json, Cache, Reply};
use crate::auth::require_staff;
use crate::clock;
use crate::crypto;
use crate::db::{self, Db};
use crate::error::AppError;
use shared::api::{DocumentsQuery, Done, MeetingsQuery, PeriodParams, YearParams};
use shared::engine::date::Date;
use shared::error::{ApiError, ErrorCode};
use shared::page::{page_size, split_page, Cursor, PageInfo};
use shared::streamline::quota::{period_sum, same_day_last_year, CategoryRow, Dashboard, MonthlySeries, Period, YearCounts};
use shared::streamline::{
    suggest_level, DocLevel, DocumentList, DocumentRequest, MeetingClass, MeetingForm, MeetingList, NewPlanItem, OfficeEventList, PlanList,
    QuotaEntry, QuotaList, RegisterKind, ReviewRequest,
};
use worker::Request;

/// `?after=` and `?limit=` of a paged list.
fn paging(after: Option<&str>, limit: Option<&str>) -> Result<(Option<Cursor>, u32), ApiError> {
    let after = after.filter(|a| !a.is_empty()).map(Cursor::decode).transpose()?;
    Ok((after, page_size(limit)?))
}

/// Drops the extra row a page was read with; the cursor of the next page.
fn next_cursor<T>(rows: &mut Vec<T>, size: u32, cursor: impl Fn(&T) -> Cursor) -> Option<String> {
    let more = split_page(rows, size);
    rows.last().filter(|_| more).map(|r| cursor(r).encode())
}

fn period(year: Option<&str>, from: Option<&str>, to: Option<&str>) -> Result<Period, ApiError> {
    Period::parse(year, from, to, clock::today_cst())
}

/// First and last day of a period's months.
fn bounds(p: &Period) -> (Date, Date) {
    let first = Date::from_ymd(p.year, p.from_month, 1).unwrap_or_else(clock::today_cst);
    let last = (28..=31).rev().find_map(|d| Date::from_ymd(p.year, p.to_month, d)).unwrap_or(first);
    (first, last)
}

fn ok() -> Reply {
    json(&Done { ok: true }, Cache::NoStore)
}

// ---- dashboard ---------------------------------------------------------------

pub async fn dashboard(req: &Request, q: PeriodParams, db: &Db) -> Reply {
    require_staff(req, db).await?;
    let period = period(q.year.as_deref(), q.from.as_deref(), q.to.as_deref())?;
    json(&dashboard_of(db, period, clock::today_cst()).await?, Cache::NoStore)
}

/// Meetings and documents in `period` against the same months last year and
/// the quotas (the dashboard, and the report's paragraph).
pub async fn dashboard_of(db: &Db, period: Period, today: Date) -> worker::Result<Dashboard> {
    // Year-to-date and projection run to today in the current year.
    let as_of = (period.year == today.year()).then_some(today);
    let as_of_last = as_of.map(same_day_last_year);
    let quotas = db::streamline::quotas(db, &[period.year]).await?;
    let quota = |kind: RegisterKind, category: &str| quotas.iter().find(|q| q.kind == kind && q.category == category).map(|q| q.quota);
    let meeting_keys: Vec<(&str, &str)> = MeetingClass::ALL.iter().map(|c| (c.as_str(), c.zh())).collect();
    let document_keys: Vec<(&str, &str)> = DocLevel::ALL.iter().map(|l| (l.as_str(), l.zh())).collect();
    let mut monthly = Vec::new();
    let mut tables = Vec::new();
    for (kind, keys) in [(RegisterKind::Meeting, &meeting_keys), (RegisterKind::Document, &document_keys)] {
        let counts = Counts::load(db, kind.as_str(), period.year, as_of, as_of_last).await?;
        let cut = period.cut(today).map(|d| (d.ymd().1, d.ymd().2));
        let cut_last = period.cut(today).map(same_day_last_year).map(|d| (d.ymd().1, d.ymd().2));
        let ytd_cut = as_of.map(|d| (d.ymd().1, d.ymd().2));
        let mut rows = Vec::new();
        for (key, label) in keys.iter() {
            let (this, last) = (counts.get(period.year, key), counts.get(period.year - 1, key));
            let ytd = if period.year > today.year() { 0 } else { period_sum(&this, 1, 12, ytd_cut) };
            rows.push(CategoryRow::new(
                key,
                label,
                period_sum(&this, period.from_month, period.to_month, cut),
                period_sum(&last, period.from_month, period.to_month, cut_last),
                ytd,
                as_of,
                quota(kind, key),
            ));
            monthly.push(MonthlySeries {
                key: format!("{}:{key}", kind.as_str()),
                label: label.to_string(),
                this_year: this.months.to_vec(),
                last_year: last.months.to_vec(),
                quota: quota(kind, key),
            });
        }
        rows.push(total(kind, &rows));
        tables.push(rows);
    }
    let not_started = period.not_started(today);
    if not_started.is_some() {
        for row in tables.iter_mut().flatten() {
            row.change_percent = None;
        }
    }
    let documents = tables.pop().unwrap_or_default();
    let meetings = tables.pop().unwrap_or_default();
    let cut = period.cut(today);
    let cut_last_year = cut.map(same_day_last_year);
    Ok(Dashboard { period, cut, cut_last_year, meetings, documents, monthly, not_started })
}

/// The report's figures: all meetings in the government's name; documents in
/// the government's and the office's name.
fn total(kind: RegisterKind, rows: &[CategoryRow]) -> CategoryRow {
    let counted: Vec<&CategoryRow> = rows
        .iter()
        .filter(|r| kind == RegisterKind::Meeting || DocLevel::parse(&r.key).is_some_and(DocLevel::in_government_name))
        .collect();
    let sum = |f: fn(&CategoryRow) -> u64| counted.iter().map(|r| f(r)).sum::<u64>();
    let label = if kind == RegisterKind::Meeting {
        "以县政府名义召开的会议合计"
    } else {
        "以县政府和县府办名义下发的文件合计"
    };
    let mut row = CategoryRow::new("total", label, sum(|r| r.this_period), sum(|r| r.last_period), sum(|r| r.year_to_date), None, None);
    row.projected = sum(|r| r.projected);
    row
}

/// Counter rows for one kind: months of two years, days of the months
/// year-to-date stops in.
struct Counts {
    months: Vec<(i32, u32, String, u64)>,
    days: Vec<(Date, String, u64)>,
}

impl Counts {
    async fn load(db: &Db, kind: &str, year: i32, as_of: Option<Date>, as_of_last: Option<Date>) -> worker::Result<Counts> {
        let months = db::streamline::month_counts(db, kind, [year, year - 1]).await?;
        let mut days = Vec::new();
        for d in [as_of, as_of_last].into_iter().flatten() {
            let (y, m, _) = d.ymd();
            let first = Date::from_ymd(y, m, 1).unwrap_or(d);
            days.extend(db::streamline::day_counts(db, kind, first, d).await?);
        }
        Ok(Counts { months, days })
    }

    fn get(&self, year: i32, category: &str) -> YearCounts {
        let mut c = YearCounts { months: [0; 12], cut_month_days: vec![0; 31] };
        for (y, m, cat, n) in &self.months {
            if *y == year && cat == category && (1..=12).contains(m) {
                c.months[(*m - 1) as usize] = *n;
            }
        }
        for (d, cat, n) in &self.days {
            let (y, _, day) = d.ymd();
            if y == year && cat == category {
                c.cut_month_days[(day - 1) as usize] += n;
            }
        }
        c
    }
}

// ---- meetings and plan ---------------------------------------------------------

pub async fn meetings(req: &Request, q: MeetingsQuery, db: &Db) -> Reply {
    require_staff(req, db).await?;
    let period = period(q.year.as_deref(), q.from.as_deref(), q.to.as_deref())?;
    let (from, to) = bounds(&period);
    let class = match q.class.as_deref() {
        None | Some("") => None,
        Some(c) => Some(MeetingClass::parse(c).ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, "会议类别无效"))?),
    };
    let (after, size) = paging(q.after.as_deref(), q.limit.as_deref())?;
    let mut meetings = db::streamline::meetings(db, from, to, class, after.as_ref(), size).await?;
    let next = next_cursor(&mut meetings, size, |m| Cursor { key: m.date.to_string(), at: String::new(), id: m.id });
    let months = (period.from_month, period.to_month);
    let total = db::streamline::register_total(db, RegisterKind::Meeting, period.year, months, class.map(MeetingClass::as_str)).await?;
    json(&MeetingList { meetings, page: PageInfo { next, total: Some(total) } }, Cache::NoStore)
}

pub async fn register_meeting(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let form: MeetingForm = read_json(req).await?;
    // Department staff register their own meetings; the office any (0: itself).
    let organiser = Some(form.organiser_department_id).filter(|d| *d > 0);
    user.check_acts_for(organiser)?;
    form.validate()?;
    // The office may name any unit: one that does not exist is refused here,
    // not by the foreign key (a 500).
    if let Some(unit) = organiser {
        if !db::streamline::unit_exists(db, unit).await? {
            return Err(ApiError::new(ErrorCode::InvalidParameter, "主办单位不存在，请重新选择").into());
        }
    }
    if let Some(item) = form.plan_item_id {
        let plan = db::streamline::plan(db, form.date.year()).await?;
        if !plan.iter().any(|p| p.id == item) {
            return Err(ApiError::new(ErrorCode::InvalidParameter, "所选计划项不属于该会议年度的会议计划").into());
        }
    }
    let id = db::streamline::insert_meeting(db, &form, organiser, user.id, &clock::now_rfc3339()).await?;
    let meeting = db::streamline::meeting(db, id).await?.ok_or_else(|| ApiError::not_found("该会议"))?;
    Ok(json(&meeting, Cache::NoStore)?.with_status(201))
}

pub async fn plan(req: &Request, q: YearParams, db: &Db) -> Reply {
    require_staff(req, db).await?;
    let plan = db::streamline::plan(db, period(q.year.as_deref(), None, None)?.year).await?;
    json(&PlanList { plan }, Cache::NoStore)
}

pub async fn add_plan_item(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let item: NewPlanItem = read_json(req).await?;
    item.validate()?;
    let added =
        db::streamline::add_plan_item(db, item.year, item.title.trim(), item.class, item.month, user.id, &clock::now_rfc3339()).await?;
    Ok(json(&added, Cache::NoStore)?.with_status(201))
}

// ---- documents ---------------------------------------------------------------------

pub async fn documents(req: &Request, q: DocumentsQuery, db: &Db) -> Reply {
    require_staff(req, db).await?;
    let (after, size) = paging(q.after.as_deref(), q.limit.as_deref())?;
    let pending = q.state.as_deref() == Some("pending");
    let (mut documents, total) = if pending {
        (db::streamline::pending_documents(db, after.as_ref(), size).await?, None)
    } else {
        let period = period(q.year.as_deref(), q.from.as_deref(), q.to.as_deref())?;
        let (from, to) = bounds(&period);
        let level = match q.level.as_deref() {
            None | Some("") => None,
            Some(l) => Some(DocLevel::parse(l).ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, "发文层级无效"))?),
        };
        let months = (period.from_month, period.to_month);
        let total = db::streamline::register_total(db, RegisterKind::Document, period.year, months, level.map(DocLevel::as_str)).await?;
        (db::streamline::issued_documents(db, from, to, level, after.as_ref(), size).await?, Some(total))
    };
    let next = next_cursor(&mut documents, size, |d| {
        let key = if pending { d.requested_at.to_string() } else { d.issued_on.map(|d| d.to_string()).unwrap_or_default() };
        Cursor { key, at: String::new(), id: d.id }
    });
    json(&DocumentList { documents, page: PageInfo { next, total } }, Cache::NoStore)
}

pub async fn request_document(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let request: DocumentRequest = read_json(req).await?;
    request.validate()?;
    user.check_acts_for(request.drafting_departments.first().copied())?;
    let known = db::approvals::catalogue::departments(db).await?;
    if !request.drafting_departments.iter().all(|d| known.iter().any(|k| k.id == *d)) {
        return Err(ApiError::new(ErrorCode::InvalidParameter, "起草部门不存在，请重新选择").into());
    }
    let suggested = suggest_level(&request);
    let nonce = crypto::hex(&crypto::random_bytes::<16>()?);
    let id = db::streamline::insert_document(db, &request, suggested, user.id, &clock::now_rfc3339(), &nonce).await?;
    let document = db::streamline::document(db, id).await?.ok_or_else(|| ApiError::not_found("该发文申请"))?;
    Ok(json(&document, Cache::NoStore)?.with_status(201))
}

pub async fn review_document(req: &mut Request, db: &Db, id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let body: ReviewRequest = read_json(req).await?;
    let not_found = || ApiError::not_found("该发文申请");
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let current = db::streamline::document(db, id).await?.ok_or_else(not_found)?;
    let level = body.review.check(current.proposed_level)?;
    let reason = match &body.review {
        shared::streamline::Review::Approve => None,
        shared::streamline::Review::Lower { reason, .. } | shared::streamline::Review::Refuse { reason } => Some(reason.trim()),
    };
    let conflict = || -> AppError { ApiError::new(ErrorCode::Conflict, "该申请已被审核或已更新，请刷新后查看").into() };
    if current.state != shared::streamline::DocState::Pending || current.version != body.version {
        return Err(conflict());
    }
    let nonce = crypto::hex(&crypto::random_bytes::<16>()?);
    // The number's prefix is the county's for that level (settings), kept
    // with the number so a later change of settings never renumbers it.
    let settings = db::admin::settings::read(db).await?.settings;
    let issue = level.map(|l| (l, settings.doc_prefixes.get(l)));
    let applied =
        db::streamline::review(db, id, body.version, issue, reason, user.id, clock::today_cst(), &clock::now_rfc3339(), &nonce).await?;
    if !applied {
        return Err(conflict());
    }
    let after = db::streamline::document(db, id).await?.ok_or_else(not_found)?;
    json(&after, Cache::NoStore)
}

/// The office's audit trail, newest first (office only).
pub async fn events(req: &Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let events = db::streamline::events(db, 200).await?;
    json(&OfficeEventList { events }, Cache::NoStore)
}

// ---- quotas ------------------------------------------------------------------------

pub async fn quotas(req: &Request, q: YearParams, db: &Db) -> Reply {
    require_staff(req, db).await?;
    let year = period(q.year.as_deref(), None, None)?.year;
    let quotas = db::streamline::quotas(db, &[year]).await?;
    json(&QuotaList { quotas }, Cache::NoStore)
}

pub async fn set_quota(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let entry: QuotaEntry = read_json(req).await?;
    entry.validate()?;
    db::streamline::set_quota(db, &entry, user.id, &clock::now_rfc3339()).await?;
    ok()
}
