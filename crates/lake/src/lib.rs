//! The lake: accepted rows as typed Apache Arrow data in Parquet files.
//!
//! Layout (relative to the lake root, `<home>/lake`):
//!
//! ```text
//! <table>/supplier=<supplier>/batch=<batch_id>/part-<file index>-<delivery token>.parquet
//! ```
//!
//! A file in the lake is visible only once the store has committed the batch that lists it: the
//! query layer registers exactly the files the store lists, so a batch is visible whole or not at
//! all, also after a crash (files of uncommitted deliveries are orphans, never read, and removed by
//! [`remove_orphans`]).
//!
//! Every table carries three lineage columns after the standard's fields: `_supplier`,
//! `_batch_id` and `_record` (the 1-based record number in the delivered file), so every row
//! resolves to the delivery it came from.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow::array::{
    ArrayBuilder, ArrayRef, BooleanBuilder, Date32Builder, Int64Builder, ListBuilder,
    StringBuilder, TimestampNanosecondBuilder,
};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef, TimeUnit};
use arrow::record_batch::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use tianping_domain::schema::{FieldType, TableDef};
use tianping_ingest::read::RowSink;
use tianping_ingest::validate::Cell;

/// Time zone recorded on every timestamp column (display only: values are UTC instants).
pub const TIME_ZONE: &str = "+08:00";
/// Rows per Arrow batch handed to the Parquet writer.
pub const BATCH_ROWS: usize = 32 * 1024;
/// Rows per Parquet row group (bounds the writer's memory).
pub const ROW_GROUP_ROWS: usize = 256 * 1024;
/// Lineage columns appended to every table.
pub const LINEAGE_COLUMNS: [&str; 3] = ["_supplier", "_batch_id", "_record"];

/// The Arrow type of a field of the standard.
pub fn arrow_type(ty: FieldType) -> DataType {
    match ty {
        FieldType::Id
        | FieldType::Pid
        | FieldType::Uscc
        | FieldType::Adcode
        | FieldType::Text(_)
        | FieldType::Enum(_) => DataType::Utf8,
        FieldType::Fen | FieldType::Int => DataType::Int64,
        FieldType::Time => DataType::Timestamp(TimeUnit::Nanosecond, Some(TIME_ZONE.into())),
        FieldType::Date => DataType::Date32,
        FieldType::Bool => DataType::Boolean,
        FieldType::EnumList(_) => {
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
        }
        FieldType::IntList => DataType::List(Arc::new(Field::new("item", DataType::Int64, true))),
    }
}

/// The Arrow schema of a table in the lake: the standard's fields, then the lineage columns.
pub fn arrow_schema(table: &TableDef) -> SchemaRef {
    let mut fields: Vec<Field> = table
        .fields
        .iter()
        .map(|f| Field::new(f.name, arrow_type(f.ty), f.optional))
        .collect();
    fields.push(Field::new("_supplier", DataType::Utf8, false));
    fields.push(Field::new("_batch_id", DataType::Utf8, false));
    fields.push(Field::new("_record", DataType::Int64, false));
    Arc::new(Schema::new(fields))
}

/// Directory of one batch of one table, relative to the lake root.
pub fn batch_dir(table: &str, supplier: &str, batch_id: &str) -> PathBuf {
    // Ids are `[A-Za-z0-9._:-]{1,64}`; the `key=` prefixes make `.`/`..` ids harmless names.
    PathBuf::from(table)
        .join(format!("supplier={supplier}"))
        .join(format!("batch={batch_id}"))
}

/// File name of the part written for a manifest file in one delivery.
pub fn part_name(file_index: usize, token: &str) -> String {
    format!("part-{file_index:04}-{token}.parquet")
}

enum ColumnBuilder {
    Str(StringBuilder),
    Int(Int64Builder),
    Time(TimestampNanosecondBuilder),
    Date(Date32Builder),
    Bool(BooleanBuilder),
    StrList(ListBuilder<StringBuilder>),
    IntList(ListBuilder<Int64Builder>),
}

impl ColumnBuilder {
    fn new(ty: FieldType) -> ColumnBuilder {
        match ty {
            FieldType::Fen | FieldType::Int => ColumnBuilder::Int(Int64Builder::new()),
            FieldType::Time => {
                ColumnBuilder::Time(TimestampNanosecondBuilder::new().with_timezone(TIME_ZONE))
            }
            FieldType::Date => ColumnBuilder::Date(Date32Builder::new()),
            FieldType::Bool => ColumnBuilder::Bool(BooleanBuilder::new()),
            FieldType::EnumList(_) => {
                ColumnBuilder::StrList(ListBuilder::new(StringBuilder::new()))
            }
            FieldType::IntList => ColumnBuilder::IntList(ListBuilder::new(Int64Builder::new())),
            _ => ColumnBuilder::Str(StringBuilder::new()),
        }
    }

    /// Appends a cell; a cell of the wrong kind is a programming error surfaced as an IO error
    /// (the validator only produces cells of the field's kind).
    fn append(&mut self, cell: &Cell<'_>) -> io::Result<()> {
        match (self, cell) {
            (ColumnBuilder::Str(b), Cell::Str(s)) => b.append_value(s),
            (ColumnBuilder::Int(b), Cell::Int(i)) => b.append_value(*i),
            (ColumnBuilder::Time(b), Cell::Time(t)) => b.append_value(*t),
            (ColumnBuilder::Date(b), Cell::Date(d)) => b.append_value(*d),
            (ColumnBuilder::Bool(b), Cell::Bool(v)) => b.append_value(*v),
            (ColumnBuilder::StrList(b), Cell::StrList(items)) => {
                for item in items {
                    b.values().append_value(item);
                }
                b.append(true);
            }
            (ColumnBuilder::IntList(b), Cell::IntList(items)) => {
                for item in items {
                    b.values().append_value(*item);
                }
                b.append(true);
            }
            (ColumnBuilder::Str(b), Cell::Null) => b.append_null(),
            (ColumnBuilder::Int(b), Cell::Null) => b.append_null(),
            (ColumnBuilder::Time(b), Cell::Null) => b.append_null(),
            (ColumnBuilder::Date(b), Cell::Null) => b.append_null(),
            (ColumnBuilder::Bool(b), Cell::Null) => b.append_null(),
            (ColumnBuilder::StrList(b), Cell::Null) => b.append(false),
            (ColumnBuilder::IntList(b), Cell::Null) => b.append(false),
            (_, other) => {
                return Err(io::Error::other(format!(
                    "internal: cell {other:?} does not fit its column"
                )));
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            ColumnBuilder::Str(b) => Arc::new(b.finish()),
            ColumnBuilder::Int(b) => Arc::new(b.finish()),
            ColumnBuilder::Time(b) => Arc::new(b.finish()),
            ColumnBuilder::Date(b) => Arc::new(b.finish()),
            ColumnBuilder::Bool(b) => Arc::new(b.finish()),
            ColumnBuilder::StrList(b) => Arc::new(b.finish()),
            ColumnBuilder::IntList(b) => Arc::new(b.finish()),
        }
    }

    fn len(&self) -> usize {
        match self {
            ColumnBuilder::Str(b) => b.len(),
            ColumnBuilder::Int(b) => b.len(),
            ColumnBuilder::Time(b) => b.len(),
            ColumnBuilder::Date(b) => b.len(),
            ColumnBuilder::Bool(b) => b.len(),
            ColumnBuilder::StrList(b) => b.len(),
            ColumnBuilder::IntList(b) => b.len(),
        }
    }
}

/// Parquet encoding on its own thread, so that reading and validating (the caller's thread) and
/// encoding and compressing overlap on two cores. The channel holds at most two batches, which
/// bounds the memory in flight.
struct Encoder {
    sender: Option<std::sync::mpsc::SyncSender<RecordBatch>>,
    handle: Option<std::thread::JoinHandle<io::Result<File>>>,
}

impl Encoder {
    fn start(mut writer: ArrowWriter<File>) -> io::Result<Encoder> {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<RecordBatch>(2);
        let handle = std::thread::Builder::new()
            .name("parquet-encoder".into())
            .spawn(move || {
                for batch in receiver {
                    writer.write(&batch).map_err(to_io)?;
                }
                writer.into_inner().map_err(to_io)
            })?;
        Ok(Encoder {
            sender: Some(sender),
            handle: Some(handle),
        })
    }

    fn send(&mut self, batch: RecordBatch) -> io::Result<()> {
        let sent = self.sender.as_ref().map(|s| s.send(batch));
        match sent {
            Some(Ok(())) => Ok(()),
            // The encoder stopped: its error says why.
            _ => Err(self
                .join()
                .err()
                .unwrap_or_else(|| io::Error::other("parquet encoder stopped"))),
        }
    }

    fn join(&mut self) -> io::Result<File> {
        self.sender.take();
        let handle = self
            .handle
            .take()
            .ok_or_else(|| io::Error::other("parquet encoder already joined"))?;
        handle
            .join()
            .map_err(|_| io::Error::other("parquet encoder panicked"))?
    }

    fn finish(mut self) -> io::Result<File> {
        self.join()
    }
}

/// What a finished part holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartInfo {
    /// Path relative to the lake root, `/`-separated.
    pub path: String,
    /// Rows written.
    pub rows: u64,
    /// Size in bytes.
    pub bytes: u64,
}

/// Writes the accepted rows of one delivered file into one Parquet part.
pub struct PartWriter {
    schema: SchemaRef,
    columns: Vec<ColumnBuilder>,
    supplier: StringBuilder,
    batch_id: StringBuilder,
    record: Int64Builder,
    supplier_value: String,
    batch_value: String,
    encoder: Option<Encoder>,
    absolute: PathBuf,
    relative: String,
    rows: u64,
}

fn to_io(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

impl PartWriter {
    /// Creates the part file (and its directories) under `lake_root`.
    pub fn create(
        lake_root: &Path,
        table: &TableDef,
        supplier: &str,
        batch_id: &str,
        file_index: usize,
        token: &str,
    ) -> io::Result<PartWriter> {
        let dir = batch_dir(table.name, supplier, batch_id);
        let name = part_name(file_index, token);
        let relative_path = dir.join(&name);
        let absolute = lake_root.join(&relative_path);
        fs::create_dir_all(lake_root.join(&dir))?;
        let schema = arrow_schema(table);
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_created_by(format!("tianping {}", env!("CARGO_PKG_VERSION")))
            .build();
        let file = File::create(&absolute)?;
        let writer = ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(to_io)?;
        let encoder = Encoder::start(writer)?;
        Ok(PartWriter {
            columns: table
                .fields
                .iter()
                .map(|f| ColumnBuilder::new(f.ty))
                .collect(),
            schema,
            supplier: StringBuilder::new(),
            batch_id: StringBuilder::new(),
            record: Int64Builder::new(),
            supplier_value: supplier.to_string(),
            batch_value: batch_id.to_string(),
            encoder: Some(encoder),
            absolute,
            relative: relative_path.to_string_lossy().replace('\\', "/"),
            rows: 0,
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.supplier.len() == 0 {
            return Ok(());
        }
        let mut arrays: Vec<ArrayRef> =
            self.columns.iter_mut().map(ColumnBuilder::finish).collect();
        arrays.push(Arc::new(self.supplier.finish()));
        arrays.push(Arc::new(self.batch_id.finish()));
        arrays.push(Arc::new(self.record.finish()));
        let batch = RecordBatch::try_new(self.schema.clone(), arrays).map_err(to_io)?;
        let encoder = self
            .encoder
            .as_mut()
            .ok_or_else(|| io::Error::other("part already finished"))?;
        encoder.send(batch)
    }

    /// Flushes, closes and fsyncs the part.
    pub fn finish(mut self) -> io::Result<PartInfo> {
        self.flush()?;
        let encoder = self
            .encoder
            .take()
            .ok_or_else(|| io::Error::other("part already finished"))?;
        let file = encoder.finish()?;
        file.sync_all()?;
        let bytes = file.metadata()?.len();
        Ok(PartInfo {
            path: self.relative.clone(),
            rows: self.rows,
            bytes,
        })
    }

    /// Removes the part file (used when its batch is rejected).
    pub fn abandon(mut self) -> io::Result<()> {
        if let Some(encoder) = self.encoder.take() {
            let _ = encoder.finish();
        }
        match fs::remove_file(&self.absolute) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Rows pushed so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }
}

impl RowSink for PartWriter {
    fn push(&mut self, record: u64, cells: &[Cell<'_>]) -> io::Result<()> {
        if cells.len() != self.columns.len() {
            return Err(io::Error::other(
                "internal: row width does not match the table",
            ));
        }
        for (builder, cell) in self.columns.iter_mut().zip(cells) {
            builder.append(cell)?;
        }
        self.supplier.append_value(&self.supplier_value);
        self.batch_id.append_value(&self.batch_value);
        self.record
            .append_value(i64::try_from(record).unwrap_or(i64::MAX));
        self.rows += 1;
        if self.columns.first().map_or(0, ColumnBuilder::len) >= BATCH_ROWS {
            self.flush()?;
        }
        Ok(())
    }
}

/// Reads the named columns of one part (a path under the lake root), all its rows, in file order.
/// Columns the part does not have are left out of the batches.
pub fn read_columns(
    lake_root: &Path,
    path: &str,
    columns: &[&str],
) -> Result<Vec<RecordBatch>, String> {
    use parquet::arrow::ProjectionMask;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let file = File::open(lake_root.join(path)).map_err(|e| format!("{path}: {e}"))?;
    let builder =
        ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| format!("{path}: {e}"))?;
    let mask = ProjectionMask::columns(builder.parquet_schema(), columns.iter().copied());
    builder
        .with_projection(mask)
        .build()
        .map_err(|e| format!("{path}: {e}"))?
        .map(|b| b.map_err(|e| format!("{path}: {e}")))
        .collect()
}

/// fsyncs a directory so that the entries created in it survive a crash.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Removes every `.parquet` file under `lake_root` that is not in `referenced` (paths relative to
/// the root), and empty directories. Returns the number of files removed.
pub fn remove_orphans(
    lake_root: &Path,
    referenced: &std::collections::HashSet<String>,
) -> io::Result<usize> {
    fn walk(
        root: &Path,
        dir: &Path,
        referenced: &std::collections::HashSet<String>,
        removed: &mut usize,
    ) -> io::Result<bool> {
        let mut empty = true;
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                if walk(root, &path, referenced, removed)? {
                    fs::remove_dir(&path)?;
                } else {
                    empty = false;
                }
            } else {
                let rel = path
                    .strip_prefix(root)
                    .map_err(to_io)?
                    .to_string_lossy()
                    .replace('\\', "/");
                if rel.ends_with(".parquet") && !referenced.contains(&rel) {
                    fs::remove_file(&path)?;
                    *removed += 1;
                } else {
                    empty = false;
                }
            }
        }
        Ok(empty)
    }
    let mut removed = 0;
    if lake_root.is_dir() {
        walk(lake_root, lake_root, referenced, &mut removed)?;
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use tianping_domain::schema::{TABLES, table};

    #[test]
    fn every_table_has_a_schema_with_lineage() {
        for table in TABLES {
            let schema = arrow_schema(table);
            assert_eq!(schema.fields().len(), table.fields.len() + 3);
            assert_eq!(schema.field(table.fields.len()).name(), "_supplier");
        }
    }

    #[test]
    fn writes_a_readable_part() {
        let dir = tempfile::tempdir().unwrap();
        let t = table("trademarks").unwrap();
        let mut w = PartWriter::create(dir.path(), t, "ip_office", "b1", 0, "tok").unwrap();
        w.push(
            1,
            &[
                Cell::Str("12345"),
                Cell::Str("天平"),
                Cell::Null,
                Cell::Str("某公司"),
                Cell::IntList(vec![9, 35]),
                Cell::Date(20_000),
            ],
        )
        .unwrap();
        let info = w.finish().unwrap();
        assert_eq!(info.rows, 1);
        assert_eq!(
            info.path,
            "trademarks/supplier=ip_office/batch=b1/part-0000-tok.parquet"
        );
        let file = File::open(dir.path().join(&info.path)).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<_> = reader.map(Result::unwrap).collect();
        assert_eq!(batches[0].num_rows(), 1);
        assert_eq!(batches[0].schema(), arrow_schema(t));
    }

    #[test]
    fn orphans_are_removed_and_referenced_kept() {
        let dir = tempfile::tempdir().unwrap();
        let t = table("penalties").unwrap();
        let keep = PartWriter::create(dir.path(), t, "regulator", "b1", 0, "a")
            .unwrap()
            .finish()
            .unwrap();
        let _drop = PartWriter::create(dir.path(), t, "regulator", "b2", 0, "b")
            .unwrap()
            .finish()
            .unwrap();
        let referenced = [keep.path.clone()].into_iter().collect();
        assert_eq!(remove_orphans(dir.path(), &referenced).unwrap(), 1);
        assert!(dir.path().join(&keep.path).is_file());
        assert!(
            !dir.path()
                .join("penalties/supplier=regulator/batch=b2")
                .exists()
        );
    }
}
