//! SQL over the lake with Apache DataFusion.
//!
//! Every table of the data standard is registered under its own name, backed by exactly the
//! Parquet parts that the store lists for committed batches (so uncommitted or rejected deliveries
//! are never read), or by an empty table of the right schema when nothing has been ingested.
//! Detectors, analysts (`tianping sql`) and later the distributed engine read the same files the
//! same way.

use std::path::Path;
use std::sync::Arc;

use datafusion::arrow::datatypes::SchemaRef;
use datafusion::arrow::record_batch::RecordBatch;
use datafusion::datasource::MemTable;
use datafusion::datasource::file_format::parquet::ParquetFormat;
use datafusion::datasource::listing::{
    ListingOptions, ListingTable, ListingTableConfig, ListingTableUrl,
};
use datafusion::execution::SendableRecordBatchStream;
use datafusion::prelude::{SessionConfig, SessionContext};
use tianping_domain::schema::TABLES;

pub use datafusion;

/// Errors of the query layer.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The SQL is wrong or refers to something that does not exist (the user's error).
    #[error("{0}")]
    Sql(String),
    /// A lake file could not be registered or read.
    #[error("lake: {0}")]
    Lake(String),
}

impl From<datafusion::error::DataFusionError> for QueryError {
    fn from(e: datafusion::error::DataFusionError) -> Self {
        QueryError::Sql(e.to_string())
    }
}

/// A lake file to register (path relative to the lake root).
#[derive(Debug, Clone)]
pub struct LakePart {
    /// Table name.
    pub table: String,
    /// Path relative to the lake root.
    pub path: String,
}

/// A DataFusion session with every table of the standard registered.
pub struct Lake {
    ctx: SessionContext,
}

impl Lake {
    /// Registers the tables over `parts` (paths relative to `lake_root`).
    pub async fn open(lake_root: &Path, parts: &[LakePart]) -> Result<Lake, QueryError> {
        let config = SessionConfig::new()
            .with_information_schema(true)
            .with_target_partitions(2);
        let ctx = SessionContext::new_with_config(config);
        let root = lake_root
            .canonicalize()
            .map_err(|e| QueryError::Lake(format!("{}: {e}", lake_root.display())))?;
        for table in TABLES {
            let schema: SchemaRef = tianping_lake::arrow_schema(table);
            let urls: Vec<ListingTableUrl> = parts
                .iter()
                .filter(|p| p.table == table.name)
                .map(|p| {
                    let absolute = root.join(&p.path);
                    ListingTableUrl::parse(absolute.to_string_lossy().as_ref())
                        .map_err(|e| QueryError::Lake(format!("{}: {e}", p.path)))
                })
                .collect::<Result<_, _>>()?;
            if urls.is_empty() {
                let empty = MemTable::try_new(schema.clone(), vec![vec![]])?;
                ctx.register_table(table.name, Arc::new(empty))?;
            } else {
                let options = ListingOptions::new(Arc::new(ParquetFormat::default()))
                    .with_file_extension(".parquet");
                let config = ListingTableConfig::new_with_multi_paths(urls)
                    .with_listing_options(options)
                    .with_schema(schema);
                let listing = ListingTable::try_new(config)?;
                ctx.register_table(table.name, Arc::new(listing))?;
            }
        }
        Ok(Lake { ctx })
    }

    /// The DataFusion session (for detectors that build plans directly).
    pub fn context(&self) -> &SessionContext {
        &self.ctx
    }

    /// Runs one SQL statement and streams its result.
    pub async fn stream(
        &self,
        sql: &str,
    ) -> Result<(SchemaRef, SendableRecordBatchStream), QueryError> {
        let df = self.ctx.sql(sql).await?;
        let schema: SchemaRef = Arc::new(df.schema().as_arrow().clone());
        let stream = df.execute_stream().await?;
        Ok((schema, stream))
    }

    /// Runs one SQL statement and collects its result.
    pub async fn collect(&self, sql: &str) -> Result<Vec<RecordBatch>, QueryError> {
        Ok(self.ctx.sql(sql).await?.collect().await?)
    }
}
