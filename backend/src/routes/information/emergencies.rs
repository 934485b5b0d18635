//! Emergency information (紧急信息) by event: the first report (late or
//! not against the rules' hours), follow-ups and the final report. The
//! office sees every unit's; a unit its own.

use crate::auth::require_staff;
use crate::clock;
use crate::db::information::{emergencies, league};
use crate::db::Db;
use crate::routes::{json, Cache, Reply};
use shared::api::YearParams;
use shared::information::emergency::{first_report_hours, ReportKind};
use shared::information::scoring::year_of;
use shared::information::views::{EmergencyEvent, EmergencyLine, EmergencyList};
use worker::Request;

pub async fn list(req: &Request, q: YearParams, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    let scope = user.list_scope()?;
    let year = year_of(q.year.as_deref(), clock::today_cst())?;
    let rules = league::rules(db, year).await?;
    let mut events: Vec<EmergencyEvent> = Vec::new();
    for r in emergencies::urgent(db, year, scope).await? {
        let line = EmergencyLine { item_no: r.item_no.clone(), report: r.report_kind, submitted_at: r.submitted_at, late: r.late == 1 };
        match events.last_mut() {
            Some(e) if e.first_no == r.first_no => {
                e.finished |= r.report_kind == ReportKind::Final;
                e.reports.push(line);
            }
            _ => events.push(EmergencyEvent {
                due_at: first_report_hours(&rules, r.grade).map(|h| r.event_at.plus_hours(h)),
                late: r.late == 1,
                finished: r.report_kind == ReportKind::Final,
                first_no: r.first_no,
                title: r.title,
                unit_name: r.unit_name,
                grade: r.grade,
                event_at: r.event_at,
                reports: vec![line],
            }),
        }
    }
    json(&EmergencyList { year, events }, Cache::NoStore)
}
