//! The access log. Every API request gets a random request id, answered in `X-Request-Id`, and
//! runs inside a `request` span with the fields `request_id`, `operation` (the route's OpenAPI
//! `operationId`), `method`, `route` (the route template, e.g. `/api/v1/findings/{finding_id}`)
//! and `actor` (recorded by `access::Caller` once the caller is known: an account id,
//! `platform:<supplier>` or `anonymous`); it ends with one `request` event holding `status` and
//! `latency_ms`. Events inside the span (a denial, an internal error) carry the same fields.
//!
//! Nothing the client chose is logged but the method: never the raw path or query (a path
//! segment or a filter may be a phone or ID number), never a header or body. Error causes are
//! passed through the personal-number masker ([`safe`]) before they are logged.

use std::sync::OnceLock;

use axum::extract::Request;
use axum::http::HeaderValue;
use tracing::Span;
use utoipa::OpenApi;

/// The response header carrying the request id.
pub const REQUEST_ID: &str = "x-request-id";

/// A new request id: 32 random hex digits (a UUID v4 without dashes).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// The request id as a header value.
pub fn header(id: &str) -> HeaderValue {
    HeaderValue::from_str(id).unwrap_or_else(|_| HeaderValue::from_static("invalid"))
}

/// One operation of the OpenAPI document: method, route template split at `/`, operationId.
type Route = (String, Vec<String>, String);
type Routes = Vec<Route>;

fn routes() -> &'static Routes {
    static ROUTES: OnceLock<Routes> = OnceLock::new();
    ROUTES.get_or_init(|| {
        let doc = crate::openapi::ApiDoc::openapi();
        let mut routes = Vec::new();
        for (path, item) in &doc.paths.paths {
            for (name, op) in [
                ("GET", &item.get),
                ("POST", &item.post),
                ("PUT", &item.put),
                ("DELETE", &item.delete),
                ("PATCH", &item.patch),
            ] {
                if let Some(id) = op.as_ref().and_then(|o| o.operation_id.clone()) {
                    let segments = path.split('/').map(str::to_string).collect();
                    routes.push((name.to_string(), segments, id));
                }
            }
        }
        routes
    })
}

/// The route template and `operationId` of a request path in the OpenAPI document: the
/// template with the same segments where every literal segment is equal, the one with most
/// literal segments if several fit; `("(unmatched)", "-")` for a path it does not hold.
pub fn route(method: &str, path: &str) -> (String, &'static str) {
    let segments: Vec<&str> = path.split('/').collect();
    let mut best: Option<(usize, &'static Route)> = None;
    for r in routes() {
        if r.0 != method || r.1.len() != segments.len() {
            continue;
        }
        let mut literal = 0;
        let fits = r.1.iter().zip(&segments).all(|(t, s)| {
            if t.starts_with('{') && t.ends_with('}') {
                !s.is_empty()
            } else {
                literal += 1;
                t == s
            }
        });
        if fits && best.is_none_or(|(n, _)| literal > n) {
            best = Some((literal, r));
        }
    }
    match best {
        Some((_, r)) => (r.1.join("/"), r.2.as_str()),
        None => ("(unmatched)".into(), "-"),
    }
}

/// The span of one request (see the module documentation).
pub fn span(id: &str, req: &Request) -> Span {
    let method = req.method().as_str();
    let (route, operation) = route(method, req.uri().path());
    tracing::info_span!(
        "request",
        request_id = %id,
        operation = %operation,
        method = %method,
        route = %route,
        actor = tracing::field::Empty,
    )
}

/// An error's text with phone and ID numbers masked, for a log line.
pub fn safe(cause: &dyn std::fmt::Display) -> String {
    crate::mask::mask_text(&cause.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_come_from_the_document() {
        let op = |m: &str, p: &str| route(m, p).1;
        assert_eq!(op("GET", "/api/v1/findings"), "list_findings");
        assert_eq!(
            route("GET", "/api/v1/findings/13812345678"),
            ("/api/v1/findings/{finding_id}".into(), "get_finding")
        );
        assert_eq!(op("GET", "/api/v1/findings/abc/proof"), "finding_proof");
        assert_eq!(op("POST", "/api/v1/batches"), "push_batch");
        assert_eq!(op("GET", "/api/v1/batches"), "list_batches");
        assert_eq!(
            op("GET", "/api/v1/batches/tmall/b1/quarantine"),
            "list_quarantine"
        );
        assert_eq!(op("GET", "/api/v1/evidence/head"), "evidence_head");
        assert_eq!(op("DELETE", "/api/v1/findings"), "-");
        assert_eq!(
            route("GET", "/nowhere/13812345678"),
            ("(unmatched)".into(), "-")
        );
        assert_eq!(op("GET", "/api/v1/findings//proof"), "-");
    }

    #[test]
    fn logged_errors_hold_no_personal_number() {
        let cause = "row 3: holder_pid \"13812345678\" / 33010619900101123X is not a pid";
        let text = safe(&cause);
        assert!(!text.contains("13812345678"), "{text}");
        assert!(!text.contains("19900101"), "{text}");
        assert!(text.starts_with("row 3: holder_pid"), "{text}");
    }
}
