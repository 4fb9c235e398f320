//! The store area of credit risk classes and 双随机 draws (`tianping-credit`): one day's classes
//! replaced whole in one transaction and read back per entity (the latest day) or per day; each
//! draw record stored once, append-only in the database, with its evidence leaf (a `File` entry
//! over the record's exact bytes, reference `draw:<rng_key>`) in the same transaction.
//!
//! Rows carry the domain values as JSON (`body`, `record`) next to the columns they are queried
//! by; `tianping-credit` computes them, the store keeps them. A task is drawn once (`task_id` is
//! unique): a second draw of a task with other inputs or another seed is refused.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use tianping_evidence::{Entry, HashAlg};

use crate::StoreError;
use crate::evidence::NewLeaf;

/// Media type of a draw record in the evidence log.
pub const DRAW_MEDIA: &str = "application/vnd.tianping.draw+json";

/// One entity's class on one day, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRow {
    /// The day classified as of (`YYYY-MM-DD`).
    pub as_of: String,
    /// 统一社会信用代码.
    pub uscc: String,
    /// `A` … `D`.
    pub class: String,
    /// Total points.
    pub points: i64,
    /// Model version.
    pub model_version: i64,
    /// The classification with its explanation, as JSON.
    pub body: String,
}

/// A draw record as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawRow {
    /// The ChaCha20 key (hex): unique per inputs and seed.
    pub rng_key: String,
    /// Task id.
    pub task_id: String,
    /// The department that ran it (its plan's `department`; must equal the record's).
    pub department: String,
    /// First day of the check (`YYYY-MM-DD`).
    pub check_start: String,
    /// Input digest.
    pub input_sha256: String,
    /// Result digest.
    pub result_sha256: String,
    /// The record as JSON, byte for byte as hashed into the leaf.
    pub record: String,
    /// Its leaf in the evidence log.
    pub leaf_index: i64,
    /// When it was saved.
    pub saved_at_ms: i64,
}

/// Which draws a caller may list, for SQL: draws belong to their plan's department, inside the
/// installation's region (the caller's route decides whether its region covers that).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DrawScope {
    /// Every draw.
    All,
    /// The draws of this department.
    Department(String),
    /// No draw.
    Nothing,
}

/// The plan's department as the record states it (`input.plan.department`), or an error naming
/// the field: the column is kept equal to it.
pub fn record_department(record: &str) -> Result<String, StoreError> {
    let value: serde_json::Value = serde_json::from_str(record)
        .map_err(|e| StoreError::Decode(format!("draw record is not JSON: {e}")))?;
    value
        .pointer("/input/plan/department")
        .and_then(serde_json::Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| StoreError::Decode("draw record has no input.plan.department".into()))
}

/// Outcome of [`CreditStore::save_draw`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DrawSaved {
    /// Stored, logged at this leaf.
    Stored {
        /// The leaf index.
        leaf_index: i64,
    },
    /// The same draw (same key and result) was stored before: nothing changed.
    AlreadyStored {
        /// The earlier leaf.
        leaf_index: i64,
    },
    /// A different record under the same key was stored before: refused.
    Conflict {
        /// The stored result digest.
        result_sha256: String,
    },
    /// The task was drawn before with other inputs or another seed: refused (a task is drawn
    /// once, so nobody can re-draw until a result pleases).
    TaskDrawn {
        /// The stored draw's key.
        rng_key: String,
        /// Its leaf.
        leaf_index: i64,
    },
}

/// The evidence leaf of a draw record: a `File` entry over the record's bytes.
pub fn draw_leaf(row: &DrawRow, captured_by: &str) -> Result<NewLeaf, StoreError> {
    let bytes = row.record.as_bytes();
    let entry = Entry::File {
        name: format!(
            "draw-{}-{}.json",
            row.task_id,
            row.rng_key.chars().take(12).collect::<String>()
        ),
        media_type: DRAW_MEDIA.into(),
        size: bytes.len() as u64,
        sha256: HashAlg::Sha256.digest(bytes),
        sm3: HashAlg::Sm3.digest(bytes),
        captured_by: captured_by.to_string(),
        captured_at_ms: row.saved_at_ms,
        source: format!("draw:{}", row.task_id),
    };
    NewLeaf::from_entry(format!("draw:{}", row.rng_key), &entry)
}

/// The credit area of the store.
#[async_trait]
pub trait CreditStore: Send + Sync {
    /// Replaces the classes of `as_of` with `rows` (all of that day), in one transaction.
    async fn save_classes(&self, as_of: &str, rows: &[ClassRow]) -> Result<(), StoreError>;

    /// The entity's class on the latest day stored.
    async fn latest_class(&self, uscc: &str) -> Result<Option<ClassRow>, StoreError>;

    /// All classes of one day, by USCC.
    async fn classes_on(&self, as_of: &str) -> Result<Vec<ClassRow>, StoreError>;

    /// Stores a draw record and appends its evidence leaf in the same transaction
    /// (`leaf_index` of `row` is set by the store, `saved_at_ms` by the caller); the same draw
    /// again changes nothing; another draw of the same task is refused.
    async fn save_draw(&self, row: &DrawRow, captured_by: &str) -> Result<DrawSaved, StoreError>;

    /// Draw records, by check start and key; only this task's when given.
    async fn draws(&self, task_id: Option<&str>) -> Result<Vec<DrawRow>, StoreError>;

    /// The draw records `scope` admits, newest check first (then by task id): the scope is
    /// applied in the query.
    async fn draws_in(&self, scope: &DrawScope) -> Result<Vec<DrawRow>, StoreError>;
}
