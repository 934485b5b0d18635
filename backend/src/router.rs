//! Routes a request to its handler by the endpoint declarations of
//! `shared::api`: the method and path come from there, and so does the type
//! its query string is read into. An undeclared route is a JSON 404.

use crate::db::Db;
use crate::routes::approvals::{apply, case_actions, catalogue, evaluation, staff_cases, statistics, track};
use crate::routes::complaints as co;
use crate::routes::hotline as hl;
use crate::routes::information as info;
use crate::routes::streamline;
use crate::routes::supervision as sv;
use crate::routes::{self, admin, calendar, second_factor, staff_auth, Reply};
use shared::api::{self, Endpoint, Health, Method};
use worker::{Env, Request, Response};

pub async fn route(req: &mut Request, env: &Env, db: &Db) -> Reply {
    let answer = dispatch(req, env, db).await;
    // Refusals (403) and throttling (429) of every route go to the security log.
    if let Err(e) = &answer {
        crate::security_log::refusal(req, env, db, e).await;
    }
    answer
}

async fn dispatch(req: &mut Request, env: &Env, db: &Db) -> Reply {
    let url = req.url()?;
    let path = url.path().to_string();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let method = match req.method() {
        worker::Method::Get | worker::Method::Head => Method::Get,
        worker::Method::Post => Method::Post,
        _ => return Err(routes::unknown_route()),
    };
    if method == Method::Post && routes::cross_site(req) {
        return Err(routes::cross_site_refusal().into());
    }
    // `on!(Endpoint, |path args, query| handler)`: the first declaration
    // that matches the method and path answers.
    macro_rules! on {
        ($e:ty, |$args:pat_param, $query:pat_param| $handler:expr) => {
            if let Some($args) = <$e>::matches(method, &segments) {
                let $query: <$e as Endpoint>::Query = routes::query(&url)?;
                return $handler.map_err(|e| e.in_operation(<$e>::METHOD.as_str(), <$e>::PATH));
            }
        };
    }
    // The portal's routes (lib.rs): not in the office Worker.
    #[cfg(feature = "portal")]
    {
        on!(api::GetHealth, |_, _| routes::json(&Health { ok: true }, routes::Cache::NoStore));
        on!(api::GetOpenApi, |_, _| openapi(req, env).await);
        on!(api::ListDepartments, |_, _| catalogue::departments(db).await);
        on!(api::ListMatters, |_, q| catalogue::matters(q, db).await);
        on!(api::GetMatter, |a, _| catalogue::matter(a[0], db).await);
        on!(api::GetDeadline, |_, q| calendar::deadline(q, db).await);
        on!(api::SubmitApplication, |_, _| apply::submit(req, env, db).await);
        on!(api::TrackCase, |a, _| track::track(req, env, db, a[0]).await);
        on!(api::TrackQr, |a, _| track::qr(req, a[0]).await);
        on!(api::Supplement, |a, _| track::supplement(req, env, db, a[0]).await);
        on!(api::Rate, |a, _| evaluation::rate(req, env, db, a[0]).await);
        on!(api::ChooseSms, |a, _| track::choose_sms(req, env, db, a[0]).await);
        on!(api::Login, |_, _| staff_auth::login(req, db, env).await);
        on!(api::Logout, |_, _| staff_auth::logout(req, db).await);
        on!(api::Me, |_, _| staff_auth::me(req, db).await);
        on!(api::ListCases, |_, q| staff_cases::inbox(req, q, db).await);
        on!(api::GetCase, |a, _| staff_cases::detail(req, db, a[0]).await);
        on!(api::ExportApplicantData, |_, _| crate::routes::approvals::applicant_data::export(req, db).await);
        on!(api::RevealPersonalData, |a, _| staff_cases::personal_data(req, db, a[0]).await);
        on!(api::Dispose, |a, _| staff_cases::dispose(req, db, a[0]).await);
        on!(api::ActOnCase, |a, _| case_actions::act(req, db, a[0]).await);
        on!(api::VerifyReview, |a, _| evaluation::verify(req, db, a[0]).await);
        on!(api::Rectify, |a, _| evaluation::rectify(req, db, a[0]).await);
        on!(api::ListReviews, |_, q| evaluation::reviews(req, q, db).await);
        on!(api::ListColleagues, |_, _| staff_cases::colleagues(req, db).await);
        on!(api::GetFile, |a, _| staff_cases::file(req, env, db, a[0]).await);
        on!(api::GetDashboard, |_, q| streamline::dashboard(req, q, db).await);
        on!(api::ListMeetings, |_, q| streamline::meetings(req, q, db).await);
        on!(api::RegisterMeeting, |_, _| streamline::register_meeting(req, db).await);
        on!(api::GetPlan, |_, q| streamline::plan(req, q, db).await);
        on!(api::AddPlanItem, |_, _| streamline::add_plan_item(req, db).await);
        on!(api::ListDocuments, |_, q| streamline::documents(req, q, db).await);
        on!(api::RequestDocument, |_, _| streamline::request_document(req, db).await);
        on!(api::ReviewDocument, |a, _| streamline::review_document(req, db, a[0]).await);
        on!(api::GetQuotas, |_, q| streamline::quotas(req, q, db).await);
        on!(api::SetQuota, |_, _| streamline::set_quota(req, db).await);
        on!(api::ListOfficeEvents, |_, _| streamline::events(req, db).await);
        on!(api::GetOverview, |_, q| staff_cases::overview(req, q, db).await);
        on!(api::GetStatistics, |_, q| statistics::statistics(req, q, db).await);
        on!(api::GetReport, |_, q| crate::routes::report::report(req, q, db).await);
        on!(api::ListWarnings, |_, q| staff_cases::warnings(req, q, db).await);
        on!(api::GetCalendarYear, |_, q| calendar::year(req, q, db).await);
        on!(api::SaveCalendarYear, |_, _| calendar::save(req, db).await);
        on!(api::ContinueRederive, |_, _| calendar::rederive(req, db).await);
        on!(api::GetSecondFactor, |_, _| second_factor::status(req, db).await);
        on!(api::SetUpSecondFactor, |_, _| second_factor::setup(req, db).await);
        on!(api::ConfirmSecondFactor, |_, _| second_factor::confirm(req, env, db).await);
        on!(api::RenewRecoveryCodes, |_, _| second_factor::renew_codes(req, env, db).await);
        on!(api::TurnOffSecondFactor, |_, _| second_factor::turn_off(req, env, db).await);
        on!(api::ListSessions, |_, _| staff_auth::sessions(req, db).await);
        on!(api::EndOtherSessions, |_, _| staff_auth::end_other_sessions(req, env, db).await);
        on!(api::GetInbox, |_, _| crate::routes::inbox::get(req, db).await);
        on!(api::ReadInboxItem, |a, _| crate::routes::inbox::read(req, db, a[0]).await);
        on!(api::ChangePassword, |_, _| admin::accounts::change_own(req, db, env).await);
        on!(api::GetSettings, |_, _| admin::settings::get(req, db).await);
        on!(api::SaveSettings, |_, _| admin::settings::save(req, db).await);
        on!(api::ListUnits, |_, _| admin::units::list(req, db).await);
        on!(api::CreateUnit, |_, _| admin::units::create(req, db).await);
        on!(api::SaveUnit, |a, _| admin::units::update(req, db, a[0]).await);
        on!(api::ListUnitGroups, |_, _| admin::units::groups(req, db).await);
        on!(api::CreateUnitGroup, |_, _| admin::units::save_group(req, db, None).await);
        on!(api::SaveUnitGroup, |a, _| admin::units::save_group(req, db, Some(a[0])).await);
        on!(api::ListIntermediaries, |_, _| admin::units::intermediaries(req, db).await);
        on!(api::CreateIntermediary, |_, _| admin::units::save_intermediary(req, db, None).await);
        on!(api::SaveIntermediary, |a, _| admin::units::save_intermediary(req, db, Some(a[0])).await);
        on!(api::ListAccounts, |_, _| admin::accounts::list(req, db).await);
        on!(api::CreateAccount, |_, _| admin::accounts::create(req, db).await);
        on!(api::SaveAccount, |a, _| admin::accounts::update(req, db, a[0]).await);
        on!(api::ResetPassword, |a, _| admin::accounts::reset(req, db, a[0]).await);
        on!(api::EndAccountSessions, |a, _| admin::accounts::end_sessions(req, db, a[0]).await);
        on!(api::ListMatterVersions, |_, q| admin::catalogue::list(req, q, db).await);
        on!(api::GetMatterVersion, |a, _| admin::catalogue::get(req, db, a[0]).await);
        on!(api::CreateMatterDraft, |_, _| admin::catalogue::create(req, db).await);
        on!(api::SaveMatterDraft, |a, _| admin::catalogue::save(req, db, a[0]).await);
        on!(api::ActOnMatterVersion, |a, _| admin::catalogue::act(req, db, a[0]).await);
        on!(api::ExportCatalogue, |_, _| admin::catalogue_io::export(req, db).await);
        on!(api::ImportCatalogue, |_, _| admin::catalogue_io::import(req, db).await);
        on!(api::ListSecurityEvents, |_, q| admin::security::list(req, q, db).await);
        on!(api::ListNotices, |_, q| admin::notices::list(req, q, db).await);
        on!(api::ResendNotice, |a, _| admin::notices::resend(req, db, a[0]).await);
    }
    // The office's routes: answered here in the office Worker (or the
    // all-in-one build); the portal passes them on to it (split.rs).
    #[cfg(feature = "office")]
    macro_rules! office {
        ($($route:tt)*) => { on!($($route)*) };
    }
    #[cfg(not(feature = "office"))]
    macro_rules! office {
        ($e:ty, $($handler:tt)*) => {
            if <$e>::matches(method, &segments).is_some() {
                return Ok(crate::split::forward(req, env).await?);
            }
        };
    }
    office!(api::GetOfficeHealth, |_, _| routes::json(&Health { ok: true }, routes::Cache::NoStore));
    office!(api::SubmitTicket, |_, _| hl::intake::submit(req, env, db).await);
    office!(api::TrackTicket, |a, _| hl::tickets::track(req, env, db, a[0]).await);
    office!(api::RateTicket, |a, _| hl::tickets::rate(req, env, db, a[0]).await);
    office!(api::IntakeTicket, |_, _| hl::intake::intake(req, env, db).await);
    office!(api::ListTickets, |_, q| hl::tickets::list(req, q, db).await);
    office!(api::GetTicket, |a, _| hl::tickets::get(req, db, a[0]).await);
    office!(api::DisposeTicket, |a, _| hl::dispose::dispose(req, db, a[0]).await);
    office!(api::ActOnTicket, |a, _| hl::act::act(req, db, a[0]).await);
    office!(api::ListCategories, |_, _| hl::catalogue::categories(req, db).await);
    office!(api::CreateCategory, |_, _| hl::catalogue::save_category(req, db, None).await);
    office!(api::SaveCategory, |a, _| hl::catalogue::save_category(req, db, Some(a[0])).await);
    office!(api::ListKnowledge, |_, q| hl::catalogue::knowledge(req, q, db).await);
    office!(api::CreateKnowledge, |_, _| hl::catalogue::save_knowledge(req, db, None).await);
    office!(api::SaveKnowledge, |a, _| hl::catalogue::save_knowledge(req, db, Some(a[0])).await);
    office!(api::GetHotlineFigures, |_, q| hl::figures::figures(req, q, db).await);
    office!(api::ExportHotlineFigures, |_, q| hl::figures::csv(req, q, db).await);
    office!(api::GetBulletin, |_, q| hl::figures::bulletin(req, q, db).await);
    office!(api::ListHotspots, |_, _| hl::figures::hotspots(req, db).await);
    office!(api::ListApiKeys, |_, _| hl::partners::list(req, db).await);
    office!(api::IssueApiKey, |_, _| hl::partners::issue(req, db).await);
    office!(api::RevokeApiKey, |a, _| hl::partners::revoke(req, db, a[0]).await);
    office!(api::ListItems, |_, q| sv::items::list(req, q, db).await);
    office!(api::RegisterItem, |_, _| sv::items::register(req, db).await);
    office!(api::GetItem, |a, _| sv::items::get(req, db, a[0]).await);
    office!(api::AddTask, |a, _| sv::items::add_task(req, db, a[0]).await);
    office!(api::UploadSupervisionFile, |a, _| sv::files::upload(req, env, db, a[0]).await);
    office!(api::GetSupervisionFile, |a, _| sv::files::get(req, env, db, a[0]).await);
    office!(api::ListSupervisionTasks, |_, q| sv::tasks::list(req, q, db).await);
    office!(api::ActOnTask, |a, _| sv::act::act(req, db, a[0]).await);
    office!(api::ListSlips, |_, q| sv::slips::list(req, q, db).await);
    office!(api::GetSlip, |a, _| sv::slips::get(req, db, a[0]).await);
    office!(api::GetLimitTable, |_, _| sv::settings::limits(req, db).await);
    office!(api::SaveLimitTable, |_, _| sv::settings::save_limits(req, db).await);
    office!(api::ListPublications, |_, _| sv::settings::publications(req, db).await);
    office!(api::Publish, |_, _| sv::settings::publish(req, db).await);
    office!(api::GetSupervisionDashboard, |_, q| sv::figures::dashboard(req, q, db).await);
    office!(api::ExportSupervisionFigures, |_, q| sv::figures::csv(req, q, db).await);
    // Efficiency complaints: the fixed paths before `/api/complaints/{no}`.
    office!(api::complaints::SubmitComplaint, |_, _| co::intake::submit(req, env, db).await);
    office!(api::complaints::IntakeComplaint, |_, _| co::intake::intake(req, env, db).await);
    office!(api::complaints::TrackComplaint, |a, _| co::list::track(req, env, db, a[0]).await);
    office!(api::complaints::GetComplaintFigures, |_, q| co::figures::figures(req, q, db).await);
    office!(api::complaints::ExportComplaintFigures, |_, q| co::figures::csv(req, q, db).await);
    office!(api::complaints::ListComplaints, |_, q| co::list::list(req, q, db).await);
    office!(api::complaints::GetComplaint, |a, _| co::list::get(req, db, a[0]).await);
    office!(api::complaints::ActOnComplaint, |a, _| co::act::act(req, db, a[0]).await);
    office!(api::complaints::UploadEvidence, |a, _| co::evidence::upload(req, env, db, a[0]).await);
    office!(api::complaints::GetEvidence, |a, _| co::evidence::file(req, env, db, a[0], a[1]).await);
    // Document transmission: the fixed paths before `/api/documents/{key}`.
    office!(api::documents::ListDocs, |_, q| crate::routes::documents::view::list(req, q, db).await);
    office!(api::documents::CreateDoc, |_, _| crate::routes::documents::files::create(req, db).await);
    office!(api::documents::GetDocFigures, |_, q| crate::routes::documents::figures::figures(req, q, db).await);
    office!(api::documents::ExportDocFigures, |_, q| crate::routes::documents::figures::csv(req, q, db).await);
    office!(api::documents::GetSignLimits, |_, _| crate::routes::documents::figures::limits(req, db).await);
    office!(api::documents::SaveSignLimits, |_, _| crate::routes::documents::figures::save_limits(req, db).await);
    office!(api::documents::GetDoc, |a, _| crate::routes::documents::view::get(req, db, a[0]).await);
    office!(api::documents::ActOnDoc, |a, _| crate::routes::documents::act::act(req, db, a[0]).await);
    office!(api::documents::UploadDocFile, |a, _| crate::routes::documents::files::upload(req, env, db, a[0]).await);
    office!(api::documents::GetDocFile, |a, _| crate::routes::documents::files::file(req, env, db, a[0], a[1]).await);
    office!(api::documents::GetReceipts, |a, _| crate::routes::documents::view::receipts(req, db, a[0]).await);
    office!(api::documents::VerifyReceipts, |a, _| crate::routes::documents::view::verify(req, db, a[0]).await);
    // Information: the fixed paths before `/api/information/items/{no}`.
    office!(api::information::ExportInfoItems, |_, q| info::items::csv(req, q, db).await);
    office!(api::information::ListInfoItems, |_, q| info::items::list(req, q, db).await);
    office!(api::information::SubmitInfoItem, |_, _| info::items::submit(req, db).await);
    office!(api::information::GetInfoItem, |a, _| info::items::get(req, db, a[0]).await);
    office!(api::information::ActOnInfoItem, |a, _| info::act::act(req, db, a[0]).await);
    office!(api::information::ListInfoIssues, |_, q| info::issues::list(req, q, db).await);
    office!(api::information::CreateInfoIssue, |_, _| info::issues::create(req, db).await);
    office!(api::information::GetInfoIssue, |a, _| info::issues::get(req, db, a[0]).await);
    office!(api::information::GetScoreRules, |_, q| info::league::rules(req, q, db).await);
    office!(api::information::SaveScoreRules, |_, _| info::league::save_rules(req, db).await);
    office!(api::information::GetLeague, |_, q| info::league::league(req, q, db).await);
    office!(api::information::ExportLeague, |_, q| info::league::csv(req, q, db).await);
    office!(api::information::ListCommissions, |_, q| info::commissions::list(req, q, db).await);
    office!(api::information::CreateCommission, |_, _| info::commissions::create(req, db).await);
    office!(api::information::ListEmergencies, |_, q| info::emergencies::list(req, q, db).await);
    office!(api::information::ListResearch, |_, q| info::research::list(req, q, db).await);
    office!(api::information::SubmitResearch, |_, _| info::research::submit(req, db).await);
    office!(api::information::RecordDecision, |a, _| info::research::decide(req, db, a[0]).await);
    office!(api::information::PublishStudy, |_, _| info::research::study(req, db).await);
    office!(api::information::GetInfoFigures, |_, q| info::league::figures(req, q, db).await);
    Err(routes::unknown_route())
}

/// The OpenAPI document, a static asset (scripts/build.sh publishes
/// backend/openapi.json; inside the Worker it would take a tenth of its size
/// budget). Passed through the Worker so that other methods on its path get
/// the API's JSON errors like every route.
async fn openapi(req: &Request, env: &Env) -> Reply {
    let url = format!("{}/api/openapi.json", req.url()?.origin().ascii_serialization());
    let mut asset = env.assets("ASSETS")?.fetch(url, None).await?;
    if asset.status_code() != 200 {
        return Err(worker::Error::RustError(format!("the OpenAPI asset answered {}", asset.status_code())).into());
    }
    let mut response = Response::ok(asset.text().await?)?;
    response.headers_mut().set("Content-Type", "application/json; charset=utf-8")?;
    response.headers_mut().set("Cache-Control", "public, max-age=300")?;
    Ok(response)
}
