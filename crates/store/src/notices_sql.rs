//! The SQL of the notices area ([`crate::notices::NoticeStore`]), written once for both backends
//! (same conventions as [`crate::sql`]). Expand it inside a module of its own in each backend:
//! `mod notices { tianping_store::impl_notices_queries!(super::SqliteStore, sqlx::Sqlite); }`.
//! `append_leaves` comes from `impl_store_queries!` in the parent module.

/// Expands `impl NoticeStore` for `$store`, a struct with a `pool: sqlx::Pool<$db>` field.
#[macro_export]
macro_rules! impl_notices_queries {
    ($store:ty, $db:ty) => {
        fn db_err(e: sqlx::Error) -> $crate::StoreError {
            $crate::StoreError::Database(e.to_string())
        }

        pub(super) const NOTICE_COLUMNS: &str = "notice_id, alert_id, merchant_key, practice, platform, department, region, state, due_date, due_unknown, version, issued_at_ms, updated_at_ms, case_id, body";
        const EVENT_COLUMNS: &str = "notice_id, seq, actor, role, action, from_state, to_state, reason, at_ms, body";

        pub(super) fn notice_from_row(row: &<$db as sqlx::Database>::Row) -> Result<$crate::notices::NoticeRow, $crate::StoreError> {
            use sqlx::Row;
            let unknown: i64 = row.try_get("due_unknown").map_err(db_err)?;
            Ok($crate::notices::NoticeRow {
                notice_id: row.try_get("notice_id").map_err(db_err)?,
                alert_id: row.try_get("alert_id").map_err(db_err)?,
                merchant_key: row.try_get("merchant_key").map_err(db_err)?,
                practice: row.try_get("practice").map_err(db_err)?,
                platform: row.try_get("platform").map_err(db_err)?,
                department: row.try_get("department").map_err(db_err)?,
                region: row.try_get("region").map_err(db_err)?,
                state: row.try_get("state").map_err(db_err)?,
                due_date: row.try_get("due_date").map_err(db_err)?,
                due_unknown: unknown != 0,
                version: row.try_get("version").map_err(db_err)?,
                issued_at_ms: row.try_get("issued_at_ms").map_err(db_err)?,
                updated_at_ms: row.try_get("updated_at_ms").map_err(db_err)?,
                case_id: row.try_get("case_id").map_err(db_err)?,
                body: row.try_get("body").map_err(db_err)?,
            })
        }

        fn event_from_row(row: &<$db as sqlx::Database>::Row) -> Result<$crate::notices::NoticeEventRow, $crate::StoreError> {
            use sqlx::Row;
            Ok($crate::notices::NoticeEventRow {
                notice_id: row.try_get("notice_id").map_err(db_err)?,
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

        fn check_event(n: &$crate::notices::NoticeRow, e: &$crate::notices::NoticeEventRow) -> Result<(), $crate::StoreError> {
            if e.notice_id != n.notice_id || e.seq != n.version || e.to_state != n.state {
                return Err($crate::StoreError::Database(format!(
                    "event {}#{} → {} does not match notice {} v{} in {}",
                    e.notice_id, e.seq, e.to_state, n.notice_id, n.version, n.state
                )));
            }
            if e.actor.trim().is_empty() || e.reason.trim().is_empty() {
                return Err($crate::StoreError::Database(format!(
                    "event {}#{} has no actor or no reason",
                    e.notice_id, e.seq
                )));
            }
            Ok(())
        }

        fn check_step(
            expected_state: &str,
            expected_version: i64,
            n: &$crate::notices::NoticeRow,
            e: &$crate::notices::NoticeEventRow,
        ) -> Result<(), $crate::StoreError> {
            check_event(n, e)?;
            if n.version != expected_version + 1 || e.from_state.as_deref() != Some(expected_state) {
                return Err($crate::StoreError::Database(format!(
                    "step of {} to v{} does not follow {expected_state} v{expected_version}",
                    n.notice_id, n.version
                )));
            }
            Ok(())
        }

        /// Inserts the event and appends its leaf, both in `tx`.
        async fn insert_event(
            tx: &mut sqlx::Transaction<'_, $db>,
            e: &$crate::notices::NoticeEventRow,
        ) -> Result<(), $crate::StoreError> {
            super::append_leaves(tx, &[$crate::notices::notice_leaf(e)?]).await?;
            sqlx::query(
                "INSERT INTO notice_events (notice_id, seq, actor, role, action, from_state, to_state, reason, at_ms, body)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(&e.notice_id)
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

        /// Moves the notice under the optimistic check; `None` when it moved, else the outcome
        /// to return (the caller rolls back).
        async fn move_notice(
            tx: &mut sqlx::Transaction<'_, $db>,
            expected_state: &str,
            expected_version: i64,
            n: &$crate::notices::NoticeRow,
        ) -> Result<Option<$crate::notices::NoticeStepOutcome>, $crate::StoreError> {
            let moved = sqlx::query(
                "UPDATE notices SET state = $1, due_date = $2, due_unknown = $3, version = $4, updated_at_ms = $5,
                   case_id = $6, body = $7
                 WHERE notice_id = $8 AND state = $9 AND version = $10",
            )
            .bind(&n.state)
            .bind(&n.due_date)
            .bind(i64::from(n.due_unknown))
            .bind(n.version)
            .bind(n.updated_at_ms)
            .bind(&n.case_id)
            .bind(&n.body)
            .bind(&n.notice_id)
            .bind(expected_state)
            .bind(expected_version)
            .execute(&mut **tx)
            .await
            .map_err(db_err)?
            .rows_affected();
            if moved == 1 {
                return Ok(None);
            }
            let sql = format!("SELECT {NOTICE_COLUMNS} FROM notices WHERE notice_id = $1");
            let current = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(&n.notice_id)
                .fetch_optional(&mut **tx)
                .await
                .map_err(db_err)?;
            let current = current.as_ref().map(notice_from_row).transpose()?;
            Ok(Some(match current {
                None => $crate::notices::NoticeStepOutcome::NoNotice,
                Some(c) => $crate::notices::NoticeStepOutcome::Conflict { state: c.state, version: c.version },
            }))
        }

        #[async_trait::async_trait]
        impl $crate::notices::NoticeStore for $store {
            async fn issue_notice(
                &self,
                n: &$crate::notices::NoticeRow,
                e: &$crate::notices::NoticeEventRow,
            ) -> Result<$crate::notices::IssueOutcome, $crate::StoreError> {
                use sqlx::Row;
                check_event(n, e)?;
                if e.seq != 1 || e.from_state.is_some() {
                    return Err($crate::StoreError::Database(format!(
                        "the first event of notice {} must be seq 1 from no state",
                        n.notice_id
                    )));
                }
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // A write first (SQLite then holds the write lock before it reads): touches the
                // alert only if it is open.
                let open = sqlx::query("UPDATE alerts SET updated_at_ms = updated_at_ms WHERE alert_id = $1 AND status = 'open'")
                    .bind(&n.alert_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                if open != 1 {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok($crate::notices::IssueOutcome::NoOpenAlert);
                }
                let existing: Option<String> = sqlx::query(
                    "SELECT notice_id FROM notices WHERE alert_id = $1 AND state IN ('issued', 'replied')",
                )
                .bind(&n.alert_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db_err)?
                .map(|row| row.try_get("notice_id"))
                .transpose()
                .map_err(db_err)?;
                if let Some(notice_id) = existing {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok($crate::notices::IssueOutcome::AlreadyOpen { notice_id });
                }
                sqlx::query(
                    "INSERT INTO notices (notice_id, alert_id, merchant_key, practice, platform, department, region, state,
                       due_date, due_unknown, version, issued_at_ms, updated_at_ms, case_id, body)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
                )
                .bind(&n.notice_id)
                .bind(&n.alert_id)
                .bind(&n.merchant_key)
                .bind(&n.practice)
                .bind(&n.platform)
                .bind(&n.department)
                .bind(&n.region)
                .bind(&n.state)
                .bind(&n.due_date)
                .bind(i64::from(n.due_unknown))
                .bind(n.version)
                .bind(n.issued_at_ms)
                .bind(n.updated_at_ms)
                .bind(&n.case_id)
                .bind(&n.body)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                insert_event(&mut tx, e).await?;
                tx.commit().await.map_err(db_err)?;
                Ok($crate::notices::IssueOutcome::Issued)
            }

            async fn apply_notice_step(
                &self,
                expected_state: &str,
                expected_version: i64,
                n: &$crate::notices::NoticeRow,
                e: &$crate::notices::NoticeEventRow,
            ) -> Result<$crate::notices::NoticeStepOutcome, $crate::StoreError> {
                check_step(expected_state, expected_version, n, e)?;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                if let Some(outcome) = move_notice(&mut tx, expected_state, expected_version, n).await? {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(outcome);
                }
                insert_event(&mut tx, e).await?;
                tx.commit().await.map_err(db_err)?;
                Ok($crate::notices::NoticeStepOutcome::Applied)
            }

            async fn escalate_notice(
                &self,
                expected_state: &str,
                expected_version: i64,
                n: &$crate::notices::NoticeRow,
                e: &$crate::notices::NoticeEventRow,
                clue: &$crate::cases::CaseRow,
                opening: &$crate::cases::CaseEventRow,
            ) -> Result<$crate::notices::NoticeStepOutcome, $crate::StoreError> {
                use sqlx::Row;
                check_step(expected_state, expected_version, n, e)?;
                if clue.alert_id != n.alert_id
                    || n.case_id.as_deref() != Some(clue.case_id.as_str())
                    || opening.case_id != clue.case_id
                    || opening.seq != 1
                    || opening.from_state.is_some()
                    || opening.to_state != clue.state
                    || clue.version != 1
                {
                    return Err($crate::StoreError::Database(format!(
                        "escalation of notice {} does not match clue {} (alert {}, opening event #{})",
                        n.notice_id, clue.case_id, clue.alert_id, opening.seq
                    )));
                }
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                if let Some(outcome) = move_notice(&mut tx, expected_state, expected_version, n).await? {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(outcome);
                }
                let linked = sqlx::query("UPDATE alerts SET status = 'clue', case_id = $1 WHERE alert_id = $2 AND status = 'open'")
                    .bind(&clue.case_id)
                    .bind(&clue.alert_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                if linked != 1 {
                    let case_id: Option<Option<String>> = sqlx::query("SELECT case_id FROM alerts WHERE alert_id = $1")
                        .bind(&clue.alert_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(db_err)?
                        .map(|row| row.try_get("case_id"))
                        .transpose()
                        .map_err(db_err)?;
                    tx.rollback().await.map_err(db_err)?;
                    return Ok($crate::notices::NoticeStepOutcome::AlertTaken { case_id: case_id.flatten() });
                }
                insert_event(&mut tx, e).await?;
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
                super::append_leaves(&mut tx, &[$crate::evidence::case_leaf(opening)?]).await?;
                sqlx::query(
                    "INSERT INTO case_events (case_id, seq, actor, role, action, from_state, to_state, reason, at_ms, body)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(&opening.case_id)
                .bind(opening.seq)
                .bind(&opening.actor)
                .bind(&opening.role)
                .bind(&opening.action)
                .bind(&opening.from_state)
                .bind(&opening.to_state)
                .bind(&opening.reason)
                .bind(opening.at_ms)
                .bind(&opening.body)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                tx.commit().await.map_err(db_err)?;
                Ok($crate::notices::NoticeStepOutcome::Applied)
            }

            async fn notice(&self, notice_id: &str) -> Result<Option<$crate::notices::NoticeRow>, $crate::StoreError> {
                let sql = format!("SELECT {NOTICE_COLUMNS} FROM notices WHERE notice_id = $1");
                let row = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(notice_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?;
                row.as_ref().map(notice_from_row).transpose()
            }

            async fn notices(&self, f: &$crate::notices::NoticeFilter) -> Result<Vec<$crate::notices::NoticeRow>, $crate::StoreError> {
                let sql = format!(
                    "SELECT {NOTICE_COLUMNS} FROM notices
                     WHERE ($1 = '' OR platform = $1)
                       AND ($2 = '' OR department = $2)
                       AND ($3 = '' OR region = $3)
                       AND ($4 = '' OR (state = 'issued' AND due_date IS NOT NULL AND due_date < $4))
                       AND ($5 = 0 OR due_unknown = 1)
                       AND ($6 = 1 OR state IN ('issued', 'replied'))
                     ORDER BY (due_date IS NULL), due_date, notice_id"
                );
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(f.platform.as_deref().unwrap_or(""))
                    .bind(f.department.as_deref().unwrap_or(""))
                    .bind(f.region.as_deref().unwrap_or(""))
                    .bind(f.overdue_on.as_deref().unwrap_or(""))
                    .bind(i64::from(f.due_unknown))
                    .bind(i64::from(f.include_finished))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(notice_from_row).collect()
            }

            async fn notice_events(&self, notice_id: &str) -> Result<Vec<$crate::notices::NoticeEventRow>, $crate::StoreError> {
                let sql = format!("SELECT {EVENT_COLUMNS} FROM notice_events WHERE notice_id = $1 ORDER BY seq");
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(notice_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(event_from_row).collect()
            }
        }
    };
}
