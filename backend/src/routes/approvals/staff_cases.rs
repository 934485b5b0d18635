//! The window's work, signed in: `GET /api/staff/cases?state=`,
//! `GET /api/staff/cases/{case_no}`, `GET /api/staff/files/{id}`,
//! `POST /api/staff/cases/{case_no}/disposition`.

use crate::auth::require_staff;
use crate::case_access::{not_found, visible_case};
use crate::case_views::staff_view;
use crate::clock;
use crate::crypto;
use crate::db::approvals::cases::{self, Change};
use crate::db::approvals::inbox::{Handler, Query};
use crate::db::{self, Db};
use crate::routes::{json, read_json, Cache, Reply};
use crate::security_log;
use crate::storage;
use shared::api::{DayParams, InboxQuery, PageQuery};
use shared::approvals::case::{
    check_transition, conflict, deemed_acceptance_warning, CaseState, Disposition, DispositionRequest, Inbox, OfficeOverview, PersonalData,
    WarningList,
};
use shared::approvals::matter::HandlingClass;
use shared::engine::calendar::missing_next_year;
use shared::engine::date::Date;
use shared::engine::deadline::DeadlineAnswer;
use shared::engine::instant::Instant;
use shared::engine::ledger::{standing, working_days_between};
use shared::error::{ApiError, ErrorCode};
use shared::page::{page_size, split_page, Cursor, PageInfo};
use shared::security::{Outcome, SecurityKind};
use worker::{Env, Request};

pub async fn inbox(req: &Request, query: InboxQuery, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let size = page_size(query.limit.as_deref())?;
    if let Some(q) = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        return search(db, user.department_id, q, size).await;
    }
    let states: Vec<CaseState> = match query.state.as_deref() {
        None | Some("") | Some("open") => CaseState::OPEN.to_vec(),
        Some(s) => vec![CaseState::parse(s).ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, format!("未知的办件状态“{s}”")))?],
    };
    let class = match query.class.as_deref() {
        None | Some("") => None,
        Some(c) => Some(
            HandlingClass::ALL
                .into_iter()
                .find(|h| h.as_str() == c)
                .ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, format!("未知的办理类别“{c}”")))?,
        ),
    };
    let handler = match query.assignee.as_deref() {
        None | Some("") => Handler::Anyone,
        Some("none") => Handler::Nobody,
        Some("me") => Handler::Staff(user.id),
        Some(id) => Handler::Staff(id.parse().map_err(|_| ApiError::new(ErrorCode::InvalidParameter, format!("未知的承办人“{id}”")))?),
    };
    let after = query.after.as_deref().filter(|a| !a.is_empty()).map(Cursor::decode).transpose()?;
    let query = Query { department: user.department_id, states: &states, class, handler, due_before: None, after, size };
    let mut inbox = annotated_page(db, &query).await?;
    if class.is_none() && handler == Handler::Anyone {
        inbox.page.total = Some(db::approvals::inbox::total(db, user.department_id, &states).await?);
    }
    json(&inbox, Cache::NoStore)
}

/// The search box: a case number, a mobile number, or the start of a name.
async fn search(db: &Db, department: Option<i64>, q: &str, size: u32) -> Reply {
    if q.chars().count() > MAX_SEARCH_CHARS {
        return Err(ApiError::new(
            ErrorCode::InvalidParameter,
            format!("查询内容过长，请输入办件编号、手机号或申请人姓名（{MAX_SEARCH_CHARS}字以内）"),
        )
        .into());
    }
    let rows = db::approvals::inbox::search(db, department, q, size).await?;
    let mut found = annotate(db, rows, size).await?;
    // A search is not paged: when more cases match than one answer holds,
    // it says so, so nobody takes a short list for the whole.
    if found.page.next.take().is_some() {
        found.notices.push(format!("相符的办件多于{size}件，这里只列出{size}件：请输入更完整的姓名，或直接输入办件编号、手机号"));
    }
    json(&found, Cache::NoStore)
}

/// The longest search the inbox accepts (a case number is 16 characters).
const MAX_SEARCH_CHARS: usize = 30;

/// The signed-in member's department colleagues (the office: none).
pub async fn colleagues(req: &Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let list = match user.department_id {
        Some(d) => db::staff::colleagues(db, d).await?,
        None => Vec::new(),
    };
    json(&list, Cache::NoStore)
}

/// The office's view across departments: on-time rates and one page of the
/// overdue list (`?after=` for the next).
pub async fn overview(req: &Request, q: PageQuery, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let rates = db::approvals::ledger::department_stats(db).await?;
    let after = q.after.as_deref().filter(|a| !a.is_empty()).map(Cursor::decode).transpose()?;
    // Overdue: due before today began, so past the end of its last day.
    let today = clock::today_cst();
    let query = Query {
        department: None,
        states: &[CaseState::InProgress],
        class: None,
        handler: Handler::Anyone,
        due_before: Some(format!("{today}T00:00:00+08:00")),
        after,
        size: page_size(q.limit.as_deref())?,
    };
    let page = annotated_page(db, &query).await?;
    json(&OfficeOverview { rates, overdue: page.cases, page: page.page }, Cache::NoStore)
}

async fn annotated_page(db: &Db, query: &Query<'_>) -> worker::Result<Inbox> {
    let rows = db::approvals::inbox::page(db, query).await?;
    annotate(db, rows, query.size).await
}

/// Cases with working days left, yellow/red cards and deemed-acceptance
/// warnings, from the stored deadlines; the cursor of the next page.
async fn annotate(db: &Db, mut rows: Vec<db::approvals::inbox::Row>, size: u32) -> worker::Result<Inbox> {
    let more = split_page(&mut rows, size);
    let next = rows.last().filter(|_| more).map(|r| r.cursor.encode());
    let today = clock::today_cst();
    let calendar = db::calendar::for_limits_starting_in(db, today.year() - 1).await?;
    for r in rows.iter_mut() {
        let c = &mut r.item;
        match c.state {
            CaseState::Submitted => {
                if let Some(received) = Some(c.submitted_at.date()) {
                    c.deemed_warning = deemed_acceptance_warning(working_days_between(&calendar, received, today));
                }
            }
            CaseState::InProgress => {
                if let Some(deadline) = c.deadline.map(|d| d.date()) {
                    let (remaining, standing) = standing(&calendar, today, deadline, r.yellow_days);
                    c.remaining_days = Some(remaining);
                    c.standing = Some(standing);
                }
            }
            _ => {}
        }
    }
    let notices = missing_next_year(today, calendar.is_published(today.year() + 1)).into_iter().collect();
    Ok(Inbox { cases: rows.into_iter().map(|r| r.item).collect(), notices, page: PageInfo { next, total: None } })
}

pub async fn detail(req: &Request, db: &Db, case_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let case = visible_case(&user, db, case_no).await?;
    json(&staff_view(db, case).await?, Cache::NoStore)
}

/// The applicant's identity number and mobile unmasked, for staff who may
/// see the case; each showing goes to the security log (a read, so its own
/// insert, which never fails the answer).
pub async fn personal_data(req: &Request, db: &Db, case_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let case = visible_case(&user, db, case_no).await?;
    let detail = format!("办件{}的身份证件号码和手机号码", case.case_no);
    security_log::record(
        db,
        req,
        SecurityKind::PersonalDataViewed,
        Outcome::Success,
        (&user).into(),
        &format!("case:{}", case.case_no),
        &detail,
    )
    .await;
    json(&PersonalData { id_number: case.id_number, mobile: case.mobile }, Cache::NoStore)
}

/// An uploaded file: a photo shown in a sandbox, a PDF downloaded.
pub async fn file(req: &Request, env: &Env, db: &Db, id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let not_found = || ApiError::not_found("该文件");
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let stored = cases::stored_file(db, id).await?.ok_or_else(not_found)?;
    visible_case(&user, db, &stored.case_no).await?;
    let object = storage::bucket(env)?.get(&stored.r2_key).execute().await?.ok_or_else(not_found)?;
    let body = object.body().ok_or_else(not_found)?.bytes().await?;
    let response = storage::served(body, &stored.content_type, id)?;
    // A read, so no batch to join: its own insert, which never fails the view.
    let detail = format!("办件{}", stored.case_no);
    security_log::record(db, req, SecurityKind::FileViewed, Outcome::Success, (&user).into(), &format!("file:{id}"), &detail).await;
    Ok(response)
}

pub async fn dispose(req: &mut Request, db: &Db, case_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let body: DispositionRequest = read_json(req).await?;
    let case = visible_case(&user, db, case_no).await?;
    user.check_can_dispose(case.department_id)?;
    body.disposition.validate(case.department_id)?;
    let from = case.state()?;
    let to = check_transition(from, &body.disposition)?;
    if body.version != case.version {
        return Err(conflict(from, "该办件已被他人更新，请刷新后查看最新状态再处理".into()).into());
    }
    if let Disposition::Joint { co_departments } = &body.disposition {
        let known = db::approvals::catalogue::departments(db).await?;
        if !co_departments.iter().all(|d| known.iter().any(|k| k.id == *d)) {
            return Err(ApiError::new(ErrorCode::InvalidParameter, "协办部门不存在，请重新选择").into());
        }
    }

    // The committed limit of the version the case was submitted under.
    let matter = db::admin::catalogue::published(db, case.matter_id, case.matter_version).await?.ok_or_else(not_found)?;
    let today = clock::today_cst();
    let clock_start = body.disposition.starts_clock().then_some(today);
    let deadline = match clock_start {
        Some(accepted) => {
            let calendar = db::calendar::for_limits_starting_in(db, accepted.year()).await?;
            Some(DeadlineAnswer::from(calendar.add_working_days(accepted, matter.committed_days)).deadline)
        }
        None => None,
    };
    let (mut items, mut reasons, mut authority, mut co) = (Vec::new(), None, None, &[][..]);
    match &body.disposition {
        Disposition::Supplement { items: list } => items = list.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        Disposition::Returned { reasons: r } => reasons = Some(r.trim()),
        Disposition::ReportUp { authority: a } => authority = Some(a.trim()),
        Disposition::Joint { co_departments } => co = co_departments,
        Disposition::Immediate | Disposition::Commitment => {}
    }
    let items_json = serde_json::to_string(&items).map_err(worker::Error::from)?;
    let note = disposition_note(&body.disposition, &body.note, deadline);
    let change = Change {
        from,
        to,
        class: body.disposition.class(),
        accepted_on: clock_start,
        committed_days: clock_start.map(|_| matter.committed_days),
        deadline,
        supplement_items_json: &items_json,
        return_reasons: reasons,
        report_authority: authority,
        co_departments: co,
        actor: &user.name,
        staff_id: user.id,
        note: &note,
        day: today,
        stats: shared::approvals::stats::on_disposition(body.disposition.class(), (matter.committed_days, matter.statutory_days)),
    };
    let nonce = crypto::hex(&crypto::random_bytes::<16>()?);
    let applied = cases::dispose(db, case_no, body.version, &change, &nonce, &clock::now_rfc3339()).await?;
    let now = cases::by_case_no(db, case_no).await?.ok_or_else(not_found)?;
    if !applied {
        let current = now.state()?;
        return Err(conflict(current, format!("该办件刚被他人处理，当前状态为“{}”", current.zh())).into());
    }
    json(&staff_view(db, now).await?, Cache::NoStore)
}

/// The audit note: what was decided, in words the applicant can read.
/// The deadline's day, as a notice writes it.
fn deadline_day(deadline: Option<Instant>) -> String {
    deadline.map(|d| d.date().to_string()).unwrap_or_default()
}

fn disposition_note(d: &Disposition, staff_note: &str, deadline: Option<Instant>) -> String {
    let mut note = match d {
        Disposition::Immediate => "即办件：当场受理、当场办结".to_string(),
        Disposition::Commitment => format!("承诺件：已受理，承诺办结期限 {}", deadline_day(deadline)),
        Disposition::Joint { .. } => format!("联办件：已受理，联合办理期限 {}", deadline_day(deadline)),
        Disposition::ReportUp { authority } => format!("上报件：县级初审完成，已上报{}", authority.trim()),
        Disposition::Supplement { .. } => "补办件：一次性告知需补正的材料，补正后重新受理".to_string(),
        Disposition::Returned { reasons } => format!("退回件：{}", reasons.trim()),
    };
    if !staff_note.trim().is_empty() {
        note.push('；');
        note.push_str(staff_note.trim());
    }
    note
}

/// The warnings the daily job recorded for `?day=` (default today), office only.
pub async fn warnings(req: &Request, q: DayParams, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let day = match q.day {
        Some(d) => Date::parse(&d).map_err(|_| ApiError::new(ErrorCode::InvalidDate, "日期应为 YYYY-MM-DD"))?,
        None => clock::today_cst(),
    };
    let warnings = db::approvals::warnings::on(db, day).await?;
    json(&WarningList { day, warnings }, Cache::NoStore)
}
