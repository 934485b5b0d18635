//! Which of the staff web apps a `/staff…` URL belongs to (issue 14: the
//! sign-in and the inbox load no other area's code). Each area is a wasm
//! binary of its own (`frontend/staff/src/bin/<name>.rs`) with its HTML
//! shell (`/<name>.html`); the Worker serves the shell for a path by this
//! function, and the apps' router navigates in place only to URLs of its
//! own app, loading any other the ordinary way. One place decides both.

/// A staff app: the core (sign-in and the inbox, the first screens) or
/// one area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffApp {
    Core,
    /// One's password and second factor, one's messages.
    Account,
    /// A case, its notice; the office's oversight: overview, reviews,
    /// statistics, the report.
    Cases,
    /// Meetings, document requests, quotas, the dashboard, the calendar.
    Streamline,
    Admin,
    Hotline,
    Supervision,
    Complaints,
    Transmit,
    Information,
}

impl StaffApp {
    pub const ALL: [StaffApp; 10] = [
        StaffApp::Core,
        StaffApp::Account,
        StaffApp::Cases,
        StaffApp::Streamline,
        StaffApp::Admin,
        StaffApp::Hotline,
        StaffApp::Supervision,
        StaffApp::Complaints,
        StaffApp::Transmit,
        StaffApp::Information,
    ];

    /// The app of a path under `/staff` (a query or fragment is ignored);
    /// `None` for any other path. Unknown staff paths go to the core, which
    /// says the page does not exist.
    pub fn of_path(path: &str) -> Option<StaffApp> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let mut segments = path.split('/').filter(|s| !s.is_empty());
        if segments.next() != Some("staff") {
            return None;
        }
        Some(match segments.next().unwrap_or_default() {
            "password" | "second-factor" | "messages" => StaffApp::Account,
            "cases" | "overview" | "reviews" | "statistics" | "report" => StaffApp::Cases,
            "dashboard" | "meetings" | "documents" | "quotas" | "calendar" => StaffApp::Streamline,
            "admin" => StaffApp::Admin,
            "hotline" => StaffApp::Hotline,
            "supervision" => StaffApp::Supervision,
            "complaints" => StaffApp::Complaints,
            "transmit" => StaffApp::Transmit,
            "information" => StaffApp::Information,
            _ => StaffApp::Core,
        })
    }

    /// The wasm binary's name, which is also its shell's (`/<name>.html`).
    pub fn name(self) -> &'static str {
        match self {
            StaffApp::Core => "staff",
            StaffApp::Account => "staff-account",
            StaffApp::Cases => "staff-cases",
            StaffApp::Streamline => "staff-streamline",
            StaffApp::Admin => "staff-admin",
            StaffApp::Hotline => "staff-hotline",
            StaffApp::Supervision => "staff-supervision",
            StaffApp::Complaints => "staff-complaints",
            StaffApp::Transmit => "staff-transmit",
            StaffApp::Information => "staff-information",
        }
    }

    /// The HTML shell the Worker serves for the app's pages.
    pub fn shell(self) -> &'static str {
        match self {
            StaffApp::Core => "/staff.html",
            StaffApp::Account => "/staff-account.html",
            StaffApp::Cases => "/staff-cases.html",
            StaffApp::Streamline => "/staff-streamline.html",
            StaffApp::Admin => "/staff-admin.html",
            StaffApp::Hotline => "/staff-hotline.html",
            StaffApp::Supervision => "/staff-supervision.html",
            StaffApp::Complaints => "/staff-complaints.html",
            StaffApp::Transmit => "/staff-transmit.html",
            StaffApp::Information => "/staff-information.html",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::StaffApp::{self, *};

    /// Every page of the staff apps (`frontend/staff/src/route.rs` and its
    /// `*_route.rs`), one URL each, with the app that must serve it.
    const ROUTES: &[(&str, StaffApp)] = &[
        ("/staff/login", Core),
        ("/staff", Core),
        ("/staff?state=accepted&page=2", Core),
        ("/staff/password", Account),
        ("/staff/second-factor", Account),
        ("/staff/messages", Account),
        ("/staff/no-such-page", Core),
        ("/staff/cases/QX2026-1", Cases),
        ("/staff/cases/QX2026-1/notice", Cases),
        ("/staff/overview", Cases),
        ("/staff/reviews?state=open", Cases),
        ("/staff/statistics?from=2026-01-01", Cases),
        ("/staff/report", Cases),
        ("/staff/dashboard?year=2026", Streamline),
        ("/staff/meetings", Streamline),
        ("/staff/documents?state=pending", Streamline),
        ("/staff/quotas", Streamline),
        ("/staff/calendar?year=2027", Streamline),
        ("/staff/admin/settings", Admin),
        ("/staff/admin/units", Admin),
        ("/staff/admin/accounts", Admin),
        ("/staff/admin/applicant-data", Admin),
        ("/staff/admin/security", Admin),
        ("/staff/admin/notices", Admin),
        ("/staff/admin/catalogue", Admin),
        ("/staff/admin/catalogue/new", Admin),
        ("/staff/admin/catalogue/7", Admin),
        ("/staff/hotline", Hotline),
        ("/staff/hotline/new", Hotline),
        ("/staff/hotline/tickets/RX1", Hotline),
        ("/staff/hotline/categories", Hotline),
        ("/staff/hotline/knowledge", Hotline),
        ("/staff/hotline/figures", Hotline),
        ("/staff/hotline/partners", Hotline),
        ("/staff/supervision", Supervision),
        ("/staff/supervision/items/DB1", Supervision),
        ("/staff/supervision/slips/3", Supervision),
        ("/staff/complaints", Complaints),
        ("/staff/complaints/new", Complaints),
        ("/staff/complaints/figures", Complaints),
        ("/staff/complaints/TS1", Complaints),
        ("/staff/transmit", Transmit),
        ("/staff/transmit/new", Transmit),
        ("/staff/transmit/figures", Transmit),
        ("/staff/transmit/k1/receipt", Transmit),
        ("/staff/information", Information),
        ("/staff/information/issues/2", Information),
        ("/staff/information/league?year=2026", Information),
    ];

    #[test]
    fn every_staff_page_has_exactly_one_app() {
        for (path, app) in ROUTES {
            assert_eq!(StaffApp::of_path(path), Some(*app), "{path}");
        }
        // Every app serves some page, and only staff paths have one.
        for app in StaffApp::ALL {
            assert!(ROUTES.iter().any(|(_, a)| *a == app), "{app:?} serves no page");
        }
        for path in ["/", "/staffing", "/track", "/apply/3", "/api/staff/me"] {
            assert_eq!(StaffApp::of_path(path), None, "{path}");
        }
    }

    /// Names and shells agree, and each app is a binary of the staff
    /// package (scripts/build.sh bundles every one of them).
    #[test]
    fn each_app_is_a_binary_with_its_shell() {
        let bins = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../frontend/staff/src/bin");
        let mut found: Vec<String> = std::fs::read_dir(&bins)
            .expect("frontend/staff/src/bin")
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.strip_suffix(".rs").map(String::from))
            .collect();
        found.sort();
        let mut names: Vec<String> = StaffApp::ALL.iter().map(|a| a.name().to_string()).collect();
        names.sort();
        assert_eq!(found, names);
        for app in StaffApp::ALL {
            assert_eq!(app.shell(), format!("/{}.html", app.name()));
        }
    }
}
