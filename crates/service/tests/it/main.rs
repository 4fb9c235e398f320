//! Integration tests of ingest, through the service on the embedded store. One binary:
mod support;

/// Archives, re-delivery, duplicates and conflicts.
mod deliveries;
/// Property: for any mix of good and bad rows, accepted + quarantined = delivered.
mod property;
/// Whole files and batches rejected (data standard §4, first bullet), with the exact reasons.
mod rejections;
/// Row-level rules: each quarantined with its exact rule, field and the raw bytes.
mod rows;
