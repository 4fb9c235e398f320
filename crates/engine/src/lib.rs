//! The detection engine: runs the registered detectors over the lake as of a time, and records
//! the run and its findings in the store.
//!
//! For each detector, the engine runs the queries the detector declares (its tables and columns,
//! rows at or before `as_of`) with DataFusion, and hands the results to the detector's pure
//! analysis. A detector whose inputs, version, parameters and rules in force are the same as on its
//! last run is not run again (its findings are already stored); findings are stored once per
//! stable id, so a second run never duplicates them.
//!
//! The queries run embedded (a DataFusion session in this process) or on a Ballista cluster
//! ([`Placement::Cluster`], a session built by `tianping-cluster`): the same logical plans
//! ([`plan`]), the same tables over the same parts; only what the queries return comes back to
//! this process for the pure analysis: the projected, `as_of`-filtered columns a detector
//! declares, restricted or aggregated by the [`tianping_detect::Reduction`]s it declares
//! (validated at start-up; `DetectRequest::no_reduce` turns them off, for comparison). A run whose
//! query fails (an executor lost beyond Ballista's retries, the scheduler gone) stores nothing:
//! the run record and all its findings are saved in one store transaction after every detector
//! has finished.

pub mod plan;

use std::collections::BTreeMap;

use serde_json::json;
use sha2::{Digest, Sha256};
use tianping_detect::places::{PLACE_INPUTS, Places};
use tianping_detect::rules::{ConfigError, validate_lists, validate_overrides};
use tianping_detect::{DetectCtx, Detector, Finding, FindingSink, InputData, Lists, Overrides};
use tianping_query::{Lake, LakePart, QueryError};
use tianping_store::{
    DetectionRun, LakeFile, NewLeaf, SaveSummary, Store, StoreError, StoredFinding,
};

/// Why a detection could not run.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// A detector id that is not registered (the user's error).
    #[error("unknown detector {0:?}; registered: {1}")]
    UnknownDetector(String, String),
    /// `as_of` is not an RFC 3339 time (the user's error).
    #[error("--as-of {0:?} is not an RFC 3339 time with an offset")]
    BadAsOf(String),
    /// The parameter configuration is invalid (the user's error).
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A detector's reduction declaration cannot run (a defect of the detector).
    #[error(transparent)]
    Reduce(#[from] tianping_detect::reduce::ReduceError),
    /// The query engine failed.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A reference table's part could not be read for the findings' places.
    #[error("reading the lake for the findings' places: {0}")]
    Places(String),
    /// A query placed on the cluster failed (an executor lost and its work not recovered, the
    /// scheduler gone): the run stops before anything of it is stored.
    #[error(
        "集群执行失败：检测器 {detector} 读取 {table} 的查询在集群上失败，本次检测未保存任何结果 \
         the cluster failed: detector {detector}'s query of {table} failed on the cluster; nothing \
         of this run was stored: {message}"
    )]
    Cluster {
        /// The detector whose query failed.
        detector: String,
        /// The table it was reading.
        table: String,
        /// What the cluster said.
        message: String,
    },
}

/// What to run.
#[derive(Debug, Clone, Default)]
pub struct DetectRequest {
    /// RFC 3339.
    pub as_of: String,
    /// Detector ids; empty for all.
    pub detectors: Vec<String>,
    /// Parameter overrides.
    pub overrides: Overrides,
    /// Configured lists (allow-lists).
    pub lists: Lists,
    /// Run even detectors whose inputs did not change.
    pub force: bool,
    /// Fetch every declared input as plain projected rows, ignoring the detectors' reductions
    /// (findings are the same; only more comes back). For measuring what reductions save.
    pub no_reduce: bool,
    /// Leaves appended after the run's own, in the transaction that writes the run record: the
    /// audit chain's head (`tianping_service::audit_anchor::anchor_leaf`), so every detection run
    /// anchors the audit log.
    pub anchor_leaves: Vec<NewLeaf>,
}

/// What one detector did in a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetectorReport {
    /// Detector id.
    pub id: String,
    /// Its version.
    pub version: u32,
    /// Whether it was skipped because nothing it reads changed.
    pub skipped: bool,
    /// Rows its queries returned to this process, per table (after reductions).
    pub rows_read: BTreeMap<String, u64>,
    /// Arrow bytes its queries returned, per table (`RecordBatch::get_array_memory_size`; may
    /// differ between placements, so it is reported, never recorded in the run).
    pub bytes_returned: BTreeMap<String, u64>,
    /// Tables it received reduced (restricted or aggregated) rather than as plain rows.
    pub reduced: Vec<String>,
    /// Findings it produced (0 when skipped).
    pub findings: u64,
    /// Wall time of its declared queries (the scan of the columns it reads: the floor).
    pub scan: std::time::Duration,
    /// Wall time of its analysis.
    pub analysis: std::time::Duration,
}

/// What a run did.
#[derive(Debug, Clone)]
pub struct RunReport {
    /// The run record as stored.
    pub run: DetectionRun,
    /// Per detector.
    pub detectors: Vec<DetectorReport>,
    /// New, unchanged and changed findings.
    pub summary: SaveSummary,
    /// The findings this run produced, sorted by id.
    pub findings: Vec<Finding>,
    /// The parameter values applied other than the code's defaults (rule → name → value), as
    /// recorded in the run's `params`.
    pub param_values: Overrides,
    /// Where each of them comes from (a stored setting or the run's configuration).
    pub param_sources: tianping_detect::rules::Sources,
}

fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// Checks every registered detector's reductions against its inputs and the lake's schemas.
pub fn validate_reductions() -> Result<(), EngineError> {
    let schema_of = |t: &str| tianping_domain::schema::table(t).map(tianping_lake::arrow_schema);
    for d in tianping_detectors::all() {
        tianping_detect::reduce::validate(d.id(), d.inputs(), d.reductions(), &schema_of)?;
    }
    Ok(())
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The detectors a request selects, in registry order.
pub fn select(ids: &[String]) -> Result<Vec<Box<dyn Detector>>, EngineError> {
    let all = tianping_detectors::all();
    let registered: Vec<&str> = all.iter().map(|d| d.id()).collect();
    for id in ids {
        if !registered.contains(&id.as_str()) {
            return Err(EngineError::UnknownDetector(
                id.clone(),
                registered.join(", "),
            ));
        }
    }
    Ok(all
        .into_iter()
        .filter(|d| ids.is_empty() || ids.iter().any(|id| id == d.id()))
        .collect())
}

/// Where the detectors' declared queries run.
pub enum Placement {
    /// In this process.
    Embedded,
    /// On a cluster: a session whose queries run remotely (the lake root must be the same path
    /// on every executor).
    Cluster(tianping_query::datafusion::prelude::SessionContext),
}

/// Runs a detection over the lake at `lake_root` in this process and records it; `started_at`
/// comes from the caller (the clock is read outside the engine).
pub async fn run(
    lake_root: &std::path::Path,
    store: &dyn Store,
    request: &DetectRequest,
    started_at: &str,
) -> Result<RunReport, EngineError> {
    run_on(Placement::Embedded, lake_root, store, request, started_at).await
}

/// Runs a detection with its queries placed as `placement` says, and records it. The findings
/// do not depend on the placement.
pub async fn run_on(
    placement: Placement,
    lake_root: &std::path::Path,
    store: &dyn Store,
    request: &DetectRequest,
    started_at: &str,
) -> Result<RunReport, EngineError> {
    let mut ctx = DetectCtx::new(&request.as_of)
        .ok_or_else(|| EngineError::BadAsOf(request.as_of.clone()))?;
    let detectors = select(&request.detectors)?;
    let all_versions = tianping_detectors::rule_versions();
    validate_overrides(&request.overrides, &all_versions)?;
    // Parameters as of the run's date: the code's defaults, the stored settings in force, then
    // the request's configuration (highest). The run records each non-default value's source.
    let stored = stored_settings(store).await?;
    let (overrides, sources) = tianping_detect::rules::effective_overrides(
        &stored,
        &request.overrides,
        &ctx.as_of_date,
        &all_versions,
    )?;
    ctx.overrides = overrides;
    let list_defs: Vec<&tianping_detect::ListDef> = tianping_detectors::all()
        .iter()
        .flat_map(|d| d.lists().iter())
        .collect();
    validate_lists(&request.lists, &list_defs)?;
    ctx.lists = request.lists.clone();
    validate_reductions()?;
    let files = store.lake_files(None).await?;
    let parts: Vec<LakePart> = files
        .iter()
        .map(|f| LakePart {
            table: f.table.clone(),
            path: f.path.clone(),
        })
        .collect();
    let on_cluster = matches!(placement, Placement::Cluster(_));
    // A failed query on the cluster names the cluster, the detector and the table; embedded, the
    // query error as it is.
    let query_failed = |detector: &str, table: &str, e: QueryError| {
        if on_cluster {
            EngineError::Cluster {
                detector: detector.to_string(),
                table: table.to_string(),
                message: e.to_string(),
            }
        } else {
            EngineError::Query(e)
        }
    };
    let lake = match placement {
        Placement::Embedded => Lake::open(lake_root, &parts).await?,
        Placement::Cluster(ctx) => Lake::open_on_cluster(ctx, lake_root, &parts).await?,
    };
    // `[values, lists, sources]`: the parameter values applied other than defaults, the lists,
    // and where each value comes from (`setting` with its id and first day, or `config`).
    let params_json =
        serde_json::to_string(&(&ctx.overrides, &request.lists, &sources)).unwrap_or_default();

    let mut reports = Vec::new();
    let mut findings: Vec<Finding> = Vec::new();
    // One `DetectionRun` leaf per detector that ran: its input fingerprint and its findings.
    let mut run_entries: Vec<(String, tianping_evidence::Entry)> = Vec::new();
    let mut fingerprints = Vec::new();
    let mut data_hasher = Sha256::new();
    for detector in &detectors {
        let tables: Vec<&str> = detector.inputs().iter().map(|i| i.table).collect();
        let used: Vec<&LakeFile> = files
            .iter()
            .filter(|f| tables.contains(&f.table.as_str()))
            .collect();
        // The latest time in the inputs bounds what `as_of` can change.
        let mut latest: i64 = i64::MIN;
        for input in detector.inputs() {
            if let Some(col) = input.time_column {
                let sql = format!(
                    "SELECT CAST(max({}) AS BIGINT) AS t FROM {}",
                    quote(col),
                    quote(input.table)
                );
                let batches = lake
                    .collect(&sql)
                    .await
                    .map_err(|e| query_failed(detector.id(), input.table, e))?;
                for batch in batches {
                    let c = tianping_detect::columns::Columns::new(&batch);
                    for row in 0..c.len() {
                        latest = latest.max(c.i64("t", row).unwrap_or(i64::MIN));
                    }
                }
            }
        }
        let effective_as_of = if detector.as_of_sensitive() {
            ctx.as_of_ns
        } else {
            ctx.as_of_ns.min(latest)
        };
        let rules_in_force: Vec<&str> = detector
            .rules()
            .iter()
            .filter(|v| v.in_force(&ctx.as_of_date))
            .map(|v| v.effective_from)
            .collect();
        let own_params: BTreeMap<&String, &BTreeMap<String, f64>> = ctx
            .overrides
            .iter()
            .filter(|(rule, _)| rule.starts_with(&format!("{}.", detector.id())))
            .collect();
        let fingerprint = sha256_hex(
            &json!({
                "detector": detector.id(),
                "version": detector.version(),
                "files": used.iter().map(|f| (&f.path, f.rows)).collect::<Vec<_>>(),
                "effective_as_of": effective_as_of,
                "rules_in_force": rules_in_force,
                "params": own_params,
                "lists": request.lists.iter()
                    .filter(|(rule, _)| rule.starts_with(&format!("{}.", detector.id())))
                    .collect::<BTreeMap<_, _>>(),
            })
            .to_string(),
        );
        data_hasher.update(fingerprint.as_bytes());
        let unchanged = store.detector_fingerprint(detector.id()).await?.as_deref()
            == Some(fingerprint.as_str());
        if unchanged && !request.force {
            reports.push(DetectorReport {
                id: detector.id().to_string(),
                version: detector.version(),
                skipped: true,
                rows_read: BTreeMap::new(),
                bytes_returned: BTreeMap::new(),
                reduced: Vec::new(),
                findings: 0,
                scan: std::time::Duration::ZERO,
                analysis: std::time::Duration::ZERO,
            });
            continue;
        }
        // Durations are for the operator's report only: never part of a finding or the run record.
        let scan_started = std::time::Instant::now();
        let mut data = InputData::default();
        let mut rows_read = BTreeMap::new();
        let mut bytes_returned = BTreeMap::new();
        let reductions = if request.no_reduce {
            &[][..]
        } else {
            detector.reductions()
        };
        for input in detector.inputs() {
            let frame = plan::input_frame(
                lake.context(),
                input,
                detector.inputs(),
                reductions,
                ctx.as_of_ns,
            )
            .await
            .map_err(|e| query_failed(detector.id(), input.table, QueryError::from(e)))?;
            let batches = frame
                .collect()
                .await
                .map_err(|e| query_failed(detector.id(), input.table, QueryError::from(e)))?;
            rows_read.insert(
                input.table.to_string(),
                batches.iter().map(|b| b.num_rows() as u64).sum(),
            );
            bytes_returned.insert(
                input.table.to_string(),
                batches
                    .iter()
                    .map(|b| b.get_array_memory_size() as u64)
                    .sum(),
            );
            data.tables.insert(input.table.to_string(), batches);
        }
        let scan = scan_started.elapsed();
        let analysis_started = std::time::Instant::now();
        let mut sink = FindingSink::new(detector.id(), detector.version());
        detector.detect(&ctx, &data, &mut sink);
        let produced = sink.into_findings();
        let analysis = analysis_started.elapsed();
        run_entries.push((
            detector.id().to_string(),
            tianping_evidence::Entry::DetectionRun {
                run_id: String::new(), // set below, once the run id exists
                detector: detector.id().to_string(),
                detector_version: detector.version(),
                input_sha256: hash_of_hex(&fingerprint)?,
                findings_sha256: findings_digest(&produced),
                as_of_ms: ctx.as_of_ns.div_euclid(1_000_000),
            },
        ));
        reports.push(DetectorReport {
            id: detector.id().to_string(),
            version: detector.version(),
            skipped: false,
            rows_read,
            bytes_returned,
            reduced: reductions.iter().map(|r| r.table.to_string()).collect(),
            findings: produced.len() as u64,
            scan,
            analysis,
        });
        fingerprints.push((detector.id().to_string(), fingerprint));
        findings.extend(produced);
    }
    findings.sort_by(|a, b| a.finding_id.cmp(&b.finding_id));
    let run = DetectionRun {
        run_id: uuid::Uuid::new_v4().simple().to_string(),
        as_of: request.as_of.clone(),
        started_at: started_at.to_string(),
        detectors: serde_json::to_string(
            &reports
                .iter()
                .map(|r| json!({"id": r.id, "version": r.version, "skipped": r.skipped, "findings": r.findings, "rows_read": r.rows_read}))
                .collect::<Vec<_>>(),
        )
        .unwrap_or_default(),
        params_sha256: sha256_hex(&params_json),
        params: params_json,
        data_sha256: hex::encode(data_hasher.finalize()),
        findings: findings.len() as u64,
        new_findings: 0,
    };
    let mut run_leaves = Vec::with_capacity(run_entries.len());
    for (detector, mut entry) in run_entries {
        if let tianping_evidence::Entry::DetectionRun { run_id, .. } = &mut entry {
            *run_id = run.run_id.clone();
        }
        run_leaves.push(NewLeaf::from_entry(
            format!("run:{}/{detector}", run.run_id),
            &entry,
        )?);
    }
    // 属地管辖: where each finding's subject is, from the reference tables as delivered by
    // `as_of` (outside the detectors, which know nothing of places).
    let places = if findings.is_empty() {
        Places::default()
    } else {
        load_places(
            store,
            lake_root,
            ctx.as_of_ns,
            Places::for_subjects(findings.iter().map(|f| &f.subject)),
        )
        .await?
    };
    let mut stored: Vec<StoredFinding> = Vec::with_capacity(findings.len());
    for f in &findings {
        stored.push(StoredFinding {
            finding_id: f.finding_id.clone(),
            detector: f.detector.clone(),
            rule: f.rule.clone(),
            severity: f.severity.as_str().to_string(),
            subject_kind: f.subject.kind.as_str().to_string(),
            subject_platform: f.subject.platform_id.clone(),
            subject_id: f.subject.id.clone(),
            body: serde_json::to_string(f).unwrap_or_default(),
            evidence_sha256: f.evidence_sha256.clone(),
            region: places.place_of(&f.subject),
            leaf: finding_leaf(f)?,
        });
    }
    run_leaves.extend(request.anchor_leaves.iter().cloned());
    let summary = store
        .save_detection(&run, &stored, &fingerprints, &run_leaves)
        .await?;
    let mut run = run;
    run.new_findings = summary.new;
    Ok(RunReport {
        run,
        detectors: reports,
        summary,
        findings,
        param_values: ctx.overrides,
        param_sources: sources,
    })
}

/// Feeds `places` the reference tables' parts ([`PLACE_INPUTS`]) so that each key's row is the
/// latest delivered at or before `as_of_ns` (the detectors read reference tables whatever their
/// delivery time, so a key first delivered after `as_of` takes its earliest row after it): per
/// table, the parts received after `as_of` newest first, then those received by it oldest first
/// (receipt time, then supplier, batch id and path), a later-fed row replacing an earlier. The
/// same order as `tianping_service::stream`'s, which reads them for streamed findings.
pub async fn load_places(
    store: &dyn Store,
    lake_root: &std::path::Path,
    as_of_ns: i64,
    mut places: Places,
) -> Result<Places, EngineError> {
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
            let batches = tianping_lake::read_columns(lake_root, &path, columns)
                .map_err(EngineError::Places)?;
            for batch in &batches {
                places.add(table, batch);
            }
        }
    }
    Ok(places)
}

/// Every stored parameter setting, as resolution takes them (the same conversion as
/// `tianping_service::params`, which this crate does not link: the façade sits above it).
pub async fn stored_settings(
    store: &dyn Store,
) -> Result<Vec<tianping_detect::rules::Setting>, StoreError> {
    Ok(store
        .param_settings(None)
        .await?
        .into_iter()
        .map(|r| tianping_detect::rules::Setting {
            id: r.setting_id,
            rule: r.setting.rule,
            param: r.setting.param,
            value: r.setting.value,
            effective_from: r.setting.effective_from,
        })
        .collect())
}

/// A 64-hex-digit digest as a log hash (our own fingerprints and evidence hashes always are).
fn hash_of_hex(hex: &str) -> Result<tianping_evidence::Hash, EngineError> {
    tianping_evidence::Hash::from_hex(hex)
        .ok_or_else(|| EngineError::Store(StoreError::Decode(format!("{hex:?} is not a SHA-256"))))
}

/// The canonical bytes of a finding: what its `Finding` leaf's digests are over and what an
/// evidence bundle carries as its content.
pub fn finding_canonical_bytes(finding: &Finding) -> Vec<u8> {
    let value = serde_json::to_value(finding).unwrap_or(serde_json::Value::Null);
    tianping_detect::finding::canonical_json(&value).into_bytes()
}

/// The finding's evidence-log leaf: its id, rule, evidence hash, and SHA-256 and SM3 of its
/// canonical JSON.
fn finding_leaf(finding: &Finding) -> Result<NewLeaf, EngineError> {
    use tianping_evidence::HashAlg;
    let bytes = finding_canonical_bytes(finding);
    let entry = tianping_evidence::Entry::Finding {
        finding_id: finding.finding_id.clone(),
        rule: finding.rule.clone(),
        evidence_sha256: hash_of_hex(&finding.evidence_sha256)?,
        finding_sha256: HashAlg::Sha256.digest(&bytes),
        finding_sm3: HashAlg::Sm3.digest(&bytes),
    };
    Ok(NewLeaf::from_entry(
        format!("finding:{}", finding.finding_id),
        &entry,
    )?)
}

/// SHA-256 over a detector's findings as canonical JSON Lines, in id order.
fn findings_digest(findings: &[Finding]) -> tianping_evidence::Hash {
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by(|a, b| a.finding_id.cmp(&b.finding_id));
    let mut hasher = tianping_evidence::HashAlg::Sha256.hasher();
    for f in sorted {
        hasher.update(&finding_canonical_bytes(f));
        hasher.update(b"\n");
    }
    hasher.finish()
}
