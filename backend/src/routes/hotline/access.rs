//! Who sees which ticket and on which side of it (DOMAIN §3): the office
//! sees all; a unit sees the tickets it has a part in, an assisting unit
//! never a confidential one; the caller by number and query code. A
//! refusal answers like an unknown ticket.

use crate::crypto::{self, QueryCodeKey};
use crate::db::hotline::{self, PartRecord, TicketRecord};
use crate::db::Db;
use crate::error::AppError;
use shared::error::{ApiError, ErrorCode};
use shared::hotline::ticket::Side;
use shared::hotline::{PartState, Role};
use shared::staff::{Role as StaffRole, StaffUser};
use worker::{Env, Request};

pub fn not_found() -> ApiError {
    ApiError::not_found("该工单")
}

fn no_match() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "工单编号或查询码不正确，请核对留言后得到的回执")
}

/// A ticket with its parts, and where the viewer stands.
pub struct Seen {
    pub ticket: TicketRecord,
    pub parts: Vec<PartRecord>,
    /// `None`: may look (a unit whose part was returned), not act.
    pub side: Option<Side>,
    /// The viewer's own unit's part.
    pub my_part: Option<PartState>,
}

/// The ticket as `user` may see it, or the same 404 as an unknown one.
pub async fn visible(user: &StaffUser, db: &Db, ticket_no: &str) -> Result<Seen, AppError> {
    if !crate::case_access::plausible(ticket_no, 30) {
        return Err(not_found().into());
    }
    let ticket = hotline::by_no(db, ticket_no).await?.ok_or_else(not_found)?;
    let parts = hotline::parts(db, ticket.id).await?;
    if user.role == StaffRole::OfficeAdmin {
        return Ok(Seen { ticket, parts, side: Some(Side::Office), my_part: None });
    }
    let mine = user.department_id.and_then(|d| parts.iter().find(|p| p.unit_id == d));
    let Some(part) = mine else { return Err(not_found().into()) };
    if ticket.confidential == 1 && part.role == Role::Assist {
        return Err(not_found().into());
    }
    let my_part = Some(part.state);
    let side = match (part.role, part.state) {
        (_, PartState::Returned) => None,
        (Role::Lead, _) => Some(Side::Lead { head: user.role == StaffRole::DepartmentHead }),
        (Role::Assist, _) => Some(Side::Assist),
    };
    Ok(Seen { ticket, parts, side, my_part })
}

/// The ticket, if `code` is its query code; otherwise the same 404 as for
/// an unknown ticket after the same work (one read of the stored check).
pub async fn by_code(req: &Request, env: &Env, db: &Db, ticket_no: &str, code: &str) -> Result<TicketRecord, AppError> {
    crate::routes::limits::tracking_lookup(req, env).await?;
    let codes = QueryCodeKey::from_env(env)?;
    let code = code.trim();
    let check = codes.check(ticket_no, code);
    let plausible = crate::case_access::plausible;
    let stored = if plausible(ticket_no, 30) {
        crate::routes::limits::number_lookup(env, ticket_no).await?;
        hotline::code_check(db, ticket_no).await?
    } else {
        None
    };
    match stored {
        Some(stored) if plausible(code, 20) && crypto::same(&stored, &check) => {
            Ok(hotline::by_no(db, ticket_no).await?.ok_or_else(no_match)?)
        }
        _ => Err(no_match().into()),
    }
}
