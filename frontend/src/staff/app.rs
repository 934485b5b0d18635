//! The shell: who is signed in, and the page for the current route. Every
//! page but sign-in needs a session; without one it goes to sign-in.

use crate::doc_route::Dr;
use crate::info_route::Info;
use crate::pages;
use crate::route::{PageAt, PeriodQuery, Route};
use crate::sv_route::Sv;
use frontend::api;
use frontend::router::{use_router, Link, Router};
use frontend::widgets::SkipLink;
use leptos::prelude::*;
use shared::error::ErrorCode;
use shared::staff::StaffUser;

/// The signed-in staff member, once known.
pub type Me = RwSignal<Option<StaffUser>>;

#[component]
pub fn App() -> impl IntoView {
    let router = Router::<Route>::install();
    let me: Me = RwSignal::new(None);
    provide_context(me);
    // Who is signed in: ask once; a 401 sends the browser to sign-in.
    leptos::task::spawn_local(async move {
        match api::fetch::<shared::api::Me>(&[], &Default::default()).await {
            Ok(user) => {
                // A one-time password, then a required second factor,
                // before anything else.
                if let Some(first) = Route::account_setup(&user) {
                    router.replace(first);
                }
                me.set(Some(user));
            }
            // Already on sign-in: leave it alone, or what was typed meanwhile is lost.
            Err(e) if e.code == ErrorCode::Unauthenticated && router.get_untracked() != Route::Login => router.replace(Route::Login),
            Err(_) => {}
        }
    });
    let page = move || match router.get() {
        Route::Login => view! { <pages::login::LoginPage/> }.into_any(),
        Route::Inbox { state, class, assignee, q, at } => {
            view! { <pages::approvals::inbox::InboxPage state class assignee q at/> }.into_any()
        }
        Route::Case(no) => view! { <pages::approvals::case::CasePage no/> }.into_any(),
        Route::Notice(no) => view! { <pages::approvals::notice::NoticePage no/> }.into_any(),
        Route::Dashboard(p) => view! { <pages::streamline::dashboard::DashboardPage period=p/> }.into_any(),
        Route::Meetings(p, class, at) => view! { <pages::streamline::meetings::MeetingsPage period=p class at/> }.into_any(),
        Route::Documents(p, filter, at) => view! { <pages::streamline::documents::DocumentsPage period=p filter at/> }.into_any(),
        Route::Quotas(p) => view! { <pages::streamline::quotas::QuotasPage period=p/> }.into_any(),
        Route::Calendar(year) => view! { <pages::calendar::CalendarPage year/> }.into_any(),
        Route::Overview(at) => view! { <pages::approvals::overview::OverviewPage at/> }.into_any(),
        Route::Reviews(state) => view! { <pages::approvals::review::ReviewsPage state/> }.into_any(),
        Route::Statistics { from, to } => view! { <pages::approvals::statistics::StatisticsPage from to/> }.into_any(),
        Route::Password => view! { <pages::admin::password::PasswordPage/> }.into_any(),
        Route::SecondFactor => view! { <pages::admin::second_factor::SecondFactorPage/> }.into_any(),
        Route::Settings => view! { <pages::admin::settings::SettingsPage/> }.into_any(),
        Route::Units => view! { <pages::admin::units::UnitsPage/> }.into_any(),
        Route::Accounts => view! { <pages::admin::accounts::AccountsPage/> }.into_any(),
        Route::ApplicantData => view! { <pages::admin::applicant_data::ApplicantDataPage/> }.into_any(),
        Route::SecurityEvents { filters, at } => view! { <pages::admin::security::SecurityPage filters at/> }.into_any(),
        Route::Catalogue { state, matter } => view! { <pages::admin::catalogue::CataloguePage state matter/> }.into_any(),
        Route::Version(id) => view! { <pages::admin::version::VersionPage id/> }.into_any(),
        Route::NewVersion(matter) => view! { <pages::admin::version::NewVersionPage matter/> }.into_any(),
        Route::Tickets { view, state, q, at } => view! { <pages::hotline::list::TicketsPage view state q at/> }.into_any(),
        Route::NewTicket => view! { <pages::hotline::intake::NewTicketPage/> }.into_any(),
        Route::Ticket(no) => view! { <pages::hotline::ticket::TicketPage no/> }.into_any(),
        Route::HotlineCategories => view! { <pages::hotline::categories::CategoriesPage/> }.into_any(),
        Route::Knowledge(q) => view! { <pages::hotline::knowledge::KnowledgePage q/> }.into_any(),
        Route::HotlineFigures { from, to, unit } => view! { <pages::hotline::figures::FiguresPage from to unit/> }.into_any(),
        Route::Partners => view! { <pages::hotline::partners::PartnersPage/> }.into_any(),
        Route::Supervision(page) => supervision(page),
        Route::Complaints { view, state, q, at } => view! { <pages::complaints::list::ComplaintsPage view state q at/> }.into_any(),
        Route::NewComplaint => view! { <pages::complaints::intake::NewComplaintPage/> }.into_any(),
        Route::ComplaintFigures { from, to } => view! { <pages::complaints::figures::ComplaintFiguresPage from to/> }.into_any(),
        Route::Complaint(no) => view! { <pages::complaints::complaint::ComplaintPage no/> }.into_any(),
        Route::Transmit(page) => pages::documents::page(page),
        Route::Report { from, to } => view! { <pages::report::ReportPage from to/> }.into_any(),
        Route::Information(page) => information(page),
        Route::NotFound => {
            view! { <section class="panel"><h1>"页面不存在"</h1><Link to=Route::inbox()>"返回办件列表"</Link></section> }.into_any()
        }
    };
    view! {
        <SkipLink/>
        <Header me/>
        <main id="main" class="wide">{page}</main>
    }
}

/// Supervision's page for its URL.
fn supervision(page: Sv) -> AnyView {
    use pages::supervision as sv;
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

/// The header: the staff app's sections (each shown to whom its API
/// serves), who is signed in, and signing out.
#[component]
fn Header(me: Me) -> impl IntoView {
    let router = use_router::<Route>();
    let logout = move |_| {
        leptos::task::spawn_local(async move {
            let _ = api::post::<shared::api::Logout>(&[], &Default::default()).await;
            me.set(None);
            router.replace(Route::Login);
        });
    };
    view! {
    <header class="site-header staff no-print">
        <Link to=Route::inbox() class="brand">{format!("{}政务服务 · 工作台", frontend::county::county().county_name)}</Link>
        <nav class="staff-nav" aria-label="工作台栏目">
            <Link to=Route::inbox()>"办件"</Link>
            // The office's oversight pages (their API answers 403 to anyone else).
            <Show when=move || me.get().is_some_and(|u| u.check_is_office().is_ok())>
                <Link to=Route::Overview(PageAt::default())>"时限监察"</Link>
                <Link to=Route::Statistics { from: String::new(), to: String::new() }>"运行统计"</Link>
                <Link to=Route::Report { from: String::new(), to: String::new() }>"工作报告"</Link>
            </Show>
            <Link to=Route::Reviews(String::new())>"差评整改"</Link>
            <Link to=Route::tickets()>"热线工单"</Link>
            <Show when=move || me.get().is_some_and(|u| u.check_is_office().is_ok())>
                <Link to=Route::NewTicket>"话务登记"</Link>
                <Link to=Route::HotlineFigures { from: String::new(), to: String::new(), unit: String::new() }>"热线统计"</Link>
                <Link to=Route::HotlineCategories>"派单目录"</Link>
                <Link to=Route::Knowledge(String::new())>"知识库"</Link>
                <Link to=Route::Partners>"开放接口"</Link>
            </Show>
            <Link to=Route::Supervision(Sv::tasks())>"督查督办"</Link>
            <Show when=move || me.get().is_some_and(|u| u.check_is_office().is_ok())>
                <Link to=Route::Supervision(Sv::items())>"督查事项"</Link>
                <Link to=Route::Supervision(Sv::Dashboard { from: String::new(), to: String::new() })>"督查统计"</Link>
            </Show>
            // Efficiency complaints: the office's all; a unit's, those given to it (no complainant).
            <Link to=Route::complaints()>"效能投诉"</Link>
            <Show when=move || me.get().is_some_and(|u| u.check_is_office().is_ok())>
                <Link to=Route::NewComplaint>"投诉登记"</Link>
                <Link to=Route::ComplaintFigures { from: String::new(), to: String::new() }>"投诉统计"</Link>
            </Show>
            // Document transmission: the office's sent documents; a unit's inbox.
            <Link to=Route::Transmit(Dr::list())>"公文传输"</Link>
            <Show when=move || me.get().is_some_and(|u| u.check_is_office().is_ok())>
                <Link to=Route::Transmit(Dr::Figures { from: String::new(), to: String::new() })>"公文统计"</Link>
            </Show>
            <Link to=Route::Dashboard(PeriodQuery::default())>"会议文件统计"</Link>
            <Link to=Route::Meetings(PeriodQuery::default(), String::new(), PageAt::default())>"会议登记"</Link>
            <Link to=Route::Documents(PeriodQuery::default(), "pending".into(), PageAt::default())>"发文申请"</Link>
            <Link to=Route::Quotas(PeriodQuery::default())>"指标与计划"</Link>
            <Link to=Route::Calendar(String::new())>"节假日安排"</Link>
            // Administration: the office and department heads (window staff are refused by the API).
            <Show when=move || me.get().is_some_and(|u| u.role != shared::staff::Role::WindowStaff)>
                <Link to=Route::catalogue("")>"事项目录"</Link>
                <Link to=Route::Accounts>"账号管理"</Link>
            </Show>
            <Show when=move || me.get().is_some_and(|u| u.check_is_office().is_ok())>
                <Link to=Route::Units>"部门与单位"</Link>
                <Link to=Route::Settings>"县情设置"</Link>
                <Link to=Route::SecurityEvents { filters: Default::default(), at: PageAt::default() }>"安全日志"</Link>
                <Link to=Route::ApplicantData>"个人信息导出"</Link>
            </Show>
            <Link to=Route::Information(Info::items())>"信息报送"</Link>
            <Show when=move || me.get().is_some_and(|u| u.check_is_office().is_ok())>
                <Link to=Route::Information(Info::Issues)>"信息刊物"</Link>
                <Link to=Route::Information(Info::Research)>"调研"</Link>
            </Show>
            <Link to=Route::Information(Info::Commissions)>"约稿"</Link>
            <Link to=Route::Information(Info::Emergencies)>"紧急信息"</Link>
            <Link to=Route::Information(Info::League { year: String::new() })>"信息排名"</Link>
            <Link to=Route::Password>"修改密码"</Link>
            <Link to=Route::SecondFactor>"两步验证"</Link>
        </nav>
        {move || me.get().map(|u| view! {
            <span class="tagline" data-testid="who">
                {format!("{} · {} · {}", u.name, u.department_name.clone().unwrap_or_else(|| frontend::county::county().office().to_string()), u.role.zh())}
            </span>
            <button type="button" class="link-button" on:click=logout>"退出登录"</button>
        })}
    </header>
    }
}

/// Information's page for its URL.
fn information(page: Info) -> AnyView {
    use pages::information as info;
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
