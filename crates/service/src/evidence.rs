//! The installation's evidence log (电子存证) over the store: its signing key, signed tree heads,
//! the full check of the stored log against earlier heads, and evidence bundles.
//!
//! The leaves themselves are appended by the store in the transaction of what they attest (a
//! batch's commit, a detection run, a case event); this module only reads them. One sequence of
//! leaves is two logs, SHA-256 and SM3: every head is signed for both.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use tianping_evidence::bundle::HeadJson;
use tianping_evidence::{
    Entry, ExportItem, ExportRequest, Hash, HashAlg, LeafStore, Log, PublicKey, SignedTreeHead,
    SigningKey,
};
use tianping_store::{Store, StoreError, StoredHead};

use crate::Home;

/// Leaf hashes read per query when loading a log.
const CHUNK: u64 = 100_000;

/// Errors of the evidence service.
#[derive(Debug, thiserror::Error)]
pub enum EvidenceError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The log or a proof failed.
    #[error(transparent)]
    Log(#[from] tianping_evidence::LogError),
    /// Exporting a bundle failed.
    #[error(transparent)]
    Export(#[from] tianping_evidence::bundle::ExportError),
    /// The key file.
    #[error("evidence key {path}: {reason}")]
    Key {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A request that names something the log does not have.
    #[error("{0}")]
    NotFound(String),
}

/// The installation's head-signing key, kept in `<home>/keys/evidence-ed25519.seed` (hex, mode
/// 0600), created on first use from the operating system's CSPRNG.
pub struct EvidenceKey {
    key: SigningKey,
    log_id: String,
}

impl std::fmt::Debug for EvidenceKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EvidenceKey({})", self.log_id)
    }
}

impl EvidenceKey {
    /// Loads the key, creating it (and `keys/`) if the home has none.
    pub fn load_or_create(home: &Home) -> Result<EvidenceKey, EvidenceError> {
        let dir = home.root().join("keys");
        let path = dir.join("evidence-ed25519.seed");
        let key_err = |reason: String| EvidenceError::Key {
            path: path.clone(),
            reason,
        };
        let key = match std::fs::read_to_string(&path) {
            Ok(text) => {
                let bytes = hex::decode(text.trim())
                    .map_err(|_| key_err("not 64 hexadecimal digits".into()))?;
                let seed: [u8; 32] = bytes
                    .try_into()
                    .map_err(|_| key_err("not 64 hexadecimal digits".into()))?;
                SigningKey::from_seed(&seed)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(&dir).map_err(|e| key_err(e.to_string()))?;
                let mut seed = [0u8; 32];
                getrandom::fill(&mut seed).map_err(|e| key_err(format!("no randomness: {e}")))?;
                let key = SigningKey::from_seed(&seed);
                write_secret(&path, hex::encode(seed).as_bytes())
                    .map_err(|e| key_err(e.to_string()))?;
                key
            }
            Err(e) => return Err(key_err(e.to_string())),
        };
        Ok(EvidenceKey::from_key(key))
    }

    /// A key given directly (tests, and keys held elsewhere).
    pub fn from_key(key: SigningKey) -> EvidenceKey {
        let id = key.public_key().key_id().to_hex();
        EvidenceKey {
            log_id: format!("tianping/{}", &id[..16]),
            key,
        }
    }

    /// The log id every head names: `tianping/` and the first 16 hex digits of the key id.
    pub fn log_id(&self) -> &str {
        &self.log_id
    }

    /// The public key, to publish with the heads.
    pub fn public_key(&self) -> PublicKey {
        self.key.public_key()
    }

    /// The signing key.
    pub fn signing_key(&self) -> &SigningKey {
        &self.key
    }
}

fn write_secret(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    if let Some(parent) = path.parent() {
        std::fs::File::open(parent)?.sync_all()?;
    }
    Ok(())
}

/// A read-only snapshot of the stored log for one algorithm: every leaf hash, and the data of the
/// leaves fetched for an export.
#[derive(Debug, Default)]
pub struct Snapshot {
    hashes: Vec<Hash>,
    data: BTreeMap<u64, Vec<u8>>,
}

impl LeafStore for Snapshot {
    fn size(&self) -> u64 {
        self.hashes.len() as u64
    }

    fn append(&mut self, _: &Hash, _: &[u8]) -> Result<u64, tianping_evidence::StoreError> {
        Err(tianping_evidence::StoreError::Backend(
            "a snapshot of the stored log is read-only; the store appends".into(),
        ))
    }

    fn leaf_hash_at(&self, index: u64) -> Result<Hash, tianping_evidence::StoreError> {
        self.hashes
            .get(index as usize)
            .copied()
            .ok_or(tianping_evidence::StoreError::OutOfRange {
                index,
                size: self.size(),
            })
    }

    fn leaf_data_at(&self, index: u64) -> Result<Vec<u8>, tianping_evidence::StoreError> {
        self.data.get(&index).cloned().ok_or_else(|| {
            tianping_evidence::StoreError::Backend(format!("leaf {index} was not fetched"))
        })
    }
}

/// Loads the stored log of `alg` (every leaf hash; no data).
pub async fn load_log(store: &dyn Store, alg: HashAlg) -> Result<Log<Snapshot>, EvidenceError> {
    let size = store.evidence_size().await?;
    let mut snapshot = Snapshot::default();
    let mut start = 0;
    while start < size {
        let end = size.min(start + CHUNK);
        for h in store.evidence_hashes(alg, start, end).await? {
            snapshot.hashes.push(Hash(h));
        }
        start = end;
    }
    Ok(Log::open(alg, snapshot)?)
}

/// Signs the current head of `alg`'s log at `timestamp_ms` and records it; a head of the same
/// size already recorded is returned instead (a head is re-signed only when the log grew).
pub async fn current_head(
    store: &dyn Store,
    key: &EvidenceKey,
    alg: HashAlg,
    timestamp_ms: i64,
) -> Result<SignedTreeHead, EvidenceError> {
    let log = load_log(store, alg).await?;
    head_of(store, key, &log, timestamp_ms).await
}

/// The recorded head of `log`'s current size, or a new one signed at `timestamp_ms`.
async fn head_of(
    store: &dyn Store,
    key: &EvidenceKey,
    log: &Log<Snapshot>,
    timestamp_ms: i64,
) -> Result<SignedTreeHead, EvidenceError> {
    if let Some(last) = store.heads(log.alg().name()).await?.last()
        && last.tree_size == log.size()
        && let Some(signed) = decode_head(last)
        && signed.head.root == log.root()
        && key.public_key().verify_head(&signed).is_ok()
    {
        return Ok(signed);
    }
    let signed = key
        .signing_key()
        .sign_head(&log.head(key.log_id(), timestamp_ms));
    store.save_head(&stored_head(&signed)).await?;
    Ok(signed)
}

/// The stored form of a signed head.
pub fn stored_head(signed: &SignedTreeHead) -> StoredHead {
    let json = HeadJson::from_signed(signed);
    StoredHead {
        hash_alg: signed.head.alg.name().to_string(),
        tree_size: signed.head.size,
        timestamp_ms: signed.head.timestamp_ms,
        root: signed.head.root.to_hex(),
        signed: serde_json::to_string(&json).unwrap_or_default(),
    }
}

/// A stored head, parsed (None when its JSON is not a signed head).
pub fn decode_head(stored: &StoredHead) -> Option<SignedTreeHead> {
    serde_json::from_str::<HeadJson>(&stored.signed)
        .ok()?
        .to_signed()
        .ok()
}

/// One problem the check found, in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckFailure {
    /// The leaf or head concerned.
    pub place: String,
    /// 中文说明.
    pub message: String,
    /// English.
    pub message_en: String,
}

/// What [`check`] found.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// Leaves in the store.
    pub size: u64,
    /// Leaves whose data re-hashed to both stored hashes and decoded as an entry.
    pub leaves_ok: u64,
    /// Heads (stored and given) whose signature verified and whose root the stored leaves
    /// reproduce.
    pub heads_ok: u64,
    /// Every failure.
    pub failures: Vec<CheckFailure>,
}

impl CheckReport {
    /// True when nothing failed.
    pub fn ok(&self) -> bool {
        self.failures.is_empty()
    }

    fn fail(&mut self, place: String, message: String, message_en: String) {
        self.failures.push(CheckFailure {
            place,
            message,
            message_en,
        });
    }
}

/// Checks the stored log: every leaf's data re-hashed with both algorithms and decoded; every
/// recorded head and every `earlier` head (published, witnessed) signed by `key` and reproduced by
/// the stored leaves; every anchored audit head reproduced by the audit rows as stored
/// (`crate::audit_anchor`). Any edit, deletion, insertion or reordering of stored leaves under a head,
/// and any truncation below it, fails at least one of these.
pub async fn check(
    store: &dyn Store,
    key: &PublicKey,
    earlier: &[SignedTreeHead],
) -> Result<CheckReport, EvidenceError> {
    let mut report = CheckReport::default();
    let size = store.evidence_size().await?;
    report.size = size;
    let mut logs = Vec::new();
    for alg in [HashAlg::Sha256, HashAlg::Sm3] {
        let mut snapshot = Snapshot::default();
        let mut start = 0;
        while start < size {
            let end = size.min(start + CHUNK);
            let leaves = store.evidence_leaves(start, end).await?;
            let mut expected = start;
            for leaf in &leaves {
                if leaf.index != expected {
                    report.fail(
                        format!("leaf {expected}"),
                        format!("存证记录 {expected} 缺失（下一条为 {}）", leaf.index),
                        format!("leaf {expected} is missing (next is {})", leaf.index),
                    );
                    // Keep the tree's shape: a missing leaf cannot reproduce any head.
                    while expected < leaf.index {
                        snapshot.hashes.push(Hash([0; 32]));
                        expected += 1;
                    }
                }
                let computed = alg.leaf_hash(&leaf.data);
                let stored = Hash(leaf.hash(alg));
                if computed != stored {
                    report.fail(
                        format!("leaf {}", leaf.index),
                        format!(
                            "存证记录 {} 的内容与其 {} 哈希不符（计算 {}，存储 {}）",
                            leaf.index,
                            alg.name(),
                            computed.to_hex(),
                            stored.to_hex()
                        ),
                        format!(
                            "leaf {}: data hashes to {} with {}, stored {}",
                            leaf.index,
                            computed.to_hex(),
                            alg.name(),
                            stored.to_hex()
                        ),
                    );
                } else if alg == HashAlg::Sha256 {
                    match Entry::decode(&leaf.data) {
                        Ok(entry) if entry.kind() == leaf.kind => report.leaves_ok += 1,
                        Ok(entry) => report.fail(
                            format!("leaf {}", leaf.index),
                            format!(
                                "存证记录 {} 的类型为 {}，登记为 {}",
                                leaf.index,
                                entry.kind(),
                                leaf.kind
                            ),
                            format!(
                                "leaf {} is a {} entry, recorded as {}",
                                leaf.index,
                                entry.kind(),
                                leaf.kind
                            ),
                        ),
                        Err(e) => report.fail(
                            format!("leaf {}", leaf.index),
                            format!("存证记录 {} 无法解码：{e}", leaf.index),
                            format!("leaf {} does not decode: {e}", leaf.index),
                        ),
                    }
                }
                // The tree is rebuilt from the data, not from the stored hash: a leaf whose
                // stored hash was edited along with its data still changes the root.
                snapshot.hashes.push(computed);
                expected += 1;
            }
            while expected < end {
                report.fail(
                    format!("leaf {expected}"),
                    format!("存证记录 {expected} 缺失"),
                    format!("leaf {expected} is missing"),
                );
                snapshot.hashes.push(Hash([0; 32]));
                expected += 1;
            }
            start = end;
        }
        logs.push((alg, Log::open(alg, snapshot)?));
    }
    let mut heads: Vec<(String, SignedTreeHead)> = Vec::new();
    for alg in [HashAlg::Sha256, HashAlg::Sm3] {
        for stored in store.heads(alg.name()).await? {
            let place = format!(
                "{} head {} @{}",
                alg.name(),
                stored.tree_size,
                stored.timestamp_ms
            );
            match decode_head(&stored) {
                Some(signed) => heads.push((place, signed)),
                None => report.fail(
                    place.clone(),
                    format!("{place}：已存储的树头无法解析"),
                    format!("{place}: the stored head does not parse"),
                ),
            }
        }
    }
    for (i, signed) in earlier.iter().enumerate() {
        heads.push((
            format!(
                "given head {i} ({} size {})",
                signed.head.alg.name(),
                signed.head.size
            ),
            signed.clone(),
        ));
    }
    for (place, signed) in heads {
        if key.verify_head(&signed).is_err() {
            report.fail(
                place.clone(),
                format!("{place}：签名无效或不是本系统密钥所签"),
                format!("{place}: the signature does not verify with this installation's key"),
            );
            continue;
        }
        let Some((_, log)) = logs.iter().find(|(alg, _)| *alg == signed.head.alg) else {
            continue;
        };
        if signed.head.size > log.size() {
            report.fail(
                place.clone(),
                format!(
                    "{place}：树头覆盖 {} 条记录，存储中只有 {} 条（记录被截断）",
                    signed.head.size,
                    log.size()
                ),
                format!(
                    "{place}: the head covers {} leaves, the store has {} (truncated)",
                    signed.head.size,
                    log.size()
                ),
            );
            continue;
        }
        let root = log.root_at(signed.head.size)?;
        if root != signed.head.root {
            report.fail(
                place.clone(),
                format!(
                    "{place}：按存储记录重算的根哈希 {} 与签名树头 {} 不符（记录被改动）",
                    root.to_hex(),
                    signed.head.root.to_hex()
                ),
                format!(
                    "{place}: the stored leaves give root {}, the signed head says {} (records changed)",
                    root.to_hex(),
                    signed.head.root.to_hex()
                ),
            );
            continue;
        }
        report.heads_ok += 1;
    }
    // The audit log's anchored heads: the rows as stored now must give the anchored hashes.
    let (_, audit_failures) = crate::audit_anchor::verify_anchors(store).await?;
    report.failures.extend(audit_failures);
    Ok(report)
}

/// One thing to put in a bundle: a logged leaf, and for a finding or file entry its content.
#[derive(Debug, Clone)]
pub struct BundleItem {
    /// The leaf index.
    pub index: u64,
    /// The content bytes, for finding and file entries.
    pub content: Option<Vec<u8>>,
}

/// Writes an evidence bundle of `items` into the new or empty directory `dir`, under a freshly
/// recorded head of `alg`, with consistency proofs from every earlier recorded head.
pub async fn export(
    store: &dyn Store,
    key: &EvidenceKey,
    alg: HashAlg,
    title: &str,
    items: &[BundleItem],
    now_ms: i64,
    dir: &Path,
) -> Result<tianping_evidence::bundle::Manifest, EvidenceError> {
    let log = load_log(store, alg).await?;
    let head = head_of(store, key, &log, now_ms).await?;
    export_with(store, key, log, head, title, items, now_ms, dir).await
}

#[allow(clippy::too_many_arguments)]
async fn export_with(
    store: &dyn Store,
    key: &EvidenceKey,
    log: Log<Snapshot>,
    head: SignedTreeHead,
    title: &str,
    items: &[BundleItem],
    now_ms: i64,
    dir: &Path,
) -> Result<tianping_evidence::bundle::Manifest, EvidenceError> {
    let mut snapshot = log.into_store();
    for item in items {
        let leaves = store.evidence_leaves(item.index, item.index + 1).await?;
        let leaf = leaves.into_iter().next().ok_or_else(|| {
            EvidenceError::NotFound(format!("evidence leaf {} does not exist", item.index))
        })?;
        snapshot.data.insert(item.index, leaf.data);
    }
    let log = Log::open(head.head.alg, snapshot)?;
    let earlier: Vec<u64> = store
        .heads(head.head.alg.name())
        .await?
        .iter()
        .map(|h| h.tree_size)
        .filter(|&s| s > 0 && s < head.head.size)
        .collect::<std::collections::BTreeSet<u64>>()
        .into_iter()
        .collect();
    let contents = tempfile::tempdir().map_err(|e| EvidenceError::Key {
        path: std::env::temp_dir(),
        reason: e.to_string(),
    })?;
    let mut export_items = Vec::new();
    for item in items {
        let content = match &item.content {
            Some(bytes) => {
                let path = contents.path().join(format!("{:08}", item.index));
                std::fs::write(&path, bytes).map_err(|e| EvidenceError::Key {
                    path: path.clone(),
                    reason: e.to_string(),
                })?;
                Some(path)
            }
            None => None,
        };
        export_items.push(ExportItem {
            index: item.index,
            content,
        });
    }
    let request = ExportRequest {
        title: title.to_string(),
        exported_at_ms: now_ms,
        items: export_items,
        consistency_from: earlier,
    };
    Ok(tianping_evidence::export_bundle(
        &log,
        key.signing_key(),
        &head,
        &request,
        dir,
    )?)
}

/// The latest leaf of each finding, with the finding's canonical JSON (what its leaf's digests
/// are over) as content; ids the log does not hold are returned apart.
pub async fn finding_items(
    store: &dyn Store,
    ids: &[String],
) -> Result<(Vec<BundleItem>, Vec<String>), EvidenceError> {
    let (found, missing) = logged_findings(store, ids).await?;
    Ok((found.into_iter().map(|f| f.item).collect(), missing))
}

/// A finding's latest leaf, with the detector that produced it.
struct LoggedFinding {
    id: String,
    detector: String,
    item: BundleItem,
}

async fn logged_findings(
    store: &dyn Store,
    ids: &[String],
) -> Result<(Vec<LoggedFinding>, Vec<String>), EvidenceError> {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    if ids.is_empty() {
        return Ok((found, missing));
    }
    let mut bodies = BTreeMap::new();
    for body in store.findings(&[]).await? {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&body)
            && let Some(id) = v.get("finding_id").and_then(|i| i.as_str())
        {
            bodies.insert(id.to_string(), v);
        }
    }
    for id in ids {
        let leaves = store
            .evidence_by_reference(&format!("finding:{id}"))
            .await?;
        match (leaves.last(), bodies.get(id)) {
            (Some(leaf), Some(body)) => found.push(LoggedFinding {
                id: id.clone(),
                detector: body
                    .get("detector")
                    .and_then(|d| d.as_str())
                    .unwrap_or_default()
                    .to_string(),
                item: BundleItem {
                    index: leaf.index,
                    content: Some(tianping_detect::finding::canonical_json(body).into_bytes()),
                },
            }),
            _ => missing.push(id.clone()),
        }
    }
    Ok((found, missing))
}

/// The `batch_receipt` leaves the findings rest on. A finding names no rows, so its batches are
/// resolved through the store: every accepted batch that delivered rows to a table its detector
/// reads (`Detector::inputs`) and whose receipt was logged before the finding's leaf (what the
/// run that logged the finding could read). Each batch's receipt is its last `batch:` leaf (a
/// batch, once accepted, is never committed again). An accepted batch whose receipt is not in the
/// log is returned apart as `batch SUPPLIER/BATCH`; a finding of a detector outside the catalogue
/// is an error naming both.
async fn receipt_items(
    store: &dyn Store,
    findings: &[LoggedFinding],
) -> Result<(Vec<BundleItem>, Vec<String>), EvidenceError> {
    let mut items = Vec::new();
    let mut missing = Vec::new();
    if findings.is_empty() {
        return Ok((items, missing));
    }
    let detectors = tianping_detectors::all();
    let mut batches_of_table: BTreeMap<String, std::collections::BTreeSet<(String, String)>> =
        BTreeMap::new();
    for file in store.lake_files(None).await? {
        batches_of_table
            .entry(file.table)
            .or_default()
            .insert((file.supplier, file.batch_id));
    }
    // The receipt leaf of each batch, looked up once.
    let mut receipts: BTreeMap<(String, String), Option<u64>> = BTreeMap::new();
    let mut wanted = std::collections::BTreeSet::new();
    for finding in findings {
        let detector = detectors
            .iter()
            .find(|d| d.id() == finding.detector)
            .ok_or_else(|| {
                EvidenceError::NotFound(format!(
                    "发现 {} 的检测器 {:?} 不在目录中，无法确定其数据批次 \
                     finding {}: detector {:?} is not in the catalogue, its batches cannot be resolved",
                    finding.id, finding.detector, finding.id, finding.detector
                ))
            })?;
        for input in detector.inputs() {
            let Some(batches) = batches_of_table.get(input.table) else {
                continue;
            };
            for batch in batches {
                if !receipts.contains_key(batch) {
                    let leaf = store
                        .evidence_by_reference(&format!("batch:{}/{}", batch.0, batch.1))
                        .await?
                        .into_iter()
                        .rfind(|l| l.kind == "batch_receipt")
                        .map(|l| l.index);
                    receipts.insert(batch.clone(), leaf);
                }
                match receipts[batch] {
                    Some(index) if index < finding.item.index => {
                        wanted.insert(index);
                    }
                    Some(_) => {}
                    None => missing.push(format!("batch {}/{}", batch.0, batch.1)),
                }
            }
        }
    }
    missing.sort();
    missing.dedup();
    items.extend(wanted.into_iter().map(|index| BundleItem {
        index,
        content: None,
    }));
    Ok((items, missing))
}

/// A case file (卷宗): every event of the case, every step of the rectification notice it was
/// escalated from, every finding of its alert (with content) and the `batch_receipt` leaf of every
/// batch those findings rest on ([`receipt_items`]: supplier, batch digest over the manifest's
/// file list with each file's checked SHA-256, `received_at`, row counts), in log order. Finding ids the log does not hold, and batches whose
/// receipt it does not hold (`batch SUPPLIER/BATCH`), are returned apart.
pub async fn case_file_items(
    store: &dyn Store,
    case_id: &str,
) -> Result<(Vec<BundleItem>, Vec<String>), EvidenceError> {
    let row = store.case(case_id).await?.ok_or_else(|| {
        EvidenceError::NotFound(format!("没有线索或案件 no clue or case {case_id}"))
    })?;
    let mut items: Vec<BundleItem> = store
        .evidence_by_reference(&format!("case:{case_id}"))
        .await?
        .into_iter()
        .map(|l| BundleItem {
            index: l.index,
            content: None,
        })
        .collect();
    let finding_ids: Vec<String> = match store
        .alerts(None)
        .await?
        .into_iter()
        .find(|a| a.alert_id == row.alert_id)
    {
        Some(alert) => serde_json::from_str(&alert.finding_ids).map_err(|e| {
            EvidenceError::NotFound(format!("alert {}: finding ids: {e}", alert.alert_id))
        })?,
        None => Vec::new(),
    };
    let (findings, mut missing) = logged_findings(store, &finding_ids).await?;
    let (receipts, no_receipt) = receipt_items(store, &findings).await?;
    missing.extend(no_receipt);
    items.extend(findings.into_iter().map(|f| f.item));
    items.extend(receipts);
    // The rectification notice it escalated from, if any: its every step.
    let all_notices = tianping_store::notices::NoticeFilter {
        include_finished: true,
        ..Default::default()
    };
    for notice in store.notices(&all_notices).await? {
        if notice.case_id.as_deref() == Some(case_id) {
            items.extend(
                store
                    .evidence_by_reference(&format!("notice:{}", notice.notice_id))
                    .await?
                    .into_iter()
                    .map(|l| BundleItem {
                        index: l.index,
                        content: None,
                    }),
            );
        }
    }
    items.sort_by_key(|i| i.index);
    items.dedup_by_key(|i| i.index);
    Ok((items, missing))
}
