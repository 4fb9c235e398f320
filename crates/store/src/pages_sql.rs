//! The SQL of the `pages` area, written once for both backends (see [`crate::sql`] for the dialect
//! rules). Expand [`impl_pages_queries!`] inside a module of the backend crate.
//!
//! Optional filters are bound as NULL and tested with `CAST($n AS TEXT) IS NULL`, so each query
//! is one fixed statement on both backends; every query is ordered by a unique key and paged by
//! keyset (`after` the last key), never by offset.

/// Expands `impl PageStore` for `$store`, a struct with a `pool: sqlx::Pool<$db>` field.
#[macro_export]
macro_rules! impl_pages_queries {
    ($store:ty, $db:ty) => {
        fn db_err(e: sqlx::Error) -> $crate::StoreError {
            $crate::StoreError::Database(e.to_string())
        }

        /// The supplier to bind (`None` = any) for batches and deliveries; `None`: no row.
        fn scope_supplier(scope: &$crate::pages::DataScope) -> Option<Option<&str>> {
            match scope {
                $crate::pages::DataScope::All => Some(None),
                $crate::pages::DataScope::Supplier(s) => Some(Some(s.as_str())),
                $crate::pages::DataScope::OwnerRegion(_) | $crate::pages::DataScope::Nothing => None,
            }
        }

        /// (supplier, region prefix) to bind for findings (`None` = any); `None`: no row.
        fn finding_scope(scope: &$crate::pages::DataScope) -> Option<(Option<&str>, Option<&str>)> {
            match scope {
                $crate::pages::DataScope::All => Some((None, None)),
                $crate::pages::DataScope::Supplier(s) => Some((Some(s.as_str()), None)),
                $crate::pages::DataScope::OwnerRegion(p) => {
                    (!p.is_empty()).then_some((None, Some(p.as_str())))
                }
                $crate::pages::DataScope::Nothing => None,
            }
        }

        fn fetch_limit(limit: u32) -> i64 {
            i64::from(limit) + 1
        }

        #[async_trait::async_trait]
        impl $crate::pages::PageStore for $store {
            async fn findings_page(
                &self,
                scope: &$crate::pages::DataScope,
                filter: &$crate::pages::FindingFilter,
                after: Option<&$crate::pages::Cursor>,
                limit: u32,
            ) -> Result<$crate::pages::Paged<String>, $crate::StoreError> {
                use sqlx::Row;
                let Some((supplier, prefix)) = finding_scope(scope) else {
                    return Ok($crate::pages::Paged { items: Vec::new(), next: None });
                };
                let after = after.map(|c| c.part(0)).transpose()?;
                // A region prefix never matches a NULL region (the owner's findings).
                let rows = sqlx::query(
                    "SELECT finding_id, body FROM findings
                     WHERE (CAST($1 AS TEXT) IS NULL OR subject_platform = $1
                            OR (subject_kind = 'platform' AND subject_id = $1))
                       AND (CAST($2 AS TEXT) IS NULL OR detector = $2)
                       AND (CAST($3 AS TEXT) IS NULL OR severity = $3)
                       AND (CAST($4 AS TEXT) IS NULL OR subject_id = $4)
                       AND (CAST($5 AS TEXT) IS NULL OR finding_id > $5)
                       AND (CAST($7 AS TEXT) IS NULL
                            OR (region IS NOT NULL AND substr(region, 1, length($7)) = $7))
                     ORDER BY finding_id LIMIT $6",
                )
                .bind(supplier)
                .bind(filter.detector.as_deref())
                .bind(filter.severity.as_deref())
                .bind(filter.subject.as_deref())
                .bind(after)
                .bind(fetch_limit(limit))
                .bind(prefix)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let rows = rows
                    .iter()
                    .map(|row| -> Result<(String, String), $crate::StoreError> {
                        Ok((
                            row.try_get("finding_id").map_err(db_err)?,
                            row.try_get("body").map_err(db_err)?,
                        ))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                let page = $crate::pages::into_page(rows, limit, |(id, _)| {
                    $crate::pages::Cursor::of(&[id.as_str()])
                });
                Ok($crate::pages::Paged {
                    items: page.items.into_iter().map(|(_, body)| body).collect(),
                    next: page.next,
                })
            }

            async fn finding_subjects(
                &self,
                detector: &str,
            ) -> Result<Vec<(String, String)>, $crate::StoreError> {
                use sqlx::Row;
                let rows = sqlx::query(
                    "SELECT DISTINCT subject_platform, subject_id FROM findings
                     WHERE detector = $1 AND subject_platform IS NOT NULL
                     ORDER BY subject_platform, subject_id",
                )
                .bind(detector)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter()
                    .map(|r| -> Result<(String, String), $crate::StoreError> {
                        Ok((
                            r.try_get("subject_platform").map_err(db_err)?,
                            r.try_get("subject_id").map_err(db_err)?,
                        ))
                    })
                    .collect()
            }

            async fn finding_body(
                &self,
                finding_id: &str,
            ) -> Result<Option<String>, $crate::StoreError> {
                use sqlx::Row;
                let row = sqlx::query("SELECT body FROM findings WHERE finding_id = $1")
                    .bind(finding_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?;
                row.map(|r| r.try_get("body").map_err(db_err)).transpose()
            }

            async fn finding_with_region(
                &self,
                finding_id: &str,
            ) -> Result<Option<(String, Option<String>)>, $crate::StoreError> {
                use sqlx::Row;
                let row = sqlx::query("SELECT body, region FROM findings WHERE finding_id = $1")
                    .bind(finding_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?;
                row.map(|r| -> Result<_, $crate::StoreError> {
                    Ok((
                        r.try_get("body").map_err(db_err)?,
                        r.try_get("region").map_err(db_err)?,
                    ))
                })
                .transpose()
            }

            async fn finding_regions(&self) -> Result<Vec<(String, String)>, $crate::StoreError> {
                use sqlx::Row;
                let rows = sqlx::query(
                    "SELECT finding_id, region FROM findings WHERE region IS NOT NULL ORDER BY finding_id",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter()
                    .map(|r| Ok((r.try_get("finding_id").map_err(db_err)?, r.try_get("region").map_err(db_err)?)))
                    .collect()
            }

            async fn subject_findings(
                &self,
                platform_id: &str,
                subject_id: &str,
                limit: u32,
            ) -> Result<$crate::pages::Paged<String>, $crate::StoreError> {
                use sqlx::Row;
                let rows = sqlx::query(
                    "SELECT finding_id, body FROM findings
                     WHERE subject_platform = $1 AND subject_id = $2
                     ORDER BY finding_id LIMIT $3",
                )
                .bind(platform_id)
                .bind(subject_id)
                .bind(fetch_limit(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let rows = rows
                    .iter()
                    .map(|row| -> Result<(String, String), $crate::StoreError> {
                        Ok((
                            row.try_get("finding_id").map_err(db_err)?,
                            row.try_get("body").map_err(db_err)?,
                        ))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                let page = $crate::pages::into_page(rows, limit, |(id, _)| {
                    $crate::pages::Cursor::of(&[id.as_str()])
                });
                Ok($crate::pages::Paged {
                    items: page.items.into_iter().map(|(_, body)| body).collect(),
                    next: page.next,
                })
            }

            async fn batches_page(
                &self,
                scope: &$crate::pages::DataScope,
                after: Option<&$crate::pages::Cursor>,
                limit: u32,
            ) -> Result<$crate::pages::Paged<$crate::BatchRecord>, $crate::StoreError> {
                use sqlx::Row;
                let Some(supplier) = scope_supplier(scope) else {
                    return Ok($crate::pages::Paged { items: Vec::new(), next: None });
                };
                let (at, s, b) = match after {
                    Some(c) => (Some(c.part(0)?), c.part(1)?, c.part(2)?),
                    None => (None, "", ""),
                };
                let rows = sqlx::query(
                    "SELECT supplier, batch_id, status, batch_digest, delivery_id, received_at, receipt
                     FROM batches
                     WHERE (CAST($1 AS TEXT) IS NULL OR supplier = $1)
                       AND (CAST($2 AS TEXT) IS NULL OR received_at < $2
                            OR (received_at = $2 AND (supplier > $3 OR (supplier = $3 AND batch_id > $4))))
                     ORDER BY received_at DESC, supplier, batch_id LIMIT $5",
                )
                .bind(supplier)
                .bind(at)
                .bind(s)
                .bind(b)
                .bind(fetch_limit(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let rows = rows
                    .iter()
                    .map(|row| {
                        let status: String = row.try_get("status").map_err(db_err)?;
                        let receipt: String = row.try_get("receipt").map_err(db_err)?;
                        Ok($crate::BatchRecord {
                            supplier: row.try_get("supplier").map_err(db_err)?,
                            batch_id: row.try_get("batch_id").map_err(db_err)?,
                            status: tianping_ingest::BatchStatus::parse(&status).ok_or_else(|| {
                                $crate::StoreError::Decode(format!("batch status {status:?}"))
                            })?,
                            batch_digest: row.try_get("batch_digest").map_err(db_err)?,
                            delivery_id: row.try_get("delivery_id").map_err(db_err)?,
                            received_at: row.try_get("received_at").map_err(db_err)?,
                            receipt: $crate::receipt_from_json(&receipt)?,
                        })
                    })
                    .collect::<Result<Vec<_>, $crate::StoreError>>()?;
                Ok($crate::pages::into_page(rows, limit, |b| {
                    $crate::pages::Cursor::of(&[&b.received_at, &b.supplier, &b.batch_id])
                }))
            }

            async fn deliveries_page(
                &self,
                scope: &$crate::pages::DataScope,
                after: Option<&$crate::pages::Cursor>,
                limit: u32,
            ) -> Result<$crate::pages::Paged<$crate::DeliveryRecord>, $crate::StoreError> {
                use sqlx::Row;
                let Some(supplier) = scope_supplier(scope) else {
                    return Ok($crate::pages::Paged { items: Vec::new(), next: None });
                };
                let (at, id) = match after {
                    Some(c) => (Some(c.part(0)?), c.part(1)?),
                    None => (None, ""),
                };
                let rows = sqlx::query(
                    "SELECT delivery_id, supplier, batch_id, state, received_at, receipt FROM deliveries
                     WHERE (CAST($1 AS TEXT) IS NULL OR supplier = $1)
                       AND (CAST($2 AS TEXT) IS NULL OR received_at < $2
                            OR (received_at = $2 AND delivery_id > $3))
                     ORDER BY received_at DESC, delivery_id LIMIT $4",
                )
                .bind(supplier)
                .bind(at)
                .bind(id)
                .bind(fetch_limit(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let rows = rows
                    .iter()
                    .map(|row| {
                        let receipt: Option<String> = row.try_get("receipt").map_err(db_err)?;
                        Ok($crate::DeliveryRecord {
                            delivery_id: row.try_get("delivery_id").map_err(db_err)?,
                            supplier: row.try_get("supplier").map_err(db_err)?,
                            batch_id: row.try_get("batch_id").map_err(db_err)?,
                            state: row.try_get("state").map_err(db_err)?,
                            received_at: row.try_get("received_at").map_err(db_err)?,
                            receipt: receipt.as_deref().map($crate::receipt_from_json).transpose()?,
                        })
                    })
                    .collect::<Result<Vec<_>, $crate::StoreError>>()?;
                Ok($crate::pages::into_page(rows, limit, |d| {
                    $crate::pages::Cursor::of(&[&d.received_at, &d.delivery_id])
                }))
            }
        }
    };
}
