//! `POST /api/office/applicant-data`: everything held about one applicant's
//! applications, for the office to hand over on request (个人信息保护法
//! art. 45): each case as staff see it with the identity number and mobile
//! whole. The office only, and every export is in the security log.

use crate::auth::require_staff;
use crate::case_views::staff_view;
use crate::clock;
use crate::db::approvals::cases;
use crate::db::Db;
use crate::routes::{json, read_json, Cache, Reply};
use crate::security_log;
use shared::approvals::case::{ApplicantData, ApplicantDataRequest, StaffCaseView, APPLICANT_EXPORT_MAX};
use shared::identity::mask_id;
use shared::security::{Outcome, SecurityKind};
use worker::Request;

pub async fn export(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let body: ApplicantDataRequest = read_json(req).await?;
    let id_number = body.normalized()?;
    // One more than shown tells whether there are more.
    let mut numbers = cases::numbers_of_applicant(db, &id_number, APPLICANT_EXPORT_MAX + 1).await?;
    let truncated = numbers.len() > APPLICANT_EXPORT_MAX as usize;
    numbers.truncate(APPLICANT_EXPORT_MAX as usize);
    let mut exported = Vec::with_capacity(numbers.len());
    for no in &numbers {
        let Some(case) = cases::by_case_no(db, no).await? else { continue };
        let (id, mobile) = (case.id_number.clone(), case.mobile.clone());
        exported.push(StaffCaseView { id_number: id, mobile, ..staff_view(db, case).await? });
    }
    let detail = format!("导出申请人{}的全部个人信息与办件（{}件）", mask_id(&id_number), exported.len());
    let target = format!("applicant:{}", mask_id(&id_number));
    security_log::record(db, req, SecurityKind::PersonalDataViewed, Outcome::Success, (&user).into(), &target, &detail).await;
    json(&ApplicantData { id_number, generated_at: clock::now(), cases: exported, truncated }, Cache::NoStore)
}
