//! The web interface's files: `index.html` at `/` and the built files under `/ui/…`, read from
//! the configured `web_root` (built by `scripts/web-build`). These are not API operations (no
//! data, no credentials): the pages call `/api/v1` with the session cookie like any client.
//!
//! Only plain relative names are served (segments of letters, digits, `.`, `_`, `-`; none
//! starting with a dot), so no path can leave the web root. Every page carries a Content
//! Security Policy that allows scripts, styles, fonts and connections to this origin only: the
//! interface makes no request to another site.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::state::AppState;

/// The policy on every file of the interface. ECharts writes inline `style` attributes, hence
/// `'unsafe-inline'` for styles only; scripts come from this origin alone. The .xlsx export
/// (write-excel-file → fflate) compresses in a worker made from a `blob:` URL of its own code,
/// hence `worker-src 'self' blob:`; such a worker still reaches only this origin (`connect-src`).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; \
     worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
     frame-ancestors 'none'; form-action 'self'";

/// Largest file served (the ECharts bundle is about 1 MB).
const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The media type of a served file, by extension; other extensions are not served.
fn media_type(name: &str) -> Option<&'static str> {
    let ext = name.rsplit_once('.')?.1;
    Some(match ext {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => return None,
    })
}

/// Whether `rel` is a plain relative path this module may serve.
pub fn is_plain_path(rel: &str) -> bool {
    !rel.is_empty()
        && rel.len() <= 200
        && rel.split('/').all(|seg| {
            !seg.is_empty()
                && !seg.starts_with('.')
                && seg
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        })
}

async fn serve_file(state: &AppState, rel: &str) -> Result<Response, ApiError> {
    let Some(root) = state.config.web_root.as_ref() else {
        return Err(ApiError::not_found(
            "网页界面（未配置 web_root） / web interface (web_root is not configured)",
        ));
    };
    let Some(media) = media_type(rel).filter(|_| is_plain_path(rel)) else {
        return Err(ApiError::not_found("文件 / file"));
    };
    let path = root.join(rel);
    match tokio::fs::metadata(&path).await {
        Ok(m) if m.is_file() && m.len() <= MAX_FILE_BYTES => {}
        _ => return Err(ApiError::not_found("文件 / file")),
    }
    let bytes = tokio::fs::read(&path).await.map_err(ApiError::internal)?;
    let mut response = (StatusCode::OK, bytes).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    Ok(response)
}

/// `GET /`: the interface's page.
pub async fn index(State(state): State<AppState>) -> Result<Response, ApiError> {
    serve_file(&state, "index.html").await
}

/// `GET /ui/{path}`: the interface's scripts, styles and data.
pub async fn file(
    State(state): State<AppState>,
    Path(rel): Path<String>,
) -> Result<Response, ApiError> {
    serve_file(&state, &rel).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths() {
        assert!(is_plain_path("app.js"));
        assert!(is_plain_path("lib/echarts.min.js"));
        for bad in [
            "",
            "../secret",
            "a/../../b",
            ".env",
            "a//b",
            "/etc/passwd",
            "a\\b",
            "a b",
            "%2e%2e/x",
        ] {
            assert!(!is_plain_path(bad), "{bad:?}");
        }
        assert_eq!(media_type("x.js"), Some("text/javascript; charset=utf-8"));
        assert_eq!(media_type("x.exe"), None);
        assert_eq!(media_type("noext"), None);
    }
}
