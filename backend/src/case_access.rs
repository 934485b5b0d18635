//! Which case a request may see: an applicant's by its number and query
//! code, a staff member's by department. A refusal answers exactly like an
//! unknown case (for applicants after the same work too), so case numbers
//! cannot be probed.

use crate::crypto::{self, QueryCodeKey};
use crate::db::approvals::cases::{self, CaseRow};
use crate::db::Db;
use crate::error::AppError;
use shared::error::{ApiError, ErrorCode};
use shared::staff::StaffUser;
use worker::{Env, Request};

pub fn no_match() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "办件编号或查询码不正确，请核对回执上的信息")
}

/// Whether `code` is the query code of case `case_no`; otherwise the same
/// 404 as for an unknown case, after the same work: one look-up of the
/// stored check by case number either way (one row read), the limits first.
pub async fn check_code(req: &Request, env: &Env, db: &Db, case_no: &str, code: &str) -> Result<(), AppError> {
    crate::routes::limits::tracking_lookup(req, env).await?;
    let codes = QueryCodeKey::from_env(env)?;
    let code = code.trim();
    let check = codes.check(case_no, code);
    let stored = if plausible(case_no, 30) {
        crate::routes::limits::number_lookup(env, case_no).await?;
        cases::code_check(db, case_no).await?
    } else {
        None
    };
    match stored {
        Some(stored) if plausible(code, 20) && crypto::same(&stored, &check) => Ok(()),
        _ => Err(no_match().into()),
    }
}

/// The case, if `code` is its query code (as [`check_code`]); the case
/// itself is read only once the code matched.
pub async fn authorised_case(req: &Request, env: &Env, db: &Db, case_no: &str, code: &str) -> Result<CaseRow, AppError> {
    check_code(req, env, db, case_no, code).await?;
    Ok(cases::by_case_no(db, case_no).await?.ok_or_else(no_match)?)
}

pub fn not_found() -> ApiError {
    ApiError::not_found("该办件")
}

/// The case, if this staff member may see it. Another department's case
/// answers with the same body and status as an unknown one (it reads the
/// case first, so its work differs; the answer is for signed-in staff only,
/// and a deployment reports no rows read).
pub async fn visible_case(user: &StaffUser, db: &Db, case_no: &str) -> Result<CaseRow, AppError> {
    let case = cases::by_case_no(db, case_no).await?.ok_or_else(not_found)?;
    user.check_can_view(case.department_id, &case.co_departments()).map_err(|_| not_found())?;
    Ok(case)
}

/// Could `s` be a case number or query code (letters and digits, at most
/// `max`)? Anything else is refused without a look-up.
pub fn plausible(s: &str, max: usize) -> bool {
    !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_alphanumeric())
}
