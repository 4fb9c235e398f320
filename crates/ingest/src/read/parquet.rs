//! Parquet: read in record batches; each row is turned into the same JSON shape a JSON Lines row
//! has and validated by the same rules. A quarantined row is kept as its canonical JSON.

use std::fs::File;
use std::io;
use std::path::Path;

use arrow::array::{Array, ArrayRef, AsArray, RecordBatch};
use arrow::datatypes::{
    DataType, Int8Type, Int16Type, Int32Type, Int64Type, TimeUnit, UInt8Type, UInt16Type,
    UInt32Type, UInt64Type,
};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::{Map, Number, Value};
use tianping_domain::schema::TableDef;
use tianping_domain::value::{format_date, format_time_utc};

use super::{FileCounts, FileRejection, IssueSink, ReadError, RecordContext, RowSink, open_stream};
use crate::keys::Duplicates;
use crate::limits::Limits;
use crate::manifest::ManifestFile;
use crate::validate::RawValue;

fn rejected(file: &ManifestFile, en: String, zh: String) -> ReadError {
    ReadError::Rejected(FileRejection::new(
        format!("{}: {en}", file.path),
        format!("{}：{zh}", file.path),
    ))
}

/// Whether a column type can be read (checked once per file, so a bad type rejects the file
/// with its column named).
fn supported(dt: &DataType) -> bool {
    match dt {
        DataType::Null
        | DataType::Boolean
        | DataType::Int8
        | DataType::Int16
        | DataType::Int32
        | DataType::Int64
        | DataType::UInt8
        | DataType::UInt16
        | DataType::UInt32
        | DataType::UInt64
        | DataType::Float32
        | DataType::Float64
        | DataType::Utf8
        | DataType::LargeUtf8
        | DataType::Utf8View
        | DataType::Binary
        | DataType::LargeBinary
        | DataType::Date32 => true,
        DataType::Timestamp(_, tz) => tz.is_some(),
        DataType::Dictionary(_, value) => supported(value),
        DataType::List(item) | DataType::LargeList(item) => supported(item.data_type()),
        _ => false,
    }
}

fn bytes_value(bytes: &[u8]) -> Value {
    match std::str::from_utf8(bytes) {
        Ok(s) => Value::String(s.to_string()),
        // Not UTF-8: keep it visible as an array of byte values, which no text rule accepts.
        Err(_) => Value::Array(bytes.iter().map(|b| Value::from(*b)).collect()),
    }
}

/// The JSON form of one cell.
fn json_of(array: &ArrayRef, row: usize) -> Value {
    if array.is_null(row) {
        return Value::Null;
    }
    match array.data_type() {
        DataType::Boolean => Value::Bool(array.as_boolean().value(row)),
        DataType::Int8 => Value::from(array.as_primitive::<Int8Type>().value(row)),
        DataType::Int16 => Value::from(array.as_primitive::<Int16Type>().value(row)),
        DataType::Int32 => Value::from(array.as_primitive::<Int32Type>().value(row)),
        DataType::Int64 => Value::from(array.as_primitive::<Int64Type>().value(row)),
        DataType::UInt8 => Value::from(array.as_primitive::<UInt8Type>().value(row)),
        DataType::UInt16 => Value::from(array.as_primitive::<UInt16Type>().value(row)),
        DataType::UInt32 => Value::from(array.as_primitive::<UInt32Type>().value(row)),
        DataType::UInt64 => Value::from(array.as_primitive::<UInt64Type>().value(row)),
        DataType::Float32 => Number::from_f64(f64::from(
            array
                .as_primitive::<arrow::datatypes::Float32Type>()
                .value(row),
        ))
        .map_or(Value::Null, Value::Number),
        DataType::Float64 => Number::from_f64(
            array
                .as_primitive::<arrow::datatypes::Float64Type>()
                .value(row),
        )
        .map_or(Value::Null, Value::Number),
        DataType::Utf8 => Value::String(array.as_string::<i32>().value(row).to_string()),
        DataType::LargeUtf8 => Value::String(array.as_string::<i64>().value(row).to_string()),
        DataType::Utf8View => Value::String(array.as_string_view().value(row).to_string()),
        DataType::Binary => bytes_value(array.as_binary::<i32>().value(row)),
        DataType::LargeBinary => bytes_value(array.as_binary::<i64>().value(row)),
        DataType::Date32 => Value::String(format_date(i64::from(
            array
                .as_primitive::<arrow::datatypes::Date32Type>()
                .value(row),
        ))),
        DataType::Timestamp(unit, _) => {
            let raw = match unit {
                TimeUnit::Second => array
                    .as_primitive::<arrow::datatypes::TimestampSecondType>()
                    .value(row)
                    .checked_mul(1_000_000_000),
                TimeUnit::Millisecond => array
                    .as_primitive::<arrow::datatypes::TimestampMillisecondType>()
                    .value(row)
                    .checked_mul(1_000_000),
                TimeUnit::Microsecond => array
                    .as_primitive::<arrow::datatypes::TimestampMicrosecondType>()
                    .value(row)
                    .checked_mul(1_000),
                TimeUnit::Nanosecond => Some(
                    array
                        .as_primitive::<arrow::datatypes::TimestampNanosecondType>()
                        .value(row),
                ),
            };
            // Out of the nanosecond range: a string no time rule accepts, naming the problem.
            raw.map_or(Value::String("out-of-range timestamp".to_string()), |ns| {
                Value::String(format_time_utc(ns))
            })
        }
        DataType::List(_) => {
            let list = array.as_list::<i32>().value(row);
            Value::Array((0..list.len()).map(|i| json_of(&list, i)).collect())
        }
        DataType::LargeList(_) => {
            let list = array.as_list::<i64>().value(row);
            Value::Array((0..list.len()).map(|i| json_of(&list, i)).collect())
        }
        _ => Value::Null,
    }
}

/// Opens a delivered Parquet file, decompressing it into `scratch_dir` first if it is gzip-compressed
/// (Parquet needs seeking).
fn open_parquet(
    path: &Path,
    file: &ManifestFile,
    limits: &Limits,
    scratch_dir: &Path,
) -> Result<File, ReadError> {
    if file.gzip {
        let mut stream = open_stream(path, file, limits)?;
        let mut tmp = tempfile::tempfile_in(scratch_dir).map_err(ReadError::Internal)?;
        io::copy(&mut stream, &mut tmp).map_err(|e| super::read_failure(&file.path, e))?;
        io::Seek::rewind(&mut tmp).map_err(ReadError::Internal)?;
        Ok(tmp)
    } else {
        File::open(path).map_err(ReadError::Internal)
    }
}

/// Key texts of each row, for the duplicate-key pre-pass (only the key columns are read).
pub(crate) fn for_each_key(
    path: &Path,
    file: &ManifestFile,
    table: &TableDef,
    limits: &Limits,
    scratch_dir: &Path,
    mut f: impl FnMut(u64, &[&str]),
) -> Result<(), ReadError> {
    let handle = open_parquet(path, file, limits, scratch_dir)?;
    let Ok(builder) = ParquetRecordBatchReaderBuilder::try_new(handle) else {
        return Ok(()); // The main pass rejects the file with the reason.
    };
    let schema = builder.schema().clone();
    let columns: Vec<usize> = table
        .key
        .iter()
        .filter_map(|k| schema.index_of(k).ok())
        .collect();
    if columns.len() != table.key.len() {
        return Ok(());
    }
    let mask =
        parquet::arrow::ProjectionMask::roots(builder.parquet_schema(), columns.iter().copied());
    let Ok(reader) = builder.with_projection(mask).with_batch_size(8192).build() else {
        return Ok(());
    };
    let mut record = 0u64;
    for batch in reader {
        let Ok(batch) = batch else { return Ok(()) };
        let arrays: Vec<ArrayRef> = (0..batch.num_columns())
            .map(|i| {
                let a = batch.column(i).clone();
                match a.data_type() {
                    DataType::Dictionary(_, value) => arrow::compute::cast(&a, value).unwrap_or(a),
                    _ => a,
                }
            })
            .collect();
        for row in 0..batch.num_rows() {
            record += 1;
            let values: Vec<Value> = arrays.iter().map(|a| json_of(a, row)).collect();
            if values.iter().any(Value::is_null) {
                continue;
            }
            let owned: Vec<String> = values
                .iter()
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
            let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
            f(record, &texts);
        }
    }
    Ok(())
}

/// Reads a Parquet file (decompressing it first into `scratch_dir` if it is gzip-compressed).
#[allow(clippy::too_many_arguments)]
pub fn read(
    path: &Path,
    file: &ManifestFile,
    table: &'static TableDef,
    supplier: &str,
    limits: &Limits,
    scratch_dir: &Path,
    duplicates: Duplicates,
    rows: &mut dyn RowSink,
    issues: &mut dyn IssueSink,
) -> Result<FileCounts, ReadError> {
    let handle = open_parquet(path, file, limits, scratch_dir)?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(handle).map_err(|e| {
        rejected(
            file,
            format!("not a readable Parquet file: {e}"),
            format!("不是可读的 Parquet 文件：{e}"),
        )
    })?;
    let schema = builder.schema().clone();
    let total_rows = builder.metadata().file_metadata().num_rows();
    if u64::try_from(total_rows).unwrap_or(u64::MAX) > limits.rows_per_file_max {
        return Err(rejected(
            file,
            format!(
                "{total_rows} rows, limit rows_per_file_max is {}",
                limits.rows_per_file_max
            ),
            format!(
                "{total_rows} 行，超过上限 rows_per_file_max={}",
                limits.rows_per_file_max
            ),
        ));
    }
    let mut ctx = RecordContext::new(file, table, supplier, duplicates, rows, issues);
    let mut column_of_field = Vec::with_capacity(table.fields.len());
    for field in table.fields {
        let col = schema.index_of(field.name).ok();
        if let Some(col) = col {
            let dt = schema.field(col).data_type();
            if !supported(dt) {
                return Err(rejected(
                    file,
                    format!("column {} has unsupported type {dt}", field.name),
                    format!("列 {} 的类型 {dt} 不受支持", field.name),
                ));
            }
        } else if !field.optional {
            return Err(rejected(
                file,
                format!(
                    "lacks required field {} of table {}",
                    field.name, table.name
                ),
                format!("缺少 {} 表的必填字段 {}", table.name, field.name),
            ));
        }
        column_of_field.push(col);
    }
    for f in schema.fields() {
        if table.field_index(f.name()).is_none() {
            ctx.note_ignored(f.name());
        }
    }
    let reader = builder.with_batch_size(8192).build().map_err(|e| {
        rejected(
            file,
            format!("cannot be read: {e}"),
            format!("无法读取：{e}"),
        )
    })?;
    for batch in reader {
        let batch: RecordBatch = batch.map_err(|e| {
            rejected(
                file,
                format!("cannot be read: {e}"),
                format!("无法读取：{e}"),
            )
        })?;
        let mut columns: Vec<Option<ArrayRef>> = Vec::with_capacity(column_of_field.len());
        for (field, col) in table.fields.iter().zip(&column_of_field) {
            let Some(c) = col else {
                columns.push(None);
                continue;
            };
            let array = batch.column(*c).clone();
            let array = match array.data_type() {
                DataType::Dictionary(_, value) => {
                    arrow::compute::cast(&array, value).map_err(|e| {
                        rejected(
                            file,
                            format!("column {} cannot be decoded: {e}", field.name),
                            format!("列 {} 无法解码：{e}", field.name),
                        )
                    })?
                }
                _ => array,
            };
            columns.push(Some(array));
        }
        for row in 0..batch.num_rows() {
            ctx.counts.records += 1;
            let record = ctx.counts.records;
            let mut object = Map::new();
            for (field, column) in table.fields.iter().zip(&columns) {
                if let Some(column) = column {
                    object.insert(field.name.to_string(), json_of(column, row));
                }
            }
            let mut cells = Vec::with_capacity(table.fields.len());
            let lookup = |i: usize| {
                object
                    .get(table.fields[i].name)
                    .map_or(RawValue::Absent, RawValue::Json)
            };
            let result = ctx
                .validator
                .validate(record, lookup, &mut cells, &mut ctx.warnings);
            match result {
                Ok(()) => {
                    ctx.rows.push(record, &cells).map_err(ReadError::Internal)?;
                    ctx.accepted_with_warnings(record, None)
                        .map_err(ReadError::Internal)?;
                }
                Err(issue) => {
                    let raw = serde_json::to_vec(&object).unwrap_or_default();
                    ctx.refuse(record, None, issue, &raw)
                        .map_err(ReadError::Internal)?;
                }
            }
        }
    }
    Ok(ctx.counts)
}
