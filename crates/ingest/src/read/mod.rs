//! Streaming readers for delivered files: CSV, JSON Lines and Parquet, gzip where the name says so.
//!
//! A reader turns a file into records, hands each to the table's [`Validator`], and sends accepted
//! rows to a [`RowSink`] and refused rows to an [`IssueSink`]. Memory is bounded by the record-size
//! limit and the sinks' buffers, never by the file's size.

pub mod csv;
pub mod jsonl;
#[cfg(feature = "parquet")]
pub mod parquet;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;
use tianping_domain::schema::TableDef;

use crate::limits::Limits;
use crate::manifest::{Format, ManifestFile};
use crate::receipt::{QuarantinedRow, RowWarning};
use crate::validate::{Cell, FieldWarning, RowIssue, Validator};

/// Where accepted rows go (the lake writer).
pub trait RowSink {
    /// Stores one accepted row; `record` is its 1-based record number in the file.
    fn push(&mut self, record: u64, cells: &[Cell<'_>]) -> io::Result<()>;
}

/// Where refused rows and warnings go (spooled, then committed with the batch).
pub trait IssueSink {
    /// Keeps a refused row.
    fn quarantine(&mut self, row: QuarantinedRow) -> io::Result<()>;
    /// Keeps a warning on an accepted row.
    fn warn(&mut self, warning: RowWarning) -> io::Result<()>;
}

/// Why a whole file was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRejection {
    /// In English.
    pub en: String,
    /// In Chinese.
    pub zh: String,
}

impl FileRejection {
    /// A rejection with both messages.
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> FileRejection {
        FileRejection {
            en: en.into(),
            zh: zh.into(),
        }
    }
}

/// Counts from reading one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileCounts {
    /// Data records read.
    pub records: u64,
    /// Rows accepted.
    pub accepted: u64,
    /// Rows quarantined.
    pub quarantined: u64,
    /// Accepted rows with at least one warning.
    pub warned: u64,
    /// Columns or keys not in the standard (ignored), sorted, at most 100.
    pub ignored_columns: Vec<String>,
}

/// Result of reading one file.
#[derive(Debug)]
pub enum ReadError {
    /// The file is rejected (and with it its batch): unreadable, wrong header, too large…
    Rejected(FileRejection),
    /// Our side failed (disk full, IO error writing the lake): nothing is committed.
    Internal(io::Error),
}

impl From<FileRejection> for ReadError {
    fn from(r: FileRejection) -> Self {
        ReadError::Rejected(r)
    }
}

/// Marker carried inside an `io::Error` when a read limit is hit.
#[derive(Debug)]
pub(crate) struct LimitHit(pub String, pub String);

impl std::fmt::Display for LimitHit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LimitHit {}

/// A reader that fails with [`LimitHit`] after `max` bytes.
pub(crate) struct Capped<R> {
    inner: R,
    left: u64,
    max: u64,
    what: &'static str,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            // Probe one byte: exactly `max` bytes is allowed.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(io::Error::other(LimitHit(
                    format!("{} exceeds the limit of {} bytes", self.what, self.max),
                    format!(
                        "{}超过上限 {} 字节",
                        if self.what == "decompressed data" {
                            "解压后数据"
                        } else {
                            "文件"
                        },
                        self.max
                    ),
                ))),
            };
        }
        let n = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let read = self.inner.read(&mut buf[..n])?;
        self.left -= read as u64;
        Ok(read)
    }
}

/// Turns an IO error while reading a delivered file into a file rejection (the supplier's fault:
/// truncated gzip, limit exceeded), distinguishing it from our own failures.
pub(crate) fn read_failure(path: &str, e: io::Error) -> ReadError {
    if let Some(limit) = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<LimitHit>())
    {
        return ReadError::Rejected(FileRejection::new(
            format!("{path}: {}", limit.0),
            format!("{path}：{}", limit.1),
        ));
    }
    match e.kind() {
        io::ErrorKind::InvalidData | io::ErrorKind::InvalidInput | io::ErrorKind::UnexpectedEof => {
            ReadError::Rejected(FileRejection::new(
                format!("{path}: cannot be read: {e} (broken or truncated compression?)"),
                format!("{path}：无法读取：{e}（压缩数据损坏或被截断？）"),
            ))
        }
        _ => ReadError::Internal(e),
    }
}

/// Opens a delivered file for streaming: a buffered, size-capped reader that decompresses gzip
/// when the manifest path ends in `.gz`.
pub fn open_stream(
    path: &Path,
    file: &ManifestFile,
    limits: &Limits,
) -> Result<Box<dyn BufRead>, ReadError> {
    let handle = File::open(path).map_err(ReadError::Internal)?;
    let raw = Capped {
        inner: handle,
        left: limits.file_bytes_max,
        max: limits.file_bytes_max,
        what: "file",
    };
    if file.gzip {
        let decoder = MultiGzDecoder::new(BufReader::with_capacity(256 * 1024, raw));
        let capped = Capped {
            inner: decoder,
            left: limits.decompressed_bytes_max,
            max: limits.decompressed_bytes_max,
            what: "decompressed data",
        };
        Ok(Box::new(BufReader::with_capacity(256 * 1024, capped)))
    } else {
        Ok(Box::new(BufReader::with_capacity(256 * 1024, raw)))
    }
}

/// Shared per-record bookkeeping of the readers.
pub(crate) struct RecordContext<'s> {
    pub file: &'s ManifestFile,
    pub validator: Validator,
    pub rows: &'s mut dyn RowSink,
    pub issues: &'s mut dyn IssueSink,
    pub counts: FileCounts,
    pub warnings: Vec<FieldWarning>,
}

impl<'s> RecordContext<'s> {
    pub fn new(
        file: &'s ManifestFile,
        table: &'static TableDef,
        supplier: &str,
        duplicates: crate::keys::Duplicates,
        rows: &'s mut dyn RowSink,
        issues: &'s mut dyn IssueSink,
    ) -> Self {
        RecordContext {
            file,
            validator: Validator::new(table, supplier, duplicates),
            rows,
            issues,
            counts: FileCounts::default(),
            warnings: Vec::new(),
        }
    }

    pub fn table(&self) -> &'static TableDef {
        self.validator.table()
    }

    /// Keeps a refused record.
    pub fn refuse(
        &mut self,
        record: u64,
        line: Option<u64>,
        issue: RowIssue,
        raw: &[u8],
    ) -> io::Result<()> {
        self.counts.quarantined += 1;
        let personal = issue.rule.value_is_personal();
        self.issues.quarantine(QuarantinedRow {
            file: self.file.path.clone(),
            table: self.file.table.clone(),
            record,
            line,
            field: issue.field.clone(),
            value: issue.value.clone(),
            rule: issue.rule.code().to_string(),
            message: issue.message_zh(),
            message_en: issue.message_en(),
            raw: raw.to_vec(),
            personal,
        })
    }

    /// Records the warnings of an accepted row.
    pub fn accepted_with_warnings(&mut self, record: u64, line: Option<u64>) -> io::Result<()> {
        self.counts.accepted += 1;
        if self.warnings.is_empty() {
            return Ok(());
        }
        self.counts.warned += 1;
        for w in self.warnings.drain(..) {
            self.issues.warn(RowWarning {
                file: self.file.path.clone(),
                table: self.file.table.clone(),
                record,
                line,
                field: w.field.to_string(),
                value: w.value,
                rule: w.rule.code().to_string(),
                message: format!(
                    "字段 {}：{}；{}",
                    w.field,
                    w.rule.describe_zh(),
                    w.detail_zh
                ),
                message_en: format!(
                    "field {}: {}; {}",
                    w.field,
                    w.rule.describe_en(),
                    w.detail_en
                ),
            })?;
        }
        Ok(())
    }

    pub fn note_ignored(&mut self, name: &str) {
        let list = &mut self.counts.ignored_columns;
        if list.len() < 100 && !list.iter().any(|c| c == name) {
            list.push(name.to_string());
            list.sort();
        }
    }
}

/// Reads one delivered file of a batch: every record is validated and goes to `rows` or
/// `issues`. `duplicates` comes from [`crate::keys::find_duplicates`] on the same file (the caller
/// runs that pre-pass, so that it can overlap it with the digest check). `scratch_dir` is used to
/// decompress gzip-compressed Parquet (which needs seeking).
#[allow(clippy::too_many_arguments)]
pub fn read_file(
    path: &Path,
    file: &ManifestFile,
    table: &'static TableDef,
    supplier: &str,
    limits: &Limits,
    scratch_dir: &Path,
    duplicates: crate::keys::Duplicates,
    rows: &mut dyn RowSink,
    issues: &mut dyn IssueSink,
) -> Result<FileCounts, ReadError> {
    let counts = match file.format {
        Format::Csv => {
            let stream = open_stream(path, file, limits)?;
            csv::read(
                stream, file, table, supplier, limits, duplicates, rows, issues,
            )?
        }
        Format::Jsonl => {
            let stream = open_stream(path, file, limits)?;
            jsonl::read(
                stream, file, table, supplier, limits, duplicates, rows, issues,
            )?
        }
        #[cfg(feature = "parquet")]
        Format::Parquet => parquet::read(
            path,
            file,
            table,
            supplier,
            limits,
            scratch_dir,
            duplicates,
            rows,
            issues,
        )?,
        #[cfg(not(feature = "parquet"))]
        Format::Parquet => {
            let _ = (scratch_dir, duplicates);
            return Err(ReadError::Rejected(FileRejection::new(
                "parquet support is not built into this binary",
                "此程序未包含 Parquet 支持",
            )));
        }
    };
    if counts.records != file.rows {
        return Err(ReadError::Rejected(FileRejection::new(
            format!(
                "{}: manifest says {} rows, the file holds {} records",
                file.path, file.rows, counts.records
            ),
            format!(
                "{}：清单声明 {} 行，文件实有 {} 条记录",
                file.path, file.rows, counts.records
            ),
        )));
    }
    Ok(counts)
}
