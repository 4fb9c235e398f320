//! The SQL of the `departments` area ([`crate::departments::DepartmentStore`]), written once for
//! both backends (same conventions as [`crate::sql`]). Expand it inside a module of its own in
//! each backend: `mod departments { tianping_store::impl_departments_queries!(super::SqliteStore,
//! sqlx::Sqlite); }`, beside the modules `cases` and `notices` whose row decoders it reuses.
//!
//! Scopes are bound as plain values (`''` = no condition) and regions are compared by prefix with
//! `substr(region, 1, length(prefix)) = prefix`, so each list is one fixed statement on both
//! backends, ordered by a unique key and paged by keyset.

/// Expands `impl DepartmentStore` for `$store`, a struct with a `pool: sqlx::Pool<$db>` field.
#[macro_export]
macro_rules! impl_departments_queries {
    ($store:ty, $db:ty) => {
        fn db_err(e: sqlx::Error) -> $crate::StoreError {
            $crate::StoreError::Database(e.to_string())
        }

        // The case and notice decoders are the cases and notices areas' own (`pub(super)` in
        // their sibling modules `cases` and `notices` of each backend).
        use super::cases::{CASE_COLUMNS, case_from_row};
        use super::notices::{NOTICE_COLUMNS, notice_from_row};
        /// Tables whose `department` column holds a registry id, with their key column.
        const DEPARTMENT_COLUMNS: [(&str, &str); 3] =
            [("accounts", "user_id"), ("cases", "case_id"), ("notices", "notice_id")];

        fn department_from_row(row: &<$db as sqlx::Database>::Row) -> Result<$crate::departments::DepartmentRow, $crate::StoreError> {
            use sqlx::Row;
            let active: i64 = row.try_get("active").map_err(db_err)?;
            Ok($crate::departments::DepartmentRow {
                id: row.try_get("id").map_err(db_err)?,
                name_zh: row.try_get("name_zh").map_err(db_err)?,
                name_en: row.try_get("name_en").map_err(db_err)?,
                region: row.try_get("region").map_err(db_err)?,
                parent: row.try_get("parent").map_err(db_err)?,
                active: active != 0,
            })
        }

        /// (department, region prefix, platform) to bind, `''` meaning "any"; `None`: no row.
        fn scope_binds(scope: &$crate::departments::UnitScope) -> Option<(&str, &str, &str)> {
            use $crate::departments::UnitScope as U;
            match scope {
                U::All => Some(("", "", "")),
                U::Unit { department, region_prefix } => {
                    // An empty department or prefix would widen the scope: no row instead.
                    (!department.is_empty() && !region_prefix.is_empty())
                        .then_some((department.as_str(), region_prefix.as_str(), ""))
                }
                U::Region { region_prefix } => {
                    (!region_prefix.is_empty()).then_some(("", region_prefix.as_str(), ""))
                }
                U::Platform(p) => (!p.is_empty()).then_some(("", "", p.as_str())),
                U::Nothing => None,
            }
        }

        fn cursor_binds(after: Option<&$crate::pages::Cursor>) -> Result<(String, String), $crate::StoreError> {
            match after {
                Some(c) => Ok((c.part(0)?.to_string(), c.part(1)?.to_string())),
                None => Ok((String::new(), String::new())),
            }
        }

        #[async_trait::async_trait]
        impl $crate::departments::DepartmentStore for $store {
            async fn departments(&self) -> Result<Vec<$crate::departments::DepartmentRow>, $crate::StoreError> {
                let rows = sqlx::query("SELECT id, name_zh, name_en, region, parent, active FROM departments ORDER BY id")
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(department_from_row).collect()
            }

            async fn seed_departments(
                &self,
                rows: &[$crate::departments::DepartmentRow],
            ) -> Result<$crate::departments::SeedReport, $crate::StoreError> {
                use sqlx::Row;
                let mut report = $crate::departments::SeedReport::default();
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                for d in rows {
                    let updated = sqlx::query(
                        "UPDATE departments SET name_zh = $1, name_en = $2, region = $3, parent = $4, active = $5 WHERE id = $6",
                    )
                    .bind(&d.name_zh)
                    .bind(&d.name_en)
                    .bind(&d.region)
                    .bind(&d.parent)
                    .bind(i64::from(d.active))
                    .bind(&d.id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                    if updated == 1 {
                        report.updated += 1;
                        continue;
                    }
                    sqlx::query(
                        "INSERT INTO departments (id, name_zh, name_en, region, parent, active) VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(&d.id)
                    .bind(&d.name_zh)
                    .bind(&d.name_en)
                    .bind(&d.region)
                    .bind(&d.parent)
                    .bind(i64::from(d.active))
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                    report.inserted += 1;
                }
                let stored = sqlx::query("SELECT id FROM departments WHERE active = 1 ORDER BY id")
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(db_err)?;
                for row in &stored {
                    let id: String = row.try_get("id").map_err(db_err)?;
                    if !rows.iter().any(|d| d.id == id) {
                        sqlx::query("UPDATE departments SET active = 0 WHERE id = $1")
                            .bind(&id)
                            .execute(&mut *tx)
                            .await
                            .map_err(db_err)?;
                        report.deactivated.push(id);
                    }
                }
                let all = sqlx::query("SELECT id, name_zh, name_en, region, parent, active FROM departments ORDER BY id")
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .iter()
                    .map(department_from_row)
                    .collect::<Result<Vec<_>, _>>()?;
                let choices = all
                    .iter()
                    .map(|d| format!("{}（{}）", d.id, d.name_zh))
                    .collect::<Vec<_>>()
                    .join(", ");
                // Every row that holds no id: rewritten when its value is a department's Chinese
                // name; otherwise named in the error, all of them, and nothing changes.
                let mut moves: Vec<(&str, &str, String, String)> = Vec::new();
                let mut unmappable: Vec<String> = Vec::new();
                for (table, key) in DEPARTMENT_COLUMNS {
                    let sql = format!(
                        "SELECT {key} AS k, department FROM {table}
                         WHERE department NOT IN (SELECT id FROM departments) ORDER BY {key}"
                    );
                    let foreign = sqlx::query(sqlx::AssertSqlSafe(sql))
                        .fetch_all(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    for row in &foreign {
                        let k: String = row.try_get("k").map_err(db_err)?;
                        let value: String = row.try_get("department").map_err(db_err)?;
                        match all.iter().find(|d| d.name_zh == value.trim()) {
                            Some(d) => moves.push((table, key, k, d.id.clone())),
                            None => unmappable.push(format!("{table}.{key} = {k:?}: {value:?}")),
                        }
                    }
                }
                if !unmappable.is_empty() {
                    tx.rollback().await.map_err(db_err)?;
                    let rows = unmappable.join("; ");
                    return Err($crate::StoreError::Database(format!(
                        "部门迁移失败：{n} 行的部门不在部门登记中（{rows}；可选：{choices}），未做任何更改 / \
                         department migration failed: {n} rows have a department that is not in the registry \
                         ({rows}; valid: {choices}); nothing was changed",
                        n = unmappable.len()
                    )));
                }
                for (table, key, k, id) in &moves {
                    let sql = format!("UPDATE {table} SET department = $1 WHERE {key} = $2");
                    sqlx::query(sqlx::AssertSqlSafe(sql))
                        .bind(id)
                        .bind(k)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    match report.migrated.iter_mut().find(|(t, _)| t == table) {
                        Some((_, n)) => *n += 1,
                        None => report.migrated.push((table.to_string(), 1)),
                    }
                }
                tx.commit().await.map_err(db_err)?;
                Ok(report)
            }

            async fn department_orphans(&self) -> Result<Vec<$crate::departments::DepartmentOrphan>, $crate::StoreError> {
                use sqlx::Row;
                let mut out = Vec::new();
                for (table, key) in DEPARTMENT_COLUMNS {
                    let sql = format!(
                        "SELECT r.{key} AS k, r.department AS v, d.id AS maps_to FROM {table} r
                         LEFT JOIN departments d ON d.name_zh = trim(r.department)
                         WHERE r.department NOT IN (SELECT id FROM departments) ORDER BY r.{key}"
                    );
                    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db_err)?;
                    for row in &rows {
                        out.push($crate::departments::DepartmentOrphan {
                            table: table.to_string(),
                            key: key.to_string(),
                            row: row.try_get("k").map_err(db_err)?,
                            value: row.try_get("v").map_err(db_err)?,
                            maps_to: row.try_get("maps_to").map_err(db_err)?,
                        });
                    }
                }
                Ok(out)
            }

            async fn cases_page(
                &self,
                scope: &$crate::departments::UnitScope,
                f: &$crate::cases::QueueFilter,
                after: Option<&$crate::pages::Cursor>,
                limit: u32,
            ) -> Result<$crate::pages::Paged<$crate::cases::CaseRow>, $crate::StoreError> {
                let Some((department, prefix, platform)) = scope_binds(scope) else {
                    return Ok($crate::pages::Paged { items: Vec::new(), next: None });
                };
                if !platform.is_empty() {
                    // Clues and cases are no platform's.
                    return Ok($crate::pages::Paged { items: Vec::new(), next: None });
                }
                let (after_due, after_id) = cursor_binds(after)?;
                let sql = format!(
                    "SELECT {CASE_COLUMNS} FROM cases
                     WHERE ($1 = '' OR department = $1)
                       AND ($2 = '' OR substr(region, 1, length($2)) = $2)
                       AND ($3 = '' OR department = $3)
                       AND ($4 = '' OR region = $4)
                       AND ($5 = '' OR (due_date IS NOT NULL AND due_date < $5) OR (dispute_due IS NOT NULL AND dispute_due < $5))
                       AND ($6 = 0 OR due_unknown = 1)
                       AND ($7 = 1 OR state NOT IN ('closed', 'not_filed'))
                       AND ($8 = '' OR COALESCE(due_date, '9999-99-99') > $8
                            OR (COALESCE(due_date, '9999-99-99') = $8 AND case_id > $9))
                     ORDER BY COALESCE(due_date, '9999-99-99'), case_id LIMIT $10"
                );
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(department)
                    .bind(prefix)
                    .bind(f.department.as_deref().unwrap_or(""))
                    .bind(f.region.as_deref().unwrap_or(""))
                    .bind(f.overdue_on.as_deref().unwrap_or(""))
                    .bind(i64::from(f.due_unknown))
                    .bind(i64::from(f.include_finished))
                    .bind(&after_due)
                    .bind(&after_id)
                    .bind(i64::from(limit) + 1)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                let rows = rows.iter().map(case_from_row).collect::<Result<Vec<_>, _>>()?;
                Ok($crate::pages::into_page(rows, limit, |c| {
                    $crate::pages::Cursor::of(&[$crate::departments::due_key(c.due_date.as_deref()), &c.case_id])
                }))
            }

            async fn notices_page(
                &self,
                scope: &$crate::departments::UnitScope,
                f: &$crate::notices::NoticeFilter,
                after: Option<&$crate::pages::Cursor>,
                limit: u32,
            ) -> Result<$crate::pages::Paged<$crate::notices::NoticeRow>, $crate::StoreError> {
                let Some((department, prefix, platform)) = scope_binds(scope) else {
                    return Ok($crate::pages::Paged { items: Vec::new(), next: None });
                };
                let (after_due, after_id) = cursor_binds(after)?;
                let sql = format!(
                    "SELECT {NOTICE_COLUMNS} FROM notices
                     WHERE ($1 = '' OR department = $1)
                       AND ($2 = '' OR substr(region, 1, length($2)) = $2)
                       AND ($3 = '' OR platform = $3)
                       AND ($4 = '' OR platform = $4)
                       AND ($5 = '' OR department = $5)
                       AND ($6 = '' OR region = $6)
                       AND ($7 = '' OR (state = 'issued' AND due_date IS NOT NULL AND due_date < $7))
                       AND ($8 = 0 OR due_unknown = 1)
                       AND ($9 = 1 OR state IN ('issued', 'replied'))
                       AND ($10 = '' OR COALESCE(due_date, '9999-99-99') > $10
                            OR (COALESCE(due_date, '9999-99-99') = $10 AND notice_id > $11))
                     ORDER BY COALESCE(due_date, '9999-99-99'), notice_id LIMIT $12"
                );
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(department)
                    .bind(prefix)
                    .bind(platform)
                    .bind(f.platform.as_deref().unwrap_or(""))
                    .bind(f.department.as_deref().unwrap_or(""))
                    .bind(f.region.as_deref().unwrap_or(""))
                    .bind(f.overdue_on.as_deref().unwrap_or(""))
                    .bind(i64::from(f.due_unknown))
                    .bind(i64::from(f.include_finished))
                    .bind(&after_due)
                    .bind(&after_id)
                    .bind(i64::from(limit) + 1)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                let rows = rows.iter().map(notice_from_row).collect::<Result<Vec<_>, _>>()?;
                Ok($crate::pages::into_page(rows, limit, |n| {
                    $crate::pages::Cursor::of(&[$crate::departments::due_key(n.due_date.as_deref()), &n.notice_id])
                }))
            }
        }
    };
}
