//! The SQL of the `params` area ([`crate::params::ParamStore`]), written once for both backends
//! (see [`crate::sql`] for the dialect rules). Expand [`impl_params_queries!`] inside a module of
//! the backend crate.

/// Expands `impl ParamStore` for `$store`, a struct with a `pool: sqlx::Pool<$db>` field.
#[macro_export]
macro_rules! impl_params_queries {
    ($store:ty, $db:ty) => {
        fn db_err(e: sqlx::Error) -> $crate::StoreError {
            $crate::StoreError::Database(e.to_string())
        }

        fn setting_from_row(
            row: &<$db as sqlx::Database>::Row,
        ) -> Result<$crate::params::ParamSetting, $crate::StoreError> {
            use sqlx::Row;
            Ok($crate::params::ParamSetting {
                setting_id: row.try_get("setting_id").map_err(db_err)?,
                setting: $crate::params::NewParamSetting {
                    rule: row.try_get("rule").map_err(db_err)?,
                    param: row.try_get("param").map_err(db_err)?,
                    value: row.try_get("value").map_err(db_err)?,
                    effective_from: row.try_get("effective_from").map_err(db_err)?,
                    reason: row.try_get("reason").map_err(db_err)?,
                    set_by: row.try_get("set_by").map_err(db_err)?,
                    recorded_at: row.try_get("recorded_at").map_err(db_err)?,
                },
            })
        }

        #[async_trait::async_trait]
        impl $crate::params::ParamStore for $store {
            async fn add_param_setting(
                &self,
                s: &$crate::params::NewParamSetting,
            ) -> Result<$crate::params::ParamSetting, $crate::StoreError> {
                let row = sqlx::query(
                    "INSERT INTO param_settings (rule, param, value, effective_from, reason, set_by, recorded_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)
                     RETURNING setting_id, rule, param, value, effective_from, reason, set_by, recorded_at",
                )
                .bind(&s.rule)
                .bind(&s.param)
                .bind(s.value)
                .bind(&s.effective_from)
                .bind(&s.reason)
                .bind(&s.set_by)
                .bind(&s.recorded_at)
                .fetch_one(&self.pool)
                .await
                .map_err(db_err)?;
                setting_from_row(&row)
            }

            async fn param_settings(
                &self,
                rule: Option<&str>,
            ) -> Result<Vec<$crate::params::ParamSetting>, $crate::StoreError> {
                let rows = sqlx::query(
                    "SELECT setting_id, rule, param, value, effective_from, reason, set_by, recorded_at
                     FROM param_settings
                     WHERE CAST($1 AS TEXT) IS NULL OR rule = $1
                     ORDER BY rule, param, effective_from, setting_id",
                )
                .bind(rule)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter().map(setting_from_row).collect()
            }
        }
    };
}
