//! The web apps' HTML shells, with the county's public settings in them:
//! every page URL comes here (wrangler.toml `run_worker_first`), so the
//! first screen shows the county's names and phones without a second
//! request, and no page carries a county's name in its build.

mod first_screen;
mod manifest;

use crate::db::{self, Db};
use first_screen::FirstScreen;
use shared::admin::settings::PublicSettings;
use shared::staff_app::StaffApp;
use worker::{Env, Method, Request, Response, Result};

/// Which single-page app a page URL belongs to: the staff pages are split
/// by area, each its own app (`shared::staff_app`).
pub fn app_of(path: &str) -> &'static str {
    if let Some(app) = StaffApp::of_path(path) {
        app.shell()
    } else if path.starts_with("/apply/") {
        "/apply.html"
    } else if path == "/track" {
        "/track.html"
    } else {
        "/index.html"
    }
}

pub async fn serve(req: &mut Request, env: &Env, db: &Db, shell: &str) -> Result<Response> {
    if req.path() == manifest::PATH {
        return manifest::serve(req, env, db).await;
    }
    if req.path() == "/track" && req.method() == Method::Post {
        return track_case(req, env, db).await;
    }
    // A staff area's page without a session goes to the sign-in (the
    // core's) before its app is fetched; an expired session's is still
    // sent there by the app.
    if StaffApp::of_path(&req.path()).is_some_and(|app| app != StaffApp::Core) && !crate::auth::has_session_cookie(req) {
        let mut login = req.url()?;
        login.set_path("/staff/login");
        login.set_query(None);
        // Not `Response::redirect`: its headers are immutable, and every
        // answer gets the security headers (lib.rs).
        let mut response = Response::empty()?.with_status(302);
        response.headers_mut().set("Location", login.as_str())?;
        return Ok(response);
    }
    let html = match asset_text(req, env, shell).await? {
        Ok(html) => html,
        Err(status) => return Response::error("页面暂时无法打开，请稍后再试", status),
    };
    let settings = public_settings(db).await;
    let mut html = with_settings(&html, &settings);
    // The applicant pages' first screens without a second round trip (issue
    // 14); the staff apps (one shell per area) have none.
    let url = req.url()?;
    if StaffApp::of_path(url.path()).is_none() {
        if let Some(first) = first_screen::read(url.path(), url.query(), &settings, db).await {
            html = with_first_screen(&html, &first);
        }
    }
    let mut response = Response::from_html(html)?;
    // Settings change: browsers revalidate the shell (its scripts stay cached by hash).
    response.headers_mut().set("Cache-Control", "no-cache")?;
    Ok(response)
}

/// `POST /track` (`{no, code}`): a case's first screen and its look-up's
/// answer, for the start script of `/track#no=…&code=…`, which puts them in
/// the page's first screen's place (`first_screen::track`). A refusal comes
/// the same way, with its status; what the app must retry itself (a
/// failure, a malformed request) comes as the API's JSON error.
async fn track_case(req: &mut Request, env: &Env, db: &Db) -> Result<Response> {
    let answer = if crate::routes::cross_site(req) {
        Err(crate::routes::cross_site_refusal().into())
    } else {
        first_screen::track::answer(req, env, db, &public_settings(db).await).await.map_err(|e| e.in_operation("POST", "/track"))
    };
    let response = match answer {
        Ok((first, refusal)) => {
            let html = Response::from_html(format!("{}\n{}", first.markup, blocks(&first)))?;
            match refusal {
                Some(refusal) => {
                    crate::security_log::refusal(req, env, db, &refusal).await;
                    refusal.with_status(html)?
                }
                None => html,
            }
        }
        Err(e) => {
            crate::security_log::refusal(req, env, db, &e).await;
            e.into_response()?
        }
    };
    let mut response = response;
    // It holds a case's progress and its query code.
    response.headers_mut().set("Cache-Control", "no-store")?;
    Ok(response)
}

/// A static asset's text, or the status it answered with (a fetched
/// response's headers cannot be changed: the caller answers afresh).
async fn asset_text(req: &Request, env: &Env, path: &str) -> Result<std::result::Result<String, u16>> {
    let url = format!("{}{path}", req.url()?.origin().ascii_serialization());
    let mut asset = env.assets("ASSETS")?.fetch(url, None).await?;
    if asset.status_code() != 200 {
        return Ok(Err(asset.status_code()));
    }
    Ok(Ok(asset.text().await?))
}

/// The county's public settings; neutral names if they cannot be read, so
/// a page still works.
async fn public_settings(db: &Db) -> PublicSettings {
    match db::admin::settings::read(db).await {
        Ok(view) => view.settings.public,
        Err(e) => {
            worker::console_error!("shell: settings unreadable: {e}");
            PublicSettings::default()
        }
    }
}

/// The shell with the settings as a JSON data block (read by
/// `frontend::county`) and the Center's name in the title.
fn with_settings(html: &str, s: &PublicSettings) -> String {
    let block = format!("<script type=\"application/json\" id=\"county\">{}</script>\n</head>", json(s));
    let title = format!(" - {}</title>", escape(s.centre()));
    html.replacen("</title>", &title, 1).replacen("</head>", &block, 1)
}

/// The shell with a first screen in its body and its data blocks in its
/// head, and without the preloads of the app's script and wasm: the start
/// script (`frontend/start.js`) fetches those once the first screen has been
/// painted, so on a slow line they do not share the bandwidth the style
/// sheet and the markup need for that paint.
fn with_first_screen(html: &str, first: &FirstScreen) -> String {
    let blocks = blocks(first);
    let html: String = html
        .lines()
        .filter(|line| !line.contains("rel=\"preload\"") && !line.contains("rel=\"modulepreload\""))
        .map(|line| format!("{line}\n"))
        .collect();
    html.replacen("</head>", &format!("{blocks}</head>"), 1).replacen("<body>", &format!("<body>\n{}", first.markup), 1)
}

/// A first screen's data blocks, as HTML.
fn blocks(first: &FirstScreen) -> String {
    first.blocks.iter().map(|(id, json)| format!("<script type=\"application/json\" id=\"{id}\">{json}</script>\n")).collect()
}

/// JSON for a data block: `<` escaped, so no value can close the script element.
fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "{}".into()).replace('<', "\\u003c")
}

/// Text for an element or a quoted attribute.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_go_into_the_head_and_title() {
        let s = PublicSettings { centre_name: "某县<中心>".into(), county_name: "</script><b>".into(), ..Default::default() };
        let html = with_settings("<html><head><title>办事指南</title></head><body></body></html>", &s);
        assert!(html.contains("<title>办事指南 - 某县&lt;中心&gt;</title>"));
        assert!(html.contains(r#"<script type="application/json" id="county">"#));
        assert!(!html.contains("</script><b>"), "a value cannot close the data block");
        assert_eq!(app_of("/staff/login"), "/staff.html");
        assert_eq!(app_of("/staff/cases/1"), "/staff-cases.html");
        assert_eq!(app_of("/track"), "/track.html");
        assert_eq!(app_of("/apply/3"), "/apply.html");
        assert_eq!(app_of("/matters/3"), "/index.html");
    }

    #[test]
    fn a_first_screen_goes_into_the_body_and_the_preloads_go() {
        let shell = "<head>\n  <link rel=\"stylesheet\" href=\"/style.css\">\n  <link rel=\"preload\" href=\"/pkg/app_bg.wasm\" as=\"fetch\">\n  <link rel=\"modulepreload\" href=\"/pkg/app.js\">\n</head>\n<body>\n</body>";
        let first = FirstScreen { markup: "<div id=\"first-screen\"></div>".into(), blocks: vec![("matter", "{}".into())] };
        let html = with_first_screen(shell, &first);
        assert!(html.contains("/style.css") && !html.contains("preload"), "{html}");
        assert!(html.contains("<script type=\"application/json\" id=\"matter\">{}</script>\n</head>"));
        assert!(html.contains("<body>\n<div id=\"first-screen\"></div>"));
    }
}
