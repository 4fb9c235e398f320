//! The evidence log (电子存证): an append-only, tamper-evident Merkle log per RFC 6962 §2.1
//! (RFC 9162 §2.1) with SHA-256 or SM3, signed tree heads (Ed25519), inclusion and consistency
//! proofs, and evidence bundles a court can verify offline.
//!
//! - [`hash`]: the algorithms and the domain-separated leaf and node hashes.
//! - [`entry`]: what is logged, and its canonical versioned leaf encoding.
//! - [`log`]: the Merkle log over a [`store::LeafStore`]: roots and proofs.
//! - [`proof`]: proofs and their verification.
//! - [`head`]: tree heads, their encoding, signing keys and signatures.
//! - [`store`]: the storage trait, an in-memory and an append-only file store.
//! - [`bundle`]: exporting an evidence bundle and [`bundle::verify_bundle`].
//!
//! **Architecture invariant:** no clock (every time is an argument), no IO except through the
//! store and the bundle functions, which touch only the paths they are given. Every decoder and
//! verifier is total: bad input is an error or a failed check, never a panic.
//! The format is specified in `docs/evidence.md`.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
#![warn(missing_docs)]

pub mod bundle;
mod codec;
pub mod entry;
pub mod hash;
pub mod head;
pub mod log;
pub mod proof;
pub mod store;

pub use bundle::{
    ExportItem, ExportRequest, Report, VerifyOptions, export_bundle, verify_bundle,
    verify_bundle_with,
};
pub use codec::DecodeError;
pub use entry::Entry;
pub use hash::{Hash, HashAlg};
pub use head::{PublicKey, SigAlg, SignedTreeHead, SigningKey, TreeHead};
pub use log::{Log, LogError};
pub use proof::{ConsistencyProof, InclusionProof, ProofError};
pub use store::{FileStore, LeafStore, MemoryStore, Recovery, StoreError};
