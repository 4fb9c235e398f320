//! Small reads over the lake for the interface: merchants' divisions (for the cockpit's map) and
//! one merchant's registry facts, shops and relations. Queries run with DataFusion over the
//! store-listed parts (`tianping-query`); values put into SQL are first checked to be plain ids
//! (letters, digits, `_`, `-`, `.`, `:`), so no request text reaches SQL unchecked.
//!
//! The merchants' divisions are cached per lake version: the SHA-256 of the store's list of
//! parts (table, path, rows, bytes). An ingested batch lists new parts, so the next cockpit
//! request sees a new version and re-reads the lake; until then the cockpit does not open the
//! lake at all. (Detection runs do not change the lake; the cockpit reads findings from the store
//! on every request.)

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

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
    let files = state.store.lake_files(None).await?;
    open_parts(state, files).await
}

async fn open_parts(
    state: &AppState,
    files: Vec<tianping_store::LakeFile>,
) -> Result<tianping_query::Lake, ApiError> {
    let parts: Vec<tianping_query::LakePart> = files
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

/// Merchants' districts: `(platform_id, merchant_id) → 6-digit district code`.
pub type Districts = HashMap<(String, String), String>;

/// The cached districts per lake directory: the lake version they were read at, and the map.
type DistrictCache = Mutex<HashMap<PathBuf, ([u8; 32], Arc<Districts>)>>;

static DISTRICTS: std::sync::OnceLock<DistrictCache> = std::sync::OnceLock::new();

/// The lake version: SHA-256 over the store's list of parts, in a fixed order.
pub fn lake_version(files: &[tianping_store::LakeFile]) -> [u8; 32] {
    let mut rows: Vec<String> = files
        .iter()
        .map(|f| format!("{}\t{}\t{}\t{}\n", f.table, f.path, f.rows, f.bytes))
        .collect();
    rows.sort();
    tianping_evidence::HashAlg::Sha256
        .digest(rows.concat().as_bytes())
        .0
}

/// Whether the districts of the lake's current version are cached (for tests and metrics).
pub async fn districts_cached(state: &AppState) -> Result<bool, ApiError> {
    let files = state.store.lake_files(None).await?;
    let version = lake_version(&files);
    let cache = DISTRICTS.get_or_init(Default::default);
    let cache = cache
        .lock()
        .map_err(|_| ApiError::internal("district cache poisoned"))?;
    Ok(cache
        .get(&state.home.lake())
        .is_some_and(|(v, _)| *v == version))
}

/// `(platform_id, merchant_id) → 6-digit district code` of every merchant with an `adcode`,
/// read from the lake once per lake version (see the module doc).
pub async fn merchant_districts(state: &AppState) -> Result<Arc<Districts>, ApiError> {
    let files = state.store.lake_files(None).await?;
    let version = lake_version(&files);
    let key = state.home.lake();
    let cache = DISTRICTS.get_or_init(Default::default);
    if let Some((v, map)) = cache
        .lock()
        .map_err(|_| ApiError::internal("district cache poisoned"))?
        .get(&key)
        && *v == version
    {
        return Ok(Arc::clone(map));
    }
    let map = Arc::new(read_districts(open_parts(state, files).await?).await?);
    cache
        .lock()
        .map_err(|_| ApiError::internal("district cache poisoned"))?
        .insert(key, (version, Arc::clone(&map)));
    Ok(map)
}

async fn read_districts(lake: tianping_query::Lake) -> Result<Districts, ApiError> {
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
