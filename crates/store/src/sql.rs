//! The SQL shared by both backends, written once.
//!
//! Both SQLite and PostgreSQL accept `$N` placeholders (in SQLite each `$N` must first appear in
//! numeric order, which every statement here respects), `ON CONFLICT … DO UPDATE`, and the column
//! types the migrations use (`TEXT`, 64-bit integers, byte strings). [`impl_store_queries!`]
//! expands the query code for a backend's pool type; each backend crate keeps its own connection
//! setup, durability checks and migrations.

/// Expands `impl Store` for `$store`, a struct with a `pool: sqlx::Pool<$db>` field and two
/// inherent methods `backend_name() -> &'static str` and `async fn durability_report(&self)`.
#[macro_export]
macro_rules! impl_store_queries {
    ($store:ty, $db:ty) => {
        fn db_err(e: sqlx::Error) -> $crate::StoreError {
            $crate::StoreError::Database(e.to_string())
        }

        fn u64_of(v: i64) -> u64 {
            u64::try_from(v).unwrap_or(0)
        }

        fn i64_of(v: u64) -> i64 {
            i64::try_from(v).unwrap_or(i64::MAX)
        }

        fn batch_from_row(row: &<$db as sqlx::Database>::Row) -> Result<$crate::BatchRecord, $crate::StoreError> {
            use sqlx::Row;
            let status: String = row.try_get("status").map_err(db_err)?;
            let receipt: String = row.try_get("receipt").map_err(db_err)?;
            Ok($crate::BatchRecord {
                supplier: row.try_get("supplier").map_err(db_err)?,
                batch_id: row.try_get("batch_id").map_err(db_err)?,
                status: tianping_ingest::BatchStatus::parse(&status)
                    .ok_or_else(|| $crate::StoreError::Decode(format!("batch status {status:?}")))?,
                batch_digest: row.try_get("batch_digest").map_err(db_err)?,
                delivery_id: row.try_get("delivery_id").map_err(db_err)?,
                received_at: row.try_get("received_at").map_err(db_err)?,
                receipt: $crate::receipt_from_json(&receipt)?,
            })
        }

        $crate::impl_evidence_queries!($store, $db);

        const BATCH_COLUMNS: &str =
            "supplier, batch_id, status, batch_digest, delivery_id, received_at, receipt";

        #[async_trait::async_trait]
        impl $crate::Store for $store {
            fn backend(&self) -> &'static str {
                Self::backend_name()
            }

            async fn durability(&self) -> Result<$crate::Durability, $crate::StoreError> {
                self.durability_report().await
            }

            async fn begin_delivery(&self, d: &$crate::NewDelivery) -> Result<(), $crate::StoreError> {
                sqlx::query(
                    "INSERT INTO deliveries (delivery_id, supplier, batch_id, batch_digest, delivery_sha256, received_at, state)
                     VALUES ($1, $2, $3, $4, $5, $6, 'open')",
                )
                .bind(&d.delivery_id)
                .bind(&d.supplier)
                .bind(&d.batch_id)
                .bind(&d.batch_digest)
                .bind(&d.delivery_sha256)
                .bind(&d.received_at)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }

            async fn add_issues(
                &self,
                delivery_id: &str,
                quarantined: &[tianping_ingest::QuarantinedRow],
                warnings: &[tianping_ingest::RowWarning],
            ) -> Result<(), $crate::StoreError> {
                use sqlx::Row;
                if quarantined.is_empty() && warnings.is_empty() {
                    return Ok(());
                }
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let state: Option<String> = sqlx::query("SELECT state FROM deliveries WHERE delivery_id = $1")
                    .bind(delivery_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .map(|row| row.try_get("state"))
                    .transpose()
                    .map_err(db_err)?;
                if state.as_deref() != Some("open") {
                    return Err($crate::StoreError::Database(format!("delivery {delivery_id} is not open")));
                }
                let next: i64 = sqlx::query("SELECT COALESCE(MAX(seq), 0) AS n FROM quarantine WHERE delivery_id = $1")
                    .bind(delivery_id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .try_get("n")
                    .map_err(db_err)?;
                for (i, q) in quarantined.iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO quarantine (delivery_id, seq, file, table_name, record, line, field, value, rule, message, message_en, raw, personal)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                    )
                    .bind(delivery_id)
                    .bind(next + 1 + i as i64)
                    .bind(&q.file)
                    .bind(&q.table)
                    .bind(i64_of(q.record))
                    .bind(q.line.map(i64_of))
                    .bind(&q.field)
                    .bind(&q.value)
                    .bind(&q.rule)
                    .bind(&q.message)
                    .bind(&q.message_en)
                    .bind(&q.raw)
                    .bind(i64::from(q.personal))
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                }
                let next: i64 = sqlx::query("SELECT COALESCE(MAX(seq), 0) AS n FROM row_warnings WHERE delivery_id = $1")
                    .bind(delivery_id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .try_get("n")
                    .map_err(db_err)?;
                for (i, w) in warnings.iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO row_warnings (delivery_id, seq, file, table_name, record, line, field, value, rule, message, message_en)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                    )
                    .bind(delivery_id)
                    .bind(next + 1 + i as i64)
                    .bind(&w.file)
                    .bind(&w.table)
                    .bind(i64_of(w.record))
                    .bind(w.line.map(i64_of))
                    .bind(&w.field)
                    .bind(&w.value)
                    .bind(&w.rule)
                    .bind(&w.message)
                    .bind(&w.message_en)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(())
            }

            async fn find_batch(&self, supplier: &str, batch_id: &str) -> Result<Option<$crate::BatchRecord>, $crate::StoreError> {
                let sql = format!("SELECT {BATCH_COLUMNS} FROM batches WHERE supplier = $1 AND batch_id = $2");
                let row = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(supplier)
                    .bind(batch_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?;
                row.as_ref().map(batch_from_row).transpose()
            }

            async fn commit_batch(
                &self,
                delivery_id: &str,
                receipt: &tianping_ingest::Receipt,
                files: &[$crate::LakeFile],
            ) -> Result<$crate::CommitOutcome, $crate::StoreError> {
                let status = match receipt.status {
                    tianping_ingest::BatchStatus::Accepted => "accepted",
                    tianping_ingest::BatchStatus::Rejected => "rejected",
                    other => {
                        return Err($crate::StoreError::Database(format!("cannot commit a batch as {}", other.as_str())));
                    }
                };
                let (Some(supplier), Some(batch_id), Some(digest)) =
                    (&receipt.supplier, &receipt.batch_id, &receipt.batch_digest)
                else {
                    return Err($crate::StoreError::Database("a committed receipt names its batch".into()));
                };
                let receipt_json = $crate::receipt_to_json(receipt)?;
                let leaf = $crate::evidence::receipt_leaf(receipt)?;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // Write first, so that SQLite takes the write lock before it reads.
                let updated = sqlx::query("UPDATE deliveries SET state = $1, receipt = $2 WHERE delivery_id = $3 AND state = 'open'")
                    .bind(status)
                    .bind(&receipt_json)
                    .bind(delivery_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                if updated.rows_affected() != 1 {
                    return Err($crate::StoreError::Database(format!("delivery {delivery_id} is not open")));
                }
                let sql = format!("SELECT {BATCH_COLUMNS} FROM batches WHERE supplier = $1 AND batch_id = $2");
                let existing = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(supplier)
                    .bind(batch_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db_err)?;
                if let Some(row) = existing {
                    let record = batch_from_row(&row)?;
                    if record.status == tianping_ingest::BatchStatus::Accepted {
                        tx.rollback().await.map_err(db_err)?;
                        return Ok($crate::CommitOutcome::AlreadyAccepted(Box::new(record)));
                    }
                }
                sqlx::query(
                    "INSERT INTO batches (supplier, batch_id, status, batch_digest, delivery_id, received_at, accepted_rows, quarantined_rows, warning_rows, receipt)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                     ON CONFLICT (supplier, batch_id) DO UPDATE SET
                       status = excluded.status, batch_digest = excluded.batch_digest, delivery_id = excluded.delivery_id,
                       received_at = excluded.received_at, accepted_rows = excluded.accepted_rows,
                       quarantined_rows = excluded.quarantined_rows, warning_rows = excluded.warning_rows, receipt = excluded.receipt",
                )
                .bind(supplier)
                .bind(batch_id)
                .bind(status)
                .bind(digest)
                .bind(delivery_id)
                .bind(&receipt.received_at)
                .bind(i64_of(receipt.accepted))
                .bind(i64_of(receipt.quarantined))
                .bind(i64_of(receipt.warnings))
                .bind(&receipt_json)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                if status == "rejected" {
                    // A batch rejected whole leaves only its receipt.
                    sqlx::query("DELETE FROM quarantine WHERE delivery_id = $1")
                        .bind(delivery_id)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    sqlx::query("DELETE FROM row_warnings WHERE delivery_id = $1")
                        .bind(delivery_id)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                }
                append_leaves(&mut tx, leaf.as_slice()).await?;
                for f in files {
                    sqlx::query(
                        "INSERT INTO lake_files (path, table_name, supplier, batch_id, delivery_id, rows, bytes)
                         VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    )
                    .bind(&f.path)
                    .bind(&f.table)
                    .bind(&f.supplier)
                    .bind(&f.batch_id)
                    .bind(delivery_id)
                    .bind(i64_of(f.rows))
                    .bind(i64_of(f.bytes))
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok($crate::CommitOutcome::Committed)
            }

            async fn finish_delivery(&self, delivery_id: &str, receipt: &tianping_ingest::Receipt) -> Result<(), $crate::StoreError> {
                let state = match receipt.status {
                    tianping_ingest::BatchStatus::Accepted => "accepted",
                    tianping_ingest::BatchStatus::Rejected => "rejected",
                    tianping_ingest::BatchStatus::Duplicate => "duplicate",
                    tianping_ingest::BatchStatus::Conflict => "conflict",
                };
                let receipt_json = $crate::receipt_to_json(receipt)?;
                let leaf = $crate::evidence::receipt_leaf(receipt)?;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                sqlx::query("UPDATE deliveries SET state = $1, receipt = $2 WHERE delivery_id = $3 AND state = 'open'")
                    .bind(state)
                    .bind(&receipt_json)
                    .bind(delivery_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                sqlx::query("DELETE FROM quarantine WHERE delivery_id = $1")
                    .bind(delivery_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                sqlx::query("DELETE FROM row_warnings WHERE delivery_id = $1")
                    .bind(delivery_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                tx.commit().await.map_err(db_err)?;
                Ok(())
            }

            async fn lake_files(&self, table: Option<&str>) -> Result<Vec<$crate::LakeFile>, $crate::StoreError> {
                use sqlx::Row;
                let rows = sqlx::query(
                    "SELECT f.path, f.table_name, f.supplier, f.batch_id, f.rows, f.bytes
                     FROM lake_files f JOIN batches b
                       ON b.supplier = f.supplier AND b.batch_id = f.batch_id AND b.delivery_id = f.delivery_id
                     WHERE b.status = 'accepted' AND ($1 = '' OR f.table_name = $1)
                     ORDER BY f.table_name, f.supplier, f.batch_id, f.path",
                )
                .bind(table.unwrap_or(""))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter()
                    .map(|row| {
                        Ok($crate::LakeFile {
                            path: row.try_get("path").map_err(db_err)?,
                            table: row.try_get("table_name").map_err(db_err)?,
                            supplier: row.try_get("supplier").map_err(db_err)?,
                            batch_id: row.try_get("batch_id").map_err(db_err)?,
                            rows: u64_of(row.try_get("rows").map_err(db_err)?),
                            bytes: u64_of(row.try_get("bytes").map_err(db_err)?),
                        })
                    })
                    .collect()
            }

            async fn batches(&self, limit: u32) -> Result<Vec<$crate::BatchRecord>, $crate::StoreError> {
                let sql = format!("SELECT {BATCH_COLUMNS} FROM batches ORDER BY received_at DESC, supplier, batch_id LIMIT $1");
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(i64::from(limit)).fetch_all(&self.pool).await.map_err(db_err)?;
                rows.iter().map(batch_from_row).collect()
            }

            async fn deliveries(&self, limit: u32) -> Result<Vec<$crate::DeliveryRecord>, $crate::StoreError> {
                use sqlx::Row;
                let rows = sqlx::query(
                    "SELECT delivery_id, supplier, batch_id, state, received_at, receipt FROM deliveries
                     ORDER BY received_at DESC, delivery_id LIMIT $1",
                )
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter()
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
                    .collect()
            }

            async fn quarantine(
                &self,
                supplier: &str,
                batch_id: &str,
                limit: u32,
                offset: u64,
            ) -> Result<Vec<tianping_ingest::QuarantinedRow>, $crate::StoreError> {
                use sqlx::Row;
                let rows = sqlx::query(
                    "SELECT q.file, q.table_name, q.record, q.line, q.field, q.value, q.rule, q.message, q.message_en, q.raw, q.personal
                     FROM quarantine q JOIN batches b ON b.delivery_id = q.delivery_id
                     WHERE b.supplier = $1 AND b.batch_id = $2 AND b.status = 'accepted'
                     ORDER BY q.seq LIMIT $3 OFFSET $4",
                )
                .bind(supplier)
                .bind(batch_id)
                .bind(i64::from(limit))
                .bind(i64_of(offset))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter()
                    .map(|row| {
                        let line: Option<i64> = row.try_get("line").map_err(db_err)?;
                        let personal: i64 = row.try_get("personal").map_err(db_err)?;
                        Ok(tianping_ingest::QuarantinedRow {
                            file: row.try_get("file").map_err(db_err)?,
                            table: row.try_get("table_name").map_err(db_err)?,
                            record: u64_of(row.try_get("record").map_err(db_err)?),
                            line: line.map(u64_of),
                            field: row.try_get("field").map_err(db_err)?,
                            value: row.try_get("value").map_err(db_err)?,
                            rule: row.try_get("rule").map_err(db_err)?,
                            message: row.try_get("message").map_err(db_err)?,
                            message_en: row.try_get("message_en").map_err(db_err)?,
                            raw: row.try_get("raw").map_err(db_err)?,
                            personal: personal != 0,
                        })
                    })
                    .collect()
            }

            async fn warnings(
                &self,
                supplier: &str,
                batch_id: &str,
                limit: u32,
                offset: u64,
            ) -> Result<Vec<tianping_ingest::RowWarning>, $crate::StoreError> {
                use sqlx::Row;
                let rows = sqlx::query(
                    "SELECT w.file, w.table_name, w.record, w.line, w.field, w.value, w.rule, w.message, w.message_en
                     FROM row_warnings w JOIN batches b ON b.delivery_id = w.delivery_id
                     WHERE b.supplier = $1 AND b.batch_id = $2 AND b.status = 'accepted'
                     ORDER BY w.seq LIMIT $3 OFFSET $4",
                )
                .bind(supplier)
                .bind(batch_id)
                .bind(i64::from(limit))
                .bind(i64_of(offset))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter()
                    .map(|row| {
                        let line: Option<i64> = row.try_get("line").map_err(db_err)?;
                        Ok(tianping_ingest::RowWarning {
                            file: row.try_get("file").map_err(db_err)?,
                            table: row.try_get("table_name").map_err(db_err)?,
                            record: u64_of(row.try_get("record").map_err(db_err)?),
                            line: line.map(u64_of),
                            field: row.try_get("field").map_err(db_err)?,
                            value: row.try_get("value").map_err(db_err)?,
                            rule: row.try_get("rule").map_err(db_err)?,
                            message: row.try_get("message").map_err(db_err)?,
                            message_en: row.try_get("message_en").map_err(db_err)?,
                        })
                    })
                    .collect()
            }

            async fn save_detection(
                &self,
                run: &$crate::DetectionRun,
                findings: &[$crate::StoredFinding],
                fingerprints: &[(String, String)],
                run_leaves: &[$crate::evidence::NewLeaf],
            ) -> Result<$crate::SaveSummary, $crate::StoreError> {
                use sqlx::Row;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                sqlx::query(
                    "INSERT INTO detection_runs (run_id, as_of, started_at, detectors, params, params_sha256, data_sha256, findings, new_findings)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(&run.run_id)
                .bind(&run.as_of)
                .bind(&run.started_at)
                .bind(&run.detectors)
                .bind(&run.params)
                .bind(&run.params_sha256)
                .bind(&run.data_sha256)
                .bind(i64_of(run.findings))
                .bind(0i64)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                let mut summary = $crate::SaveSummary::default();
                let mut leaves: Vec<$crate::evidence::NewLeaf> = run_leaves.to_vec();
                for f in findings {
                    let existing: Option<(String, String)> = sqlx::query("SELECT evidence_sha256, body FROM findings WHERE finding_id = $1")
                        .bind(&f.finding_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(db_err)?
                        .map(|row| Ok::<_, sqlx::Error>((row.try_get("evidence_sha256")?, row.try_get("body")?)))
                        .transpose()
                        .map_err(db_err)?;
                    if existing.as_ref().is_none_or(|(_, body)| *body != f.body) {
                        leaves.push(f.leaf.clone());
                    }
                    match existing.map(|(evidence, _)| evidence) {
                        None => {
                            summary.new += 1;
                            sqlx::query(
                                "INSERT INTO findings (finding_id, detector, rule, severity, subject_kind, subject_platform, subject_id, body, evidence_sha256, first_run, last_run, region)
                                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11)",
                            )
                            .bind(&f.finding_id)
                            .bind(&f.detector)
                            .bind(&f.rule)
                            .bind(&f.severity)
                            .bind(&f.subject_kind)
                            .bind(&f.subject_platform)
                            .bind(&f.subject_id)
                            .bind(&f.body)
                            .bind(&f.evidence_sha256)
                            .bind(&run.run_id)
                            .bind(&f.region)
                            .execute(&mut *tx)
                            .await
                            .map_err(db_err)?;
                        }
                        Some(old) => {
                            if old == f.evidence_sha256 {
                                summary.unchanged += 1;
                            } else {
                                summary.changed += 1;
                            }
                            sqlx::query(
                                "UPDATE findings SET severity = $1, body = $2, evidence_sha256 = $3, last_run = $4 WHERE finding_id = $5",
                            )
                            .bind(&f.severity)
                            .bind(&f.body)
                            .bind(&f.evidence_sha256)
                            .bind(&run.run_id)
                            .bind(&f.finding_id)
                            .execute(&mut *tx)
                            .await
                            .map_err(db_err)?;
                        }
                    }
                }
                append_leaves(&mut tx, &leaves).await?;
                sqlx::query("UPDATE detection_runs SET new_findings = $1 WHERE run_id = $2")
                    .bind(i64_of(summary.new))
                    .bind(&run.run_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                for (detector, fingerprint) in fingerprints {
                    sqlx::query(
                        "INSERT INTO detector_state (detector, fingerprint, run_id) VALUES ($1, $2, $3)
                         ON CONFLICT (detector) DO UPDATE SET fingerprint = excluded.fingerprint, run_id = excluded.run_id",
                    )
                    .bind(detector)
                    .bind(fingerprint)
                    .bind(&run.run_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(summary)
            }

            async fn detector_fingerprint(&self, detector: &str) -> Result<Option<String>, $crate::StoreError> {
                use sqlx::Row;
                sqlx::query("SELECT fingerprint FROM detector_state WHERE detector = $1")
                    .bind(detector)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?
                    .map(|row| row.try_get("fingerprint"))
                    .transpose()
                    .map_err(db_err)
            }

            async fn findings(&self, detectors: &[String]) -> Result<Vec<String>, $crate::StoreError> {
                use sqlx::Row;
                let rows = sqlx::query("SELECT detector, body FROM findings ORDER BY finding_id")
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                let mut out = Vec::with_capacity(rows.len());
                for row in &rows {
                    let detector: String = row.try_get("detector").map_err(db_err)?;
                    if detectors.is_empty() || detectors.contains(&detector) {
                        out.push(row.try_get("body").map_err(db_err)?);
                    }
                }
                Ok(out)
            }

            async fn detection_runs(&self, limit: u32) -> Result<Vec<$crate::DetectionRun>, $crate::StoreError> {
                use sqlx::Row;
                let rows = sqlx::query(
                    "SELECT run_id, as_of, started_at, detectors, params, params_sha256, data_sha256, findings, new_findings
                     FROM detection_runs ORDER BY started_at DESC, run_id LIMIT $1",
                )
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter()
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
                    .collect()
            }

            async fn collect_garbage(&self) -> Result<$crate::Garbage, $crate::StoreError> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let closed = sqlx::query("UPDATE deliveries SET state = 'interrupted' WHERE state = 'open'")
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                let q = sqlx::query("DELETE FROM quarantine WHERE delivery_id NOT IN (SELECT delivery_id FROM batches WHERE status = 'accepted')")
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                let w = sqlx::query("DELETE FROM row_warnings WHERE delivery_id NOT IN (SELECT delivery_id FROM batches WHERE status = 'accepted')")
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                sqlx::query("DELETE FROM lake_files WHERE delivery_id NOT IN (SELECT delivery_id FROM batches WHERE status = 'accepted')")
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                tx.commit().await.map_err(db_err)?;
                Ok($crate::Garbage { interrupted_deliveries: closed, issue_rows: q + w })
            }
        }
    };
}
