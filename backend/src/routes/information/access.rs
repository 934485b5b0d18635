//! Who sees what (DOMAIN §7): the office sees every item; a unit sees the
//! items it has a share of, and only the submitting unit revises one. A
//! refusal answers like an unknown item.

use crate::db::information::{self as db_info, ItemRecord};
use crate::db::Db;
use crate::error::AppError;
use shared::error::ApiError;
use shared::information::item::Side;
use shared::staff::StaffUser;

pub fn no_item() -> ApiError {
    ApiError::not_found("该信息")
}

/// A number as issued (`XX2026-0007`): letters, digits and hyphens.
fn plausible(s: &str) -> bool {
    !s.is_empty() && s.len() <= 20 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The item and `user`'s side of it (`None`: a partner unit of a joint
/// item, which reads it but does not act), if `user` may see it.
pub async fn item(user: &StaffUser, db: &Db, item_no: &str) -> Result<(ItemRecord, Option<Side>), AppError> {
    if !plausible(item_no) {
        return Err(no_item().into());
    }
    let item = db_info::item_by_no(db, item_no).await?.ok_or_else(no_item)?;
    match user.list_scope().map_err(|_| no_item())? {
        None => Ok((item, Some(Side::Office))),
        Some(unit) if unit == item.unit_id => Ok((item, Some(Side::Unit))),
        Some(unit) if db_info::unit_in_item(db, item.id, unit).await? => Ok((item, None)),
        Some(_) => Err(no_item().into()),
    }
}
