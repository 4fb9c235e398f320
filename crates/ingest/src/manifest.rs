//! `manifest.json` (data standard §1): parsed into a typed [`Manifest`] or rejected with the field
//! and value that are wrong.

use std::collections::BTreeSet;
use std::fmt;

use serde_json::Value;
use sha2::{Digest, Sha256};
use tianping_domain::value::{check_id, parse_time};

/// Delivered file formats (§1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// RFC 4180, header row, comma, UTF-8, optional BOM.
    Csv,
    /// One JSON object a line.
    Jsonl,
    /// Apache Parquet.
    Parquet,
}

impl Format {
    /// The name used in manifests.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Parquet => "parquet",
        }
    }
}

/// One file entry of a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestFile {
    /// Position in the manifest's `files` array.
    pub index: usize,
    /// Table name as given (checked against the standard when the file is ingested).
    pub table: String,
    /// Path relative to the manifest, `/`-separated, without `.` or `..` components.
    pub path: String,
    /// Declared format.
    pub format: Format,
    /// Whether the path ends in `.gz`.
    pub gzip: bool,
    /// Declared number of data rows.
    pub rows: u64,
    /// Declared SHA-256 of the file bytes as delivered, lowercase hex.
    pub sha256: String,
}

/// A parsed manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// `batch_id`, unique per supplier.
    pub batch_id: String,
    /// `supplier`: a platform id or a government source.
    pub supplier: String,
    /// `generated_at` as given.
    pub generated_at: String,
    /// `period.from` as given.
    pub period_from: String,
    /// `period.to` as given.
    pub period_to: String,
    /// The files, in manifest order.
    pub files: Vec<ManifestFile>,
}

/// Why a manifest was rejected: the field (a JSON path) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestError {
    /// JSON path of the offending field, e.g. `files[2].sha256`; empty for the whole document.
    pub field: String,
    /// What is wrong, in English.
    pub message: String,
    /// What is wrong, in Chinese.
    pub message_zh: String,
    /// `batch_id` and `supplier` when they could be read, so the receipt can name the batch.
    pub batch_id: Option<String>,
    /// See `batch_id`.
    pub supplier: Option<String>,
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "manifest.json: {}", self.message)
        } else {
            write!(f, "manifest.json: {}: {}", self.field, self.message)
        }
    }
}

impl std::error::Error for ManifestError {}

fn err(
    field: impl Into<String>,
    message: impl Into<String>,
    zh: impl Into<String>,
) -> ManifestError {
    ManifestError {
        field: field.into(),
        message: message.into(),
        message_zh: zh.into(),
        batch_id: None,
        supplier: None,
    }
}

fn shown(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 80 {
        format!("{}…", text.chars().take(80).collect::<String>())
    } else {
        text
    }
}

fn string_field<'a>(
    obj: &'a serde_json::Map<String, Value>,
    path: &str,
    name: &str,
) -> Result<&'a str, ManifestError> {
    let field = if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    };
    match obj.get(name) {
        None => Err(err(&field, "required field is missing", "缺少必填字段")),
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(err(
            &field,
            format!("must be a string, got {}", shown(other)),
            format!("须为字符串，实际为 {}", shown(other)),
        )),
    }
}

fn time_field(
    obj: &serde_json::Map<String, Value>,
    path: &str,
    name: &str,
) -> Result<(String, i64), ManifestError> {
    let value = string_field(obj, path, name)?;
    let field = if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    };
    let t = parse_time(value).map_err(|rule| {
        err(
            &field,
            format!("{:?} is not a valid time: {}", value, rule.describe_en()),
            format!("{:?} 不是合法时间：{}", value, rule.describe_zh()),
        )
    })?;
    Ok((value.to_string(), t))
}

/// Whether a manifest path is a safe relative path (no absolute paths, `.`/`..`, backslashes or
/// NUL), so it can never escape the batch directory.
pub fn is_safe_relative_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 1024
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains('\0')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// Parses and checks a manifest (§1). Tables and supplier rights are checked per file later, so
/// that the receipt can name the file; everything else about the manifest is checked here.
pub fn parse_manifest(bytes: &[u8], files_max: usize) -> Result<Manifest, ManifestError> {
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| {
        err(
            "",
            format!("not valid JSON: {e}"),
            format!("不是合法的 JSON：{e}"),
        )
    })?;
    let Value::Object(obj) = &doc else {
        return Err(err("", "must be a JSON object", "须为 JSON 对象"));
    };
    let mut batch_id = None;
    let mut supplier = None;
    let result = (|| {
        let standard = string_field(obj, "", "standard")?;
        if standard != "1" {
            return Err(err(
                "standard",
                format!("unsupported standard version {standard:?}, expected \"1\""),
                format!("不支持的标准版本 {standard:?}，应为 \"1\""),
            ));
        }
        let id = string_field(obj, "", "batch_id")?;
        check_id(id).map_err(|_| {
            err(
                "batch_id",
                format!("{id:?}: {}", tianping_domain::Rule::IdFormat.describe_en()),
                format!("{id:?}：{}", tianping_domain::Rule::IdFormat.describe_zh()),
            )
        })?;
        batch_id = Some(id.to_string());
        let sup = string_field(obj, "", "supplier")?;
        check_id(sup).map_err(|_| {
            err(
                "supplier",
                format!("{sup:?}: {}", tianping_domain::Rule::IdFormat.describe_en()),
                format!("{sup:?}：{}", tianping_domain::Rule::IdFormat.describe_zh()),
            )
        })?;
        supplier = Some(sup.to_string());
        let (generated_at, _) = time_field(obj, "", "generated_at")?;
        let period = match obj.get("period") {
            Some(Value::Object(p)) => p,
            Some(other) => {
                return Err(err(
                    "period",
                    format!("must be an object, got {}", shown(other)),
                    "须为对象",
                ));
            }
            None => return Err(err("period", "required field is missing", "缺少必填字段")),
        };
        let (period_from, from) = time_field(period, "period", "from")?;
        let (period_to, to) = time_field(period, "period", "to")?;
        if to < from {
            return Err(err(
                "period",
                "period.to is before period.from",
                "period.to 早于 period.from",
            ));
        }
        let files = match obj.get("files") {
            Some(Value::Array(files)) => files,
            Some(other) => {
                return Err(err(
                    "files",
                    format!("must be an array, got {}", shown(other)),
                    "须为数组",
                ));
            }
            None => return Err(err("files", "required field is missing", "缺少必填字段")),
        };
        if files.is_empty() {
            return Err(err(
                "files",
                "a batch must list at least one file",
                "批次至少须列出一个文件",
            ));
        }
        if files.len() > files_max {
            return Err(err(
                "files",
                format!(
                    "{} files listed, limit manifest_files_max is {files_max}",
                    files.len()
                ),
                format!(
                    "列出 {} 个文件，超过上限 manifest_files_max={files_max}",
                    files.len()
                ),
            ));
        }
        let mut seen = BTreeSet::new();
        let mut out = Vec::with_capacity(files.len());
        for (index, entry) in files.iter().enumerate() {
            let path_prefix = format!("files[{index}]");
            let Value::Object(file) = entry else {
                return Err(err(&path_prefix, "must be an object", "须为对象"));
            };
            let table = string_field(file, &path_prefix, "table")?.to_string();
            let path = string_field(file, &path_prefix, "path")?.to_string();
            if !is_safe_relative_path(&path) {
                return Err(err(
                    format!("{path_prefix}.path"),
                    format!("{path:?} is not a safe relative path"),
                    format!("{path:?} 不是安全的相对路径"),
                ));
            }
            if !seen.insert(path.clone()) {
                return Err(err(
                    format!("{path_prefix}.path"),
                    format!("{path:?} is listed twice"),
                    format!("{path:?} 重复列出"),
                ));
            }
            let format = match string_field(file, &path_prefix, "format")? {
                "csv" => Format::Csv,
                "jsonl" => Format::Jsonl,
                "parquet" => Format::Parquet,
                other => {
                    return Err(err(
                        format!("{path_prefix}.format"),
                        format!("{other:?} is not one of csv, jsonl, parquet"),
                        format!("{other:?} 不是 csv、jsonl、parquet 之一"),
                    ));
                }
            };
            let rows = match file.get("rows") {
                Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().unwrap_or_default(),
                Some(other) => {
                    return Err(err(
                        format!("{path_prefix}.rows"),
                        format!("must be a non-negative integer, got {}", shown(other)),
                        format!("须为非负整数，实际为 {}", shown(other)),
                    ));
                }
                None => {
                    return Err(err(
                        format!("{path_prefix}.rows"),
                        "required field is missing",
                        "缺少必填字段",
                    ));
                }
            };
            let sha = string_field(file, &path_prefix, "sha256")?;
            if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(err(
                    format!("{path_prefix}.sha256"),
                    format!("{sha:?} is not 64 hex characters"),
                    format!("{sha:?} 不是 64 位十六进制"),
                ));
            }
            let gzip = path.ends_with(".gz");
            out.push(ManifestFile {
                index,
                table,
                path,
                format,
                gzip,
                rows,
                sha256: sha.to_ascii_lowercase(),
            });
        }
        Ok(Manifest {
            batch_id: batch_id.clone().unwrap_or_default(),
            supplier: supplier.clone().unwrap_or_default(),
            generated_at,
            period_from,
            period_to,
            files: out,
        })
    })();
    result.map_err(|mut e| {
        e.batch_id = batch_id;
        e.supplier = supplier;
        e
    })
}

impl Manifest {
    /// The batch digest: SHA-256 over the sorted `(path, table, format, rows, sha256)` entries.
    /// Two deliveries with the same batch id and the same file digests have the same batch digest.
    pub fn digest(&self) -> String {
        let mut entries: Vec<String> = self
            .files
            .iter()
            .map(|f| {
                format!(
                    "{}\t{}\t{}\t{}\t{}\n",
                    f.path,
                    f.table,
                    f.format.as_str(),
                    f.rows,
                    f.sha256
                )
            })
            .collect();
        entries.sort();
        let mut hasher = Sha256::new();
        hasher.update(format!(
            "tianping-batch-v1\n{}\n{}\n",
            self.supplier, self.batch_id
        ));
        for entry in entries {
            hasher.update(entry.as_bytes());
        }
        hex::encode(hasher.finalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> String {
        r#"{"standard":"1","batch_id":"tmall-2026-03-01-0001","supplier":"tmall",
            "generated_at":"2026-03-02T01:00:00+08:00",
            "period":{"from":"2026-03-01T00:00:00+08:00","to":"2026-03-02T00:00:00+08:00"},
            "files":[{"table":"orders","path":"orders.csv.gz","format":"csv","rows":3,
                      "sha256":"9F2C000000000000000000000000000000000000000000000000000000000000"}]}"#
            .to_string()
    }

    #[test]
    fn parses_the_standard_example() {
        let m = parse_manifest(sample().as_bytes(), 10).unwrap();
        assert_eq!(m.batch_id, "tmall-2026-03-01-0001");
        assert_eq!(m.files[0].format, Format::Csv);
        assert!(m.files[0].gzip);
        assert!(m.files[0].sha256.starts_with("9f2c"));
        assert_eq!(m.digest().len(), 64);
    }

    #[test]
    fn names_the_bad_field() {
        let cases = [
            (sample().replace("\"1\"", "\"2\""), "standard"),
            (sample().replace("tmall-2026", "tmall 2026"), "batch_id"),
            (sample().replace("\"csv\"", "\"xlsx\""), "files[0].format"),
            (
                sample().replace("orders.csv.gz", "../orders.csv.gz"),
                "files[0].path",
            ),
            (
                sample().replace("\"rows\":3", "\"rows\":-3"),
                "files[0].rows",
            ),
            (sample().replace("9F2C", "9F2"), "files[0].sha256"),
            (
                sample().replace("2026-03-02T00:00:00+08:00", "2026-02-02T00:00:00+08:00"),
                "period",
            ),
            (
                sample().replace("2026-03-02T01:00:00+08:00", "yesterday"),
                "generated_at",
            ),
        ];
        for (text, field) in cases {
            let e = parse_manifest(text.as_bytes(), 10).unwrap_err();
            assert_eq!(e.field, field, "{e}");
        }
        let e = parse_manifest(b"{", 10).unwrap_err();
        assert_eq!(e.field, "");
        let e = parse_manifest(sample().as_bytes(), 0).unwrap_err();
        assert_eq!(e.field, "files");
        assert_eq!(e.batch_id.as_deref(), Some("tmall-2026-03-01-0001"));
    }

    #[test]
    fn safe_paths() {
        for ok in ["a.csv", "dir/a.csv", "a..b.csv"] {
            assert!(is_safe_relative_path(ok), "{ok}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "../a",
            "a/../b",
            "./a",
            "a//b",
            "a\\b",
            "a/",
        ] {
            assert!(!is_safe_relative_path(bad), "{bad}");
        }
    }
}
