//! The SQL of the `credit` area ([`crate::credit::CreditStore`]), written once for both backends
//! (same conventions as [`crate::sql`]). Expand it inside a module of its own in each backend:
//! `mod credit { tianping_store::impl_credit_queries!(super::SqliteStore, sqlx::Sqlite); }`;
//! `append_leaves` comes from `impl_store_queries!` in the parent module.

/// Expands `impl CreditStore` for `$store`, a struct with a `pool: sqlx::Pool<$db>` field.
#[macro_export]
macro_rules! impl_credit_queries {
    ($store:ty, $db:ty) => {
        fn db_err(e: sqlx::Error) -> $crate::StoreError {
            $crate::StoreError::Database(e.to_string())
        }

        fn class_from_row(
            row: &<$db as sqlx::Database>::Row,
        ) -> Result<$crate::credit::ClassRow, $crate::StoreError> {
            use sqlx::Row;
            Ok($crate::credit::ClassRow {
                as_of: row.try_get("as_of").map_err(db_err)?,
                uscc: row.try_get("uscc").map_err(db_err)?,
                class: row.try_get("class").map_err(db_err)?,
                points: row.try_get("points").map_err(db_err)?,
                model_version: row.try_get("model_version").map_err(db_err)?,
                body: row.try_get("body").map_err(db_err)?,
            })
        }

        fn draw_from_row(
            row: &<$db as sqlx::Database>::Row,
        ) -> Result<$crate::credit::DrawRow, $crate::StoreError> {
            use sqlx::Row;
            Ok($crate::credit::DrawRow {
                rng_key: row.try_get("rng_key").map_err(db_err)?,
                task_id: row.try_get("task_id").map_err(db_err)?,
                department: row.try_get("department").map_err(db_err)?,
                check_start: row.try_get("check_start").map_err(db_err)?,
                input_sha256: row.try_get("input_sha256").map_err(db_err)?,
                result_sha256: row.try_get("result_sha256").map_err(db_err)?,
                record: row.try_get("record").map_err(db_err)?,
                leaf_index: row.try_get("leaf_index").map_err(db_err)?,
                saved_at_ms: row.try_get("saved_at_ms").map_err(db_err)?,
            })
        }

        #[async_trait::async_trait]
        impl $crate::credit::CreditStore for $store {
            async fn save_classes(
                &self,
                as_of: &str,
                rows: &[$crate::credit::ClassRow],
            ) -> Result<(), $crate::StoreError> {
                if let Some(r) = rows.iter().find(|r| r.as_of != as_of) {
                    return Err($crate::StoreError::Decode(format!(
                        "class of {} is as of {}, not {as_of}",
                        r.uscc, r.as_of
                    )));
                }
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                sqlx::query("DELETE FROM credit_classes WHERE as_of = $1")
                    .bind(as_of)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                for r in rows {
                    sqlx::query(
                        "INSERT INTO credit_classes (as_of, uscc, class, points, model_version, body)
                         VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(&r.as_of)
                    .bind(&r.uscc)
                    .bind(&r.class)
                    .bind(r.points)
                    .bind(r.model_version)
                    .bind(&r.body)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(())
            }

            async fn latest_class(
                &self,
                uscc: &str,
            ) -> Result<Option<$crate::credit::ClassRow>, $crate::StoreError> {
                let row = sqlx::query(
                    "SELECT as_of, uscc, class, points, model_version, body FROM credit_classes
                     WHERE uscc = $1 ORDER BY as_of DESC LIMIT 1",
                )
                    .bind(uscc)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?;
                row.as_ref().map(class_from_row).transpose()
            }

            async fn classes_on(
                &self,
                as_of: &str,
            ) -> Result<Vec<$crate::credit::ClassRow>, $crate::StoreError> {
                let rows = sqlx::query(
                    "SELECT as_of, uscc, class, points, model_version, body FROM credit_classes
                     WHERE as_of = $1 ORDER BY uscc",
                )
                    .bind(as_of)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(class_from_row).collect()
            }

            async fn save_draw(
                &self,
                row: &$crate::credit::DrawRow,
                captured_by: &str,
            ) -> Result<$crate::credit::DrawSaved, $crate::StoreError> {
                use sqlx::Row;
                let stated = $crate::credit::record_department(&row.record)?;
                if stated != row.department {
                    return Err($crate::StoreError::Decode(format!(
                        "draw {}: department {:?} is not the record's input.plan.department {stated:?}",
                        row.task_id, row.department
                    )));
                }
                let leaf = $crate::credit::draw_leaf(row, captured_by)?;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let existing = sqlx::query(
                    "SELECT rng_key, result_sha256, leaf_index FROM credit_draws WHERE task_id = $1",
                )
                .bind(&row.task_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db_err)?;
                if let Some(found) = existing {
                    let rng_key: String = found.try_get("rng_key").map_err(db_err)?;
                    let result_sha256: String = found.try_get("result_sha256").map_err(db_err)?;
                    let leaf_index: i64 = found.try_get("leaf_index").map_err(db_err)?;
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(if rng_key != row.rng_key {
                        $crate::credit::DrawSaved::TaskDrawn { rng_key, leaf_index }
                    } else if result_sha256 == row.result_sha256 {
                        $crate::credit::DrawSaved::AlreadyStored { leaf_index }
                    } else {
                        $crate::credit::DrawSaved::Conflict { result_sha256 }
                    });
                }
                let first = super::append_leaves(&mut tx, std::slice::from_ref(&leaf)).await?;
                let leaf_index = i64::try_from(first)
                    .map_err(|_| $crate::StoreError::Decode(format!("leaf index {first}")))?;
                sqlx::query(
                    "INSERT INTO credit_draws (rng_key, task_id, check_start, input_sha256, result_sha256, record, leaf_index, saved_at_ms, department)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(&row.rng_key)
                .bind(&row.task_id)
                .bind(&row.check_start)
                .bind(&row.input_sha256)
                .bind(&row.result_sha256)
                .bind(&row.record)
                .bind(leaf_index)
                .bind(row.saved_at_ms)
                .bind(&row.department)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                tx.commit().await.map_err(db_err)?;
                Ok($crate::credit::DrawSaved::Stored { leaf_index })
            }

            async fn draws(
                &self,
                task_id: Option<&str>,
            ) -> Result<Vec<$crate::credit::DrawRow>, $crate::StoreError> {
                let rows = sqlx::query(
                    "SELECT rng_key, task_id, department, check_start, input_sha256, result_sha256, record, leaf_index, saved_at_ms
                     FROM credit_draws WHERE ($1 = '' OR task_id = $1) ORDER BY check_start, rng_key",
                )
                    .bind(task_id.unwrap_or(""))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(draw_from_row).collect()
            }

            async fn draws_in(
                &self,
                scope: &$crate::credit::DrawScope,
            ) -> Result<Vec<$crate::credit::DrawRow>, $crate::StoreError> {
                use $crate::credit::DrawScope as D;
                // '' binds "any department"; an empty department would widen the scope: no row.
                let department = match scope {
                    D::All => "",
                    D::Department(d) if !d.is_empty() => d.as_str(),
                    D::Department(_) | D::Nothing => return Ok(Vec::new()),
                };
                let rows = sqlx::query(
                    "SELECT rng_key, task_id, department, check_start, input_sha256, result_sha256, record, leaf_index, saved_at_ms
                     FROM credit_draws WHERE ($1 = '' OR department = $1)
                     ORDER BY check_start DESC, task_id",
                )
                    .bind(department)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(draw_from_row).collect()
            }
        }
    };
}
