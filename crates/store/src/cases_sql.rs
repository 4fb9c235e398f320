//! The SQL of the cases area ([`crate::cases::CaseStore`]), written once for both backends (same
//! conventions as [`crate::sql`]). Expand it inside a module of its own in each backend:
//! `mod cases { tianping_store::impl_cases_queries!(super::SqliteStore, sqlx::Sqlite); }`.

/// Expands `impl CaseStore` for `$store`, a struct with a `pool: sqlx::Pool<$db>` field.
#[macro_export]
macro_rules! impl_cases_queries {
    ($store:ty, $db:ty) => {
        fn db_err(e: sqlx::Error) -> $crate::StoreError {
            $crate::StoreError::Database(e.to_string())
        }

        pub(super) const CASE_COLUMNS: &str = "case_id, alert_id, state, department, region, deadline_kind, due_date, due_unknown, dispute_due, version, opened_at_ms, updated_at_ms, body";
        pub(super) const ALERT_COLUMNS: &str = "alert_id, merchant_key, subject_kind, subject_platform, subject_id, practice, severity, severity_rank, score, tier, finding_ids, body, status, case_id, first_seen_ms, updated_at_ms, region";
        const EVENT_COLUMNS: &str = "case_id, seq, actor, role, action, from_state, to_state, reason, at_ms, body";

        pub(super) fn case_from_row(row: &<$db as sqlx::Database>::Row) -> Result<$crate::cases::CaseRow, $crate::StoreError> {
            use sqlx::Row;
            let unknown: i64 = row.try_get("due_unknown").map_err(db_err)?;
            Ok($crate::cases::CaseRow {
                case_id: row.try_get("case_id").map_err(db_err)?,
                alert_id: row.try_get("alert_id").map_err(db_err)?,
                state: row.try_get("state").map_err(db_err)?,
                department: row.try_get("department").map_err(db_err)?,
                region: row.try_get("region").map_err(db_err)?,
                deadline_kind: row.try_get("deadline_kind").map_err(db_err)?,
                due_date: row.try_get("due_date").map_err(db_err)?,
                due_unknown: unknown != 0,
                dispute_due: row.try_get("dispute_due").map_err(db_err)?,
                version: row.try_get("version").map_err(db_err)?,
                opened_at_ms: row.try_get("opened_at_ms").map_err(db_err)?,
                updated_at_ms: row.try_get("updated_at_ms").map_err(db_err)?,
                body: row.try_get("body").map_err(db_err)?,
            })
        }

        pub(super) fn alert_from_row(row: &<$db as sqlx::Database>::Row) -> Result<$crate::cases::AlertRow, $crate::StoreError> {
            use sqlx::Row;
            Ok($crate::cases::AlertRow {
                alert_id: row.try_get("alert_id").map_err(db_err)?,
                merchant_key: row.try_get("merchant_key").map_err(db_err)?,
                subject_kind: row.try_get("subject_kind").map_err(db_err)?,
                subject_platform: row.try_get("subject_platform").map_err(db_err)?,
                subject_id: row.try_get("subject_id").map_err(db_err)?,
                practice: row.try_get("practice").map_err(db_err)?,
                severity: row.try_get("severity").map_err(db_err)?,
                severity_rank: row.try_get("severity_rank").map_err(db_err)?,
                score: row.try_get("score").map_err(db_err)?,
                tier: row.try_get("tier").map_err(db_err)?,
                finding_ids: row.try_get("finding_ids").map_err(db_err)?,
                body: row.try_get("body").map_err(db_err)?,
                status: row.try_get("status").map_err(db_err)?,
                case_id: row.try_get("case_id").map_err(db_err)?,
                first_seen_ms: row.try_get("first_seen_ms").map_err(db_err)?,
                updated_at_ms: row.try_get("updated_at_ms").map_err(db_err)?,
                region: row.try_get("region").map_err(db_err)?,
            })
        }

        fn event_from_row(row: &<$db as sqlx::Database>::Row) -> Result<$crate::cases::CaseEventRow, $crate::StoreError> {
            use sqlx::Row;
            Ok($crate::cases::CaseEventRow {
                case_id: row.try_get("case_id").map_err(db_err)?,
                seq: row.try_get("seq").map_err(db_err)?,
                actor: row.try_get("actor").map_err(db_err)?,
                role: row.try_get("role").map_err(db_err)?,
                action: row.try_get("action").map_err(db_err)?,
                from_state: row.try_get("from_state").map_err(db_err)?,
                to_state: row.try_get("to_state").map_err(db_err)?,
                reason: row.try_get("reason").map_err(db_err)?,
                at_ms: row.try_get("at_ms").map_err(db_err)?,
                body: row.try_get("body").map_err(db_err)?,
            })
        }

        /// The checks a caller's rows must pass before anything is written.
        fn check_event(case: &$crate::cases::CaseRow, event: &$crate::cases::CaseEventRow) -> Result<(), $crate::StoreError> {
            if event.case_id != case.case_id || event.seq != case.version || event.to_state != case.state {
                return Err($crate::StoreError::Database(format!(
                    "event {}#{} → {} does not match case {} v{} in {}",
                    event.case_id, event.seq, event.to_state, case.case_id, case.version, case.state
                )));
            }
            if event.actor.trim().is_empty() || event.reason.trim().is_empty() {
                return Err($crate::StoreError::Database(format!(
                    "event {}#{} has no actor or no reason",
                    event.case_id, event.seq
                )));
            }
            Ok(())
        }

        /// Inserts the event and appends its `CaseRecord` leaf to the evidence log, both in `tx`
        /// (`append_leaves` comes from `impl_store_queries!`, expanded in the parent module).
        async fn insert_event(
            tx: &mut sqlx::Transaction<'_, $db>,
            e: &$crate::cases::CaseEventRow,
        ) -> Result<(), $crate::StoreError> {
            super::append_leaves(tx, &[$crate::evidence::case_leaf(e)?]).await?;
            sqlx::query(
                "INSERT INTO case_events (case_id, seq, actor, role, action, from_state, to_state, reason, at_ms, body)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(&e.case_id)
            .bind(e.seq)
            .bind(&e.actor)
            .bind(&e.role)
            .bind(&e.action)
            .bind(&e.from_state)
            .bind(&e.to_state)
            .bind(&e.reason)
            .bind(e.at_ms)
            .bind(&e.body)
            .execute(&mut **tx)
            .await
            .map_err(db_err)?;
            Ok(())
        }

        #[async_trait::async_trait]
        impl $crate::cases::CaseStore for $store {
            async fn upsert_alerts(&self, alerts: &[$crate::cases::AlertRow]) -> Result<$crate::cases::AlertSummary, $crate::StoreError> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let mut summary = $crate::cases::AlertSummary::default();
                for a in alerts {
                    // Update first (so SQLite takes the write lock before it reads), insert if absent.
                    let updated = sqlx::query(
                        "UPDATE alerts SET merchant_key = $1, severity = $2, severity_rank = $3, score = $4, tier = $5,
                           finding_ids = $6, body = $7, updated_at_ms = $8, region = $10
                         WHERE alert_id = $9",
                    )
                    .bind(&a.merchant_key)
                    .bind(&a.severity)
                    .bind(a.severity_rank)
                    .bind(a.score)
                    .bind(&a.tier)
                    .bind(&a.finding_ids)
                    .bind(&a.body)
                    .bind(a.updated_at_ms)
                    .bind(&a.alert_id)
                    .bind(&a.region)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                    if updated == 1 {
                        summary.updated += 1;
                        continue;
                    }
                    sqlx::query(
                        "INSERT INTO alerts (alert_id, merchant_key, subject_kind, subject_platform, subject_id, practice, severity,
                           severity_rank, score, tier, finding_ids, body, status, case_id, first_seen_ms, updated_at_ms, region)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open', NULL, $13, $13, $14)",
                    )
                    .bind(&a.alert_id)
                    .bind(&a.merchant_key)
                    .bind(&a.subject_kind)
                    .bind(&a.subject_platform)
                    .bind(&a.subject_id)
                    .bind(&a.practice)
                    .bind(&a.severity)
                    .bind(a.severity_rank)
                    .bind(a.score)
                    .bind(&a.tier)
                    .bind(&a.finding_ids)
                    .bind(&a.body)
                    .bind(a.updated_at_ms)
                    .bind(&a.region)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                    summary.new += 1;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(summary)
            }

            async fn alerts(&self, merchant_key: Option<&str>) -> Result<Vec<$crate::cases::AlertRow>, $crate::StoreError> {
                let sql = format!(
                    "SELECT {ALERT_COLUMNS} FROM alerts WHERE ($1 = '' OR merchant_key = $1)
                     ORDER BY severity_rank DESC, score DESC, alert_id"
                );
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(merchant_key.unwrap_or(""))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(alert_from_row).collect()
            }

            async fn create_clue(
                &self,
                clue: &$crate::cases::CaseRow,
                opening: &$crate::cases::CaseEventRow,
            ) -> Result<$crate::cases::ClueOutcome, $crate::StoreError> {
                use sqlx::Row;
                check_event(clue, opening)?;
                if opening.seq != 1 || opening.from_state.is_some() {
                    return Err($crate::StoreError::Database(format!(
                        "the opening event of {} must be seq 1 from no state",
                        clue.case_id
                    )));
                }
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let linked = sqlx::query("UPDATE alerts SET status = 'clue', case_id = $1 WHERE alert_id = $2 AND status = 'open'")
                    .bind(&clue.case_id)
                    .bind(&clue.alert_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                if linked != 1 {
                    let existing: Option<Option<String>> = sqlx::query("SELECT case_id FROM alerts WHERE alert_id = $1")
                        .bind(&clue.alert_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(db_err)?
                        .map(|row| row.try_get("case_id"))
                        .transpose()
                        .map_err(db_err)?;
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(match existing {
                        None => $crate::cases::ClueOutcome::NoAlert,
                        Some(case_id) => $crate::cases::ClueOutcome::AlreadyClue { case_id: case_id.unwrap_or_default() },
                    });
                }
                sqlx::query(
                    "INSERT INTO cases (case_id, alert_id, state, department, region, deadline_kind, due_date, due_unknown, dispute_due,
                       version, opened_at_ms, updated_at_ms, body)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                )
                .bind(&clue.case_id)
                .bind(&clue.alert_id)
                .bind(&clue.state)
                .bind(&clue.department)
                .bind(&clue.region)
                .bind(&clue.deadline_kind)
                .bind(&clue.due_date)
                .bind(i64::from(clue.due_unknown))
                .bind(&clue.dispute_due)
                .bind(clue.version)
                .bind(clue.opened_at_ms)
                .bind(clue.updated_at_ms)
                .bind(&clue.body)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                insert_event(&mut tx, opening).await?;
                tx.commit().await.map_err(db_err)?;
                Ok($crate::cases::ClueOutcome::Created)
            }

            async fn apply_transition(
                &self,
                expected_state: &str,
                expected_version: i64,
                case: &$crate::cases::CaseRow,
                event: &$crate::cases::CaseEventRow,
            ) -> Result<$crate::cases::TransitionOutcome, $crate::StoreError> {
                check_event(case, event)?;
                if case.version != expected_version + 1 || event.from_state.as_deref() != Some(expected_state) {
                    return Err($crate::StoreError::Database(format!(
                        "transition of {} to v{} does not follow {expected_state} v{expected_version}",
                        case.case_id, case.version
                    )));
                }
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let moved = sqlx::query(
                    "UPDATE cases SET state = $1, department = $2, region = $3, deadline_kind = $4, due_date = $5, due_unknown = $6,
                       dispute_due = $7, version = $8, updated_at_ms = $9, body = $10
                     WHERE case_id = $11 AND state = $12 AND version = $13",
                )
                .bind(&case.state)
                .bind(&case.department)
                .bind(&case.region)
                .bind(&case.deadline_kind)
                .bind(&case.due_date)
                .bind(i64::from(case.due_unknown))
                .bind(&case.dispute_due)
                .bind(case.version)
                .bind(case.updated_at_ms)
                .bind(&case.body)
                .bind(&case.case_id)
                .bind(expected_state)
                .bind(expected_version)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?
                .rows_affected();
                if moved != 1 {
                    let sql = format!("SELECT {CASE_COLUMNS} FROM cases WHERE case_id = $1");
                    let current = sqlx::query(sqlx::AssertSqlSafe(sql))
                        .bind(&case.case_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    let current = current.as_ref().map(case_from_row).transpose()?;
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(match current {
                        None => $crate::cases::TransitionOutcome::NoCase,
                        Some(c) => $crate::cases::TransitionOutcome::Conflict { state: c.state, version: c.version },
                    });
                }
                insert_event(&mut tx, event).await?;
                tx.commit().await.map_err(db_err)?;
                Ok($crate::cases::TransitionOutcome::Applied)
            }

            async fn case(&self, case_id: &str) -> Result<Option<$crate::cases::CaseRow>, $crate::StoreError> {
                let sql = format!("SELECT {CASE_COLUMNS} FROM cases WHERE case_id = $1");
                let row = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(case_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?;
                row.as_ref().map(case_from_row).transpose()
            }

            async fn case_queue(&self, f: &$crate::cases::QueueFilter) -> Result<Vec<$crate::cases::CaseRow>, $crate::StoreError> {
                let sql = format!(
                    "SELECT {CASE_COLUMNS} FROM cases
                     WHERE ($1 = '' OR department = $1)
                       AND ($2 = '' OR region = $2)
                       AND ($3 = '' OR (due_date IS NOT NULL AND due_date < $3) OR (dispute_due IS NOT NULL AND dispute_due < $3))
                       AND ($4 = 0 OR due_unknown = 1)
                       AND ($5 = 1 OR state NOT IN ('closed', 'not_filed'))
                     ORDER BY (due_date IS NULL), due_date, case_id"
                );
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(f.department.as_deref().unwrap_or(""))
                    .bind(f.region.as_deref().unwrap_or(""))
                    .bind(f.overdue_on.as_deref().unwrap_or(""))
                    .bind(i64::from(f.due_unknown))
                    .bind(i64::from(f.include_finished))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(case_from_row).collect()
            }

            async fn case_events(&self, case_id: &str) -> Result<Vec<$crate::cases::CaseEventRow>, $crate::StoreError> {
                let sql = format!("SELECT {EVENT_COLUMNS} FROM case_events WHERE case_id = $1 ORDER BY seq");
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(case_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(event_from_row).collect()
            }
        }
    };
}
