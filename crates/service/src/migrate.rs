//! `tianping migrate`: open the configured store (which applies any migration the binary carries
//! that the database lacks, in one transaction per migration) and report the versions and the
//! durability settings the store checked.

use serde::Serialize;
use tianping_store::migrations::MigrationStatus;
use tianping_store::{Durability, Store, StoreError};

use crate::Home;

/// What `migrate` found and did.
#[derive(Debug, Clone, Serialize)]
pub struct MigrateReport {
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// Every migration, in version order.
    pub migrations: Vec<MigrationStatus>,
    /// The durability settings as the database reports them.
    pub durability: Vec<(String, String)>,
}

impl MigrateReport {
    /// Whether every migration the binary carries is applied with its own checksum, and the
    /// database holds none the binary does not know.
    pub fn is_current(&self) -> bool {
        self.migrations
            .iter()
            .all(|m| m.applied && m.checksum_matches)
    }
}

/// Opens the store of `database_url` (or the home's SQLite store), migrating it, and reports.
pub async fn migrate(home: &Home, database_url: Option<&str>) -> Result<MigrateReport, StoreError> {
    let (migrations, durability): (Vec<MigrationStatus>, Durability) = match database_url {
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
            let store = tianping_store_postgres::PostgresStore::open(url).await?;
            (store.migrations().await?, store.durability().await?)
        }
        Some(url) if url.starts_with("sqlite:") => {
            let path = url
                .trim_start_matches("sqlite://")
                .trim_start_matches("sqlite:");
            let store =
                tianping_store_sqlite::SqliteStore::open(std::path::Path::new(path)).await?;
            (store.migrations().await?, store.durability().await?)
        }
        Some(other) => {
            // Named without its credentials, as `open_store` does.
            return Err(StoreError::BadUrl(format!(
                "{:?}: expected postgres://… or sqlite:PATH",
                other.split('@').next_back().unwrap_or_default()
            )));
        }
        None => {
            let store = tianping_store_sqlite::SqliteStore::open(&home.database_path()).await?;
            (store.migrations().await?, store.durability().await?)
        }
    };
    Ok(MigrateReport {
        backend: durability.backend,
        migrations,
        durability: durability.settings,
    })
}
