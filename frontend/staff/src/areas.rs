//! Each staff app's pages (shared/src/staff_app.rs says which URLs are
//! whose): a binary links only its own area's pages, so its wasm carries no
//! other area's code. A route of another app never comes here (the router
//! loads its own shell), but a URL without a page may, and says so.

use crate::info_route::Info;
use crate::pages;
use crate::route::Route;
use crate::sv_route::Sv;
use frontend::router::Link;
use leptos::prelude::*;

fn not_found() -> AnyView {
    view! { <section class="panel"><h1>"页面不存在"</h1><Link to=Route::inbox()>"返回办件列表"</Link></section> }.into_any()
}

/// The core: sign-in and the inbox, the first screens.
pub fn core(route: Route) -> AnyView {
    match route {
        Route::Login => view! { <pages::login::LoginPage/> }.into_any(),
        Route::Inbox { state, class, assignee, q, at } => {
            view! { <pages::approvals::inbox::InboxPage state class assignee q at/> }.into_any()
        }
        _ => not_found(),
    }
}

/// One's password and second factor, one's messages.
pub fn account(route: Route) -> AnyView {
    use pages::admin::{password::PasswordPage, second_factor::SecondFactorPage};
    match route {
        Route::Password => view! { <PasswordPage/> }.into_any(),
        Route::SecondFactor => view! { <SecondFactorPage/> }.into_any(),
        Route::Messages => view! { <pages::messages::MessagesPage/> }.into_any(),
        _ => not_found(),
    }
}

/// A case and its notice; the office's oversight of the approvals wing.
pub fn cases(route: Route) -> AnyView {
    use pages::approvals::{case, notice, overview, review, statistics};
    match route {
        Route::Case(no) => view! { <case::CasePage no/> }.into_any(),
        Route::Notice(no) => view! { <notice::NoticePage no/> }.into_any(),
        Route::Overview(at) => view! { <overview::OverviewPage at/> }.into_any(),
        Route::Reviews(state) => view! { <review::ReviewsPage state/> }.into_any(),
        Route::Statistics { from, to } => view! { <statistics::StatisticsPage from to/> }.into_any(),
        Route::Report { from, to } => view! { <pages::report::ReportPage from to/> }.into_any(),
        _ => not_found(),
    }
}

/// Meetings, documents, quotas, their dashboard; the working-day calendar.
pub fn streamline(route: Route) -> AnyView {
    use pages::streamline::{dashboard, documents, meetings, quotas};
    match route {
        Route::Dashboard(p) => view! { <dashboard::DashboardPage period=p/> }.into_any(),
        Route::Meetings(p, class, at) => view! { <meetings::MeetingsPage period=p class at/> }.into_any(),
        Route::Documents(p, filter, at) => view! { <documents::DocumentsPage period=p filter at/> }.into_any(),
        Route::Quotas(p) => view! { <quotas::QuotasPage period=p/> }.into_any(),
        Route::Calendar(year) => view! { <pages::calendar::CalendarPage year/> }.into_any(),
        _ => not_found(),
    }
}

pub fn admin(route: Route) -> AnyView {
    use pages::admin::*;
    match route {
        Route::Settings => view! { <settings::SettingsPage/> }.into_any(),
        Route::Units => view! { <units::UnitsPage/> }.into_any(),
        Route::Accounts => view! { <accounts::AccountsPage/> }.into_any(),
        Route::ApplicantData => view! { <applicant_data::ApplicantDataPage/> }.into_any(),
        Route::SecurityEvents { filters, at } => view! { <security::SecurityPage filters at/> }.into_any(),
        Route::Notices { state, at } => view! { <notices::NoticesPage state at/> }.into_any(),
        Route::Catalogue { state, matter } => view! { <catalogue::CataloguePage state matter/> }.into_any(),
        Route::Version(id) => view! { <version::VersionPage id/> }.into_any(),
        Route::NewVersion(matter) => view! { <version::NewVersionPage matter/> }.into_any(),
        _ => not_found(),
    }
}

pub fn hotline(route: Route) -> AnyView {
    use pages::hotline::*;
    match route {
        Route::Tickets { view, state, q, at } => view! { <list::TicketsPage view state q at/> }.into_any(),
        Route::NewTicket => view! { <intake::NewTicketPage/> }.into_any(),
        Route::Ticket(no) => view! { <ticket::TicketPage no/> }.into_any(),
        Route::HotlineCategories => view! { <categories::CategoriesPage/> }.into_any(),
        Route::Knowledge(q) => view! { <knowledge::KnowledgePage q/> }.into_any(),
        Route::HotlineFigures { from, to, unit } => view! { <figures::FiguresPage from to unit/> }.into_any(),
        Route::Partners => view! { <partners::PartnersPage/> }.into_any(),
        _ => not_found(),
    }
}

pub fn supervision(route: Route) -> AnyView {
    use pages::supervision as sv;
    let Route::Supervision(page) = route else { return not_found() };
    match page {
        Sv::Tasks { view, at } => view! { <sv::tasks::TasksPage view at/> }.into_any(),
        Sv::Items { state, source, q, origin, at } => view! { <sv::items::ItemsPage state source q origin at/> }.into_any(),
        Sv::NewItem { source, origin, title, reference } => view! { <sv::register::NewItemPage source origin title reference/> }.into_any(),
        Sv::Item(no) => view! { <sv::item::ItemPage no/> }.into_any(),
        Sv::Slips { kind, at } => view! { <sv::slips::SlipsPage kind at/> }.into_any(),
        Sv::Slip(id) => view! { <sv::slips::SlipPage id/> }.into_any(),
        Sv::Dashboard { from, to } => view! { <sv::dashboard::DashboardPage from to/> }.into_any(),
        Sv::Publications => view! { <sv::publications::PublicationsPage/> }.into_any(),
    }
}

pub fn complaints(route: Route) -> AnyView {
    use pages::complaints::*;
    match route {
        Route::Complaints { view, state, q, at } => view! { <list::ComplaintsPage view state q at/> }.into_any(),
        Route::NewComplaint => view! { <intake::NewComplaintPage/> }.into_any(),
        Route::ComplaintFigures { from, to } => view! { <figures::ComplaintFiguresPage from to/> }.into_any(),
        Route::Complaint(no) => view! { <complaint::ComplaintPage no/> }.into_any(),
        _ => not_found(),
    }
}

/// Document transmission (公文传输).
pub fn transmit(route: Route) -> AnyView {
    let Route::Transmit(page) = route else { return not_found() };
    pages::documents::page(page)
}

pub fn information(route: Route) -> AnyView {
    use pages::information as info;
    let Route::Information(page) = route else { return not_found() };
    match page {
        Info::Items { state, at } => view! { <info::items::ItemsPage state at/> }.into_any(),
        Info::New { commission } => view! { <info::items::NewItemPage commission/> }.into_any(),
        Info::Commissions => view! { <info::commissions::CommissionsPage/> }.into_any(),
        Info::Emergencies => view! { <info::emergencies::EmergenciesPage/> }.into_any(),
        Info::Research => view! { <info::research::ResearchPage/> }.into_any(),
        Info::Item(no) => view! { <info::item::ItemPage no/> }.into_any(),
        Info::Issues => view! { <info::issues::IssuesPage/> }.into_any(),
        Info::Issue(id) => view! { <info::issues::IssuePage id/> }.into_any(),
        Info::League { year } => view! { <info::league::LeaguePage year/> }.into_any(),
    }
}
