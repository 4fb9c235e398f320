//! The evidence log's storage (电子存证): leaves appended in the same transaction as the record
//! they attest, and the signed tree heads.
//!
//! Every leaf is stored with its canonical leaf data (`tianping_evidence::Entry::encode`) and both
//! leaf hashes, SHA-256 and SM3, computed side by side when it is appended, so one sequence of
//! leaves is two Merkle logs (one per algorithm) of the same size. Leaf indexes are dense and
//! assigned under the row lock of `evidence_state`, so concurrent writers serialise and a leaf is
//! visible exactly when the record it attests is (a batch's commit, a detection run, a case event).
//!
//! The tables are append-only: triggers in both backends refuse `UPDATE` and `DELETE` on leaves and
//! heads. That is a guard against accidents, not against an attacker with database access; against
//! that, verification with an earlier published head (`tianping evidence check --head`) detects
//! any change to what the head covered.

use async_trait::async_trait;
use tianping_evidence::{Entry, HashAlg};

use crate::StoreError;

/// A leaf to append: its canonical data and a reference for lookups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLeaf {
    /// What the leaf attests, for lookups: `batch:<supplier>/<batch_id>`,
    /// `run:<run_id>/<detector>`, `finding:<finding_id>`, `case:<case_id>`, `file:<sha256>`.
    pub reference: String,
    /// `Entry::kind()`.
    pub kind: String,
    /// The canonical leaf data.
    pub data: Vec<u8>,
    /// `SHA-256(0x00 ‖ data)`.
    pub sha256: [u8; 32],
    /// `SM3(0x00 ‖ data)`.
    pub sm3: [u8; 32],
}

impl NewLeaf {
    /// Encodes `entry` and hashes it with both algorithms.
    pub fn from_entry(reference: impl Into<String>, entry: &Entry) -> Result<NewLeaf, StoreError> {
        let data = entry
            .encode()
            .map_err(|e| StoreError::Decode(format!("evidence entry: {e}")))?;
        Ok(NewLeaf::from_data(reference, entry.kind(), data))
    }

    /// Hashes already encoded leaf data.
    pub fn from_data(reference: impl Into<String>, kind: &str, data: Vec<u8>) -> NewLeaf {
        NewLeaf {
            reference: reference.into(),
            kind: kind.to_string(),
            sha256: *HashAlg::Sha256.leaf_hash(&data).as_bytes(),
            sm3: *HashAlg::Sm3.leaf_hash(&data).as_bytes(),
            data,
        }
    }
}

/// A stored leaf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredLeaf {
    /// Its index in the log (0-based).
    pub index: u64,
    /// What it attests (see [`NewLeaf::reference`]).
    pub reference: String,
    /// `Entry::kind()`.
    pub kind: String,
    /// The canonical leaf data.
    pub data: Vec<u8>,
    /// Stored SHA-256 leaf hash.
    pub sha256: [u8; 32],
    /// Stored SM3 leaf hash.
    pub sm3: [u8; 32],
}

impl StoredLeaf {
    /// The stored leaf hash for `alg`.
    pub fn hash(&self, alg: HashAlg) -> [u8; 32] {
        match alg {
            HashAlg::Sha256 => self.sha256,
            HashAlg::Sm3 => self.sm3,
        }
    }
}

/// A signed tree head as stored: the encoded `SignedTreeHead` plus the fields to find it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredHead {
    /// `sha256` or `sm3`.
    pub hash_alg: String,
    /// Number of leaves covered.
    pub tree_size: u64,
    /// Head time (ms since the Unix epoch, UTC).
    pub timestamp_ms: i64,
    /// Root hash, lowercase hex.
    pub root: String,
    /// The signed head as JSON (`tianping_evidence::bundle::HeadJson`).
    pub signed: String,
}

/// The evidence log's part of the store.
#[async_trait]
pub trait EvidenceStore: Send + Sync {
    /// Appends leaves in one transaction; returns the index of the first.
    async fn append_evidence(&self, leaves: &[NewLeaf]) -> Result<u64, StoreError>;

    /// Number of leaves.
    async fn evidence_size(&self) -> Result<u64, StoreError>;

    /// Stored leaf hashes of `alg` for indexes `start..end`, in order.
    async fn evidence_hashes(
        &self,
        alg: HashAlg,
        start: u64,
        end: u64,
    ) -> Result<Vec<[u8; 32]>, StoreError>;

    /// Leaves `start..end` with their data, in order.
    async fn evidence_leaves(&self, start: u64, end: u64) -> Result<Vec<StoredLeaf>, StoreError>;

    /// Leaves attesting `reference`, oldest first.
    async fn evidence_by_reference(&self, reference: &str) -> Result<Vec<StoredLeaf>, StoreError>;

    /// Records a signed head (idempotent for the same algorithm, size and time).
    async fn save_head(&self, head: &StoredHead) -> Result<(), StoreError>;

    /// Signed heads of `alg`, oldest first.
    async fn heads(&self, hash_alg: &str) -> Result<Vec<StoredHead>, StoreError>;
}

/// The `BatchReceipt` entry a committed receipt is logged as, when the receipt names its supplier,
/// batch and digest (a receipt of a delivery whose manifest could not be read names none and is
/// kept as a delivery, not logged).
pub fn receipt_leaf(receipt: &tianping_ingest::Receipt) -> Result<Option<NewLeaf>, StoreError> {
    let (Some(supplier), Some(batch_id), Some(digest)) = (
        receipt.supplier.as_ref(),
        receipt.batch_id.as_ref(),
        receipt.batch_digest.as_ref(),
    ) else {
        return Ok(None);
    };
    let batch_sha256 = tianping_evidence::Hash::from_hex(digest)
        .ok_or_else(|| StoreError::Decode(format!("batch digest {digest:?} is not a SHA-256")))?;
    let received_at_ms = chrono::DateTime::parse_from_rfc3339(&receipt.received_at)
        .map_err(|e| {
            StoreError::Decode(format!(
                "receipt received_at {:?}: {e}",
                receipt.received_at
            ))
        })?
        .timestamp_millis();
    let entry = Entry::BatchReceipt {
        supplier: supplier.clone(),
        batch_id: batch_id.clone(),
        batch_sha256,
        received_at_ms,
        rows_accepted: receipt.accepted,
        rows_quarantined: receipt.quarantined,
    };
    NewLeaf::from_entry(format!("batch:{supplier}/{batch_id}"), &entry).map(Some)
}

/// The `CaseRecord` entry a clue or case event is logged as, in the transaction that stores it.
pub fn case_leaf(event: &crate::cases::CaseEventRow) -> Result<NewLeaf, StoreError> {
    let entry = Entry::CaseRecord {
        case_id: event.case_id.clone(),
        seq: u64::try_from(event.seq)
            .map_err(|_| StoreError::Decode(format!("case event seq {}", event.seq)))?,
        actor: event.actor.clone(),
        role: event.role.clone(),
        action: event.action.clone(),
        from_state: event.from_state.clone().unwrap_or_default(),
        to_state: event.to_state.clone(),
        reason: event.reason.clone(),
        at_ms: event.at_ms,
        event_sha256: HashAlg::Sha256.digest(event.body.as_bytes()),
    };
    NewLeaf::from_entry(format!("case:{}", event.case_id), &entry)
}
