//! The evidence log's SQL, shared by both backends: expanded by [`impl_store_queries!`] in the
//! same module, so the ingest and detection queries append their leaves through
//! `append_leaves` inside their own transactions.
//!
//! [`impl_store_queries!`]: crate::impl_store_queries

/// Expands `append_leaves` and `impl EvidenceStore` for `$store`; called by
/// [`impl_store_queries!`](crate::impl_store_queries), which defines `db_err`, `u64_of` and
/// `i64_of` in the same module.
#[macro_export]
macro_rules! impl_evidence_queries {
    ($store:ty, $db:ty) => {
        /// Appends `leaves` in `tx` at the end of the log; returns the first index. The
        /// `UPDATE … RETURNING` takes the row lock of `evidence_state`, so concurrent appenders
        /// (PostgreSQL) get consecutive, gap-free ranges in commit order; SQLite has one writer.
        async fn append_leaves(
            tx: &mut sqlx::Transaction<'_, $db>,
            leaves: &[$crate::evidence::NewLeaf],
        ) -> Result<u64, $crate::StoreError> {
            use sqlx::Row;
            let row = sqlx::query("UPDATE evidence_state SET size = size + $1 WHERE id = 1 RETURNING size")
                .bind(i64_of(leaves.len() as u64))
                .fetch_one(&mut **tx)
                .await
                .map_err(db_err)?;
            let end: i64 = row.try_get("size").map_err(db_err)?;
            let first = u64_of(end) - leaves.len() as u64;
            for (i, leaf) in leaves.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO evidence_leaves (leaf_index, reference, kind, leaf_data, sha256, sm3)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(i64_of(first + i as u64))
                .bind(&leaf.reference)
                .bind(&leaf.kind)
                .bind(&leaf.data)
                .bind(&leaf.sha256[..])
                .bind(&leaf.sm3[..])
                .execute(&mut **tx)
                .await
                .map_err(db_err)?;
            }
            Ok(first)
        }

        fn hash32(bytes: Vec<u8>, what: &str) -> Result<[u8; 32], $crate::StoreError> {
            <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
                $crate::StoreError::Decode(format!("{what}: {} bytes, expected 32", bytes.len()))
            })
        }

        fn leaf_from_row(
            row: &<$db as sqlx::Database>::Row,
        ) -> Result<$crate::evidence::StoredLeaf, $crate::StoreError> {
            use sqlx::Row;
            let index: i64 = row.try_get("leaf_index").map_err(db_err)?;
            Ok($crate::evidence::StoredLeaf {
                index: u64_of(index),
                reference: row.try_get("reference").map_err(db_err)?,
                kind: row.try_get("kind").map_err(db_err)?,
                data: row.try_get("leaf_data").map_err(db_err)?,
                sha256: hash32(row.try_get("sha256").map_err(db_err)?, "leaf sha256")?,
                sm3: hash32(row.try_get("sm3").map_err(db_err)?, "leaf sm3")?,
            })
        }

        fn head_from_row(
            row: &<$db as sqlx::Database>::Row,
        ) -> Result<$crate::evidence::StoredHead, $crate::StoreError> {
            use sqlx::Row;
            let size: i64 = row.try_get("tree_size").map_err(db_err)?;
            Ok($crate::evidence::StoredHead {
                hash_alg: row.try_get("hash_alg").map_err(db_err)?,
                tree_size: u64_of(size),
                timestamp_ms: row.try_get("timestamp_ms").map_err(db_err)?,
                root: row.try_get("root").map_err(db_err)?,
                signed: row.try_get("signed").map_err(db_err)?,
            })
        }

        const LEAF_COLUMNS: &str = "leaf_index, reference, kind, leaf_data, sha256, sm3";

        #[async_trait::async_trait]
        impl $crate::evidence::EvidenceStore for $store {
            async fn append_evidence(
                &self,
                leaves: &[$crate::evidence::NewLeaf],
            ) -> Result<u64, $crate::StoreError> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let first = append_leaves(&mut tx, leaves).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(first)
            }

            async fn evidence_size(&self) -> Result<u64, $crate::StoreError> {
                use sqlx::Row;
                let row = sqlx::query("SELECT size FROM evidence_state WHERE id = 1")
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db_err)?;
                let size: i64 = row.try_get("size").map_err(db_err)?;
                Ok(u64_of(size))
            }

            async fn evidence_hashes(
                &self,
                alg: tianping_evidence::HashAlg,
                start: u64,
                end: u64,
            ) -> Result<Vec<[u8; 32]>, $crate::StoreError> {
                use futures::TryStreamExt;
                use sqlx::Row;
                let column = match alg {
                    tianping_evidence::HashAlg::Sha256 => "sha256",
                    tianping_evidence::HashAlg::Sm3 => "sm3",
                };
                let sql = format!(
                    "SELECT leaf_index, {column} AS h FROM evidence_leaves
                     WHERE leaf_index >= $1 AND leaf_index < $2 ORDER BY leaf_index"
                );
                let mut out = Vec::with_capacity(end.saturating_sub(start) as usize);
                let mut rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(i64_of(start))
                    .bind(i64_of(end))
                    .fetch(&self.pool);
                while let Some(row) = rows.try_next().await.map_err(db_err)? {
                    let index: i64 = row.try_get("leaf_index").map_err(db_err)?;
                    let expected = start + out.len() as u64;
                    if u64_of(index) != expected {
                        // A missing row is tampering or corruption: say so, never skip it.
                        return Err($crate::StoreError::Decode(format!(
                            "evidence leaf {expected} is missing (next stored index is {index})"
                        )));
                    }
                    out.push(hash32(row.try_get("h").map_err(db_err)?, "leaf hash")?);
                }
                if (out.len() as u64) != end.saturating_sub(start) {
                    return Err($crate::StoreError::Decode(format!(
                        "evidence leaves {}..{end} are missing",
                        start + out.len() as u64
                    )));
                }
                Ok(out)
            }

            async fn evidence_leaves(
                &self,
                start: u64,
                end: u64,
            ) -> Result<Vec<$crate::evidence::StoredLeaf>, $crate::StoreError> {
                let sql = format!(
                    "SELECT {LEAF_COLUMNS} FROM evidence_leaves
                     WHERE leaf_index >= $1 AND leaf_index < $2 ORDER BY leaf_index"
                );
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(i64_of(start))
                    .bind(i64_of(end))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(leaf_from_row).collect()
            }

            async fn evidence_by_reference(
                &self,
                reference: &str,
            ) -> Result<Vec<$crate::evidence::StoredLeaf>, $crate::StoreError> {
                let sql = format!(
                    "SELECT {LEAF_COLUMNS} FROM evidence_leaves WHERE reference = $1 ORDER BY leaf_index"
                );
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(reference)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(leaf_from_row).collect()
            }

            async fn save_head(
                &self,
                head: &$crate::evidence::StoredHead,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query(
                    "INSERT INTO evidence_heads (hash_alg, tree_size, timestamp_ms, root, signed)
                     VALUES ($1, $2, $3, $4, $5)
                     ON CONFLICT (hash_alg, tree_size, timestamp_ms) DO NOTHING",
                )
                .bind(&head.hash_alg)
                .bind(i64_of(head.tree_size))
                .bind(head.timestamp_ms)
                .bind(&head.root)
                .bind(&head.signed)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }

            async fn heads(
                &self,
                hash_alg: &str,
            ) -> Result<Vec<$crate::evidence::StoredHead>, $crate::StoreError> {
                let rows = sqlx::query(
                    "SELECT hash_alg, tree_size, timestamp_ms, root, signed FROM evidence_heads
                     WHERE hash_alg = $1 ORDER BY tree_size, timestamp_ms",
                )
                .bind(hash_alg)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter().map(head_from_row).collect()
            }
        }
    };
}
