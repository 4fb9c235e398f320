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

/// One data version's session and, built on first use, its merchant-profile index and the
/// results of the per-merchant queries asked of it ([`QueryCache`]).
#[derive(Clone)]
pub struct Snapshot {
    /// The session.
    pub lake: Arc<tianping_query::Lake>,
    index: Arc<tokio::sync::OnceCell<Arc<ProfileIndex>>>,
    queries: Arc<QueryCache>,
}

impl Snapshot {
    /// The merchant-profile index of this version, built once (two scans) by the first caller.
    pub async fn profile_index(&self) -> Result<Arc<ProfileIndex>, ApiError> {
        self.index
            .get_or_try_init(|| async { ProfileIndex::build(&self.lake).await.map(Arc::new) })
            .await
            .cloned()
    }

    /// A value derived from this version's data by `build` (which also says its weight, in
    /// rows), kept under `key` in [`QueryCache`]: `key` must name everything the value depends
    /// on besides the lake.
    pub async fn derived<T, F, Fut>(&self, key: &str, build: F) -> Result<Arc<T>, ApiError>
    where
        T: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<(T, usize), ApiError>>,
    {
        self.queries.get_or_run(key, build).await
    }

    /// Values this snapshot has built (cache misses) through [`Snapshot::derived`] (for tests).
    pub fn queries_run(&self) -> u64 {
        self.queries.ran()
    }
}

/// Most values kept per data version.
pub const QUERY_CACHE_ENTRIES: usize = 1_024;
/// Most rows (the builders' weights) kept over all values of one data version; a heavier value
/// is not kept.
pub const QUERY_CACHE_ROWS: usize = 200_000;

/// A kept value and its weight.
type Entry = (Arc<dyn std::any::Any + Send + Sync>, usize);
/// Values by key, and their weights added up.
type Held = (HashMap<String, Entry>, usize);

/// Values derived from one data version (query results, or what a route prepares from them),
/// by key, bounded in entries and weight: when a new value would pass either bound the cache
/// starts over (the values it serves are a merchant profile's; a profile asked again in a
/// burst — a dashboard, a load of case officers — costs one build, not one per request). Two
/// requests missing at once both build; the second value replaces the first (they are equal).
#[derive(Default)]
pub struct QueryCache {
    held: Mutex<Held>,
    ran: std::sync::atomic::AtomicU64,
}

impl QueryCache {
    /// The value kept under `key`, or the one `build` returns (kept when within the bounds).
    pub async fn get_or_run<T, F, Fut>(&self, key: &str, build: F) -> Result<Arc<T>, ApiError>
    where
        T: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<(T, usize), ApiError>>,
    {
        let hit = self.lock().0.get(key).map(|(v, _)| Arc::clone(v));
        if let Some(Ok(v)) = hit.map(|v| v.downcast::<T>()) {
            return Ok(v);
        }
        self.ran.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let (value, n) = build().await?;
        let value = Arc::new(value);
        if n <= QUERY_CACHE_ROWS {
            let mut held = self.lock();
            if held.0.len() >= QUERY_CACHE_ENTRIES || held.1 + n > QUERY_CACHE_ROWS {
                *held = (HashMap::new(), 0);
            }
            let kept: Arc<dyn std::any::Any + Send + Sync> = value.clone();
            if let Some((_, old)) = held.0.insert(key.to_string(), (kept, n)) {
                held.1 -= old;
            }
            held.1 += n;
        }
        Ok(value)
    }

    /// Builds run (misses) so far.
    pub fn ran(&self) -> u64 {
        self.ran.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Values held and their weight.
    pub fn held(&self) -> (usize, usize) {
        let held = self.lock();
        (held.0.len(), held.1)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Held> {
        self.held.lock().unwrap_or_else(|e| e.into_inner())
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
        queries: Arc::default(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime")
            .block_on(f)
    }

    fn rows_of(n: usize) -> Vec<Value> {
        (0..n).map(|i| json!({ "i": i })).collect()
    }

    fn weighed(n: usize) -> (Vec<Value>, usize) {
        (rows_of(n), n)
    }

    #[test]
    fn a_query_asked_again_is_answered_without_running_it() {
        let cache = QueryCache::default();
        block_on(async {
            let a = cache
                .get_or_run("q1", || async { Ok(weighed(3)) })
                .await
                .unwrap();
            let b = cache
                .get_or_run::<Vec<Value>, _, _>("q1", || async { panic!("ran a cached query") })
                .await
                .unwrap();
            assert_eq!(a, b);
            let c = cache
                .get_or_run("q2", || async { Ok(weighed(2)) })
                .await
                .unwrap();
            assert_eq!(c.len(), 2);
        });
        assert_eq!(cache.ran(), 2);
        assert_eq!(cache.held(), (2, 5));
    }

    #[test]
    fn a_failed_query_is_not_kept() {
        let cache = QueryCache::default();
        block_on(async {
            let e = cache
                .get_or_run::<Vec<Value>, _, _>("q", || async { Err(ApiError::internal("lake")) })
                .await;
            assert!(e.is_err());
            let ok = cache
                .get_or_run("q", || async { Ok(weighed(1)) })
                .await
                .unwrap();
            assert_eq!(ok.len(), 1);
        });
        assert_eq!(cache.ran(), 2);
        assert_eq!(cache.held(), (1, 1));
    }

    #[test]
    fn the_cache_starts_over_at_its_row_bound_and_never_keeps_a_larger_result() {
        let cache = QueryCache::default();
        block_on(async {
            cache
                .get_or_run("big", || async { Ok(weighed(QUERY_CACHE_ROWS - 1)) })
                .await
                .unwrap();
            assert_eq!(cache.held(), (1, QUERY_CACHE_ROWS - 1));
            // One more row fits exactly at the bound.
            cache
                .get_or_run("one", || async { Ok(weighed(1)) })
                .await
                .unwrap();
            assert_eq!(cache.held(), (2, QUERY_CACHE_ROWS));
            // Past it: start over with the new result only.
            cache
                .get_or_run("two", || async { Ok(weighed(2)) })
                .await
                .unwrap();
            assert_eq!(cache.held(), (1, 2));
            // Over the bound on its own: answered, not kept.
            let huge = cache
                .get_or_run("huge", || async { Ok(weighed(QUERY_CACHE_ROWS + 1)) })
                .await
                .unwrap();
            assert_eq!(huge.len(), QUERY_CACHE_ROWS + 1);
            assert_eq!(cache.held(), (1, 2));
        });
    }

    #[test]
    fn the_cache_starts_over_at_its_entry_bound() {
        let cache = QueryCache::default();
        block_on(async {
            for i in 0..QUERY_CACHE_ENTRIES {
                cache
                    .get_or_run(&format!("q{i}"), || async { Ok(weighed(1)) })
                    .await
                    .unwrap();
            }
            assert_eq!(cache.held(), (QUERY_CACHE_ENTRIES, QUERY_CACHE_ENTRIES));
            cache
                .get_or_run("one more", || async { Ok(weighed(1)) })
                .await
                .unwrap();
            assert_eq!(cache.held(), (1, 1));
        });
    }
}
