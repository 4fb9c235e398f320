//! The integration tests of `tianping-evidence`, one binary.

// RFC 6962 vectors from transparency-dev (every inclusion and consistency file) and SM3 vectors.
mod vectors;
// A reference Merkle tree written straight from RFC 6962 §2.1, against the log, and proptests.
mod props;
// The file store: reopen, torn tails at every byte, no rewriting.
mod file_store;
// Evidence bundles: round trip and tampering.
mod bundle;
