//! Writing batches exactly per the data standard: CSV (RFC 4180), JSON Lines or Parquet, gzip when
//! the name ends in `.gz`, and a manifest with each file's row count and SHA-256.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use arrow::datatypes::{Field, Schema};
use serde_json::Value;
use sha2::{Digest, Sha256};
use tianping_domain::schema::table;

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

fn csv_cell(value: &Value) -> String {
    let text = match value {
        Value::Null => return String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
            parts.join(";")
        }
        Value::Object(_) => value.to_string(),
    };
    if text.contains([',', '"', '\n', '\r']) || text.is_empty() {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The bytes of a table file (before compression).
pub fn encode(table_name: &str, rows: &[Value], format: Format) -> Vec<u8> {
    let Some(def) = table(table_name) else {
        return Vec::new();
    };
    match format {
        Format::Csv => {
            let mut out = String::new();
            let names: Vec<&str> = def.fields.iter().map(|f| f.name).collect();
            out.push_str(&names.join(","));
            out.push('\n');
            for row in rows {
                let cells: Vec<String> = def
                    .fields
                    .iter()
                    .map(|f| csv_cell(row.get(f.name).unwrap_or(&Value::Null)))
                    .collect();
                out.push_str(&cells.join(","));
                out.push('\n');
            }
            out.into_bytes()
        }
        Format::Jsonl => {
            let mut out = Vec::new();
            for row in rows {
                out.extend(serde_json::to_vec(row).unwrap_or_default());
                out.push(b'\n');
            }
            out
        }
        Format::Parquet => {
            let full = tianping_lake::arrow_schema(def);
            let fields: Vec<Field> = def
                .fields
                .iter()
                .filter_map(|f| full.field_with_name(f.name).ok())
                .map(|f| Field::new(f.name(), f.data_type().clone(), true))
                .collect();
            let schema = Arc::new(Schema::new(fields));
            let mut out = Vec::new();
            let Ok(mut writer) =
                parquet::arrow::ArrowWriter::try_new(&mut out, schema.clone(), None)
            else {
                return Vec::new();
            };
            for chunk in rows.chunks(8192) {
                let Ok(mut decoder) =
                    arrow::json::ReaderBuilder::new(schema.clone()).build_decoder()
                else {
                    return Vec::new();
                };
                if decoder.serialize(chunk).is_err() {
                    return Vec::new();
                }
                if let Ok(Some(batch)) = decoder.flush() {
                    let _ = writer.write(&batch);
                }
            }
            let _ = writer.close();
            out
        }
    }
}

/// One file to put in a batch.
pub struct TableFile {
    /// Table name.
    pub table: &'static str,
    /// Rows as JSON objects (field names of the standard).
    pub rows: Vec<Value>,
    /// Format.
    pub format: Format,
    /// gzip-compress it.
    pub gzip: bool,
}

/// Writes one batch directory: each table's file and a manifest with its row count and SHA-256.
pub fn write_batch(
    dir: &Path,
    supplier: &str,
    batch_id: &str,
    period: (&str, &str),
    files: &[TableFile],
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut entries = Vec::new();
    for f in files {
        let mut bytes = encode(f.table, &f.rows, f.format);
        let mut name = format!("{}.{}", f.table, f.format.name());
        if f.gzip {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(&bytes)?;
            bytes = e.finish()?;
            name.push_str(".gz");
        }
        std::fs::write(dir.join(&name), &bytes)?;
        entries.push(serde_json::json!({
            "table": f.table, "path": name, "format": f.format.name(), "rows": f.rows.len(),
            "sha256": hex::encode(Sha256::digest(&bytes)),
        }));
    }
    let manifest = serde_json::json!({
        "standard": "1", "batch_id": batch_id, "supplier": supplier,
        "generated_at": period.1, "period": {"from": period.0, "to": period.1}, "files": entries,
    });
    std::fs::write(
        dir.join("manifest.json"),
        serde_json::to_vec_pretty(&manifest)?,
    )
}
