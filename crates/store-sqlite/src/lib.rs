//! The embedded store: SQLite in the home directory, WAL journal, `synchronous=FULL`.
//!
//! Opening refuses to continue unless the connection reports `journal_mode=wal` and
//! `synchronous=2` (FULL): a committed batch must survive power loss, not only a process crash.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::Row;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use tianping_store::{Durability, StoreError};

/// The SQLite backend.
#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").finish_non_exhaustive()
    }
}

fn db_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Database(e.to_string())
}

impl SqliteStore {
    /// Opens (creating if needed) the database file, runs migrations and checks durability.
    pub async fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite:")
            .map_err(db_error)?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(30));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(db_error)?;
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .map_err(db_error)?;
        let store = SqliteStore { pool };
        store.check_durability().await?;
        Ok(store)
    }

    /// The migrations this binary carries and whether this database has each applied (with the
    /// same checksum); `open` has already applied any that were missing.
    pub async fn migrations(
        &self,
    ) -> Result<Vec<tianping_store::migrations::MigrationStatus>, StoreError> {
        let migrator = sqlx::migrate!("./migrations");
        let rows = sqlx::query("SELECT version, success, checksum FROM _sqlx_migrations")
            .fetch_all(&self.pool)
            .await
            .map_err(db_error)?;
        let mut applied = Vec::with_capacity(rows.len());
        for row in rows {
            applied.push((
                row.try_get::<i64, _>(0).map_err(db_error)?,
                row.try_get::<bool, _>(1).map_err(db_error)?,
                row.try_get::<Vec<u8>, _>(2).map_err(db_error)?,
            ));
        }
        Ok(tianping_store::migrations::compare(
            migrator
                .iter()
                .map(|m| (m.version, &*m.description, &*m.checksum)),
            &applied,
        ))
    }

    fn backend_name() -> &'static str {
        "sqlite"
    }

    async fn durability_report(&self) -> Result<Durability, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db_error)?;
        let journal: String = sqlx::query("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await
            .map_err(db_error)?
            .try_get(0)
            .map_err(db_error)?;
        let synchronous: i64 = sqlx::query("PRAGMA synchronous")
            .fetch_one(&mut *conn)
            .await
            .map_err(db_error)?
            .try_get(0)
            .map_err(db_error)?;
        let integrity: String = sqlx::query("PRAGMA quick_check")
            .fetch_one(&mut *conn)
            .await
            .map_err(db_error)?
            .try_get(0)
            .map_err(db_error)?;
        Ok(Durability {
            backend: "sqlite".into(),
            settings: vec![
                ("journal_mode".into(), journal),
                ("synchronous".into(), synchronous.to_string()),
                ("quick_check".into(), integrity),
            ],
        })
    }

    async fn check_durability(&self) -> Result<(), StoreError> {
        let report = self.durability_report().await?;
        for (name, value) in &report.settings {
            let ok = match name.as_str() {
                "journal_mode" => value.eq_ignore_ascii_case("wal"),
                // 2 = FULL, 3 = EXTRA.
                "synchronous" => value == "2" || value == "3",
                "quick_check" => value == "ok",
                _ => true,
            };
            if !ok {
                return Err(StoreError::UnsafeConfiguration(format!(
                    "sqlite {name} = {value}"
                )));
            }
        }
        Ok(())
    }

    /// Runs `PRAGMA integrity_check` (used by the crash tests).
    pub async fn integrity_check(&self) -> Result<String, StoreError> {
        let row = sqlx::query("PRAGMA integrity_check")
            .fetch_one(&self.pool)
            .await
            .map_err(db_error)?;
        row.try_get(0).map_err(db_error)
    }

    /// Closes the pool, checkpointing the WAL.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

tianping_store::impl_store_queries!(SqliteStore, sqlx::Sqlite);

mod cases {
    tianping_store::impl_cases_queries!(super::SqliteStore, sqlx::Sqlite);
}

mod accounts {
    tianping_store::impl_accounts_queries!(super::SqliteStore, sqlx::Sqlite);
}

mod pages {
    tianping_store::impl_pages_queries!(super::SqliteStore, sqlx::Sqlite);
}

mod notices {
    tianping_store::impl_notices_queries!(super::SqliteStore, sqlx::Sqlite);
}

mod departments {
    tianping_store::impl_departments_queries!(super::SqliteStore, sqlx::Sqlite);
}

mod scoped {
    tianping_store::impl_scoped_queries!(super::SqliteStore, sqlx::Sqlite);
}

mod credit {
    tianping_store::impl_credit_queries!(super::SqliteStore, sqlx::Sqlite);
}

mod params {
    tianping_store::impl_params_queries!(super::SqliteStore, sqlx::Sqlite);
}

mod runs {
    tianping_store::impl_runs_queries!(super::SqliteStore, sqlx::Sqlite);
}

mod audit_archive {
    tianping_store::impl_audit_archive_queries!(super::SqliteStore, sqlx::Sqlite);
}
