//! 好差评 and the negative-review loop (shared::approvals::evaluation):
//! `POST /api/track/{case_no}/evaluation` (the applicant, with the query code),
//! `GET /api/staff/reviews?state=open|<state>` (the office: all; a department: its own),
//! `POST /api/staff/cases/{case_no}/verification` (the office),
//! `POST /api/staff/cases/{case_no}/rectification` (the lead department).

use crate::auth::require_staff;
use crate::db::approvals::cases::CaseRow;
use crate::db::approvals::evaluation::{ReviewChange, Step};
use crate::db::{self, Db};
use crate::error::AppError;
use crate::routes::{json, read_json, Cache, Reply};
use crate::{clock, crypto};
use shared::api::ReviewsQuery;
use shared::approvals::case::conflict;
use shared::approvals::evaluation::{
    check_rating, check_rectification, check_verdict, EvaluationRequest, RectificationRequest, ReviewState, Verdict, VerificationRequest,
};
use shared::engine::deadline::DeadlineAnswer;
use shared::error::{ApiError, ErrorCode};
use worker::Request;

/// When a step happens and the nonce that marks its write.
struct Stamp {
    nonce: String,
    now: String,
    day: shared::engine::date::Date,
}

impl Stamp {
    fn new() -> worker::Result<Stamp> {
        Ok(Stamp { nonce: crypto::hex(&crypto::random_bytes::<16>()?), now: clock::now_rfc3339(), day: clock::today_cst() })
    }

    fn step<'a>(&'a self, case_no: &'a str, version: i64, actor: (&'a str, Option<i64>), note: &'a str) -> Step<'a> {
        Step { case_no, version, nonce: &self.nonce, actor: actor.0, staff_id: actor.1, note, now: &self.now, day: self.day }
    }
}

/// A lost race: someone changed the case between reading and writing.
fn changed_meanwhile(case: &CaseRow) -> AppError {
    match case.state() {
        Ok(s) => conflict(s, "该办件刚被他人更新，请刷新后查看".into()).into(),
        Err(e) => e.into(),
    }
}

pub async fn rate(req: &mut Request, env: &worker::Env, db: &Db, case_no: &str) -> Reply {
    crate::routes::limits::anonymous_write(req, env).await?;
    let body: EvaluationRequest = read_json(req).await?;
    let case = crate::case_access::authorised_case(req, env, db, case_no, &body.code).await?;
    let already = db::approvals::evaluation::of_case(db, case.id).await?.is_some();
    check_rating(case.state()?, already, body.level, &body.comment)?;
    let comment = body.comment.trim();
    let note = if comment.is_empty() {
        format!("申请人评价：{}", body.level.zh())
    } else {
        format!("申请人评价：{}（{comment}）", body.level.zh())
    };
    let stamp = Stamp::new()?;
    let step = stamp.step(&case.case_no, case.version, ("申请人", None), &note);
    if !db::approvals::evaluation::rate(db, &step, body.level, comment).await? {
        // A concurrent rating won: answer as for a second one.
        return Err(conflict(case.state()?, "该办件已评价，每件只能评价一次".into()).into());
    }
    crate::routes::json_text(crate::case_views::tracking(db, &case.case_no).await?)
}

pub async fn reviews(req: &Request, q: ReviewsQuery, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let states = match q.state.as_deref() {
        None | Some("") | Some("open") => vec![ReviewState::PendingVerification, ReviewState::Rectifying],
        Some("all") => ReviewState::ALL.to_vec(),
        Some(s) => {
            vec![ReviewState::parse(s).ok_or_else(|| ApiError::new(ErrorCode::InvalidParameter, format!("未知的差评处理状态“{s}”")))?]
        }
    };
    // The office sees every department's; a department only its own.
    let department = if user.check_is_office().is_ok() { None } else { user.department_id };
    json(&db::approvals::evaluation::reviews(db, department, &states, clock::today_cst()).await?, Cache::NoStore)
}

pub async fn verify(req: &mut Request, db: &Db, case_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let body: VerificationRequest = read_json(req).await?;
    let case = db::approvals::cases::by_case_no(db, case_no).await?.ok_or_else(|| ApiError::not_found("该办件"))?;
    let current = db::approvals::evaluation::of_case(db, case.id).await?.and_then(|e| e.review).map(|r| r.state);
    let to = check_verdict(current, &body.verdict)?;
    let today = clock::today_cst();
    let (office_note, rectify_by, note) = match &body.verdict {
        Verdict::Upheld { days, instructions } => {
            let calendar = db::calendar::for_limits_starting_in(db, today.year()).await?;
            let by = DeadlineAnswer::from(calendar.add_working_days(today, *days)).deadline;
            let note = format!("县府办核实差评属实，责成部门于{}前整改：{}", by.date(), instructions.trim());
            (instructions.trim(), Some(by), note)
        }
        Verdict::Dismissed { reason } => (reason.trim(), None, format!("县府办核实差评：{}", reason.trim())),
    };
    let stamp = Stamp::new()?;
    let step = stamp.step(case_no, body.version, (&user.name, Some(user.id)), &note);
    let rectify_by = rectify_by.map(|d| d.to_string());
    let change = ReviewChange::Verified { to, office_note, rectify_by: rectify_by.as_deref() };
    if !db::approvals::evaluation::review(db, &step, ReviewState::PendingVerification, &change).await? {
        return Err(changed_meanwhile(&case));
    }
    after(db, case_no).await
}

pub async fn rectify(req: &mut Request, db: &Db, case_no: &str) -> Reply {
    let user = require_staff(req, db).await?;
    let body: RectificationRequest = read_json(req).await?;
    let case = crate::case_access::visible_case(&user, db, case_no).await?;
    user.check_can_dispose(case.department_id)?;
    let review = db::approvals::evaluation::of_case(db, case.id).await?.and_then(|e| e.review);
    check_rectification(review.as_ref().map(|r| r.state), &body.report)?;
    let today = clock::today_cst();
    let due = review.and_then(|r| r.rectify_by).map(|d| d.date());
    let late = due.is_some_and(|d| shared::engine::ledger::is_late(today, d));
    let report = body.report.trim();
    let note = format!("{}：{report}", if late { "部门逾期完成整改" } else { "部门完成整改" });
    let stamp = Stamp::new()?;
    let step = stamp.step(case_no, body.version, (&user.name, Some(user.id)), &note);
    if !db::approvals::evaluation::review(db, &step, ReviewState::Rectifying, &ReviewChange::Rectified { report, late }).await? {
        return Err(changed_meanwhile(&case));
    }
    after(db, case_no).await
}

async fn after(db: &Db, case_no: &str) -> Reply {
    let case = db::approvals::cases::by_case_no(db, case_no).await?.ok_or_else(|| ApiError::not_found("该办件"))?;
    json(&crate::case_views::staff_view(db, case).await?, Cache::NoStore)
}
