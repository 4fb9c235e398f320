//! The store: everything transactional, behind one trait with an embedded SQLite backend
//! (`tianping-store-sqlite`, the default) and a PostgreSQL backend (`tianping-store-postgres`).
//!
//! # Deliveries and batches
//!
//! Every delivery of a batch gets a row in `deliveries` when it starts. Quarantined rows and
//! warnings are written against the delivery while the files are read ([`Store::add_issues`]), in
//! as many small transactions as needed. [`Store::commit_batch`] then makes the delivery the
//! batch's current one in one transaction, together with the lake files it wrote. Quarantine rows
//! and lake files are visible only through a committed batch, so a batch is visible whole or not
//! at all, and an interrupted delivery leaves only garbage that [`Store::collect_garbage`] removes.

pub mod accounts;
pub mod accounts_sql;
pub mod audit_archive;
pub mod audit_archive_sql;
pub mod cases;
pub mod cases_sql;
pub mod credit;
pub mod credit_sql;
pub mod departments;
pub mod departments_sql;
pub mod evidence;
pub mod evidence_sql;
pub mod migrations;
pub mod notices;
pub mod notices_sql;
pub mod pages;
pub mod pages_sql;
pub mod params;
pub mod params_sql;
pub mod runs;
pub mod runs_sql;
pub mod scoped;
pub mod scoped_sql;
pub mod sql;

pub use accounts::AccountStore;
pub use evidence::{EvidenceStore, NewLeaf, StoredHead, StoredLeaf};
pub use pages::PageStore;
pub use scoped::ScopedStore;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use tianping_ingest::receipt::{QuarantinedRow, Receipt, RowWarning};

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database refused a setting we require (durability).
    #[error("unsafe database configuration: {0}")]
    UnsafeConfiguration(String),
    /// The database URL is not understood.
    #[error("bad database url: {0}")]
    BadUrl(String),
    /// A stored value could not be decoded (corruption or a newer version wrote it).
    #[error("stored data cannot be decoded: {0}")]
    Decode(String),
    /// Any other database failure.
    #[error("database error: {0}")]
    Database(String),
}

/// A lake file listed by a committed batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LakeFile {
    /// Path relative to the lake root.
    pub path: String,
    /// Table of the standard.
    pub table: String,
    /// Supplier of the batch.
    pub supplier: String,
    /// Batch id.
    pub batch_id: String,
    /// Rows in the file.
    pub rows: u64,
    /// Bytes of the file.
    pub bytes: u64,
}

/// A new delivery, before any of its files is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDelivery {
    /// Unique id of this delivery (a UUID).
    pub delivery_id: String,
    /// Supplier, if the manifest could be read.
    pub supplier: Option<String>,
    /// Batch id, if the manifest could be read.
    pub batch_id: Option<String>,
    /// Digest of the manifest's file list.
    pub batch_digest: Option<String>,
    /// SHA-256 of what was delivered (the archive, or manifest.json of a directory).
    pub delivery_sha256: Option<String>,
    /// RFC 3339.
    pub received_at: String,
}

/// A stored batch: the current state of one `(supplier, batch_id)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchRecord {
    /// Supplier.
    pub supplier: String,
    /// Batch id.
    pub batch_id: String,
    /// `accepted` or `rejected`.
    pub status: tianping_ingest::BatchStatus,
    /// Digest of the manifest's file list.
    pub batch_digest: String,
    /// The delivery that made this state.
    pub delivery_id: String,
    /// When that delivery was received.
    pub received_at: String,
    /// Its receipt.
    pub receipt: Receipt,
}

/// Outcome of [`Store::commit_batch`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitOutcome {
    /// The batch now has this delivery's state.
    Committed,
    /// Another delivery of the same batch was accepted first (a concurrent delivery): the caller
    /// must report a duplicate or a conflict instead.
    AlreadyAccepted(Box<BatchRecord>),
}

/// What [`Store::collect_garbage`] removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Garbage {
    /// Unfinished deliveries closed as `interrupted`.
    pub interrupted_deliveries: u64,
    /// Quarantine and warning rows of deliveries that are not any batch's current one.
    pub issue_rows: u64,
}

/// A delivery as listed for operators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryRecord {
    /// Delivery id.
    pub delivery_id: String,
    /// Supplier, if known.
    pub supplier: Option<String>,
    /// Batch id, if known.
    pub batch_id: Option<String>,
    /// `open`, `accepted`, `rejected`, `duplicate`, `conflict` or `interrupted`.
    pub state: String,
    /// RFC 3339.
    pub received_at: String,
    /// Receipt, once the delivery is finished.
    pub receipt: Option<Receipt>,
}

/// The durability settings read back from a live connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Durability {
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// Setting name → value, as the database reports them.
    pub settings: Vec<(String, String)>,
}

/// A detection run as recorded (spec: "a run record says which data, detector versions and
/// parameters produced them").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetectionRun {
    /// Unique id.
    pub run_id: String,
    /// RFC 3339.
    pub as_of: String,
    /// RFC 3339.
    pub started_at: String,
    /// JSON: `[{"id": …, "version": …, "fingerprint": …, "skipped": …}]`.
    pub detectors: String,
    /// JSON of the parameter overrides.
    pub params: String,
    /// SHA-256 of `params`.
    pub params_sha256: String,
    /// SHA-256 over the lake files read (path and rows).
    pub data_sha256: String,
    /// Findings produced.
    pub findings: u64,
    /// Of which new.
    pub new_findings: u64,
}

/// A finding as stored: the spec's JSON body and the columns it is looked up by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFinding {
    /// Stable id.
    pub finding_id: String,
    /// Detector id.
    pub detector: String,
    /// `<detector>.<rule>`.
    pub rule: String,
    /// Severity name.
    pub severity: String,
    /// Subject kind.
    pub subject_kind: String,
    /// Subject platform.
    pub subject_platform: Option<String>,
    /// Subject id.
    pub subject_id: String,
    /// The finding as JSON (spec §1).
    pub body: String,
    /// Its evidence hash.
    pub evidence_sha256: String,
    /// Where its subject is (属地管辖): a 6-digit division code, or `None` when unknown (then,
    /// and when the code is outside the data owner's region, the finding is the owner's). Stored
    /// with the finding when it is first stored and never changed after; not part of `body`.
    pub region: Option<String>,
    /// Its evidence-log leaf (an `Entry::Finding` over the canonical JSON of `body`), appended
    /// when the finding is new or its body changed.
    pub leaf: NewLeaf,
}

/// What saving a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveSummary {
    /// Findings never stored before.
    pub new: u64,
    /// Findings stored before with the same evidence.
    pub unchanged: u64,
    /// Findings stored before whose evidence changed (the body is updated).
    pub changed: u64,
}

/// One store, two backends.
#[async_trait]
pub trait Store:
    Send
    + Sync
    + EvidenceStore
    + cases::CaseStore
    + AccountStore
    + pages::PageStore
    + notices::NoticeStore
    + departments::DepartmentStore
    + scoped::ScopedStore
    + credit::CreditStore
    + runs::RunStore
    + params::ParamStore
    + audit_archive::AuditArchiveStore
{
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;

    /// Reads back the durability settings (WAL + `synchronous=FULL`; `fsync`,
    /// `synchronous_commit`, `full_page_writes`). Opening a store already refuses weaker ones.
    async fn durability(&self) -> Result<Durability, StoreError>;

    /// Records the start of a delivery.
    async fn begin_delivery(&self, delivery: &NewDelivery) -> Result<(), StoreError>;

    /// Adds quarantined rows and warnings of an open delivery (in one transaction per call).
    async fn add_issues(
        &self,
        delivery_id: &str,
        quarantined: &[QuarantinedRow],
        warnings: &[RowWarning],
    ) -> Result<(), StoreError>;

    /// The current state of a batch.
    async fn find_batch(
        &self,
        supplier: &str,
        batch_id: &str,
    ) -> Result<Option<BatchRecord>, StoreError>;

    /// Makes an open delivery the current state of its batch: `accepted` with `files` in the lake,
    /// or `rejected` (receipt only), and appends the receipt's `BatchReceipt` leaf to the evidence
    /// log ([`evidence::receipt_leaf`]). Atomic. Refused (returns `AlreadyAccepted`) if another
    /// delivery of the batch was accepted meanwhile.
    async fn commit_batch(
        &self,
        delivery_id: &str,
        receipt: &Receipt,
        files: &[LakeFile],
    ) -> Result<CommitOutcome, StoreError>;

    /// Closes a delivery that does not change any batch (`duplicate`, `conflict`, or `rejected`
    /// before its batch could be named), keeping its receipt.
    async fn finish_delivery(&self, delivery_id: &str, receipt: &Receipt)
    -> Result<(), StoreError>;

    /// Lake files of committed, accepted batches (all tables, or one).
    async fn lake_files(&self, table: Option<&str>) -> Result<Vec<LakeFile>, StoreError>;

    /// Current batches, newest first.
    async fn batches(&self, limit: u32) -> Result<Vec<BatchRecord>, StoreError>;

    /// Deliveries, newest first.
    async fn deliveries(&self, limit: u32) -> Result<Vec<DeliveryRecord>, StoreError>;

    /// Quarantined rows of a batch's current delivery, in file and record order.
    async fn quarantine(
        &self,
        supplier: &str,
        batch_id: &str,
        limit: u32,
        offset: u64,
    ) -> Result<Vec<QuarantinedRow>, StoreError>;

    /// Warnings of a batch's current delivery, in file and record order.
    async fn warnings(
        &self,
        supplier: &str,
        batch_id: &str,
        limit: u32,
        offset: u64,
    ) -> Result<Vec<RowWarning>, StoreError>;

    /// Records a detection run, its findings (upserted by id, never duplicated) and the
    /// fingerprints of the detectors that ran, in one transaction, appending to the evidence log
    /// `run_leaves` (one `DetectionRun` entry per detector that ran) and the leaf of every finding
    /// that is new or whose body changed.
    async fn save_detection(
        &self,
        run: &DetectionRun,
        findings: &[StoredFinding],
        fingerprints: &[(String, String)],
        run_leaves: &[NewLeaf],
    ) -> Result<SaveSummary, StoreError>;

    /// The fingerprint of what a detector last ran on.
    async fn detector_fingerprint(&self, detector: &str) -> Result<Option<String>, StoreError>;

    /// Stored findings (JSON bodies), sorted by id; all, or of some detectors.
    async fn findings(&self, detectors: &[String]) -> Result<Vec<String>, StoreError>;

    /// Detection runs, newest first.
    async fn detection_runs(&self, limit: u32) -> Result<Vec<DetectionRun>, StoreError>;

    /// Closes deliveries left open by a crash and removes issue rows that no batch refers to.
    /// Call only while holding the home's ingest lock (no delivery is in progress).
    async fn collect_garbage(&self) -> Result<Garbage, StoreError>;
}

/// Serialises a receipt for storage.
pub fn receipt_to_json(receipt: &Receipt) -> Result<String, StoreError> {
    serde_json::to_string(receipt).map_err(|e| StoreError::Decode(e.to_string()))
}

/// Reads a stored receipt.
pub fn receipt_from_json(text: &str) -> Result<Receipt, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Decode(format!("receipt: {e}")))
}
