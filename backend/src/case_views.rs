//! A case as people see it, assembled from its rows: the applicant's
//! tracking view and the staff view that embeds it.

use crate::case_access::not_found;
use crate::db::approvals::cases::{self, CaseRow};
use crate::db::{self, Db};
use crate::error::AppError;
use shared::approvals::application::{ApplicantKind, FormField};
use shared::approvals::case::{StaffCaseView, TrackView};
use shared::approvals::matter::Material;
use shared::engine::ledger::Derived;
use std::collections::BTreeMap;

/// The applicant's view as JSON text: the stored one (db/approvals/cases/
/// tracking.rs) with the deadline ledger derived as of today while the
/// clock runs. Reads the stored row and then, while in progress, the
/// calendar of the years from acceptance to the later of the deadline and
/// today (mostly one row).
pub async fn tracking(db: &Db, case_no: &str) -> Result<String, AppError> {
    let stored = cases::tracking(db, case_no).await?.ok_or_else(crate::case_access::no_match)?;
    let ledger = match stored.clock {
        Some(clock) => derived(db, clock).await?,
        None => None,
    };
    Ok(with_ledger(&stored.view, ledger.as_ref())?)
}

/// The deadline ledger as of today, once accepted with a committed limit.
async fn derived(db: &Db, clock: cases::Clock) -> worker::Result<Option<Derived>> {
    let (Some(accepted_on), Some(committed_days)) = (clock.accepted_on, clock.committed_days) else { return Ok(None) };
    let today = crate::clock::today_cst();
    let last = clock.deadline.map_or(today, |d| d.date().max(today));
    let calendar = db::calendar::for_years(db, accepted_on.year(), last.year()).await?;
    let (ledger, _) = db::approvals::ledger::ledger_of(accepted_on, committed_days, clock.pauses, clock.extension);
    Ok(Some(ledger.derive(&calendar, today, clock.yellow_days)))
}

/// `view`, a JSON object without a ledger, with `"ledger"` added (`null`
/// when there is none): the stored text goes out as it is, so the Worker
/// carries no parser for it.
fn with_ledger(view: &str, ledger: Option<&Derived>) -> worker::Result<String> {
    let open = view.trim_end().strip_suffix('}').ok_or_else(|| db::corrupt("case_tracking view", view.len()))?;
    Ok(format!("{open},\"ledger\":{}}}", serde_json::to_string(&ledger)?))
}

/// The case's progress, as the applicant and (within the staff view) staff see it.
pub async fn progress(db: &Db, case: &CaseRow, materials: Vec<Material>) -> worker::Result<TrackView> {
    // A completed case's ledger is history; show it only while the clock runs.
    let (ledger, extension) = match case.state()? {
        shared::approvals::case::CaseState::InProgress => ledger_of(db, case).await?,
        _ => (None, None),
    };
    Ok(TrackView {
        ledger,
        extension,
        result: case.result.clone(),
        evaluation: db::approvals::evaluation::of_case(db, case.id).await?,
        materials,
        state: case.state()?,
        supplement_items: case.supplement_items()?,
        timeline: cases::events(db, case.id).await?,
        accepted_on: case.accepted_on,
        case_no: case.case_no.clone(),
        matter_id: case.matter_id,
        matter_name: case.matter_name.clone(),
        department_name: case.department_name.clone(),
        class: case.class,
        committed_days: case.committed_days,
        deadline: case.deadline,
        return_reasons: case.return_reasons.clone(),
        report_authority: case.report_authority.clone(),
        sms_opt_out: case.sms_opt_out == 1,
    })
}

pub async fn staff_view(db: &Db, case: CaseRow) -> Result<StaffCaseView, AppError> {
    // The materials and form of the version the case was submitted under.
    let materials = db::approvals::catalogue::materials(db, case.matter_id, case.matter_version).await?;
    let version = db::admin::catalogue::published(db, case.matter_id, case.matter_version).await?.ok_or_else(not_found)?;
    let values: BTreeMap<String, String> = serde_json::from_str(&case.fields).unwrap_or_default();
    let labels: Vec<FormField> = version.form_fields;
    let fields = labels.into_iter().filter_map(|f| values.get(&f.key).map(|v| (f.label, v.clone()))).collect();
    Ok(StaffCaseView {
        progress: progress(db, &case, materials).await?,
        paused: case.paused == 1,
        assignee_id: case.assignee_id,
        co_departments: case.co_departments(),
        files: cases::files(db, case.id).await?,
        applicant_kind: ApplicantKind::parse(&case.applicant_kind).unwrap_or(ApplicantKind::Person),
        assignee: case.assignee,
        version: case.version,
        department_id: case.department_id,
        applicant_name: case.applicant_name,
        // Masked: the whole of each through `personal_data`, logged.
        id_number: shared::identity::mask_id(&case.id_number),
        mobile: shared::identity::mask_mobile(&case.mobile),
        address: case.address,
        fields,
        submitted_at: case.submitted_at,
    })
}

/// The derived deadline of an accepted case, and its extension request.
async fn ledger_of(
    db: &crate::db::Db,
    case: &crate::db::approvals::cases::CaseRow,
) -> worker::Result<(Option<shared::engine::ledger::Derived>, Option<shared::approvals::case::ExtensionInfo>)> {
    let accepted = case.accepted_on;
    let (Some(accepted), Some(days)) = (accepted, case.committed_days) else { return Ok((None, None)) };
    let (ledger, extension) = crate::db::approvals::ledger::load(db, case.id, accepted, days).await?;
    let calendar = crate::db::calendar::for_limits_starting_in(db, accepted.year()).await?;
    let derived = ledger.derive(&calendar, crate::clock::today_cst(), case.yellow_days);
    Ok((Some(derived), extension))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ledger_is_added_to_the_stored_text() {
        let ledger = Derived {
            deadline: None,
            total_days: 10,
            used_days: 2,
            remaining_days: 8,
            standing: shared::engine::ledger::Standing::Paused,
            explanation: vec!["暂停计时中".into()],
        };
        let out = with_ledger(r#"{"case_no":"SP1","timeline":[]} "#, Some(&ledger)).expect("an object");
        let value: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        assert_eq!(value["case_no"], "SP1");
        assert_eq!(value["ledger"]["remaining_days"], 8);
        let none: serde_json::Value = serde_json::from_str(&with_ledger("{\"a\":1}", None).expect("an object")).expect("JSON");
        assert_eq!(none, serde_json::json!({ "a": 1, "ledger": null }));
        assert!(with_ledger("[]", Some(&ledger)).is_err());
    }
}
