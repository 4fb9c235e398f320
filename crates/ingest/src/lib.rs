//! Ingest of the platform data exchange standard v1 (`shared/spec/data-standard.md`).
//!
//! The flow for one delivery: [`source::open_batch`] (directory or archive, manifest parsed),
//! [`source::verify_file`] for every listed file (existence, size, SHA-256), then
//! [`read::read_file`] streams each file through the table's [`validate::Validator`], sending
//! accepted rows to a [`read::RowSink`] (the lake) and refused rows, kept byte for byte, to an
//! [`read::IssueSink`] (the quarantine). [`receipt`] holds what the supplier gets back.
//!
//! This crate does no storage and reads no clock: the service decides what is committed and when.

pub mod keys;
pub mod limits;
pub mod manifest;
pub mod read;
pub mod receipt;
pub mod source;
pub mod validate;

pub use limits::Limits;
pub use manifest::{Format, Manifest, ManifestFile};
pub use receipt::{BatchStatus, FileReceipt, FileStatus, QuarantinedRow, Receipt, RowWarning};
