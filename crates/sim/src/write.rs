//! Writing batches exactly per the data standard: CSV (RFC 4180), JSON Lines or Parquet, gzip when
//! the name ends in `.gz`, and a manifest with each file's row count and SHA-256.
//!
//! Rows are streamed: each (supplier, table) has a [`Sink`] that encodes a row as soon as it is
//! put, compresses it, and hashes and counts the bytes as they reach the file, so memory does not
//! grow with the number of rows (Parquet holds at most one row group, [`PARQUET_ROW_GROUP_ROWS`]
//! rows, plus [`PARQUET_CHUNK_ROWS`] rows waiting to be converted).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow::datatypes::{Field, Schema, SchemaRef};
use flate2::write::GzEncoder;
use serde_json::Value;
use sha2::{Digest, Sha256};
use tianping_domain::schema::{TableDef, table};

/// Rows per Parquet row group (bounds the writer's buffered, encoded data).
pub const PARQUET_ROW_GROUP_ROWS: usize = 131_072;
/// Rows converted to Arrow at a time.
pub const PARQUET_CHUNK_ROWS: usize = 8_192;

/// File format of a delivered table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV with a header row.
    Csv,
    /// JSON Lines.
    Jsonl,
    /// Parquet.
    Parquet,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Parquet => "parquet",
        }
    }
}

fn other(e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// Appends a CSV cell (RFC 4180 quoting; lists `;`-separated; empty text quoted, null empty).
fn push_csv_cell(out: &mut Vec<u8>, value: &Value) {
    let owned;
    let text: &str = match value {
        Value::Null => return,
        Value::String(s) => s,
        Value::Bool(b) => {
            if *b {
                "true"
            } else {
                "false"
            }
        }
        Value::Number(n) => {
            owned = n.to_string();
            &owned
        }
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
            owned = parts.join(";");
            &owned
        }
        Value::Object(_) => {
            owned = value.to_string();
            &owned
        }
    };
    if text.contains([',', '"', '\n', '\r']) || text.is_empty() {
        out.push(b'"');
        for b in text.bytes() {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}

/// A writer that hashes and counts the bytes it passes on (the digest of the file as delivered).
struct Hashing<W: Write> {
    inner: W,
    sha: Sha256,
    bytes: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        if let Some(written) = buf.get(..n) {
            self.sha.update(written);
        }
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

type FileOut = Hashing<BufWriter<File>>;

/// The byte stream of a text file: plain or gzip-compressed.
enum Stream {
    Plain(FileOut),
    Gzip(Box<GzEncoder<FileOut>>),
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(w) => w.write(buf),
            Stream::Gzip(w) => w.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Stream::Plain(w) => w.flush(),
            Stream::Gzip(w) => w.flush(),
        }
    }
}

impl Stream {
    fn finish(self) -> std::io::Result<FileOut> {
        match self {
            Stream::Plain(w) => Ok(w),
            Stream::Gzip(w) => w.finish(),
        }
    }
}

/// The encoder of one file.
enum Encoder {
    Csv {
        out: Stream,
        line: Vec<u8>,
    },
    Jsonl {
        out: Stream,
        line: Vec<u8>,
    },
    Parquet {
        writer: Box<parquet::arrow::ArrowWriter<FileOut>>,
        schema: SchemaRef,
        pending: Vec<Value>,
    },
}

/// One table file being written: rows are encoded as they come; the digest and row count are
/// computed on the way.
pub struct Sink {
    def: &'static TableDef,
    format: Format,
    name: String,
    rows: u64,
    encoder: Encoder,
}

/// A finished table file, as its manifest entry describes it.
#[derive(Debug, Clone)]
pub struct Finished {
    /// Table name.
    pub table: &'static str,
    /// File name in the batch directory.
    pub path: String,
    /// Format.
    pub format: Format,
    /// Data rows.
    pub rows: u64,
    /// Bytes as delivered.
    pub bytes: u64,
    /// SHA-256 of the bytes as delivered, lowercase hex.
    pub sha256: String,
}

impl Sink {
    /// Creates `dir/<table>.<format>[.gz]` and writes its header (CSV).
    pub fn create(
        dir: &Path,
        table_name: &str,
        format: Format,
        gzip: bool,
    ) -> std::io::Result<Sink> {
        let def = table(table_name).ok_or_else(|| other(format!("unknown table {table_name}")))?;
        let gzip = gzip && format != Format::Parquet;
        let mut name = format!("{}.{}", def.name, format.name());
        if gzip {
            name.push_str(".gz");
        }
        let file = Hashing {
            inner: BufWriter::with_capacity(1 << 16, File::create(dir.join(&name))?),
            sha: Sha256::new(),
            bytes: 0,
        };
        let stream = |file| {
            if gzip {
                Stream::Gzip(Box::new(GzEncoder::new(file, flate2::Compression::fast())))
            } else {
                Stream::Plain(file)
            }
        };
        let encoder = match format {
            Format::Csv => {
                let mut out = stream(file);
                let names: Vec<&str> = def.fields.iter().map(|f| f.name).collect();
                out.write_all(names.join(",").as_bytes())?;
                out.write_all(b"\n")?;
                Encoder::Csv {
                    out,
                    line: Vec::new(),
                }
            }
            Format::Jsonl => Encoder::Jsonl {
                out: stream(file),
                line: Vec::new(),
            },
            Format::Parquet => {
                let full = tianping_lake::arrow_schema(def);
                let fields: Vec<Field> = def
                    .fields
                    .iter()
                    .filter_map(|f| full.field_with_name(f.name).ok())
                    .map(|f| Field::new(f.name(), f.data_type().clone(), true))
                    .collect();
                let schema = Arc::new(Schema::new(fields));
                let props = parquet::file::properties::WriterProperties::builder()
                    .set_max_row_group_row_count(Some(PARQUET_ROW_GROUP_ROWS))
                    .build();
                let writer =
                    parquet::arrow::ArrowWriter::try_new(file, schema.clone(), Some(props))
                        .map_err(other)?;
                Encoder::Parquet {
                    writer: Box::new(writer),
                    schema,
                    pending: Vec::with_capacity(PARQUET_CHUNK_ROWS),
                }
            }
        };
        Ok(Sink {
            def,
            format,
            name,
            rows: 0,
            encoder,
        })
    }

    /// Encodes one row (a JSON object with the standard's field names).
    pub fn put(&mut self, row: Value) -> std::io::Result<()> {
        self.rows += 1;
        match &mut self.encoder {
            Encoder::Csv { out, line } => {
                line.clear();
                for (k, f) in self.def.fields.iter().enumerate() {
                    if k > 0 {
                        line.push(b',');
                    }
                    push_csv_cell(line, row.get(f.name).unwrap_or(&Value::Null));
                }
                line.push(b'\n');
                out.write_all(line)
            }
            Encoder::Jsonl { out, line } => {
                line.clear();
                serde_json::to_writer(&mut *line, &row).map_err(other)?;
                line.push(b'\n');
                out.write_all(line)
            }
            Encoder::Parquet {
                writer,
                schema,
                pending,
            } => {
                pending.push(row);
                if pending.len() >= PARQUET_CHUNK_ROWS {
                    write_chunk(writer, schema, pending)?;
                }
                Ok(())
            }
        }
    }

    /// Flushes, closes the file and returns its manifest entry.
    pub fn finish(self) -> std::io::Result<Finished> {
        let file = match self.encoder {
            Encoder::Csv { out, .. } | Encoder::Jsonl { out, .. } => out.finish()?,
            Encoder::Parquet {
                mut writer,
                schema,
                mut pending,
            } => {
                write_chunk(&mut writer, &schema, &mut pending)?;
                writer.into_inner().map_err(other)?
            }
        };
        let Hashing {
            mut inner,
            sha,
            bytes,
        } = file;
        inner.flush()?;
        Ok(Finished {
            table: self.def.name,
            path: self.name,
            format: self.format,
            rows: self.rows,
            bytes,
            sha256: hex::encode(sha.finalize()),
        })
    }
}

/// Converts the pending rows to one Arrow batch and hands it to the Parquet writer.
fn write_chunk(
    writer: &mut parquet::arrow::ArrowWriter<FileOut>,
    schema: &SchemaRef,
    pending: &mut Vec<Value>,
) -> std::io::Result<()> {
    if pending.is_empty() {
        return Ok(());
    }
    let mut decoder = arrow::json::ReaderBuilder::new(schema.clone())
        .with_batch_size(pending.len())
        .build_decoder()
        .map_err(other)?;
    decoder.serialize(pending).map_err(other)?;
    pending.clear();
    if let Some(batch) = decoder.flush().map_err(other)? {
        writer.write(&batch).map_err(other)?;
    }
    Ok(())
}

/// The format a supplier's table is delivered in, and whether it is gzip-compressed.
pub type FormatOf = fn(&str, &str) -> (Format, bool);

/// Every batch being written under one output directory: a [`Sink`] per (supplier, table),
/// opened when its first row arrives.
pub struct Batches {
    root: PathBuf,
    format_of: FormatOf,
    sinks: BTreeMap<String, BTreeMap<&'static str, Sink>>,
}

/// A finished batch directory.
#[derive(Debug, Clone)]
pub struct Batch {
    /// Supplier.
    pub supplier: String,
    /// Directory holding `manifest.json` and the files.
    pub dir: PathBuf,
    /// Its files.
    pub files: Vec<Finished>,
}

impl Batches {
    /// Batches under `root` (one directory per supplier), each table in the format `format_of`
    /// gives.
    pub fn new(root: &Path, format_of: FormatOf) -> Batches {
        Batches {
            root: root.to_path_buf(),
            format_of,
            sinks: BTreeMap::new(),
        }
    }

    /// Writes one row of `table` into `supplier`'s batch.
    pub fn put(
        &mut self,
        supplier: &str,
        table_name: &'static str,
        row: Value,
    ) -> std::io::Result<()> {
        if let Some(sink) = self
            .sinks
            .get_mut(supplier)
            .and_then(|t| t.get_mut(table_name))
        {
            return sink.put(row);
        }
        let dir = self.root.join(supplier);
        std::fs::create_dir_all(&dir)?;
        let (format, gzip) = (self.format_of)(supplier, table_name);
        let mut sink = Sink::create(&dir, table_name, format, gzip)?;
        sink.put(row)?;
        self.sinks
            .entry(supplier.to_string())
            .or_default()
            .insert(table_name, sink);
        Ok(())
    }

    /// Closes every file and writes each batch's manifest (files in table order).
    pub fn finish(self, seed: u64, period: (&str, &str)) -> std::io::Result<Vec<Batch>> {
        let mut batches = Vec::new();
        for (supplier, tables) in self.sinks {
            let mut files = Vec::new();
            for (_, sink) in tables {
                files.push(sink.finish()?);
            }
            let dir = self.root.join(&supplier);
            let batch_id = format!("{supplier}-sim-{seed}");
            write_manifest(&dir, &supplier, &batch_id, period, &files)?;
            batches.push(Batch {
                supplier,
                dir,
                files,
            });
        }
        Ok(batches)
    }
}

/// Writes `manifest.json` for the files of one batch.
fn write_manifest(
    dir: &Path,
    supplier: &str,
    batch_id: &str,
    period: (&str, &str),
    files: &[Finished],
) -> std::io::Result<()> {
    let entries: Vec<Value> = files
        .iter()
        .map(|f| {
            serde_json::json!({
                "table": f.table, "path": f.path, "format": f.format.name(), "rows": f.rows,
                "sha256": f.sha256,
            })
        })
        .collect();
    let manifest = serde_json::json!({
        "standard": "1", "batch_id": batch_id, "supplier": supplier,
        "generated_at": period.1, "period": {"from": period.0, "to": period.1}, "files": entries,
    });
    std::fs::write(
        dir.join("manifest.json"),
        serde_json::to_vec_pretty(&manifest)?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv_or_jsonl(_: &str, table: &str) -> (Format, bool) {
        match table {
            "orders" => (Format::Csv, true),
            "price_observations" => (Format::Parquet, false),
            _ => (Format::Jsonl, false),
        }
    }

    #[test]
    fn manifest_digests_and_counts_match_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let mut batches = Batches::new(dir.path(), csv_or_jsonl);
        for n in 0..20_000 {
            let row = serde_json::json!({
                "platform_id": "p", "listing_id": format!("l{n}"), "merchant_id": "m", "title": "a, \"b\"",
                "category": "x/y", "product_class": "general", "list_price_fen": n, "no_reason_return": true,
                "created_at": "2026-10-15T00:00:00+08:00",
            });
            batches.put("p", "listings", row).unwrap();
        }
        let done = batches.finish(7, ("a", "b")).unwrap();
        assert_eq!(done.len(), 1);
        let file = &done[0].files[0];
        assert_eq!(file.rows, 20_000);
        let bytes = std::fs::read(dir.path().join("p").join(&file.path)).unwrap();
        assert_eq!(bytes.len() as u64, file.bytes);
        assert_eq!(hex::encode(Sha256::digest(&bytes)), file.sha256);
        assert_eq!(bytes.iter().filter(|b| **b == b'\n').count(), 20_000);
        let manifest: Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("p/manifest.json")).unwrap())
                .unwrap();
        assert_eq!(manifest["files"][0]["rows"], 20_000);
        assert_eq!(manifest["files"][0]["sha256"], file.sha256.as_str());
    }
}
