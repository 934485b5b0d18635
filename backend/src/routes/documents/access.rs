//! Who sees which document and on which side (DOMAIN §4): the office (the
//! sender) sees every document; a unit only one sent to it, and only its
//! own copy. Anyone else gets the same 404 as for an unknown document.

use crate::db::documents::{self, DocRecord};
use crate::db::Db;
use crate::error::AppError;
use shared::documents::rules::Side;
use shared::error::ApiError;
use shared::staff::{Role, StaffUser};

pub fn not_found() -> ApiError {
    ApiError::not_found("该公文")
}

/// A document and where the viewer stands: the sender, or the unit whose
/// copy it is.
pub struct Seen {
    pub doc: DocRecord,
    pub side: Side,
    pub unit: Option<i64>,
}

pub async fn visible(user: &StaffUser, db: &Db, doc_key: &str) -> Result<Seen, AppError> {
    if !crate::case_access::plausible(doc_key, 24) {
        return Err(not_found().into());
    }
    let doc = documents::by_key(db, doc_key).await?.ok_or_else(not_found)?;
    if user.role == Role::OfficeAdmin {
        return Ok(Seen { doc, side: Side::Sender, unit: None });
    }
    let unit = user.department_id.ok_or_else(not_found)?;
    if documents::copies(db, doc.id, Some(unit)).await?.is_empty() {
        return Err(not_found().into());
    }
    Ok(Seen { doc, side: Side::Recipient, unit: Some(unit) })
}
