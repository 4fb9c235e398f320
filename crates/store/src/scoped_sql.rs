//! The SQL of the `scoped` area ([`crate::scoped::ScopedStore`]), written once for both backends
//! (same conventions as [`crate::sql`]). Expand it inside a module of its own in each backend,
//! beside the module `cases` whose row decoders it reuses: `mod scoped {
//! tianping_store::impl_scoped_queries!(super::SqliteStore, sqlx::Sqlite); }`.
//!
//! Scopes are bound as plain values (`''` = no condition): a supplier for delivered data; a
//! department and a region prefix (`substr(region, 1, length(prefix)) = prefix`) for clues and
//! cases. A scope that would bind an empty value where it means "this one" yields no row, never a
//! wider scope.

/// Expands `impl ScopedStore` for `$store`, a struct with a `pool: sqlx::Pool<$db>` field.
#[macro_export]
macro_rules! impl_scoped_queries {
    ($store:ty, $db:ty) => {
        fn db_err(e: sqlx::Error) -> $crate::StoreError {
            $crate::StoreError::Database(e.to_string())
        }

        use super::cases::{ALERT_COLUMNS, CASE_COLUMNS, alert_from_row, case_from_row};

        /// The supplier to bind (`''` = every row); `None`: no row.
        fn supplier_bind(scope: &$crate::pages::DataScope) -> Option<&str> {
            match scope {
                $crate::pages::DataScope::All => Some(""),
                $crate::pages::DataScope::Supplier(s) => (!s.is_empty()).then_some(s.as_str()),
                // Ingest health carries no region: a regional scope reaches none of it.
                $crate::pages::DataScope::OwnerRegion(_) | $crate::pages::DataScope::Nothing => None,
            }
        }

        /// (department, region prefix) to bind, `''` meaning "any"; `None`: no row (platforms
        /// own no clue or case).
        fn unit_binds(scope: &$crate::departments::UnitScope) -> Option<(&str, &str)> {
            use $crate::departments::UnitScope as U;
            match scope {
                U::All => Some(("", "")),
                U::Unit { department, region_prefix } => (!department.is_empty() && !region_prefix.is_empty())
                    .then_some((department.as_str(), region_prefix.as_str())),
                U::Region { region_prefix } => (!region_prefix.is_empty()).then_some(("", region_prefix.as_str())),
                U::Platform(_) | U::Nothing => None,
            }
        }

        /// (supplier, region prefix) to bind for alerts, `''` meaning "any"; `None`: no row. Like
        /// findings', an alert's region ([`crate::cases::AlertRow::region`]) lets a district of the
        /// data owner's department reach its own; a prefix never matches a NULL region.
        fn alert_binds(scope: &$crate::pages::DataScope) -> Option<(&str, &str)> {
            match scope {
                $crate::pages::DataScope::All => Some(("", "")),
                $crate::pages::DataScope::Supplier(s) => (!s.is_empty()).then_some((s.as_str(), "")),
                $crate::pages::DataScope::OwnerRegion(p) => (!p.is_empty()).then_some(("", p.as_str())),
                $crate::pages::DataScope::Nothing => None,
            }
        }

        const ALERT_SCOPE: &str =
            "($1 = '' OR subject_platform = $1 OR (subject_kind = 'platform' AND subject_id = $1))
             AND ($11 = '' OR substr(region, 1, length($11)) = $11)";
        const ALERT_COUNT_SCOPE: &str =
            "($1 = '' OR subject_platform = $1 OR (subject_kind = 'platform' AND subject_id = $1))
             AND ($2 = '' OR substr(region, 1, length($2)) = $2)";
        const CASE_SCOPE: &str =
            "($1 = '' OR department = $1) AND ($2 = '' OR substr(region, 1, length($2)) = $2)";

        fn count(n: i64) -> u64 {
            u64::try_from(n).unwrap_or(0)
        }

        #[async_trait::async_trait]
        impl $crate::scoped::ScopedStore for $store {
            async fn alerts_page(
                &self,
                scope: &$crate::pages::DataScope,
                f: &$crate::scoped::AlertFilter,
                after: Option<&$crate::pages::Cursor>,
                limit: u32,
            ) -> Result<$crate::pages::Paged<$crate::cases::AlertRow>, $crate::StoreError> {
                let Some((supplier, prefix)) = alert_binds(scope) else {
                    return Ok($crate::pages::Paged { items: Vec::new(), next: None });
                };
                let (has_after, rank, score, id) = match after {
                    None => (0i64, 0i64, 0f64, String::new()),
                    Some(c) => {
                        let (rank, score, id) = $crate::scoped::alert_cursor_key(c).ok_or_else(|| {
                            $crate::StoreError::Decode("alert cursor is not (rank, score, id)".into())
                        })?;
                        (1, rank, score, id)
                    }
                };
                let sql = format!(
                    "SELECT {ALERT_COLUMNS} FROM alerts
                     WHERE {ALERT_SCOPE}
                       AND ($2 = '' OR practice = $2)
                       AND ($3 = '' OR severity = $3)
                       AND ($4 = '' OR status = $4)
                       AND ($5 = '' OR merchant_key = $5)
                       AND ($6 = 0 OR severity_rank < $7
                            OR (severity_rank = $7 AND (score < $8 OR (score = $8 AND alert_id > $9))))
                     ORDER BY severity_rank DESC, score DESC, alert_id LIMIT $10"
                );
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(supplier)
                    .bind(f.practice.as_deref().unwrap_or(""))
                    .bind(f.severity.as_deref().unwrap_or(""))
                    .bind(f.status.as_deref().unwrap_or(""))
                    .bind(f.merchant_key.as_deref().unwrap_or(""))
                    .bind(has_after)
                    .bind(rank)
                    .bind(score)
                    .bind(&id)
                    .bind(i64::from(limit) + 1)
                    .bind(prefix)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                let rows = rows.iter().map(alert_from_row).collect::<Result<Vec<_>, _>>()?;
                Ok($crate::pages::into_page(rows, limit, $crate::scoped::alert_cursor))
            }

            async fn alert_counts(
                &self,
                scope: &$crate::pages::DataScope,
            ) -> Result<Vec<$crate::scoped::AlertCount>, $crate::StoreError> {
                use sqlx::Row;
                let Some((supplier, prefix)) = alert_binds(scope) else {
                    return Ok(Vec::new());
                };
                let sql = format!(
                    "SELECT practice, tier, status, COUNT(*) AS n FROM alerts WHERE {ALERT_COUNT_SCOPE}
                     GROUP BY practice, tier, status ORDER BY practice, tier, status"
                );
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(supplier)
                    .bind(prefix)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter()
                    .map(|row| {
                        Ok($crate::scoped::AlertCount {
                            practice: row.try_get("practice").map_err(db_err)?,
                            tier: row.try_get("tier").map_err(db_err)?,
                            status: row.try_get("status").map_err(db_err)?,
                            count: count(row.try_get("n").map_err(db_err)?),
                        })
                    })
                    .collect()
            }

            async fn ingest_health(
                &self,
                scope: &$crate::pages::DataScope,
            ) -> Result<Vec<$crate::scoped::IngestHealth>, $crate::StoreError> {
                use sqlx::Row;
                let Some(supplier) = supplier_bind(scope) else {
                    return Ok(Vec::new());
                };
                let rows = sqlx::query(
                    "SELECT supplier, COUNT(*) AS n,
                            SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END) AS rejected,
                            CAST(SUM(accepted_rows) AS BIGINT) AS accepted,
                            CAST(SUM(quarantined_rows) AS BIGINT) AS quarantined,
                            CAST(SUM(warning_rows) AS BIGINT) AS warnings, MAX(received_at) AS last_received_at
                     FROM batches WHERE ($1 = '' OR supplier = $1)
                     GROUP BY supplier ORDER BY supplier",
                )
                .bind(supplier)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter()
                    .map(|row| {
                        Ok($crate::scoped::IngestHealth {
                            supplier: row.try_get("supplier").map_err(db_err)?,
                            batches: count(row.try_get("n").map_err(db_err)?),
                            rejected: count(row.try_get("rejected").map_err(db_err)?),
                            accepted: count(row.try_get("accepted").map_err(db_err)?),
                            quarantined: count(row.try_get("quarantined").map_err(db_err)?),
                            warnings: count(row.try_get("warnings").map_err(db_err)?),
                            last_received_at: row.try_get("last_received_at").map_err(db_err)?,
                        })
                    })
                    .collect()
            }

            async fn case_counts(
                &self,
                scope: &$crate::departments::UnitScope,
                overdue_on: &str,
            ) -> Result<Vec<$crate::scoped::CaseStateCount>, $crate::StoreError> {
                use sqlx::Row;
                let Some((department, prefix)) = unit_binds(scope) else {
                    return Ok(Vec::new());
                };
                let sql = format!(
                    "SELECT state, COUNT(*) AS n,
                            SUM(CASE WHEN (due_date IS NOT NULL AND due_date < $3)
                                       OR (dispute_due IS NOT NULL AND dispute_due < $3) THEN 1 ELSE 0 END) AS overdue,
                            SUM(CASE WHEN due_unknown = 1 THEN 1 ELSE 0 END) AS unknown
                     FROM cases
                     WHERE {CASE_SCOPE} AND state NOT IN ('closed', 'not_filed')
                     GROUP BY state ORDER BY state"
                );
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(department)
                    .bind(prefix)
                    .bind(overdue_on)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter()
                    .map(|row| {
                        Ok($crate::scoped::CaseStateCount {
                            state: row.try_get("state").map_err(db_err)?,
                            open: count(row.try_get("n").map_err(db_err)?),
                            overdue: count(row.try_get("overdue").map_err(db_err)?),
                            due_unknown: count(row.try_get("unknown").map_err(db_err)?),
                        })
                    })
                    .collect()
            }

            async fn merchant_cases(
                &self,
                scope: &$crate::departments::UnitScope,
                merchant_key: &str,
                limit: u32,
            ) -> Result<$crate::pages::Paged<$crate::cases::CaseRow>, $crate::StoreError> {
                let Some((department, prefix)) = unit_binds(scope) else {
                    return Ok($crate::pages::Paged { items: Vec::new(), next: None });
                };
                let sql = format!(
                    "SELECT {CASE_COLUMNS} FROM cases
                     WHERE {CASE_SCOPE}
                       AND alert_id IN (SELECT alert_id FROM alerts WHERE merchant_key = $3)
                     ORDER BY case_id LIMIT $4"
                );
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(department)
                    .bind(prefix)
                    .bind(merchant_key)
                    .bind(i64::from(limit) + 1)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                let rows = rows.iter().map(case_from_row).collect::<Result<Vec<_>, _>>()?;
                Ok($crate::pages::into_page(rows, limit, |c| $crate::pages::Cursor::of(&[&c.case_id])))
            }
        }
    };
}
