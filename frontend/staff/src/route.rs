//! The staff pages and their URLs, all under `/staff`; which app draws
//! each is `shared::staff_app`'s to say.

use crate::doc_route::Dr;
use crate::info_route::Info;
use crate::sv_route::Sv;
pub use crate::url_query::{pair, with_query, PageAt, PeriodQuery, SecurityFilters};
use frontend::api::encode;
use frontend::router::{query_param, segments, Page};
use shared::staff_app::StaffApp;

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// `/staff/login`
    Login,
    /// `/staff?state=&class=&assignee=&q=&after=&page=`: the inbox, or a search.
    Inbox {
        state: String,
        class: String,
        assignee: String,
        q: String,
        at: PageAt,
    },
    /// `/staff/cases/{case_no}`
    Case(String),
    /// `/staff/cases/{case_no}/notice`: the printable commitment notice.
    Notice(String),
    /// `/staff/dashboard?year=&from=&to=`: meetings and documents against last year and quotas.
    Dashboard(PeriodQuery),
    /// `/staff/meetings?year=&from=&to=&class=`: the meeting register.
    Meetings(PeriodQuery, String, PageAt),
    /// `/staff/documents?state=pending` or `?year=&from=&to=&level=`: document requests and issued documents.
    Documents(PeriodQuery, String, PageAt),
    /// `/staff/quotas?year=`: annual quotas and the meeting plan.
    Quotas(PeriodQuery),
    /// `/staff/calendar?year=`: the working-day calendar the office maintains.
    Calendar(String),
    /// `/staff/overview`: on-time rates and overdue cases across departments.
    Overview(PageAt),
    /// `/staff/reviews?state=`: negative reviews to verify or rectify.
    Reviews(String),
    /// `/staff/password`: choose a new password.
    Password,
    /// `/staff/second-factor`: the authenticator app and recovery codes.
    SecondFactor,
    /// `/staff/messages`: the member's in-app inbox.
    Messages,
    /// `/staff/admin/settings`: the county's settings (office).
    Settings,
    /// `/staff/admin/units`: departments, member units, groups, intermediaries.
    Units,
    /// `/staff/admin/accounts`: staff accounts.
    Accounts,
    /// `/staff/admin/applicant-data`: one applicant's data exported (office).
    ApplicantData,
    /// `/staff/admin/security?from=&to=&kind=&user=&address=&outcome=&after=&page=`:
    /// the security event log (office).
    SecurityEvents {
        filters: SecurityFilters,
        at: PageAt,
    },
    /// `/staff/admin/notices?state=&after=&page=`: SMS to applicants (office).
    Notices {
        state: String,
        at: PageAt,
    },
    /// `/staff/admin/catalogue?state=&matter=`: drafts and versions of matters
    /// (by state, or one matter's history).
    Catalogue {
        state: String,
        matter: String,
    },
    /// `/staff/admin/catalogue/{id}`: one version.
    Version(String),
    /// `/staff/admin/catalogue/new?matter=`: a new draft.
    NewVersion(String),
    /// `/staff/statistics?from=&to=`: the Center's figures for a date range.
    Statistics {
        from: String,
        to: String,
    },
    /// `/staff/hotline?view=&state=&q=&after=&page=`: hotline tickets (the
    /// office's queue, a unit's inbox by deadline, or a search).
    Tickets {
        view: String,
        state: String,
        q: String,
        at: PageAt,
    },
    /// `/staff/hotline/new`: taking a call (the office).
    NewTicket,
    /// `/staff/hotline/tickets/{ticket_no}`
    Ticket(String),
    /// `/staff/hotline/categories`: the dispatch catalogue.
    HotlineCategories,
    /// `/staff/hotline/knowledge?q=`: the knowledge base.
    Knowledge(String),
    /// `/staff/hotline/figures?from=&to=&unit=`: rates, bulletin, hot spots.
    HotlineFigures {
        from: String,
        to: String,
        unit: String,
    },
    /// `/staff/supervision…`: supervision's pages (`sv_route`).
    Supervision(Sv),
    /// `/staff/hotline/partners`: Open311 partners and their keys.
    Partners,
    /// `/staff/complaints?view=&state=&q=&after=&page=`: efficiency
    /// complaints (the office's queue, or a unit's own).
    Complaints {
        view: String,
        state: String,
        q: String,
        at: PageAt,
    },
    /// `/staff/complaints/new`: taking a complaint in (the office).
    NewComplaint,
    /// `/staff/complaints/figures?from=&to=`
    ComplaintFigures {
        from: String,
        to: String,
    },
    /// `/staff/information…`: information's pages (`info_route`).
    Information(Info),
    /// `/staff/complaints/{complaint_no}`
    Complaint(String),
    /// `/staff/transmit…`: document transmission's pages (`doc_route`).
    Transmit(Dr),
    /// `/staff/report?from=&to=`: the office's report from live data,
    /// printable.
    Report {
        from: String,
        to: String,
    },
    NotFound,
}

impl Route {
    /// Matter versions in `state` (empty: every unpublished one).
    pub fn catalogue(state: &str) -> Route {
        Route::Catalogue { state: state.into(), matter: String::new() }
    }

    /// Hotline tickets without filters.
    pub fn tickets() -> Route {
        Route::Tickets { view: String::new(), state: String::new(), q: String::new(), at: PageAt::default() }
    }

    /// Efficiency complaints without filters.
    pub fn complaints() -> Route {
        Route::Complaints { view: String::new(), state: String::new(), q: String::new(), at: PageAt::default() }
    }

    /// The inbox without filters: the staff app's home.
    pub fn inbox() -> Route {
        Route::Inbox { state: String::new(), class: String::new(), assignee: String::new(), q: String::new(), at: PageAt::default() }
    }

    /// Where a member must go before anything else: a one-time password is
    /// changed first, then a second factor their role requires is set up.
    pub fn account_setup(user: &shared::staff::StaffUser) -> Option<Route> {
        if user.must_change_password {
            Some(Route::Password)
        } else if user.must_set_up_second_factor {
            Some(Route::SecondFactor)
        } else {
            None
        }
    }
}

impl Page for Route {
    /// One of this app's pages (the URL's app is the current URL's), not
    /// another area's.
    fn is_local(&self) -> bool {
        let here = leptos::prelude::window().location().pathname().unwrap_or_default();
        StaffApp::of_path(&self.href()) == StaffApp::of_path(&here)
    }

    fn parse(path: &str, search: &str) -> Route {
        match segments(path).as_slice() {
            ["staff"] => Route::Inbox {
                state: query_param(search, "state").unwrap_or_default(),
                class: query_param(search, "class").unwrap_or_default(),
                assignee: query_param(search, "assignee").unwrap_or_default(),
                q: query_param(search, "q").unwrap_or_default(),
                at: PageAt::parse(search),
            },
            ["staff", "login"] => Route::Login,
            ["staff", "cases", no] => Route::Case(no.to_string()),
            ["staff", "cases", no, "notice"] => Route::Notice(no.to_string()),
            ["staff", "dashboard"] => Route::Dashboard(PeriodQuery::parse(search)),
            ["staff", "meetings"] => {
                Route::Meetings(PeriodQuery::parse(search), query_param(search, "class").unwrap_or_default(), PageAt::parse(search))
            }
            ["staff", "documents"] => {
                let filter = query_param(search, "state").or_else(|| query_param(search, "level")).unwrap_or_default();
                Route::Documents(PeriodQuery::parse(search), filter, PageAt::parse(search))
            }
            ["staff", "quotas"] => Route::Quotas(PeriodQuery::parse(search)),
            ["staff", "calendar"] => Route::Calendar(query_param(search, "year").unwrap_or_default()),
            ["staff", "overview"] => Route::Overview(PageAt::parse(search)),
            ["staff", "reviews"] => Route::Reviews(query_param(search, "state").unwrap_or_default()),
            ["staff", "password"] => Route::Password,
            ["staff", "second-factor"] => Route::SecondFactor,
            ["staff", "messages"] => Route::Messages,
            ["staff", "admin", "settings"] => Route::Settings,
            ["staff", "admin", "units"] => Route::Units,
            ["staff", "admin", "accounts"] => Route::Accounts,
            ["staff", "admin", "applicant-data"] => Route::ApplicantData,
            ["staff", "admin", "security"] => Route::SecurityEvents { filters: SecurityFilters::parse(search), at: PageAt::parse(search) },
            ["staff", "admin", "notices"] => {
                Route::Notices { state: query_param(search, "state").unwrap_or_default(), at: PageAt::parse(search) }
            }
            ["staff", "admin", "catalogue"] => Route::Catalogue {
                state: query_param(search, "state").unwrap_or_default(),
                matter: query_param(search, "matter").unwrap_or_default(),
            },
            ["staff", "admin", "catalogue", "new"] => Route::NewVersion(query_param(search, "matter").unwrap_or_default()),
            ["staff", "admin", "catalogue", id] => Route::Version(id.to_string()),
            ["staff", "statistics"] => Route::Statistics {
                from: query_param(search, "from").unwrap_or_default(),
                to: query_param(search, "to").unwrap_or_default(),
            },
            ["staff", "hotline"] => Route::Tickets {
                view: query_param(search, "view").unwrap_or_default(),
                state: query_param(search, "state").unwrap_or_default(),
                q: query_param(search, "q").unwrap_or_default(),
                at: PageAt::parse(search),
            },
            ["staff", "hotline", "new"] => Route::NewTicket,
            ["staff", "hotline", "tickets", no] => Route::Ticket(no.to_string()),
            ["staff", "hotline", "categories"] => Route::HotlineCategories,
            ["staff", "hotline", "knowledge"] => Route::Knowledge(query_param(search, "q").unwrap_or_default()),
            ["staff", "hotline", "figures"] => Route::HotlineFigures {
                from: query_param(search, "from").unwrap_or_default(),
                to: query_param(search, "to").unwrap_or_default(),
                unit: query_param(search, "unit").unwrap_or_default(),
            },
            ["staff", "hotline", "partners"] => Route::Partners,
            ["staff", "supervision", rest @ ..] => Sv::parse(rest, search).map(Route::Supervision).unwrap_or(Route::NotFound),
            ["staff", "information", rest @ ..] => Info::parse(rest, search).map(Route::Information).unwrap_or(Route::NotFound),
            ["staff", "complaints"] => Route::Complaints {
                view: query_param(search, "view").unwrap_or_default(),
                state: query_param(search, "state").unwrap_or_default(),
                q: query_param(search, "q").unwrap_or_default(),
                at: PageAt::parse(search),
            },
            ["staff", "complaints", "new"] => Route::NewComplaint,
            ["staff", "complaints", "figures"] => Route::ComplaintFigures {
                from: query_param(search, "from").unwrap_or_default(),
                to: query_param(search, "to").unwrap_or_default(),
            },
            ["staff", "complaints", no] => Route::Complaint(no.to_string()),
            ["staff", "transmit", rest @ ..] => Dr::parse(rest, search).map(Route::Transmit).unwrap_or(Route::NotFound),
            ["staff", "report"] => {
                Route::Report { from: query_param(search, "from").unwrap_or_default(), to: query_param(search, "to").unwrap_or_default() }
            }
            _ => Route::NotFound,
        }
    }

    fn href(&self) -> String {
        match self {
            Route::Login => "/staff/login".into(),
            Route::Inbox { state, class, assignee, q, at } => {
                with_query("/staff", &[pair("state", state), pair("class", class), pair("assignee", assignee), pair("q", q), at.query()])
            }
            Route::Case(no) => format!("/staff/cases/{}", encode(no)),
            Route::Notice(no) => format!("/staff/cases/{}/notice", encode(no)),
            Route::Dashboard(p) => with_query("/staff/dashboard", &[p.query()]),
            Route::Meetings(p, class, at) => with_query("/staff/meetings", &[p.query(), pair("class", class), at.query()]),
            Route::Documents(_, filter, at) if filter == "pending" => with_query("/staff/documents", &["state=pending".into(), at.query()]),
            Route::Documents(p, level, at) => with_query("/staff/documents", &[p.query(), pair("level", level), at.query()]),
            Route::Quotas(p) => with_query("/staff/quotas", &[p.query()]),
            Route::Overview(at) => with_query("/staff/overview", &[at.query()]),
            Route::Reviews(state) => with_query("/staff/reviews", &[pair("state", state)]),
            Route::Statistics { from, to } => with_query("/staff/statistics", &[pair("from", from), pair("to", to)]),
            Route::Calendar(y) if y.is_empty() => "/staff/calendar".into(),
            Route::Calendar(y) => format!("/staff/calendar?year={}", encode(y)),
            Route::Password => "/staff/password".into(),
            Route::SecondFactor => "/staff/second-factor".into(),
            Route::Messages => "/staff/messages".into(),
            Route::Settings => "/staff/admin/settings".into(),
            Route::Units => "/staff/admin/units".into(),
            Route::Accounts => "/staff/admin/accounts".into(),
            Route::ApplicantData => "/staff/admin/applicant-data".into(),
            Route::SecurityEvents { filters, at } => {
                let mut parts: Vec<String> = filters.pairs().iter().map(|(k, v)| pair(k, v)).collect();
                parts.push(at.query());
                with_query("/staff/admin/security", &parts)
            }
            Route::Notices { state, at } => with_query("/staff/admin/notices", &[pair("state", state), at.query()]),
            Route::Catalogue { state, matter } => with_query("/staff/admin/catalogue", &[pair("state", state), pair("matter", matter)]),
            Route::Version(id) => format!("/staff/admin/catalogue/{}", encode(id)),
            Route::NewVersion(matter) => with_query("/staff/admin/catalogue/new", &[pair("matter", matter)]),
            Route::Tickets { view, state, q, at } => {
                with_query("/staff/hotline", &[pair("view", view), pair("state", state), pair("q", q), at.query()])
            }
            Route::NewTicket => "/staff/hotline/new".into(),
            Route::Ticket(no) => format!("/staff/hotline/tickets/{}", encode(no)),
            Route::HotlineCategories => "/staff/hotline/categories".into(),
            Route::Knowledge(q) => with_query("/staff/hotline/knowledge", &[pair("q", q)]),
            Route::HotlineFigures { from, to, unit } => {
                with_query("/staff/hotline/figures", &[pair("from", from), pair("to", to), pair("unit", unit)])
            }
            Route::Partners => "/staff/hotline/partners".into(),
            Route::Supervision(page) => page.href(),
            Route::Complaints { view, state, q, at } => {
                with_query("/staff/complaints", &[pair("view", view), pair("state", state), pair("q", q), at.query()])
            }
            Route::NewComplaint => "/staff/complaints/new".into(),
            Route::ComplaintFigures { from, to } => with_query("/staff/complaints/figures", &[pair("from", from), pair("to", to)]),
            Route::Complaint(no) => format!("/staff/complaints/{}", encode(no)),
            Route::Transmit(page) => page.href(),
            Route::Report { from, to } => with_query("/staff/report", &[pair("from", from), pair("to", to)]),
            Route::Information(page) => page.href(),
            Route::NotFound => "/staff".into(),
        }
    }
}
