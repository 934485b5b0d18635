//! Who sees what (DOMAIN §6): the office sees every item; a unit sees an
//! item only through the tasks it has a part in, and acts on those. A
//! refusal answers like an unknown item.

use crate::db::supervision::{self as db_sv, ItemRecord, TaskRecord};
use crate::db::Db;
use crate::error::AppError;
use shared::error::ApiError;
use shared::staff::{Role, StaffUser};
use shared::supervision::task::Side;
use shared::supervision::TaskRole;

/// The viewer: the office, or a unit.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    Office,
    Unit(i64),
}

pub fn viewer(user: &StaffUser) -> Viewer {
    match user.role {
        Role::OfficeAdmin => Viewer::Office,
        // Staff of no unit (none exist today) see no unit's tasks.
        _ => Viewer::Unit(user.department_id.unwrap_or(0)),
    }
}

/// A number as issued (`DC2026-0007`, `DC2026-0007-2`): letters, digits
/// and hyphens, within `max`; anything else is refused before a look-up.
fn plausible(s: &str, max: usize) -> bool {
    !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

pub fn no_item() -> ApiError {
    ApiError::not_found("该督查事项")
}

pub fn no_task() -> ApiError {
    ApiError::not_found("该督办任务")
}

/// The item, if `user` may see it.
pub async fn item(user: &StaffUser, db: &Db, item_no: &str) -> Result<(ItemRecord, Viewer), AppError> {
    if !plausible(item_no, 20) {
        return Err(no_item().into());
    }
    let item = db_sv::item_by_no(db, item_no).await?.ok_or_else(no_item)?;
    let viewer = viewer(user);
    if let Viewer::Unit(unit) = viewer {
        if !db_sv::lists::unit_in_item(db, item.id, unit).await? {
            return Err(no_item().into());
        }
    }
    Ok((item, viewer))
}

/// The task and `user`'s side of it, if `user` may see it.
pub async fn task(user: &StaffUser, db: &Db, task_no: &str) -> Result<(TaskRecord, Side), AppError> {
    if !plausible(task_no, 24) {
        return Err(no_task().into());
    }
    let task = db_sv::task_by_no(db, task_no).await?.ok_or_else(no_task)?;
    let side = match viewer(user) {
        Viewer::Office => Side::Office,
        Viewer::Unit(unit) => match db_sv::lists::part_of(db, task.id, unit).await?.ok_or_else(no_task)? {
            TaskRole::Lead => Side::Lead,
            TaskRole::Assist => Side::Assist,
        },
    };
    Ok((task, side))
}
