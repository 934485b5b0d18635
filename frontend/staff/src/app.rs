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

/// Starts a staff app: `page` draws its area's pages (`crate::areas`).
pub fn mount(page: fn(Route) -> AnyView) {
    leptos::mount::mount_to_body(move || view! { <App page/> });
}

/// The chrome every staff app shares: who is signed in, the header, and
/// the page for the current route.
#[component]
fn App(page: fn(Route) -> AnyView) -> impl IntoView {
    let router = Router::<Route>::install();
    let me: Me = RwSignal::new(None);
    provide_context(me);
    let unread: pages::messages::Unread = RwSignal::new(None);
    provide_context(unread);
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
    // The header's unread count, once someone is signed in.
    Effect::new(move |_| {
        if me.get().is_some_and(|u| !u.must_change_password) {
            pages::messages::refresh(unread);
        }
    });
    let page = move || page(router.get());
    view! {
        <SkipLink/>
        <Header me/>
        <main id="main" class="wide">{page}</main>
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
            <pages::messages::MessagesLink/>
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
                <Link to=Route::Notices { state: String::new(), at: PageAt::default() }>"短信通知"</Link>
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
