//! The SQL of the `runs` area, written once for both backends (see [`crate::sql`] for the dialect
//! rules). Expand [`impl_runs_queries!`] inside a module of the backend crate.

/// Expands `impl RunStore` for `$store`, a struct with a `pool: sqlx::Pool<$db>` field.
#[macro_export]
macro_rules! impl_runs_queries {
    ($store:ty, $db:ty) => {
        fn db_err(e: sqlx::Error) -> $crate::StoreError {
            $crate::StoreError::Database(e.to_string())
        }

        fn u64_of(v: i64) -> u64 {
            u64::try_from(v).unwrap_or(0)
        }

        #[async_trait::async_trait]
        impl $crate::runs::RunStore for $store {
            async fn runs_page(
                &self,
                scope: &$crate::pages::DataScope,
                after: Option<&$crate::pages::Cursor>,
                limit: u32,
            ) -> Result<$crate::pages::Paged<$crate::DetectionRun>, $crate::StoreError> {
                use sqlx::Row;
                if *scope != $crate::pages::DataScope::All {
                    return Ok($crate::pages::Paged { items: Vec::new(), next: None });
                }
                let (at, id) = match after {
                    Some(c) => (Some(c.part(0)?), c.part(1)?),
                    None => (None, ""),
                };
                let rows = sqlx::query(
                    "SELECT run_id, as_of, started_at, detectors, params, params_sha256, data_sha256, findings, new_findings
                     FROM detection_runs
                     WHERE CAST($1 AS TEXT) IS NULL OR started_at < $1
                           OR (started_at = $1 AND run_id > $2)
                     ORDER BY started_at DESC, run_id LIMIT $3",
                )
                .bind(at)
                .bind(id)
                .bind(i64::from(limit) + 1)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let rows = rows
                    .iter()
                    .map(|row| {
                        Ok($crate::DetectionRun {
                            run_id: row.try_get("run_id").map_err(db_err)?,
                            as_of: row.try_get("as_of").map_err(db_err)?,
                            started_at: row.try_get("started_at").map_err(db_err)?,
                            detectors: row.try_get("detectors").map_err(db_err)?,
                            params: row.try_get("params").map_err(db_err)?,
                            params_sha256: row.try_get("params_sha256").map_err(db_err)?,
                            data_sha256: row.try_get("data_sha256").map_err(db_err)?,
                            findings: u64_of(row.try_get("findings").map_err(db_err)?),
                            new_findings: u64_of(row.try_get("new_findings").map_err(db_err)?),
                        })
                    })
                    .collect::<Result<Vec<_>, $crate::StoreError>>()?;
                Ok($crate::pages::into_page(rows, limit, $crate::runs::run_cursor))
            }
        }
    };
}
