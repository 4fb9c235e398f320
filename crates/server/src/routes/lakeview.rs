//! Small reads over the lake for the interface: merchants' divisions (for the cockpit's map) and
//! one merchant's registry facts, shops and relations. Queries run with DataFusion over the
//! store-listed parts (`tianping-query`); values put into SQL are first checked to be plain ids
//! (letters, digits, `_`, `-`, `.`, `:`), so no request text reaches SQL unchecked.
//!
//! The session is opened once per data version, not per request ([`LakeCache`]): the version is
//! the store's list of parts, read (one indexed query) on every request, so a batch committed
//! since is seen by the next request, and requests in between share one DataFusion session (and
//! its Parquet metadata cache) and the merchant-profile index built over it
//! ([`crate::routes::profile_index`]).
//!
//! The merchants' divisions are cached per lake version: the SHA-256 of the store's list of
//! parts (table, path, rows, bytes). An ingested batch lists new parts, so the next cockpit
//! request re-reads them; until then the cockpit does not query the lake for them at all.
//! (Detection runs do not change the lake; the cockpit reads findings from the store on every
//! request.)

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use crate::error::ApiError;
use crate::routes::profile_index::ProfileIndex;
use crate::state::AppState;

/// Whether `s` may be placed inside a quoted SQL literal: a plain id of at most 64 characters.
pub fn is_plain_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
}

/// The parts a session was opened over, as `(table, path)`: the data version it serves.
type Version = Vec<(String, String)>;

/// One data version's session and, built on first use, its merchant-profile index.
#[derive(Clone)]
pub struct Snapshot {
    /// The session.
    pub lake: Arc<tianping_query::Lake>,
    index: Arc<tokio::sync::OnceCell<Arc<ProfileIndex>>>,
}

impl Snapshot {
    /// The merchant-profile index of this version, built once (two scans) by the first caller.
    pub async fn profile_index(&self) -> Result<Arc<ProfileIndex>, ApiError> {
        self.index
            .get_or_try_init(|| async { ProfileIndex::build(&self.lake).await.map(Arc::new) })
            .await
            .cloned()
    }
}

/// The lake session of the current data version, shared by every request of that version.
#[derive(Default)]
pub struct LakeCache {
    current: Mutex<Option<(Version, Snapshot)>>,
    opened: std::sync::atomic::AtomicU64,
}

impl LakeCache {
    /// Sessions opened so far (one per data version seen; for tests).
    pub fn opened(&self) -> u64 {
        self.opened.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn get(&self, version: &Version) -> Option<Snapshot> {
        let current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        current
            .as_ref()
            .filter(|(v, _)| v == version)
            .map(|(_, snapshot)| snapshot.clone())
    }

    fn put(&self, version: Version, snapshot: Snapshot) {
        self.opened
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) = Some((version, snapshot));
    }
}

/// The current data version's snapshot: the cached one when the store lists the parts it was
/// opened over, else a new session (which then replaces it).
pub async fn snapshot(state: &AppState) -> Result<Snapshot, ApiError> {
    let version: Version = state
        .store
        .lake_files(None)
        .await?
        .into_iter()
        .map(|f| (f.table, f.path))
        .collect();
    if let Some(snapshot) = state.lake.get(&version) {
        return Ok(snapshot);
    }
    let parts: Vec<tianping_query::LakePart> = version
        .iter()
        .map(|(table, path)| tianping_query::LakePart {
            table: table.clone(),
            path: path.clone(),
        })
        .collect();
    let lake = tianping_query::Lake::open(&state.home.lake(), &parts)
        .await
        .map_err(ApiError::internal)?;
    let snapshot = Snapshot {
        lake: Arc::new(lake),
        index: Arc::default(),
    };
    state.lake.put(version, snapshot.clone());
    Ok(snapshot)
}

/// A query session over the store-listed parts of the lake (the current [`snapshot`]'s).
pub async fn open(state: &AppState) -> Result<Arc<tianping_query::Lake>, ApiError> {
    Ok(snapshot(state).await?.lake)
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
    let lake = open(state).await?;
    let map = Arc::new(read_districts(&lake).await?);
    cache
        .lock()
        .map_err(|_| ApiError::internal("district cache poisoned"))?
        .insert(key, (version, Arc::clone(&map)));
    Ok(map)
}

async fn read_districts(lake: &tianping_query::Lake) -> Result<Districts, ApiError> {
    let rows = rows(
        lake,
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
