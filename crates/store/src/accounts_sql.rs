//! The SQL of the `accounts` area, written once for both backends (see [`crate::sql`] for the
//! dialect rules). Expand [`impl_accounts_queries!`] inside a module of the backend crate.

/// Expands `impl AccountStore` for `$store`, a struct with a `pool: sqlx::Pool<$db>` field.
#[macro_export]
macro_rules! impl_accounts_queries {
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

        const ACCOUNT_COLUMNS: &str = "user_id, login, display_name, password_hash, totp_secret, totp_last_step, roles, department, region, failures, locked_until, disabled, created_at";
        const AUDIT_COLUMNS: &str = "seq, at, actor, action, target, outcome, detail, source, prev_hash, row_hash";

        fn account_from_row(
            row: &<$db as sqlx::Database>::Row,
        ) -> Result<$crate::accounts::AccountRecord, $crate::StoreError> {
            use sqlx::Row;
            let last: Option<i64> = row.try_get("totp_last_step").map_err(db_err)?;
            let failures: i64 = row.try_get("failures").map_err(db_err)?;
            let disabled: i64 = row.try_get("disabled").map_err(db_err)?;
            Ok($crate::accounts::AccountRecord {
                user_id: row.try_get("user_id").map_err(db_err)?,
                login: row.try_get("login").map_err(db_err)?,
                display_name: row.try_get("display_name").map_err(db_err)?,
                password_hash: row.try_get("password_hash").map_err(db_err)?,
                totp_secret: row.try_get("totp_secret").map_err(db_err)?,
                totp_last_step: last.map(u64_of),
                roles: row.try_get("roles").map_err(db_err)?,
                department: row.try_get("department").map_err(db_err)?,
                region: row.try_get("region").map_err(db_err)?,
                failures: u32::try_from(failures).unwrap_or(u32::MAX),
                locked_until: row.try_get("locked_until").map_err(db_err)?,
                disabled: disabled != 0,
                created_at: row.try_get("created_at").map_err(db_err)?,
            })
        }

        fn audit_from_row(
            row: &<$db as sqlx::Database>::Row,
        ) -> Result<$crate::accounts::AuditRecord, $crate::StoreError> {
            use sqlx::Row;
            let seq: i64 = row.try_get("seq").map_err(db_err)?;
            Ok($crate::accounts::AuditRecord {
                seq: u64_of(seq),
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
        }

        async fn insert_account<'c, E>(executor: E, a: &$crate::accounts::NewAccount) -> Result<bool, $crate::StoreError>
        where
            E: sqlx::Executor<'c, Database = $db>,
        {
            let done = sqlx::query(
                "INSERT INTO accounts (user_id, login, display_name, password_hash, totp_secret, roles, department, region, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (login) DO NOTHING",
            )
            .bind(&a.user_id)
            .bind(&a.login)
            .bind(&a.display_name)
            .bind(&a.password_hash)
            .bind(&a.totp_secret)
            .bind(&a.roles)
            .bind(&a.department)
            .bind(&a.region)
            .bind(&a.created_at)
            .execute(executor)
            .await
            .map_err(db_err)?;
            Ok(done.rows_affected() == 1)
        }

        #[async_trait::async_trait]
        impl $crate::accounts::AccountStore for $store {
            async fn count_accounts(&self) -> Result<u64, $crate::StoreError> {
                use sqlx::Row;
                let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM accounts")
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db_err)?
                    .try_get("n")
                    .map_err(db_err)?;
                Ok(u64_of(n))
            }

            async fn create_first_account(&self, a: &$crate::accounts::NewAccount) -> Result<bool, $crate::StoreError> {
                use sqlx::Row;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // Write first (SQLite takes the write lock); the primary key admits one setup ever.
                let marked = sqlx::query("INSERT INTO setup_marker (id, done_at) VALUES (1, $1) ON CONFLICT (id) DO NOTHING")
                    .bind(&a.created_at)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                if marked != 1 {
                    return Ok(false);
                }
                let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM accounts")
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .try_get("n")
                    .map_err(db_err)?;
                if n != 0 {
                    return Ok(false);
                }
                if !insert_account(&mut *tx, a).await? {
                    return Ok(false);
                }
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }

            async fn create_account(&self, a: &$crate::accounts::NewAccount) -> Result<bool, $crate::StoreError> {
                insert_account(&self.pool, a).await
            }

            async fn account_by_login(&self, login: &str) -> Result<Option<$crate::accounts::AccountRecord>, $crate::StoreError> {
                let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE login = $1");
                sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(login)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?
                    .as_ref()
                    .map(account_from_row)
                    .transpose()
            }

            async fn account_by_id(&self, user_id: &str) -> Result<Option<$crate::accounts::AccountRecord>, $crate::StoreError> {
                let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE user_id = $1");
                sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(user_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?
                    .as_ref()
                    .map(account_from_row)
                    .transpose()
            }

            async fn list_accounts(
                &self,
                filter: &$crate::accounts::AccountFilter,
                limit: u32,
                offset: u64,
            ) -> Result<Vec<$crate::accounts::AccountRecord>, $crate::StoreError> {
                let sql = format!(
                    "SELECT {ACCOUNT_COLUMNS} FROM accounts
                     WHERE ($1 IS NULL OR department = $1) AND ($2 IS NULL OR region LIKE $2 || '%')
                     ORDER BY login LIMIT $3 OFFSET $4"
                );
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(filter.department.as_deref())
                    .bind(filter.region_prefix.as_deref())
                    .bind(i64::from(limit))
                    .bind(i64_of(offset))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(account_from_row).collect()
            }

            async fn set_lock_state(&self, user_id: &str, failures: u32, locked_until: Option<&str>) -> Result<(), $crate::StoreError> {
                sqlx::query("UPDATE accounts SET failures = $1, locked_until = $2 WHERE user_id = $3")
                    .bind(i64::from(failures))
                    .bind(locked_until)
                    .bind(user_id)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(())
            }

            async fn record_login_success(&self, user_id: &str, totp_step: u64) -> Result<bool, $crate::StoreError> {
                let done = sqlx::query(
                    "UPDATE accounts SET totp_last_step = $1, failures = 0, locked_until = NULL
                     WHERE user_id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
                )
                .bind(i64_of(totp_step))
                .bind(user_id)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(done.rows_affected() == 1)
            }

            async fn set_password_hash(&self, user_id: &str, password_hash: &str) -> Result<(), $crate::StoreError> {
                sqlx::query("UPDATE accounts SET password_hash = $1 WHERE user_id = $2")
                    .bind(password_hash)
                    .bind(user_id)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(())
            }

            async fn set_roles(&self, user_id: &str, roles: &str) -> Result<bool, $crate::StoreError> {
                let done = sqlx::query("UPDATE accounts SET roles = $1 WHERE user_id = $2")
                    .bind(roles)
                    .bind(user_id)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(done.rows_affected() == 1)
            }

            async fn disable_account(&self, user_id: &str) -> Result<bool, $crate::StoreError> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let done = sqlx::query("UPDATE accounts SET disabled = 1 WHERE user_id = $1")
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                tx.commit().await.map_err(db_err)?;
                Ok(done == 1)
            }

            async fn create_session(&self, s: &$crate::accounts::SessionRecord) -> Result<(), $crate::StoreError> {
                sqlx::query(
                    "INSERT INTO sessions (token_hash, user_id, created_at, last_seen, authenticated_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(&s.token_hash)
                .bind(&s.user_id)
                .bind(&s.created_at)
                .bind(&s.last_seen)
                .bind(&s.authenticated_at)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }

            async fn session(&self, token_hash: &str) -> Result<Option<$crate::accounts::SessionRecord>, $crate::StoreError> {
                use sqlx::Row;
                let row = sqlx::query(
                    "SELECT token_hash, user_id, created_at, last_seen, authenticated_at FROM sessions WHERE token_hash = $1",
                )
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?;
                row.map(|row| {
                    Ok($crate::accounts::SessionRecord {
                        token_hash: row.try_get("token_hash").map_err(db_err)?,
                        user_id: row.try_get("user_id").map_err(db_err)?,
                        created_at: row.try_get("created_at").map_err(db_err)?,
                        last_seen: row.try_get("last_seen").map_err(db_err)?,
                        authenticated_at: row.try_get("authenticated_at").map_err(db_err)?,
                    })
                })
                .transpose()
            }

            async fn touch_session(&self, token_hash: &str, now: &str) -> Result<(), $crate::StoreError> {
                sqlx::query("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2")
                    .bind(now)
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(())
            }

            async fn reauthenticate_session(&self, token_hash: &str, now: &str) -> Result<(), $crate::StoreError> {
                sqlx::query("UPDATE sessions SET last_seen = $1, authenticated_at = $1 WHERE token_hash = $2")
                    .bind(now)
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(())
            }

            async fn delete_session(&self, token_hash: &str) -> Result<(), $crate::StoreError> {
                sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(())
            }

            async fn create_api_key(&self, k: &$crate::accounts::ApiKeyRecord) -> Result<(), $crate::StoreError> {
                sqlx::query(
                    "INSERT INTO api_keys (key_hash, key_id, supplier, label, created_at, created_by, revoked) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(&k.key_hash)
                .bind(&k.key_id)
                .bind(&k.supplier)
                .bind(&k.label)
                .bind(&k.created_at)
                .bind(&k.created_by)
                .bind(i64::from(k.revoked))
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }

            async fn api_key(&self, key_hash: &str) -> Result<Option<$crate::accounts::ApiKeyRecord>, $crate::StoreError> {
                use sqlx::Row;
                let row = sqlx::query(
                    "SELECT key_hash, key_id, supplier, label, created_at, created_by, revoked FROM api_keys WHERE key_hash = $1",
                )
                .bind(key_hash)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?;
                row.map(|row| {
                    let revoked: i64 = row.try_get("revoked").map_err(db_err)?;
                    Ok($crate::accounts::ApiKeyRecord {
                        key_hash: row.try_get("key_hash").map_err(db_err)?,
                        key_id: row.try_get("key_id").map_err(db_err)?,
                        supplier: row.try_get("supplier").map_err(db_err)?,
                        label: row.try_get("label").map_err(db_err)?,
                        created_at: row.try_get("created_at").map_err(db_err)?,
                        created_by: row.try_get("created_by").map_err(db_err)?,
                        revoked: revoked != 0,
                    })
                })
                .transpose()
            }

            // --- web (helper): the administrators' pages.
            async fn enable_account(&self, user_id: &str) -> Result<bool, $crate::StoreError> {
                let done = sqlx::query(
                    "UPDATE accounts SET disabled = 0, failures = 0, locked_until = NULL WHERE user_id = $1",
                )
                .bind(user_id)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(done.rows_affected() == 1)
            }

            async fn reset_totp(&self, user_id: &str, sealed_secret: &str) -> Result<bool, $crate::StoreError> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let done = sqlx::query(
                    "UPDATE accounts SET totp_secret = $1, totp_last_step = NULL WHERE user_id = $2",
                )
                .bind(sealed_secret)
                .bind(user_id)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?
                .rows_affected();
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                tx.commit().await.map_err(db_err)?;
                Ok(done == 1)
            }

            async fn list_api_keys(&self, limit: u32) -> Result<Vec<$crate::accounts::ApiKeyRecord>, $crate::StoreError> {
                use sqlx::Row;
                let rows = sqlx::query(
                    "SELECT key_hash, key_id, supplier, label, created_at, created_by, revoked FROM api_keys
                     ORDER BY created_at, key_id LIMIT $1",
                )
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter()
                    .map(|row| {
                        let revoked: i64 = row.try_get("revoked").map_err(db_err)?;
                        Ok($crate::accounts::ApiKeyRecord {
                            key_hash: row.try_get("key_hash").map_err(db_err)?,
                            key_id: row.try_get("key_id").map_err(db_err)?,
                            supplier: row.try_get("supplier").map_err(db_err)?,
                            label: row.try_get("label").map_err(db_err)?,
                            created_at: row.try_get("created_at").map_err(db_err)?,
                            created_by: row.try_get("created_by").map_err(db_err)?,
                            revoked: revoked != 0,
                        })
                    })
                    .collect()
            }

            async fn revoke_api_key(&self, key_id: &str) -> Result<bool, $crate::StoreError> {
                let done = sqlx::query("UPDATE api_keys SET revoked = 1 WHERE key_id = $1")
                    .bind(key_id)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(done.rows_affected() == 1)
            }

            async fn append_audit(&self, e: &$crate::accounts::AuditEvent) -> Result<$crate::accounts::AuditRecord, $crate::StoreError> {
                use sqlx::Row;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // Write first: takes SQLite's write lock and PostgreSQL's row lock on the head,
                // so appends are serialised and the chain cannot fork.
                sqlx::query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1")
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db_err)?;
                let seq = u64_of(head.try_get("seq").map_err(db_err)?);
                let prev_hash: String = head.try_get("hash").map_err(db_err)?;
                let row_hash = e.chain_hash(seq, &prev_hash);
                let sql = format!("INSERT INTO audit_log ({AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)");
                sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(i64_of(seq))
                    .bind(&e.at)
                    .bind(&e.actor)
                    .bind(&e.action)
                    .bind(&e.target)
                    .bind(&e.outcome)
                    .bind(&e.detail)
                    .bind(&e.source)
                    .bind(&prev_hash)
                    .bind(&row_hash)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
                    .bind(&row_hash)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                tx.commit().await.map_err(db_err)?;
                Ok($crate::accounts::AuditRecord { seq, event: e.clone(), prev_hash, row_hash })
            }

            async fn audit_events(&self, limit: u32, before: Option<u64>) -> Result<Vec<$crate::accounts::AuditRecord>, $crate::StoreError> {
                let sql = format!("SELECT {AUDIT_COLUMNS} FROM audit_log WHERE ($1 IS NULL OR seq < $1) ORDER BY seq DESC LIMIT $2");
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(before.map(i64_of))
                    .bind(i64::from(limit))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(audit_from_row).collect()
            }

            async fn verify_audit_chain(&self) -> Result<$crate::accounts::AuditChainReport, $crate::StoreError> {
                let mut expected_seq = 1u64;
                let mut prev = $crate::accounts::GENESIS_HASH.to_string();
                let sql = format!("SELECT {AUDIT_COLUMNS} FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT 1000");
                loop {
                    let rows = sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
                        .bind(i64_of(expected_seq))
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db_err)?;
                    if rows.is_empty() {
                        break;
                    }
                    for row in &rows {
                        let r = audit_from_row(row)?;
                        let ok = r.seq == expected_seq
                            && r.prev_hash == prev
                            && r.row_hash == r.event.chain_hash(r.seq, &prev);
                        if !ok {
                            return Ok($crate::accounts::AuditChainReport {
                                rows: expected_seq - 1,
                                head: prev,
                                first_bad_seq: Some(expected_seq),
                            });
                        }
                        prev = r.row_hash;
                        expected_seq += 1;
                    }
                }
                // Rows deleted from the end leave the head counter ahead of the log.
                use sqlx::Row;
                let head_seq: i64 = sqlx::query("SELECT seq FROM audit_head WHERE id = 1")
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db_err)?
                    .try_get("seq")
                    .map_err(db_err)?;
                let rows = expected_seq - 1;
                Ok($crate::accounts::AuditChainReport {
                    rows,
                    head: prev,
                    first_bad_seq: (u64_of(head_seq) != rows).then_some(rows + 1),
                })
            }
        }
    };
}
