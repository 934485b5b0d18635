//! The installable app's web app manifest (`frontend/pwa/manifest.webmanifest`,
//! published by scripts/build.sh), with the Center's name from the settings
//! put in here, as the shells get it: no build carries a county's name.

use super::{asset_text, public_settings};
use crate::db::Db;
use worker::{Env, Request, Response, Result};

/// Where the applicant shells link it (frontend/index.html).
pub const PATH: &str = "/manifest.webmanifest";

pub async fn serve(req: &Request, env: &Env, db: &Db) -> Result<Response> {
    let template = match asset_text(req, env, PATH).await? {
        Ok(text) => text,
        Err(status) => return Response::error("暂时无法打开，请稍后再试", status),
    };
    let settings = public_settings(db).await;
    let mut response = Response::ok(with_name(&template, settings.centre()))?;
    response.headers_mut().set("Content-Type", "application/manifest+json; charset=utf-8")?;
    // The name changes with the settings: revalidated, like the shells.
    response.headers_mut().set("Cache-Control", "no-cache")?;
    Ok(response)
}

/// The template with its `"__CENTRE__"` placeholder as a JSON string.
fn with_name(template: &str, centre: &str) -> String {
    let name = serde_json::to_string(centre).unwrap_or_else(|_| "\"\"".into());
    template.replacen("\"__CENTRE__\"", &name, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_a_json_string() {
        let manifest = with_name(r#"{"name": "__CENTRE__", "short_name": "办事指南"}"#, "某县\"审批\"中心");
        let value: serde_json::Value = serde_json::from_str(&manifest).unwrap_or_default();
        assert_eq!(value["name"], "某县\"审批\"中心");
        assert_eq!(value["short_name"], "办事指南");
    }

    #[test]
    fn the_published_template_has_the_placeholder() {
        let template = include_str!("../../../frontend/pwa/manifest.webmanifest");
        assert!(template.contains("\"__CENTRE__\""));
        let value: serde_json::Value = serde_json::from_str(&with_name(template, "某县中心")).unwrap_or_default();
        assert_eq!(value["start_url"], "/");
        assert_eq!(value["display"], "standalone");
    }
}
