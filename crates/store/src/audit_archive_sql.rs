//! The SQL of the `audit_archive` area, written once for both backends (see [`crate::sql`] for
//! the dialect rules). Expand [`impl_audit_archive_queries!`] inside a module of the backend crate.

/// Expands `impl AuditArchiveStore` for `$store`, a struct with a `pool: sqlx::Pool<$db>` field.
#[macro_export]
macro_rules! impl_audit_archive_queries {
    ($store:ty, $db:ty) => {
        fn db_err(e: sqlx::Error) -> $crate::StoreError {
            $crate::StoreError::Database(e.to_string())
        }

        #[async_trait::async_trait]
        impl $crate::audit_archive::AuditArchiveStore for $store {
            async fn audit_period(
                &self,
                from: &str,
                to: &str,
                after_seq: u64,
                limit: u32,
            ) -> Result<Vec<$crate::accounts::AuditRecord>, $crate::StoreError> {
                use sqlx::Row;
                let rows = sqlx::query(
                    "SELECT seq, at, actor, action, target, outcome, detail, source, prev_hash, row_hash
                     FROM audit_log WHERE seq > $1 AND at >= $2 AND at < $3
                     ORDER BY seq LIMIT $4",
                )
                .bind(i64::try_from(after_seq).unwrap_or(i64::MAX))
                .bind(from)
                .bind(to)
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter()
                    .map(|row| {
                        let seq: i64 = row.try_get("seq").map_err(db_err)?;
                        Ok($crate::accounts::AuditRecord {
                            seq: u64::try_from(seq).map_err(|_| {
                                $crate::StoreError::Decode(format!("audit seq {seq}"))
                            })?,
                            event: $crate::accounts::AuditEvent {
                                at: row.try_get("at").map_err(db_err)?,
                                actor: row.try_get("actor").map_err(db_err)?,
                                action: row.try_get("action").map_err(db_err)?,
                                target: row.try_get("target").map_err(db_err)?,
                                outcome: row.try_get("outcome").map_err(db_err)?,
                                detail: row.try_get("detail").map_err(db_err)?,
                                source: row.try_get("source").map_err(db_err)?,
                            },
                            prev_hash: row.try_get("prev_hash").map_err(db_err)?,
                            row_hash: row.try_get("row_hash").map_err(db_err)?,
                        })
                    })
                    .collect()
            }
        }
    };
}
