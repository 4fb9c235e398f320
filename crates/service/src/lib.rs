//! The façade the CLI (and later the server) drives: the home directory, the store, and ingest
//! from a delivered path to a committed batch and its receipt.
//!
//! The commit protocol (see `ARCHITECTURE.md`): read and validate every file, writing accepted rows
//! to new Parquet parts and refused rows to the delivery's quarantine; fsync the parts; then one
//! store transaction makes the delivery the batch's current state and lists its parts. Until that
//! commit nothing of the delivery is visible; after it, everything is.

pub mod assist;
pub mod audit_anchor;
pub mod audit_archive;
pub mod audit_retention;
pub mod cases;
pub mod clock;
pub mod departments;
pub mod evidence;
pub mod feedback_letter;
pub mod finding_proof;
pub mod home;
pub mod ingest;
pub mod migrate;
pub mod notices;
pub mod params;
pub mod stream;
pub mod transfer;
pub mod transfer_letter;

pub use home::{Home, HomeError};
pub use ingest::{IngestError, Ingestor, Progress, SilentProgress};

use std::sync::Arc;

use tianping_store::{Store, StoreError};

/// Opens the store: PostgreSQL when `database_url` is a `postgres://` (or `postgresql://`) URL,
/// else the embedded SQLite database in the home directory.
pub async fn open_store(
    home: &Home,
    database_url: Option<&str>,
) -> Result<Arc<dyn Store>, StoreError> {
    match database_url {
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => Ok(
            Arc::new(tianping_store_postgres::PostgresStore::open(url).await?),
        ),
        Some(url) if url.starts_with("sqlite:") => {
            let path = url
                .trim_start_matches("sqlite://")
                .trim_start_matches("sqlite:");
            Ok(Arc::new(
                tianping_store_sqlite::SqliteStore::open(std::path::Path::new(path)).await?,
            ))
        }
        Some(other) => Err(StoreError::BadUrl(format!(
            "{:?}: expected postgres://… or sqlite:PATH",
            other.split('@').next_back().unwrap_or_default()
        ))),
        None => Ok(Arc::new(
            tianping_store_sqlite::SqliteStore::open(&home.database_path()).await?,
        )),
    }
}
