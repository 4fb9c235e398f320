//! Small reads over the lake for the interface: merchants' divisions (for the cockpit's map) and
//! one merchant's registry facts, shops and relations. Queries run with DataFusion over the
//! store-listed parts (`tianping-query`); values put into SQL are first checked to be plain ids
//! (letters, digits, `_`, `-`, `.`, `:`), so no request text reaches SQL unchecked.

use serde_json::Value;

use crate::error::ApiError;
use crate::state::AppState;

/// Whether `s` may be placed inside a quoted SQL literal: a plain id of at most 64 characters.
pub fn is_plain_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
}

/// A query session over the store-listed parts of the lake.
pub async fn open(state: &AppState) -> Result<tianping_query::Lake, ApiError> {
    let parts: Vec<tianping_query::LakePart> = state
        .store
        .lake_files(None)
        .await?
        .into_iter()
        .map(|f| tianping_query::LakePart {
            table: f.table,
            path: f.path,
        })
        .collect();
    tianping_query::Lake::open(&state.home.lake(), &parts)
        .await
        .map_err(ApiError::internal)
}

/// Runs `sql` over `lake` and returns the rows as JSON objects.
pub async fn rows(lake: &tianping_query::Lake, sql: &str) -> Result<Vec<Value>, ApiError> {
    let batches = lake.collect(sql).await.map_err(ApiError::internal)?;
    let mut writer = arrow::json::ArrayWriter::new(Vec::new());
    let refs: Vec<&arrow::record_batch::RecordBatch> = batches.iter().collect();
    writer.write_batches(&refs).map_err(ApiError::internal)?;
    writer.finish().map_err(ApiError::internal)?;
    let bytes = writer.into_inner();
    if bytes.is_empty() {
        return Ok(Vec::new());
    }
    serde_json::from_slice(&bytes).map_err(ApiError::internal)
}

/// `(platform_id, merchant_id) → 6-digit district code` of every merchant with an `adcode`.
pub async fn merchant_districts(
    state: &AppState,
) -> Result<std::collections::HashMap<(String, String), String>, ApiError> {
    let lake = open(state).await?;
    let rows = rows(
        &lake,
        "SELECT DISTINCT m.platform_id, m.merchant_id, \
         COALESCE(m.adcode, r.adcode) AS adcode \
         FROM merchants m LEFT JOIN registry r ON r.uscc = m.uscc",
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let p = r.get("platform_id")?.as_str()?.to_string();
            let m = r.get("merchant_id")?.as_str()?.to_string();
            let a = r.get("adcode")?.as_str()?;
            Some(((p, m), a.chars().take(6).collect()))
        })
        .collect())
}
