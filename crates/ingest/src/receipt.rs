//! Receipts (data standard §4) and the quarantine records that back them.

use serde::{Deserialize, Serialize};

/// Outcome of one delivery of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BatchStatus {
    /// Accepted, possibly with quarantined rows.
    Accepted,
    /// Rejected whole: nothing of it was stored but its receipt.
    Rejected,
    /// An idempotent re-delivery of an accepted batch: nothing changed.
    Duplicate,
    /// The same batch id with different digests: rejected.
    Conflict,
}

impl BatchStatus {
    /// Name as in the standard.
    pub fn as_str(self) -> &'static str {
        match self {
            BatchStatus::Accepted => "accepted",
            BatchStatus::Rejected => "rejected",
            BatchStatus::Duplicate => "duplicate",
            BatchStatus::Conflict => "conflict",
        }
    }

    /// Parses the name as in the standard.
    pub fn parse(s: &str) -> Option<BatchStatus> {
        match s {
            "accepted" => Some(BatchStatus::Accepted),
            "rejected" => Some(BatchStatus::Rejected),
            "duplicate" => Some(BatchStatus::Duplicate),
            "conflict" => Some(BatchStatus::Conflict),
            _ => None,
        }
    }
}

/// Outcome of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    /// Read; its good rows are stored and its bad rows quarantined.
    Accepted,
    /// Not stored (its own fault, or its batch's).
    Rejected,
}

/// The receipt of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileReceipt {
    /// Table named in the manifest.
    pub table: String,
    /// Path named in the manifest.
    pub path: String,
    /// `accepted` or `rejected`.
    pub status: FileStatus,
    /// Rows declared in the manifest.
    pub rows: u64,
    /// Rows stored.
    pub accepted: u64,
    /// Rows quarantined.
    pub quarantined: u64,
    /// Accepted rows that carry a warning.
    pub warnings: u64,
    /// Why the file was rejected, in Chinese.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub reason: Option<String>,
    /// Why the file was rejected, in English.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub reason_en: Option<String>,
    /// Columns or keys present in the file that the standard does not define (ignored).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub ignored_columns: Vec<String>,
}

/// What the supplier gets back for a delivery (data standard §4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// `batch_id` from the manifest, when it could be read.
    pub batch_id: Option<String>,
    /// `supplier` from the manifest, when it could be read.
    pub supplier: Option<String>,
    /// Outcome.
    pub status: BatchStatus,
    /// Rows stored.
    pub accepted: u64,
    /// Rows quarantined.
    pub quarantined: u64,
    /// Accepted rows carrying warnings.
    pub warnings: u64,
    /// When this delivery was received (RFC 3339).
    pub received_at: String,
    /// One entry per manifest file.
    pub files: Vec<FileReceipt>,
    /// Why the batch was rejected or conflicts, in Chinese.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub reason: Option<String>,
    /// Why the batch was rejected or conflicts, in English.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub reason_en: Option<String>,
    /// Digest of the manifest's file list (see `Manifest::digest`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub batch_digest: Option<String>,
    /// For a duplicate: when the batch was first accepted.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub original_received_at: Option<String>,
}

impl Receipt {
    /// Whether the counts add up: for every batch not rejected whole, accepted + quarantined equals
    /// the rows in the manifest, for each file and in total.
    pub fn counts_balance(&self) -> bool {
        match self.status {
            BatchStatus::Rejected | BatchStatus::Conflict => true,
            BatchStatus::Accepted | BatchStatus::Duplicate => {
                let files_ok = self
                    .files
                    .iter()
                    .all(|f| f.accepted + f.quarantined == f.rows);
                let rows: u64 = self.files.iter().map(|f| f.rows).sum();
                files_ok && self.accepted + self.quarantined == rows
            }
        }
    }
}

/// A quarantined row: kept byte for byte, with where it came from and why it was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuarantinedRow {
    /// Manifest path of the file.
    pub file: String,
    /// Table of the file.
    pub table: String,
    /// 1-based number of the data record within the file (header excluded).
    pub record: u64,
    /// 1-based physical line where the record starts (CSV and JSON Lines).
    pub line: Option<u64>,
    /// The offending field, when one field is to blame.
    pub field: Option<String>,
    /// The offending value (masked when it is personal data; at most 256 characters).
    pub value: Option<String>,
    /// Rule code (see `tianping_domain::Rule::code`).
    pub rule: String,
    /// Explanation in Chinese.
    pub message: String,
    /// Explanation in English.
    pub message_en: String,
    /// The row exactly as received (for Parquet: the row as canonical JSON).
    pub raw: Vec<u8>,
    /// Whether `raw` holds personal data in the clear (a raw phone or ID number): shown only to
    /// those allowed to unmask.
    pub personal: bool,
}

/// A warning on an accepted row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowWarning {
    /// Manifest path of the file.
    pub file: String,
    /// Table of the file.
    pub table: String,
    /// 1-based data record number.
    pub record: u64,
    /// 1-based physical line.
    pub line: Option<u64>,
    /// Field concerned.
    pub field: String,
    /// Its value.
    pub value: String,
    /// Rule code.
    pub rule: String,
    /// Explanation in Chinese.
    pub message: String,
    /// Explanation in English.
    pub message_en: String,
}
