//! SQL over the lake with Apache DataFusion.
//!
//! Every table of the data standard is registered under its own name, backed by exactly the
//! Parquet parts that the store lists for committed batches (so uncommitted or rejected deliveries
//! are never read), or by an empty table of the right schema when nothing has been ingested.
//! Detectors, analysts (`tianping sql`) and the distributed engine read the same files the
//! same way.
//!
//! On a cluster ([`Lake::open_on_cluster`], a Ballista session from `tianping-cluster`) the same
//! `ListingTable`s are registered over absolute `file://` paths, which the scheduler receives as
//! part of the logical plan and every executor opens itself (the lake must be at the same path on
//! every node). An empty table cannot be an in-memory table there (the plan is serialised, and a
//! `MemTable` has no serialised form), so it is a listing over a zero-row Parquet file of the
//! table's schema, written once under `<lake>/_empty/` with the extension `.empty` (so the lake's
//! orphan sweep, which removes unlisted `.parquet` files, leaves it alone).

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
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

/// Partitions of an embedded session's plans (this machine kind has 2 cores).
pub const EMBEDDED_PARTITIONS: usize = 2;

/// The session settings of every lake session, embedded or on a cluster (so both plan alike);
/// only the number of partitions differs (on a cluster, about the executors' task slots).
pub fn session_config(target_partitions: usize) -> SessionConfig {
    SessionConfig::new()
        .with_information_schema(true)
        .with_target_partitions(target_partitions.max(1))
}

/// Where a table with no parts gets its rows from.
enum Empty<'a> {
    /// An in-memory table with no rows (embedded sessions).
    Memory,
    /// A zero-row Parquet file under this directory (cluster sessions: the plan is serialised).
    File(&'a Path),
}

impl Lake {
    /// Registers the tables over `parts` (paths relative to `lake_root`) in a new embedded session.
    pub async fn open(lake_root: &Path, parts: &[LakePart]) -> Result<Lake, QueryError> {
        let ctx = SessionContext::new_with_config(session_config(EMBEDDED_PARTITIONS));
        Lake::register(ctx, lake_root, parts, Empty::Memory)
    }

    /// Registers the tables over `parts` in `ctx`, a session whose queries run on a cluster
    /// (built by `tianping-cluster` with [`session_config`]); `lake_root` must be the same path on
    /// every executor. Writes the zero-row files for empty tables under `<lake_root>/_empty/`
    /// if they are not there yet.
    pub async fn open_on_cluster(
        ctx: SessionContext,
        lake_root: &Path,
        parts: &[LakePart],
    ) -> Result<Lake, QueryError> {
        let root = canonical(lake_root)?;
        let empty_dir = root.join(EMPTY_DIR);
        Lake::register(ctx, &root, parts, Empty::File(&empty_dir))
    }

    fn register(
        ctx: SessionContext,
        lake_root: &Path,
        parts: &[LakePart],
        empty: Empty<'_>,
    ) -> Result<Lake, QueryError> {
        let root = canonical(lake_root)?;
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
            match (urls.is_empty(), &empty) {
                (true, Empty::Memory) => {
                    let empty = MemTable::try_new(schema.clone(), vec![vec![]])?;
                    ctx.register_table(table.name, Arc::new(empty))?;
                }
                (true, Empty::File(dir)) => {
                    let path = empty_file(dir, table.name, &schema)?;
                    let url = ListingTableUrl::parse(path.to_string_lossy().as_ref())
                        .map_err(|e| QueryError::Lake(format!("{}: {e}", path.display())))?;
                    let listing = listing(vec![url], schema, EMPTY_EXTENSION)?;
                    ctx.register_table(table.name, Arc::new(listing))?;
                }
                (false, _) => {
                    ctx.register_table(table.name, Arc::new(listing(urls, schema, ".parquet")?))?;
                }
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

/// Directory (under the lake root) of the zero-row files of cluster sessions.
pub const EMPTY_DIR: &str = "_empty";
const EMPTY_EXTENSION: &str = ".empty";

fn canonical(path: &Path) -> Result<PathBuf, QueryError> {
    path.canonicalize()
        .map_err(|e| QueryError::Lake(format!("{}: {e}", path.display())))
}

fn listing(
    urls: Vec<ListingTableUrl>,
    schema: SchemaRef,
    extension: &str,
) -> Result<ListingTable, QueryError> {
    let options =
        ListingOptions::new(Arc::new(ParquetFormat::default())).with_file_extension(extension);
    let config = ListingTableConfig::new_with_multi_paths(urls)
        .with_listing_options(options)
        .with_schema(schema);
    Ok(ListingTable::try_new(config)?)
}

/// The zero-row Parquet file of `table` with `schema` in `dir`, written if missing. Its name
/// carries a fingerprint of the schema, so a changed schema gets a new file; the write goes to a
/// temporary name first and is renamed into place, so a reader never sees half a file.
fn empty_file(dir: &Path, table: &str, schema: &SchemaRef) -> Result<PathBuf, QueryError> {
    let io = |e: &dyn std::fmt::Display, path: &Path| {
        QueryError::Lake(format!("{}: {e}", path.display()))
    };
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    format!("{schema:?}").hash(&mut hasher);
    let path = dir.join(format!("{table}-{:016x}{EMPTY_EXTENSION}", hasher.finish()));
    if path.is_file() {
        return Ok(path);
    }
    std::fs::create_dir_all(dir).map_err(|e| io(&e, dir))?;
    let tmp = dir.join(format!(
        ".{table}-{}-{:?}.tmp",
        std::process::id(),
        std::thread::current().id()
    ));
    let file = std::fs::File::create(&tmp).map_err(|e| io(&e, &tmp))?;
    let writer = parquet::arrow::ArrowWriter::try_new(&file, schema.clone(), None)
        .map_err(|e| io(&e, &tmp))?;
    writer.close().map_err(|e| io(&e, &tmp))?;
    file.sync_all().map_err(|e| io(&e, &tmp))?;
    drop(file);
    std::fs::rename(&tmp, &path).map_err(|e| io(&e, &path))?;
    Ok(path)
}
