//! Ingest of one delivery, from a path to a receipt (data standard §1 and §4).

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tianping_domain::schema::{self, SupplierKind};
use tianping_ingest::keys::{Duplicates, find_duplicates};
use tianping_ingest::read::{FileRejection, IssueSink, ReadError, RowSink, read_file};
use tianping_ingest::source::{OpenError, OpenedBatch, open_batch, verify_file};
use tianping_ingest::validate::Cell;
use tianping_ingest::{
    BatchStatus, FileReceipt, FileStatus, Limits, ManifestFile, QuarantinedRow, Receipt, RowWarning,
};
use tianping_lake::{PartInfo, PartWriter, sync_dir};
use tianping_store::{CommitOutcome, LakeFile, NewDelivery, Store, StoreError};

use crate::home::Home;

/// What went wrong on our side (never the supplier's fault: that is a rejected receipt).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The file system failed (disk full, permissions).
    #[error("{context}: {source}")]
    Io {
        /// What we were doing.
        context: String,
        /// The error.
        source: io::Error,
    },
    /// A worker thread failed.
    #[error("internal error: {0}")]
    Internal(String),
}

fn io_err(context: impl Into<String>) -> impl FnOnce(io::Error) -> IngestError {
    let context = context.into();
    move |source| IngestError::Io { context, source }
}

/// Receives progress while a delivery is read.
pub trait Progress: Send + Sync {
    /// A file starts: its manifest path and declared rows.
    fn file_started(&self, path: &str, rows: u64);
    /// More records of the current file were read.
    fn records(&self, n: u64);
    /// The current file is done.
    fn file_finished(&self);
}

/// Progress that goes nowhere.
pub struct SilentProgress;

impl Progress for SilentProgress {
    fn file_started(&self, _: &str, _: u64) {}
    fn records(&self, _: u64) {}
    fn file_finished(&self) {}
}

/// Ingests deliveries into one home and store.
pub struct Ingestor {
    home: Home,
    store: Arc<dyn Store>,
    limits: Limits,
    /// Whether this process has already recovered the home (once, under the lock, is enough:
    /// what another process leaves behind later is invisible garbage until the next process).
    recovered: std::sync::atomic::AtomicBool,
}

/// Sends issues to the store in chunks while a file is read.
struct StoreIssues {
    store: Arc<dyn Store>,
    delivery_id: String,
    handle: tokio::runtime::Handle,
    quarantined: Vec<QuarantinedRow>,
    warnings: Vec<RowWarning>,
}

impl StoreIssues {
    const CHUNK: usize = 2_000;

    fn flush(&mut self) -> io::Result<()> {
        if self.quarantined.is_empty() && self.warnings.is_empty() {
            return Ok(());
        }
        let (q, w) = (
            std::mem::take(&mut self.quarantined),
            std::mem::take(&mut self.warnings),
        );
        self.handle
            .block_on(self.store.add_issues(&self.delivery_id, &q, &w))
            .map_err(|e| io::Error::other(e.to_string()))
    }
}

impl IssueSink for StoreIssues {
    fn quarantine(&mut self, row: QuarantinedRow) -> io::Result<()> {
        self.quarantined.push(row);
        if self.quarantined.len() + self.warnings.len() >= Self::CHUNK {
            self.flush()
        } else {
            Ok(())
        }
    }

    fn warn(&mut self, warning: RowWarning) -> io::Result<()> {
        self.warnings.push(warning);
        if self.quarantined.len() + self.warnings.len() >= Self::CHUNK {
            self.flush()
        } else {
            Ok(())
        }
    }
}

/// Counts rows for the progress display.
struct Counted<'a> {
    inner: &'a mut PartWriter,
    progress: &'a dyn Progress,
    pending: u64,
}

impl RowSink for Counted<'_> {
    fn push(&mut self, record: u64, cells: &[Cell<'_>]) -> io::Result<()> {
        self.inner.push(record, cells)?;
        self.pending += 1;
        if self.pending >= 4096 {
            self.progress.records(self.pending);
            self.pending = 0;
        }
        Ok(())
    }
}

fn file_receipt(
    file: &ManifestFile,
    status: FileStatus,
    reason: Option<&FileRejection>,
) -> FileReceipt {
    FileReceipt {
        table: file.table.clone(),
        path: file.path.clone(),
        status,
        rows: file.rows,
        accepted: 0,
        quarantined: 0,
        warnings: 0,
        reason: reason.map(|r| r.zh.clone()),
        reason_en: reason.map(|r| r.en.clone()),
        ignored_columns: Vec::new(),
    }
}

/// The files of a batch rejected because of `culprits`: each culprit with its own reason, every
/// other file with a pointer to the culprits.
fn rejected_files(batch: &OpenedBatch, culprits: &[(usize, FileRejection)]) -> Vec<FileReceipt> {
    let names: Vec<&str> = culprits
        .iter()
        .map(|(i, _)| batch.manifest.files[*i].path.as_str())
        .collect();
    let collateral = FileRejection::new(
        format!(
            "not ingested: the batch was rejected because of {}",
            names.join(", ")
        ),
        format!("未入库：批次因 {} 被整体拒收", names.join("、")),
    );
    batch
        .manifest
        .files
        .iter()
        .map(|f| {
            let own = culprits.iter().find(|(i, _)| *i == f.index).map(|(_, r)| r);
            file_receipt(f, FileStatus::Rejected, Some(own.unwrap_or(&collateral)))
        })
        .collect()
}

fn rejected_receipt(batch: &OpenedBatch, received_at: &str, files: Vec<FileReceipt>) -> Receipt {
    Receipt {
        batch_id: Some(batch.manifest.batch_id.clone()),
        supplier: Some(batch.manifest.supplier.clone()),
        status: BatchStatus::Rejected,
        accepted: 0,
        quarantined: 0,
        warnings: 0,
        received_at: received_at.to_string(),
        files,
        reason: Some("批次被整体拒收：见各文件原因".into()),
        reason_en: Some("batch rejected whole: see the files' reasons".into()),
        batch_digest: Some(batch.manifest.digest()),
        original_received_at: None,
    }
}

impl Ingestor {
    /// An ingestor over a home and a store.
    pub fn new(home: Home, store: Arc<dyn Store>, limits: Limits) -> Ingestor {
        Ingestor {
            home,
            store,
            limits,
            recovered: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// The store.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// Removes what interrupted deliveries left behind: open deliveries, their issue rows, lake
    /// parts no committed batch lists, and scratch files. Call with the ingest lock held.
    pub async fn recover(&self) -> Result<(u64, usize), IngestError> {
        let garbage = self.store.collect_garbage().await?;
        let referenced: HashSet<String> = self
            .store
            .lake_files(None)
            .await?
            .into_iter()
            .map(|f| f.path)
            .collect();
        let lake = self.home.lake();
        let removed =
            tokio::task::spawn_blocking(move || tianping_lake::remove_orphans(&lake, &referenced))
                .await
                .map_err(|e| IngestError::Internal(e.to_string()))?
                .map_err(io_err("removing orphan lake parts"))?;
        let staging = self.home.staging();
        if staging.is_dir() {
            for entry in fs::read_dir(&staging)
                .map_err(io_err("reading staging"))?
                .flatten()
            {
                let path = entry.path();
                let _ = if path.is_dir() {
                    fs::remove_dir_all(&path)
                } else {
                    fs::remove_file(&path)
                };
            }
        }
        Ok((garbage.interrupted_deliveries, removed))
    }

    /// Ingests one delivery (a batch directory, `.zip` or `.tar.gz`) received at `received_at`.
    /// Returns the receipt; `Err` only for failures on our side, after which nothing of the
    /// delivery is visible and it can be delivered again.
    pub async fn ingest(
        &self,
        path: &Path,
        received_at: &str,
        progress: &dyn Progress,
    ) -> Result<Receipt, IngestError> {
        let lock_home = self.home.clone();
        let _lock = tokio::task::spawn_blocking(move || lock_home.lock_ingest())
            .await
            .map_err(|e| IngestError::Internal(e.to_string()))?
            .map_err(io_err("taking the ingest lock"))?;
        if !self.recovered.load(std::sync::atomic::Ordering::SeqCst) {
            self.recover().await?;
            self.recovered
                .store(true, std::sync::atomic::Ordering::SeqCst);
        }
        let delivery_id = uuid::Uuid::new_v4().simple().to_string();
        let staging = self.home.staging();
        let limits = self.limits.clone();
        let source = path.to_path_buf();
        let opened = tokio::task::spawn_blocking(move || open_batch(&source, &staging, &limits))
            .await
            .map_err(|e| IngestError::Internal(e.to_string()))?;
        let batch = match opened {
            Ok(batch) => batch,
            Err(OpenError::Internal(e)) => {
                return Err(io_err(format!("opening {}", path.display()))(e));
            }
            Err(OpenError::Rejected {
                en,
                zh,
                batch_id,
                supplier,
            }) => {
                let receipt = Receipt {
                    batch_id: batch_id.clone(),
                    supplier: supplier.clone(),
                    status: BatchStatus::Rejected,
                    accepted: 0,
                    quarantined: 0,
                    warnings: 0,
                    received_at: received_at.to_string(),
                    files: Vec::new(),
                    reason: Some(zh),
                    reason_en: Some(en),
                    batch_digest: None,
                    original_received_at: None,
                };
                let delivery = NewDelivery {
                    delivery_id: delivery_id.clone(),
                    supplier,
                    batch_id,
                    batch_digest: None,
                    delivery_sha256: None,
                    received_at: received_at.to_string(),
                };
                self.store.begin_delivery(&delivery).await?;
                self.store.finish_delivery(&delivery_id, &receipt).await?;
                return Ok(receipt);
            }
        };
        let manifest = &batch.manifest;
        let digest = manifest.digest();
        self.store
            .begin_delivery(&NewDelivery {
                delivery_id: delivery_id.clone(),
                supplier: Some(manifest.supplier.clone()),
                batch_id: Some(manifest.batch_id.clone()),
                batch_digest: Some(digest.clone()),
                delivery_sha256: Some(batch.delivery_sha256.clone()),
                received_at: received_at.to_string(),
            })
            .await?;
        let existing = self
            .store
            .find_batch(&manifest.supplier, &manifest.batch_id)
            .await?;
        if let Some(existing) = existing.filter(|b| b.status == BatchStatus::Accepted) {
            let receipt = self.repeat_receipt(&batch, &existing, received_at);
            self.store.finish_delivery(&delivery_id, &receipt).await?;
            return Ok(receipt);
        }
        let receipt = self
            .read_and_commit(batch, &delivery_id, received_at, progress)
            .await?;
        Ok(receipt)
    }

    /// The receipt for a re-delivery of an accepted batch: a duplicate when the digests are the
    /// same, a conflict otherwise.
    fn repeat_receipt(
        &self,
        batch: &OpenedBatch,
        existing: &tianping_store::BatchRecord,
        received_at: &str,
    ) -> Receipt {
        let digest = batch.manifest.digest();
        if existing.batch_digest == digest {
            let mut receipt = existing.receipt.clone();
            receipt.status = BatchStatus::Duplicate;
            receipt.original_received_at = Some(existing.received_at.clone());
            receipt.received_at = received_at.to_string();
            receipt.reason = Some("重复报送：与已接收批次完全相同，未做任何更改".into());
            receipt.reason_en = Some(
                "re-delivery of an accepted batch with the same digests: nothing changed".into(),
            );
            receipt
        } else {
            let why = FileRejection::new(
                "batch_id already accepted with different file digests",
                "该 batch_id 已以不同的文件摘要被接收",
            );
            let files = batch
                .manifest
                .files
                .iter()
                .map(|f| file_receipt(f, FileStatus::Rejected, Some(&why)))
                .collect();
            Receipt {
                batch_id: Some(batch.manifest.batch_id.clone()),
                supplier: Some(batch.manifest.supplier.clone()),
                status: BatchStatus::Conflict,
                accepted: 0,
                quarantined: 0,
                warnings: 0,
                received_at: received_at.to_string(),
                files,
                reason: Some(format!(
                    "冲突：批次 {} 已于 {} 接收（摘要 {}），本次摘要 {}",
                    batch.manifest.batch_id, existing.received_at, existing.batch_digest, digest
                )),
                reason_en: Some(format!(
                    "conflict: batch {} was accepted at {} with digest {}, this delivery has {}",
                    batch.manifest.batch_id, existing.received_at, existing.batch_digest, digest
                )),
                batch_digest: Some(digest),
                original_received_at: Some(existing.received_at.clone()),
            }
        }
    }

    /// Keeps the delivered bytes of rejected files under `<home>/rejected/`.
    fn keep_rejected(
        &self,
        batch: &OpenedBatch,
        delivery_id: &str,
        culprits: &[(usize, FileRejection)],
    ) -> Result<(), IngestError> {
        let dir = self
            .home
            .rejected()
            .join(format!("supplier={}", batch.manifest.supplier))
            .join(format!("batch={}", batch.manifest.batch_id))
            .join(delivery_id);
        for (index, _) in culprits {
            let file = &batch.manifest.files[*index];
            let source = batch.path_of(file);
            if fs::symlink_metadata(&source)
                .map(|m| m.is_file())
                .unwrap_or(false)
            {
                let target = dir.join(&file.path);
                if let Some(parent) = target.parent() {
                    fs::create_dir_all(parent).map_err(io_err("keeping a rejected file"))?;
                }
                fs::copy(&source, &target)
                    .map_err(io_err(format!("keeping rejected file {}", file.path)))?;
            }
        }
        if dir.is_dir() {
            fs::write(
                dir.join("manifest.json"),
                fs::read(batch.root.join("manifest.json")).unwrap_or_default(),
            )
            .map_err(io_err("keeping a rejected manifest"))?;
        }
        Ok(())
    }

    async fn reject(
        &self,
        batch: &OpenedBatch,
        delivery_id: &str,
        received_at: &str,
        culprits: Vec<(usize, FileRejection)>,
    ) -> Result<Receipt, IngestError> {
        self.keep_rejected(batch, delivery_id, &culprits)?;
        let receipt = rejected_receipt(batch, received_at, rejected_files(batch, &culprits));
        match self.store.commit_batch(delivery_id, &receipt, &[]).await? {
            CommitOutcome::Committed => Ok(receipt),
            CommitOutcome::AlreadyAccepted(existing) => {
                let receipt = self.repeat_receipt(batch, &existing, received_at);
                self.store.finish_delivery(delivery_id, &receipt).await?;
                Ok(receipt)
            }
        }
    }

    async fn read_and_commit(
        &self,
        batch: OpenedBatch,
        delivery_id: &str,
        received_at: &str,
        progress: &dyn Progress,
    ) -> Result<Receipt, IngestError> {
        let supplier_kind = SupplierKind::of(&batch.manifest.supplier);
        // Pass 1: every file is a known table the supplier may deliver, present, within limits,
        // with the declared digest. Nothing is parsed unless all of them are.
        let batch = Arc::new(batch);
        let limits = self.limits.clone();
        let scratch = self.home.staging();
        let (checked, mut duplicates) = {
            let batch = batch.clone();
            tokio::task::spawn_blocking(move || {
                let mut culprits = Vec::new();
                let mut duplicates: Vec<Option<Duplicates>> = Vec::new();
                for file in &batch.manifest.files {
                    duplicates.push(None);
                    let check = match schema::table(&file.table) {
                        None => Err(FileRejection::new(
                            format!("{}: unknown table {:?}", file.path, file.table),
                            format!("{}：未知的表 {:?}", file.path, file.table),
                        )),
                        Some(table) if !table.suppliers.allows(&supplier_kind) => {
                            Err(FileRejection::new(
                                format!(
                                    "{}: table {} may only be delivered by {}",
                                    file.path,
                                    table.name,
                                    table.suppliers.describe()
                                ),
                                format!(
                                    "{}：{} 表只能由 {} 报送",
                                    file.path,
                                    table.name,
                                    table.suppliers.describe()
                                ),
                            ))
                        }
                        // The digest check and the duplicate-key pre-pass read the same file: run
                        // them side by side on the two cores.
                        Some(table) => std::thread::scope(|scope| {
                            let verify = scope.spawn(|| verify_file(&batch, file, &limits));
                            let keys = find_duplicates(
                                &batch.path_of(file),
                                file,
                                table,
                                &limits,
                                &scratch,
                            );
                            let verified = verify.join().unwrap_or_else(|_| {
                                Err(FileRejection::new(
                                    "internal: digest check failed",
                                    "内部错误：摘要校验失败",
                                ))
                            });
                            match (verified, keys) {
                                (Err(reason), _) => Err(reason),
                                (Ok(()), Ok(d)) => {
                                    duplicates[file.index] = Some(d);
                                    Ok(())
                                }
                                (Ok(()), Err(ReadError::Rejected(reason))) => Err(reason),
                                (Ok(()), Err(ReadError::Internal(e))) => Err(FileRejection::new(
                                    format!("internal error while reading {}: {e}", file.path),
                                    format!("读取 {} 时内部错误：{e}", file.path),
                                )),
                            }
                        }),
                    };
                    if let Err(reason) = check {
                        culprits.push((file.index, reason));
                    }
                }
                (culprits, duplicates)
            })
            .await
            .map_err(|e| IngestError::Internal(e.to_string()))?
        };
        if !checked.is_empty() {
            return self.reject(&batch, delivery_id, received_at, checked).await;
        }
        // Pass 2: stream every file into a new part and the quarantine.
        let token: String = delivery_id.chars().take(12).collect();
        let mut parts: Vec<PartInfo> = Vec::new();
        let mut files: Vec<FileReceipt> = Vec::new();
        let mut culprit: Option<(usize, FileRejection)> = None;
        for file in batch.manifest.files.clone() {
            let Some(table) = schema::table(&file.table) else {
                continue;
            };
            let file_duplicates = duplicates
                .get_mut(file.index)
                .and_then(Option::take)
                .unwrap_or_else(Duplicates::none);
            progress.file_started(&file.path, file.rows);
            let lake = self.home.lake();
            let scratch = self.home.staging();
            let limits = self.limits.clone();
            let batch_ref = batch.clone();
            let token = token.clone();
            let supplier = batch.manifest.supplier.clone();
            let batch_id = batch.manifest.batch_id.clone();
            let mut issues = StoreIssues {
                store: self.store.clone(),
                delivery_id: delivery_id.to_string(),
                handle: tokio::runtime::Handle::current(),
                quarantined: Vec::new(),
                warnings: Vec::new(),
            };
            let result = tokio::task::block_in_place(|| {
                let mut part =
                    PartWriter::create(&lake, table, &supplier, &batch_id, file.index, &token)
                        .map_err(ReadError::Internal)?;
                let read = {
                    let mut sink = Counted {
                        inner: &mut part,
                        progress,
                        pending: 0,
                    };
                    let read = read_file(
                        &batch_ref.path_of(&file),
                        &file,
                        table,
                        &supplier,
                        &limits,
                        &scratch,
                        file_duplicates,
                        &mut sink,
                        &mut issues,
                    );
                    progress.records(sink.pending);
                    read
                };
                match read {
                    Ok(counts) => {
                        issues.flush().map_err(ReadError::Internal)?;
                        let info = part.finish().map_err(ReadError::Internal)?;
                        Ok((counts, info))
                    }
                    Err(e) => {
                        let _ = part.abandon();
                        Err(e)
                    }
                }
            });
            progress.file_finished();
            match result {
                Ok((counts, info)) => {
                    files.push(FileReceipt {
                        table: file.table.clone(),
                        path: file.path.clone(),
                        status: FileStatus::Accepted,
                        rows: file.rows,
                        accepted: counts.accepted,
                        quarantined: counts.quarantined,
                        warnings: counts.warned,
                        reason: None,
                        reason_en: None,
                        ignored_columns: counts.ignored_columns,
                    });
                    parts.push(info);
                }
                Err(ReadError::Rejected(reason)) => {
                    culprit = Some((file.index, reason));
                    break;
                }
                Err(ReadError::Internal(e)) => {
                    self.abandon_parts(&parts);
                    return Err(io_err(format!("reading {}", file.path))(e));
                }
            }
        }
        if let Some(culprit) = culprit {
            self.abandon_parts(&parts);
            return self
                .reject(&batch, delivery_id, received_at, vec![culprit])
                .await;
        }
        // Make the parts' directory entries durable before the commit that publishes them.
        let mut dirs: Vec<PathBuf> = Vec::new();
        for part in &parts {
            let mut dir = self.home.lake().join(&part.path);
            for _ in 0..4 {
                dir.pop();
                if !dirs.contains(&dir) {
                    dirs.push(dir.clone());
                }
            }
        }
        for dir in &dirs {
            sync_dir(dir).map_err(io_err(format!("syncing {}", dir.display())))?;
        }
        let receipt = Receipt {
            batch_id: Some(batch.manifest.batch_id.clone()),
            supplier: Some(batch.manifest.supplier.clone()),
            status: BatchStatus::Accepted,
            accepted: files.iter().map(|f| f.accepted).sum(),
            quarantined: files.iter().map(|f| f.quarantined).sum(),
            warnings: files.iter().map(|f| f.warnings).sum(),
            received_at: received_at.to_string(),
            files,
            reason: (!batch.unlisted.is_empty())
                .then(|| format!("未列入清单、未入库的文件：{}", batch.unlisted.join("、"))),
            reason_en: (!batch.unlisted.is_empty()).then(|| {
                format!(
                    "files present but not listed in the manifest (not ingested): {}",
                    batch.unlisted.join(", ")
                )
            }),
            batch_digest: Some(batch.manifest.digest()),
            original_received_at: None,
        };
        if !receipt.counts_balance() {
            self.abandon_parts(&parts);
            return Err(IngestError::Internal(format!(
                "receipt counts do not balance for batch {}: refusing to commit",
                batch.manifest.batch_id
            )));
        }
        let lake_files: Vec<LakeFile> = parts
            .iter()
            .zip(&receipt.files)
            .map(|(part, file)| LakeFile {
                path: part.path.clone(),
                table: file.table.clone(),
                supplier: batch.manifest.supplier.clone(),
                batch_id: batch.manifest.batch_id.clone(),
                rows: part.rows,
                bytes: part.bytes,
            })
            .collect();
        match self
            .store
            .commit_batch(delivery_id, &receipt, &lake_files)
            .await?
        {
            CommitOutcome::Committed => Ok(receipt),
            CommitOutcome::AlreadyAccepted(existing) => {
                self.abandon_parts(&parts);
                let receipt = self.repeat_receipt(&batch, &existing, received_at);
                self.store.finish_delivery(delivery_id, &receipt).await?;
                Ok(receipt)
            }
        }
    }

    fn abandon_parts(&self, parts: &[PartInfo]) {
        for part in parts {
            let _ = fs::remove_file(self.home.lake().join(&part.path));
        }
    }
}
