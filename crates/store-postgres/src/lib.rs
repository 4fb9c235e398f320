//! The production store: PostgreSQL (15), selected by a `postgres://` URL.
//!
//! Opening refuses to continue unless the server reports `fsync=on`, `synchronous_commit` not
//! `off`, and `full_page_writes=on`: an acknowledged batch must survive a server crash.
//! `data_checksums` is reported by [`tianping_store::Store::durability`].

use std::time::Duration;

use sqlx::Row;
use sqlx::postgres::{PgPool, PgPoolOptions};
use tianping_store::{Durability, StoreError};

/// The PostgreSQL backend.
#[derive(Clone)]
pub struct PostgresStore {
    pool: PgPool,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the URL: it may hold a password.
        f.debug_struct("PostgresStore").finish_non_exhaustive()
    }
}

fn db_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Database(e.to_string())
}

impl PostgresStore {
    /// Connects, runs migrations and checks durability.
    pub async fn open(url: &str) -> Result<PostgresStore, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(30))
            .connect(url)
            .await
            .map_err(db_error)?;
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .map_err(db_error)?;
        let store = PostgresStore { pool };
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
        "postgres"
    }

    async fn durability_report(&self) -> Result<Durability, StoreError> {
        let mut settings = Vec::new();
        for name in [
            "fsync",
            "synchronous_commit",
            "full_page_writes",
            "data_checksums",
        ] {
            let row = sqlx::query(sqlx::AssertSqlSafe(format!("SHOW {name}")))
                .fetch_one(&self.pool)
                .await
                .map_err(db_error)?;
            let value: String = row.try_get(0).map_err(db_error)?;
            settings.push((name.to_string(), value));
        }
        Ok(Durability {
            backend: "postgres".into(),
            settings,
        })
    }

    async fn check_durability(&self) -> Result<(), StoreError> {
        let report = self.durability_report().await?;
        for (name, value) in &report.settings {
            let ok = match name.as_str() {
                "fsync" | "full_page_writes" => value == "on",
                "synchronous_commit" => value != "off",
                _ => true,
            };
            if !ok {
                return Err(StoreError::UnsafeConfiguration(format!(
                    "postgres {name} = {value}"
                )));
            }
        }
        Ok(())
    }

    /// Closes the pool.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

tianping_store::impl_store_queries!(PostgresStore, sqlx::Postgres);

mod cases {
    tianping_store::impl_cases_queries!(super::PostgresStore, sqlx::Postgres);
}

mod accounts {
    tianping_store::impl_accounts_queries!(super::PostgresStore, sqlx::Postgres);
}

mod pages {
    tianping_store::impl_pages_queries!(super::PostgresStore, sqlx::Postgres);
}

mod notices {
    tianping_store::impl_notices_queries!(super::PostgresStore, sqlx::Postgres);
}

mod departments {
    tianping_store::impl_departments_queries!(super::PostgresStore, sqlx::Postgres);
}

mod scoped {
    tianping_store::impl_scoped_queries!(super::PostgresStore, sqlx::Postgres);
}

mod credit {
    tianping_store::impl_credit_queries!(super::PostgresStore, sqlx::Postgres);
}

mod params {
    tianping_store::impl_params_queries!(super::PostgresStore, sqlx::Postgres);
}

mod runs {
    tianping_store::impl_runs_queries!(super::PostgresStore, sqlx::Postgres);
}

mod audit_archive {
    tianping_store::impl_audit_archive_queries!(super::PostgresStore, sqlx::Postgres);
}
