//! The office's issues: the year's list, a new issue numbered per kind and
//! year, and one issue with its articles (the print view).

use crate::auth::require_staff;
use crate::clock;
use crate::db::information::issues::{self, NewIssue};
use crate::db::Db;
use crate::error::AppError;
use crate::routes::{created, json, read_json, Cache, Reply};
use shared::api::YearParams;
use shared::error::{ApiError, ErrorCode};
use shared::information::figures::on_issue;
use shared::information::issue_no;
use shared::information::scoring::year_of;
use shared::information::views::{IssueForm, IssueList, IssueView};
use worker::Request;

fn not_found() -> AppError {
    ApiError::not_found("该期刊物").into()
}

pub async fn list(req: &Request, q: YearParams, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let year = year_of(q.year.as_deref(), clock::today_cst())?;
    json(&IssueList { issues: issues::list(db, year).await? }, Cache::NoStore)
}

pub async fn create(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let form: IssueForm = read_json(req).await?;
    let title = form.title.trim();
    if title.is_empty() || title.chars().count() > 100 {
        return Err(ApiError::new(ErrorCode::InvalidParameter, "请填写本期标题（100字以内）").into());
    }
    let year = form.published_on.year();
    let now = clock::now();
    // Two issues racing for a number: the loser takes the next.
    for _ in 0..3 {
        let seq = issues::next_seq(db, form.kind, year).await?;
        let number = issue_no(form.kind, year, seq);
        let n = NewIssue { kind: form.kind, year, seq, number: &number, title, published_on: form.published_on, at: now };
        if let Some(id) = issues::create(db, &n, &on_issue(form.kind)).await? {
            return created(&issues::get(db, id).await?.ok_or_else(not_found)?);
        }
    }
    Err(ApiError::new(ErrorCode::Conflict, "期号正被占用，请稍后重试").into())
}

pub async fn get(req: &Request, db: &Db, id: &str) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let issue = issues::get(db, id).await?.ok_or_else(not_found)?;
    json(&IssueView { issue, articles: issues::articles(db, id).await? }, Cache::NoStore)
}
