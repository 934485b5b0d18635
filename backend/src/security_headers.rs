//! The security headers of every response the Worker makes, read from the
//! same file the platform applies to the static assets (`frontend/_headers`,
//! its `/*` block), so each header is written once. A response that sets a
//! header itself (a stored file's sandbox policy) keeps its own.

use worker::{Response, Result};

const HEADERS_FILE: &str = include_str!("../../frontend/_headers");

/// The `/*` block: `Name: value` lines indented under it.
fn common() -> impl Iterator<Item = (&'static str, &'static str)> {
    HEADERS_FILE
        .lines()
        .skip_while(|l| l.trim() != "/*")
        .skip(1)
        .take_while(|l| l.starts_with(' '))
        .filter_map(|l| l.trim().split_once(": "))
}

/// The application form may use the camera to photograph materials; no
/// other page may.
const FORM_PERMISSIONS: &str = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";

pub fn apply(response: &mut Response, path: &str) -> Result<()> {
    let headers = response.headers_mut();
    for (name, value) in common() {
        if !headers.has(name)? {
            headers.set(name, value)?;
        }
    }
    if path.starts_with("/apply/") {
        headers.set("Permissions-Policy", FORM_PERMISSIONS)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_block_is_read_whole() {
        let names: Vec<&str> = common().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                "Content-Security-Policy",
                "X-Content-Type-Options",
                "Referrer-Policy",
                "Permissions-Policy",
                "X-Frame-Options",
                "Cross-Origin-Opener-Policy",
                "Strict-Transport-Security"
            ]
        );
        let csp = common().find(|(n, _)| *n == "Content-Security-Policy").map(|(_, v)| v).unwrap_or_default();
        for part in ["default-src 'self'", "'wasm-unsafe-eval'", "object-src 'none'", "frame-ancestors 'none'"] {
            assert!(csp.contains(part), "{part}");
        }
        assert!(FORM_PERMISSIONS.contains("camera=(self)"));
    }
}
