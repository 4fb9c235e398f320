//! The streaming side of `fake_orders` (刷单 rings alerted within seconds of a push): the
//! in-memory dense-block state fed from **acknowledged** batches only, and the findings it raises
//! stored like any detection run.
//!
//! - **Fed from the lake, never from a request body.** [`StreamDesk::update`] reads the `orders`
//!   parts the store lists (committed batches, fsynced before their commit) that this state has
//!   not read yet. A batch is therefore in the stream only after it is durably stored and
//!   acknowledged; a push that fails or is cut off feeds nothing.
//! - **Nothing depends on memory surviving.** The first update of a process (and the first after
//!   any error) rebuilds the state from every stored `orders` part, and marks the merchants that
//!   already have a stored `fake_orders.dense_block` finding, so a restart neither loses a ring
//!   (a ring acknowledged before a crash but not yet alerted is alerted at the rebuild) nor
//!   raises a second finding for one.
//! - **Recorded like any run.** Findings are saved with a run record (`detectors` says
//!   `"mode": "stream"`, the batches read in this update and the total, the detector version;
//!   `params` the rule's non-default values in force: stored settings, then the server's
//!   configuration file — a state built with other values is rebuilt; `data_sha256` over every
//!   part the state holds) and the run's and findings' evidence-log leaves, in one store transaction. The batch detector's input
//!   fingerprint is not touched.
//! - **Time is an argument**: `as_of` (the server's clock at the push, read at the edge) decides
//!   the rule version in force and is the run's `as_of`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::json;
use sha2::{Digest, Sha256};
use tianping_detect::places::{PLACE_INPUTS, Places};
use tianping_detect::{DetectCtx, Detector, Finding, Overrides};
use tianping_detectors::fake_orders::FakeOrders;
use tianping_detectors::fake_orders::stream::{BrushingStream, RULE};
use tianping_store::evidence::NewLeaf;
use tianping_store::{DetectionRun, LakeFile, SaveSummary, Store, StoreError, StoredFinding};

/// The columns of `orders` the stream reads.
const COLUMNS: [&str; 5] = [
    "platform_id",
    "merchant_id",
    "buyer_pid",
    "ordered_at",
    "status",
];

/// The columns of `reviews` the stream reads (a review's account–merchant pair is an edge).
const REVIEW_COLUMNS: [&str; 4] = ["platform_id", "merchant_id", "reviewer_pid", "created_at"];

/// The tables the stream reads.
const TABLES: [&str; 2] = ["orders", "reviews"];

/// Why an update failed (the state is then rebuilt from the lake at the next update).
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    /// `as_of` is not an RFC 3339 time (a caller's bug: the server passes its clock).
    #[error("as_of {0:?} is not an RFC 3339 time with an offset")]
    BadAsOf(String),
    /// No version of the rule is in force on `as_of`'s date.
    #[error("no version of {RULE} is in force on {0}")]
    NoRule(String),
    /// A stored part could not be read.
    #[error("reading lake part {path}: {error}")]
    Read {
        /// Path relative to the lake.
        path: String,
        /// What failed.
        error: String,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The worker thread failed.
    #[error("stream worker: {0}")]
    Task(String),
    /// A stored parameter setting in force no longer validates.
    #[error(transparent)]
    Config(#[from] tianping_detect::rules::ConfigError),
}

/// What one update did.
#[derive(Debug, Clone, Default)]
pub struct StreamUpdate {
    /// Whether the state was (re)built from every stored part in this update.
    pub rebuilt: bool,
    /// Parts read in this update.
    pub parts: usize,
    /// `orders` and `reviews` rows read in this update.
    pub rows: u64,
    /// Batches (`supplier/batch_id`) whose parts were read in this update.
    pub batches: Vec<String>,
    /// Account–merchant edges in the state after the update.
    pub edges: usize,
    /// New streamed findings, sorted by id.
    pub findings: Vec<Finding>,
    /// The run record they were stored under.
    pub run_id: Option<String>,
    /// What saving them did.
    pub summary: SaveSummary,
}

struct State {
    engine: BrushingStream,
    /// Parts read so far: path → (supplier, batch id, rows).
    read: BTreeMap<String, LakeFile>,
    /// The parameter values it was built with: when the values in force change (a stored
    /// setting takes effect), the state is rebuilt with the new ones.
    overrides: Overrides,
}

/// The stream's state and the store it saves to. One per server process; updates are serialised.
pub struct StreamDesk {
    store: Arc<dyn Store>,
    lake: PathBuf,
    overrides: Overrides,
    state: tokio::sync::Mutex<Option<State>>,
}

impl StreamDesk {
    /// A desk over `store` and the lake at `lake`, with parameter overrides (validated by the
    /// caller, as for `tianping detect`). Holds nothing until the first [`update`](Self::update).
    pub fn new(store: Arc<dyn Store>, lake: PathBuf, overrides: Overrides) -> StreamDesk {
        StreamDesk {
            store,
            lake,
            overrides,
            state: tokio::sync::Mutex::new(None),
        }
    }

    /// Reads the stored `orders` parts not read yet (all of them on the first call), re-peels,
    /// and stores the findings of merchants newly in a dense block, as of `as_of`; `started_at` is
    /// the run's start (both from the caller's clock).
    pub async fn update(&self, as_of: &str, started_at: &str) -> Result<StreamUpdate, StreamError> {
        let mut ctx = DetectCtx::new(as_of).ok_or_else(|| StreamError::BadAsOf(as_of.into()))?;
        // Parameters in force on the push's date: stored settings, then the server's
        // configuration file over them (as for `tianping detect`).
        ctx.overrides = self.overrides_in_force(&ctx.as_of_date).await?;
        let mut guard = self.state.lock().await;
        // Taken out: if anything below fails, the state is dropped and rebuilt next time.
        let (state, rebuilt) = match guard.take() {
            Some(state) if state.overrides == ctx.overrides => (state, false),
            _ => (self.fresh(&ctx).await?, true),
        };
        let mut files = Vec::new();
        for table in TABLES {
            files.extend(self.store.lake_files(Some(table)).await?);
        }
        let mut new: Vec<LakeFile> = files
            .into_iter()
            .filter(|f| !state.read.contains_key(&f.path))
            .collect();
        new.sort_by(|a, b| a.path.cmp(&b.path));
        let lake = self.lake.clone();
        let eval_ctx = ctx.clone();
        let version = FakeOrders.version();
        let (state, new, rows, findings) = tokio::task::spawn_blocking(move || {
            let mut state = state;
            let mut rows = 0;
            for f in &new {
                rows += read_part(&lake, f, &mut state.engine)?;
                state.read.insert(f.path.clone(), f.clone());
            }
            let findings = state.engine.evaluate(&eval_ctx, version);
            Ok::<_, StreamError>((state, new, rows, findings))
        })
        .await
        .map_err(|e| StreamError::Task(e.to_string()))??;
        let mut batches: Vec<String> = new
            .iter()
            .map(|f| format!("{}/{}", f.supplier, f.batch_id))
            .collect();
        batches.dedup();
        let mut update = StreamUpdate {
            rebuilt,
            parts: new.len(),
            rows,
            batches,
            edges: state.engine.size().2,
            findings,
            run_id: None,
            summary: SaveSummary::default(),
        };
        if !update.findings.is_empty() {
            // On failure the state (which counts these merchants as alerted) is dropped, so the
            // rebuild at the next update raises them again from what the store holds.
            let run = run_record(&ctx, &state, &update, started_at, version);
            let places = load_places(
                self.store.as_ref(),
                &self.lake,
                ctx.as_of_ns,
                Places::for_subjects(update.findings.iter().map(|f| &f.subject)),
            )
            .await?;
            let (stored, mut leaves) = stored_findings(&update.findings, &run, version, &places)?;
            // The audit chain's head is anchored with the run record (helper `loop`). A chain
            // that no longer verifies is not anchored; the server's anchoring schedule reports it.
            let at_ms = chrono::DateTime::parse_from_rfc3339(started_at)
                .map(|t| t.timestamp_millis())
                .map_err(|_| StreamError::BadAsOf(started_at.to_string()))?;
            match crate::audit_anchor::anchor_leaf(self.store.as_ref(), "system:stream", at_ms)
                .await
            {
                Ok(Some((_, leaf))) => leaves.push(leaf),
                Ok(None) | Err(crate::audit_anchor::AnchorError::Broken(_)) => {}
                Err(crate::audit_anchor::AnchorError::Store(e)) => return Err(e.into()),
            }
            update.summary = self
                .store
                .save_detection(&run, &stored, &[], &leaves)
                .await?;
            update.run_id = Some(run.run_id);
        }
        *guard = Some(state);
        Ok(update)
    }

    /// The parameter values in force on `date` (stored settings, then the configured overrides).
    async fn overrides_in_force(&self, date: &str) -> Result<Overrides, StreamError> {
        let settings = crate::params::stored_settings(self.store.as_ref()).await?;
        let versions: Vec<&tianping_detect::RuleVersion> = FakeOrders.rules().iter().collect();
        // Only this detector's settings matter here; the others are validated by their runs.
        let own: Vec<tianping_detect::rules::Setting> = settings
            .into_iter()
            .filter(|s| s.rule.starts_with("fake_orders."))
            .collect();
        let config: Overrides = self
            .overrides
            .iter()
            .filter(|(rule, _)| rule.starts_with("fake_orders."))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let (values, _) =
            tianping_detect::rules::effective_overrides(&own, &config, date, &versions)?;
        Ok(values)
    }

    /// A state with nothing read, knowing the merchants already alerted in the store.
    async fn fresh(&self, ctx: &DetectCtx) -> Result<State, StreamError> {
        let mut engine =
            BrushingStream::new(ctx).ok_or_else(|| StreamError::NoRule(ctx.as_of_date.clone()))?;
        for body in self.store.findings(&["fake_orders".to_string()]).await? {
            let f: Finding = serde_json::from_str(&body)
                .map_err(|e| StoreError::Decode(format!("stored finding: {e}")))?;
            if f.rule == RULE {
                engine.mark_alerted(
                    f.subject.platform_id.as_deref().unwrap_or(""),
                    &f.subject.id,
                );
            }
        }
        Ok(State {
            engine,
            read: BTreeMap::new(),
            overrides: ctx.overrides.clone(),
        })
    }
}

/// Reads one `orders` or `reviews` part's stream columns into the engine; returns its rows.
fn read_part(
    lake: &Path,
    part: &LakeFile,
    engine: &mut BrushingStream,
) -> Result<u64, StreamError> {
    let path = part.path.as_str();
    let reviews = part.table == "reviews";
    use parquet::arrow::ProjectionMask;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let fail = |error: String| StreamError::Read {
        path: path.to_string(),
        error,
    };
    let file = std::fs::File::open(lake.join(path)).map_err(|e| fail(e.to_string()))?;
    let builder =
        ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| fail(e.to_string()))?;
    let columns: &[&str] = if reviews { &REVIEW_COLUMNS } else { &COLUMNS };
    let mask = ProjectionMask::columns(builder.parquet_schema(), columns.iter().copied());
    let reader = builder
        .with_projection(mask)
        .build()
        .map_err(|e| fail(e.to_string()))?;
    let mut rows = 0;
    for batch in reader {
        let batch = batch.map_err(|e| fail(e.to_string()))?;
        rows += if reviews {
            engine.add_reviews(&batch).rows
        } else {
            engine.add_orders(&batch).rows
        };
    }
    Ok(rows)
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The run record of a streamed update.
fn run_record(
    ctx: &DetectCtx,
    state: &State,
    update: &StreamUpdate,
    started_at: &str,
    version: u32,
) -> DetectionRun {
    let own: BTreeMap<&String, &BTreeMap<String, f64>> = ctx
        .overrides
        .iter()
        .filter(|(rule, _)| rule.as_str() == RULE)
        .collect();
    let params = json!({"mode": "stream", "rule": RULE, "overrides": own}).to_string();
    let all_batches: std::collections::BTreeSet<(&str, &str)> = state
        .read
        .values()
        .map(|f| (f.supplier.as_str(), f.batch_id.as_str()))
        .collect();
    let data: Vec<(&String, u64)> = state.read.values().map(|f| (&f.path, f.rows)).collect();
    DetectionRun {
        run_id: uuid::Uuid::new_v4().simple().to_string(),
        as_of: ctx.as_of.clone(),
        started_at: started_at.to_string(),
        detectors: json!([{
            "id": "fake_orders",
            "version": version,
            "mode": "stream",
            "rule": RULE,
            "skipped": false,
            "findings": update.findings.len(),
            "rebuilt": update.rebuilt,
            "batches_read": update.batches,
            "batches_total": all_batches.len(),
            "parts_total": state.read.len(),
            "rows_read": {"orders_and_reviews": update.rows},
            "edges": update.edges,
        }])
        .to_string(),
        params_sha256: sha256_hex(params.as_bytes()),
        params,
        data_sha256: sha256_hex(json!(data).to_string().as_bytes()),
        findings: update.findings.len() as u64,
        new_findings: 0,
    }
}

/// Feeds `places` the reference tables' parts, each key's row the latest delivered at or before
/// `as_of_ns` (else its earliest after): the same order as `tianping_engine::load_places` (that
/// crate links DataFusion, which the service must not), read with the parquet reader on a
/// blocking thread (the store is asked first, on this task).
async fn load_places(
    store: &dyn Store,
    lake: &Path,
    as_of_ns: i64,
    mut places: Places,
) -> Result<Places, StreamError> {
    let mut feed: Vec<(&'static str, &'static [&'static str], String)> = Vec::new();
    let mut received: BTreeMap<(String, String), Option<i64>> = BTreeMap::new();
    for (table, columns) in PLACE_INPUTS {
        let mut parts = Vec::new();
        for f in store.lake_files(Some(table)).await? {
            let key = (f.supplier.clone(), f.batch_id.clone());
            let at = match received.get(&key) {
                Some(at) => *at,
                None => {
                    let at = store
                        .find_batch(&f.supplier, &f.batch_id)
                        .await?
                        .and_then(|b| DetectCtx::new(&b.received_at).map(|c| c.as_of_ns));
                    received.insert(key, at);
                    at
                }
            };
            if let Some(at) = at {
                parts.push((at, f.supplier, f.batch_id, f.path));
            }
        }
        parts.sort();
        let by_then = parts.partition_point(|p| p.0 <= as_of_ns);
        let after = parts.split_off(by_then);
        for (_, _, _, path) in after.into_iter().rev().chain(parts) {
            feed.push((table, columns, path));
        }
    }
    let lake = lake.to_path_buf();
    tokio::task::spawn_blocking(move || {
        for (table, columns, path) in feed {
            let batches = tianping_lake::read_columns(&lake, &path, columns)
                .map_err(|error| StreamError::Read { path, error })?;
            for batch in &batches {
                places.add(table, batch);
            }
        }
        Ok(places)
    })
    .await
    .map_err(|e| StreamError::Task(e.to_string()))?
}

/// The findings as stored, and the leaves of the run (its `DetectionRun` entry) to append with
/// them; each finding's own leaf travels in its `StoredFinding`. The same entries as
/// `tianping-engine` writes for a batch run (that crate links DataFusion, which the service
/// must not).
fn stored_findings(
    findings: &[Finding],
    run: &DetectionRun,
    version: u32,
    places: &Places,
) -> Result<(Vec<StoredFinding>, Vec<NewLeaf>), StoreError> {
    use tianping_evidence::{Entry, Hash, HashAlg};
    let hash = |hex: &str| {
        Hash::from_hex(hex).ok_or_else(|| StoreError::Decode(format!("{hex:?} is not a SHA-256")))
    };
    let mut stored = Vec::with_capacity(findings.len());
    let mut digest = HashAlg::Sha256.hasher();
    for f in findings {
        let value = serde_json::to_value(f).map_err(|e| StoreError::Decode(e.to_string()))?;
        let bytes = tianping_detect::finding::canonical_json(&value).into_bytes();
        digest.update(&bytes);
        digest.update(b"\n");
        let entry = Entry::Finding {
            finding_id: f.finding_id.clone(),
            rule: f.rule.clone(),
            evidence_sha256: hash(&f.evidence_sha256)?,
            finding_sha256: HashAlg::Sha256.digest(&bytes),
            finding_sm3: HashAlg::Sm3.digest(&bytes),
        };
        stored.push(StoredFinding {
            finding_id: f.finding_id.clone(),
            detector: f.detector.clone(),
            rule: f.rule.clone(),
            severity: f.severity.as_str().to_string(),
            subject_kind: f.subject.kind.as_str().to_string(),
            subject_platform: f.subject.platform_id.clone(),
            subject_id: f.subject.id.clone(),
            body: serde_json::to_string(f).map_err(|e| StoreError::Decode(e.to_string()))?,
            evidence_sha256: f.evidence_sha256.clone(),
            region: places.place_of(&f.subject),
            leaf: NewLeaf::from_entry(format!("finding:{}", f.finding_id), &entry)?,
        });
    }
    let as_of_ms = DetectCtx::new(&run.as_of)
        .map(|c| c.as_of_ns.div_euclid(1_000_000))
        .unwrap_or_default();
    let entry = Entry::DetectionRun {
        run_id: run.run_id.clone(),
        detector: "fake_orders".to_string(),
        detector_version: version,
        input_sha256: hash(&run.data_sha256)?,
        findings_sha256: digest.finish(),
        as_of_ms,
    };
    let leaf = NewLeaf::from_entry(format!("run:{}/fake_orders", run.run_id), &entry)?;
    Ok((stored, vec![leaf]))
}
