//! Who sees which complaint and on which side of it (DOMAIN §6): the
//! office's complaint staff see all; a unit sees only what is assigned or
//! transferred to it (never who complained); a named complainant by number
//! and query code; an anonymous one has no code. A refusal answers like an
//! unknown complaint.

use crate::crypto::{self, QueryCodeKey};
use crate::db::complaints::{self, ComplaintRecord};
use crate::db::Db;
use crate::error::AppError;
use shared::complaints::complaint::Side;
use shared::error::{ApiError, ErrorCode};
use shared::staff::{Role, StaffUser};
use worker::{Env, Request};

pub fn not_found() -> ApiError {
    ApiError::not_found("该投诉")
}

fn no_match() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "投诉编号或查询码不正确，请核对提交后得到的回执（匿名投诉不发查询码）")
}

/// A complaint and where the viewer stands.
pub struct Seen {
    pub complaint: ComplaintRecord,
    pub side: Side,
}

/// The complaint as `user` may see it, or the same 404 as an unknown one.
pub async fn visible(user: &StaffUser, db: &Db, complaint_no: &str) -> Result<Seen, AppError> {
    if !crate::case_access::plausible(complaint_no, 30) {
        return Err(not_found().into());
    }
    let complaint = complaints::by_no(db, complaint_no).await?.ok_or_else(not_found)?;
    if user.role == Role::OfficeAdmin {
        return Ok(Seen { complaint, side: Side::Office });
    }
    match (user.department_id, complaint.unit_id) {
        (Some(mine), Some(unit)) if mine == unit => Ok(Seen { complaint, side: Side::Unit }),
        _ => Err(not_found().into()),
    }
}

/// The complaint, if `code` is its query code; otherwise the same 404 as
/// for an unknown (or anonymous) one after the same work.
pub async fn by_code(req: &Request, env: &Env, db: &Db, complaint_no: &str, code: &str) -> Result<ComplaintRecord, AppError> {
    crate::routes::limits::tracking_lookup(req, env).await?;
    let codes = QueryCodeKey::from_env(env)?;
    let code = code.trim();
    let check = codes.check(complaint_no, code);
    let plausible = crate::case_access::plausible;
    let stored = if plausible(complaint_no, 30) {
        crate::routes::limits::number_lookup(env, complaint_no).await?;
        complaints::code_check(db, complaint_no).await?
    } else {
        None
    };
    match stored {
        Some(stored) if plausible(code, 20) && crypto::same(&stored, &check) => {
            Ok(complaints::by_no(db, complaint_no).await?.ok_or_else(no_match)?)
        }
        _ => Err(no_match().into()),
    }
}
