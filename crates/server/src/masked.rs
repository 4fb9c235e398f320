//! Findings as served to callers who may not unmask, kept masked and serialised (helper `load`).
//!
//! The findings list's cost was parsing every stored body, masking every string in it and
//! serialising it again, on every request. A finding's masked text depends only on its stored
//! body, so it is computed once and kept, keyed by finding id together with the exact body it was
//! made from: a body the store changed (a later detection run) misses and is masked again. The
//! cache is bounded ([`MAX_ENTRIES`]; when full it is emptied, which costs only recomputation).
//! A page is then the stored texts joined into the same bytes `Json(CursorPage { .. })` writes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::error::ApiError;
use crate::mask::mask_json;

/// Findings kept at most (about 2 KB of body and as much masked text each: ~40 MB).
pub const MAX_ENTRIES: usize = 10_000;

/// A kept finding: the stored body it was made from and its masked, serialised text.
type Entry = (Arc<str>, Arc<str>);

/// Masked, serialised findings by id, each with the body it was made from.
#[derive(Debug, Default)]
pub struct MaskedFindings {
    entries: Mutex<HashMap<String, Entry>>,
}

impl MaskedFindings {
    /// The masked JSON text of a stored finding body.
    pub fn get(&self, finding_id: &str, body: &str) -> Result<Arc<str>, ApiError> {
        {
            let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
            if let Some((source, masked)) = entries.get(finding_id)
                && **source == *body
            {
                return Ok(masked.clone());
            }
        }
        let mut value: Value = serde_json::from_str(body).map_err(ApiError::internal)?;
        mask_json(&mut value);
        let masked: Arc<str> = serde_json::to_string(&value)
            .map_err(ApiError::internal)?
            .into();
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(finding_id.to_string(), (body.into(), masked.clone()));
        Ok(masked)
    }
}

/// The finding id of a stored body (the other fields are skipped, not built).
pub fn finding_id_of(body: &str) -> Result<String, ApiError> {
    #[derive(serde::Deserialize)]
    struct Id {
        finding_id: String,
    }
    serde_json::from_str::<Id>(body)
        .map(|id| id.finding_id)
        .map_err(ApiError::internal)
}

/// `{"items":[…],"next_cursor":…}` from serialised items: the bytes `Json(CursorPage)` writes.
pub fn cursor_page_response(items: &[Arc<str>], next_cursor: Option<&str>) -> Response {
    let mut body = String::with_capacity(items.iter().map(|i| i.len() + 1).sum::<usize>() + 64);
    body.push_str("{\"items\":[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        body.push_str(item);
    }
    body.push_str("],\"next_cursor\":");
    body.push_str(&serde_json::to_string(&next_cursor).unwrap_or_else(|_| "null".into()));
    body.push('}');
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_the_bytes_json_writes_and_a_changed_body_is_masked_again() {
        let cache = MaskedFindings::default();
        let body = r#"{"finding_id":"f1","summary":"电话 13812345678","n":3}"#;
        let masked = cache.get("f1", body).unwrap();
        assert_eq!(
            &*masked,
            r#"{"finding_id":"f1","summary":"电话 138****5678","n":3}"#
        );
        let changed = r#"{"finding_id":"f1","summary":"无","n":4}"#;
        assert_eq!(&*cache.get("f1", changed).unwrap(), changed);

        let mut value: Value = serde_json::from_str(body).unwrap();
        mask_json(&mut value);
        let page = crate::routes::data::CursorPage {
            items: vec![value.clone(), value],
            next_cursor: Some("ab".into()),
        };
        let want = serde_json::to_string(&page).unwrap();
        let items = [masked.clone(), masked];
        let got = cursor_page_response(&items, Some("ab"));
        assert_eq!(
            got.headers()[header::CONTENT_TYPE],
            HeaderValue::from_static("application/json")
        );
        let bytes =
            futures::executor::block_on(axum::body::to_bytes(got.into_body(), 1 << 20)).unwrap();
        assert_eq!(std::str::from_utf8(&bytes).unwrap(), want);
        let empty = cursor_page_response(&[], None);
        let bytes =
            futures::executor::block_on(axum::body::to_bytes(empty.into_body(), 1 << 20)).unwrap();
        assert_eq!(&bytes[..], br#"{"items":[],"next_cursor":null}"#);
    }

    #[test]
    fn ids_are_read_and_a_body_without_one_is_an_error() {
        assert_eq!(finding_id_of(r#"{"finding_id":"x","a":[1]}"#).unwrap(), "x");
        assert!(finding_id_of(r#"{"a":1}"#).is_err());
    }
}
