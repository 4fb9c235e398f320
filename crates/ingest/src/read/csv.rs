//! CSV (RFC 4180: header row, comma, `"` quoting, UTF-8, optional BOM), read with `csv-core` so
//! that each record's bytes are kept exactly as delivered for the quarantine.

use std::io::{self, BufRead};

use csv_core::{ReadRecordResult, Reader};
use tianping_domain::Rule;
use tianping_domain::schema::TableDef;

use super::{
    FileCounts, FileRejection, IssueSink, ReadError, RecordContext, RowSink, read_failure,
};
use crate::keys::Duplicates;
use crate::limits::Limits;
use crate::manifest::ManifestFile;
use crate::validate::{Cell, RawValue, RowIssue};

fn trim_terminators(raw: &[u8]) -> &[u8] {
    let start = raw
        .iter()
        .position(|b| *b != b'\r' && *b != b'\n')
        .unwrap_or(raw.len());
    let end = raw
        .iter()
        .rposition(|b| *b != b'\r' && *b != b'\n')
        .map_or(start, |i| i + 1);
    &raw[start..end.max(start)]
}

struct Header {
    /// Column names as delivered.
    names: Vec<String>,
    /// For each field of the table, its column.
    column_of_field: Vec<Option<usize>>,
}

fn parse_header(
    ctx: &mut RecordContext<'_>,
    fields: &[&[u8]],
    limits: &Limits,
) -> Result<Header, FileRejection> {
    let path = &ctx.file.path;
    if fields.len() > limits.columns_max {
        return Err(FileRejection::new(
            format!(
                "{path}: header has {} columns, limit columns_max is {}",
                fields.len(),
                limits.columns_max
            ),
            format!(
                "{path}：表头有 {} 列，超过上限 columns_max={}",
                fields.len(),
                limits.columns_max
            ),
        ));
    }
    let mut names = Vec::with_capacity(fields.len());
    for (i, field) in fields.iter().enumerate() {
        let name = std::str::from_utf8(field).map_err(|_| {
            FileRejection::new(
                format!("{path}: header column {} is not valid UTF-8", i + 1),
                format!("{path}：表头第 {} 列不是有效的 UTF-8", i + 1),
            )
        })?;
        let name = if i == 0 {
            name.strip_prefix('\u{feff}').unwrap_or(name)
        } else {
            name
        };
        if names.iter().any(|n: &String| n == name) {
            return Err(FileRejection::new(
                format!("{path}: header names column {name:?} twice"),
                format!("{path}：表头重复列 {name:?}"),
            ));
        }
        names.push(name.to_string());
    }
    let table = ctx.table();
    let column_of_field: Vec<Option<usize>> = table
        .fields
        .iter()
        .map(|f| names.iter().position(|n| n == f.name))
        .collect();
    let missing: Vec<&str> = table
        .fields
        .iter()
        .zip(&column_of_field)
        .filter(|(f, col)| !f.optional && col.is_none())
        .map(|(f, _)| f.name)
        .collect();
    if !missing.is_empty() {
        return Err(FileRejection::new(
            format!(
                "{path}: header lacks required field(s) {} of table {}",
                missing.join(", "),
                table.name
            ),
            format!(
                "{path}：表头缺少 {} 表的必填字段 {}",
                table.name,
                missing.join("、")
            ),
        ));
    }
    for name in &names {
        if table.field_index(name).is_none() {
            ctx.note_ignored(name);
        }
    }
    Ok(Header {
        names,
        column_of_field,
    })
}

fn handle_record(
    ctx: &mut RecordContext<'_>,
    header: &Header,
    record: u64,
    line: u64,
    raw: &[u8],
    fields: &[&[u8]],
) -> io::Result<()> {
    if fields.len() != header.names.len() {
        let issue = RowIssue::row(
            Rule::FieldCount,
            format!(
                "{} fields, the header has {}",
                fields.len(),
                header.names.len()
            ),
            format!("{} 个字段，表头为 {} 个", fields.len(), header.names.len()),
        );
        return ctx.refuse(record, Some(line), issue, raw);
    }
    let mut texts: Vec<&str> = Vec::with_capacity(fields.len());
    for (col, bytes) in fields.iter().enumerate() {
        match std::str::from_utf8(bytes) {
            Ok(s) => texts.push(s),
            Err(e) => {
                let issue = RowIssue {
                    rule: Rule::InvalidUtf8,
                    field: Some(header.names[col].clone()),
                    value: Some(String::from_utf8_lossy(bytes).chars().take(256).collect()),
                    detail_en: Some(format!(
                        "invalid byte at offset {} of the field",
                        e.valid_up_to()
                    )),
                    detail_zh: Some(format!("字段第 {} 字节处无效", e.valid_up_to())),
                };
                return ctx.refuse(record, Some(line), issue, raw);
            }
        }
    }
    let mut local: Vec<Cell<'_>> = Vec::with_capacity(ctx.table().fields.len());
    let lookup = |i: usize| match header.column_of_field[i] {
        None => RawValue::Absent,
        Some(col) if texts[col].is_empty() => RawValue::Null,
        Some(col) => RawValue::Text(texts[col]),
    };
    let result = ctx
        .validator
        .validate(record, lookup, &mut local, &mut ctx.warnings);
    match result {
        Ok(()) => {
            ctx.rows.push(record, &local)?;
            ctx.accepted_with_warnings(record, Some(line))?;
        }
        Err(issue) => ctx.refuse(record, Some(line), issue, raw)?,
    }
    Ok(())
}

/// One step of a CSV stream: the header, or a data record with its 1-based number, the line it
/// starts on, its bytes as delivered (without line terminators) and its fields.
pub(crate) enum CsvEvent<'a> {
    /// The first non-blank record.
    Header(&'a [&'a [u8]]),
    /// A data record.
    Record {
        /// 1-based record number.
        record: u64,
        /// 1-based line where it starts.
        line: u64,
        /// Its bytes.
        raw: &'a [u8],
        /// Its fields (unquoted).
        fields: &'a [&'a [u8]],
    },
}

/// Splits a CSV stream into records with bounded memory, calling `f` for each.
pub(crate) fn for_each_record(
    stream: &mut dyn BufRead,
    path: &str,
    limits: &Limits,
    mut f: impl FnMut(CsvEvent<'_>) -> Result<(), ReadError>,
) -> Result<u64, ReadError> {
    let mut reader = Reader::new();
    let mut out = vec![0u8; 64 * 1024];
    let mut ends = vec![0usize; 64];
    let (mut out_len, mut ends_len) = (0usize, 0usize);
    let mut raw: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut seen_header = false;
    let mut records: u64 = 0;
    let mut lines_before: u64 = 0;
    loop {
        let input = stream.fill_buf().map_err(|e| read_failure(path, e))?;
        let (result, n_in, n_out, n_ends) =
            reader.read_record(input, &mut out[out_len..], &mut ends[ends_len..]);
        raw.extend_from_slice(&input[..n_in]);
        stream.consume(n_in);
        out_len += n_out;
        ends_len += n_ends;
        if raw.len() > limits.record_bytes_max {
            let line = lines_before + 1;
            return Err(ReadError::Rejected(FileRejection::new(
                format!(
                    "{path}: the record starting near line {line} exceeds the limit of {} bytes",
                    limits.record_bytes_max
                ),
                format!(
                    "{path}：约第 {line} 行开始的记录超过上限 {} 字节",
                    limits.record_bytes_max
                ),
            )));
        }
        match result {
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
            ReadRecordResult::OutputEndsFull => {
                if ends.len() > limits.columns_max * 2 {
                    return Err(ReadError::Rejected(FileRejection::new(
                        format!(
                            "{path}: a record near line {} has more than {} fields",
                            lines_before + 1,
                            limits.columns_max
                        ),
                        format!(
                            "{path}：约第 {} 行的记录字段数超过 {}",
                            lines_before + 1,
                            limits.columns_max
                        ),
                    )));
                }
                ends.resize(ends.len() * 2, 0);
            }
            ReadRecordResult::Record => {
                let leading = raw
                    .iter()
                    .take_while(|b| **b == b'\r' || **b == b'\n')
                    .filter(|b| **b == b'\n')
                    .count();
                let line = lines_before + leading as u64 + 1;
                lines_before += raw.iter().filter(|b| **b == b'\n').count() as u64;
                let trimmed = trim_terminators(&raw);
                if !trimmed.is_empty() {
                    let mut fields: Vec<&[u8]> = Vec::with_capacity(ends_len);
                    let mut start = 0;
                    for &end in &ends[..ends_len] {
                        fields.push(&out[start..end]);
                        start = end;
                    }
                    if seen_header {
                        records += 1;
                        if records > limits.rows_per_file_max {
                            return Err(ReadError::Rejected(FileRejection::new(
                                format!(
                                    "{path}: more than rows_per_file_max = {} rows",
                                    limits.rows_per_file_max
                                ),
                                format!(
                                    "{path}：行数超过上限 rows_per_file_max={}",
                                    limits.rows_per_file_max
                                ),
                            )));
                        }
                        f(CsvEvent::Record {
                            record: records,
                            line,
                            raw: trimmed,
                            fields: &fields,
                        })?;
                    } else {
                        seen_header = true;
                        f(CsvEvent::Header(&fields))?;
                    }
                }
                raw.clear();
                out_len = 0;
                ends_len = 0;
            }
            ReadRecordResult::End => break,
        }
    }
    if !seen_header {
        return Err(ReadError::Rejected(FileRejection::new(
            format!("{path}: no header row"),
            format!("{path}：缺少表头行"),
        )));
    }
    Ok(records)
}

/// Reads a CSV stream; `duplicates` names the records whose key repeats an earlier one.
#[allow(clippy::too_many_arguments)]
pub fn read(
    mut stream: Box<dyn BufRead>,
    file: &ManifestFile,
    table: &'static TableDef,
    supplier: &str,
    limits: &Limits,
    duplicates: Duplicates,
    rows: &mut dyn RowSink,
    issues: &mut dyn IssueSink,
) -> Result<FileCounts, ReadError> {
    let mut ctx = RecordContext::new(file, table, supplier, duplicates, rows, issues);
    let mut header: Option<Header> = None;
    let records = for_each_record(&mut *stream, &file.path, limits, |event| match event {
        CsvEvent::Header(fields) => {
            header = Some(parse_header(&mut ctx, fields, limits)?);
            Ok(())
        }
        CsvEvent::Record {
            record,
            line,
            raw,
            fields,
        } => match &header {
            Some(h) => {
                handle_record(&mut ctx, h, record, line, raw, fields).map_err(ReadError::Internal)
            }
            None => Ok(()),
        },
    })?;
    ctx.counts.records = records;
    Ok(ctx.counts)
}

/// Key texts of each record, for the duplicate-key pre-pass: `f(record, key texts)`; records whose
/// field count differs from the header's, or whose key fields are not UTF-8, are skipped (they are
/// quarantined for that by the main pass).
pub(crate) fn for_each_key(
    stream: &mut dyn BufRead,
    path: &str,
    table: &TableDef,
    limits: &Limits,
    mut f: impl FnMut(u64, &[&str]),
) -> Result<(), ReadError> {
    let mut key_cols: Vec<usize> = Vec::new();
    let mut width = 0usize;
    for_each_record(stream, path, limits, |event| {
        match event {
            CsvEvent::Header(fields) => {
                width = fields.len();
                let names: Vec<String> = fields
                    .iter()
                    .enumerate()
                    .map(|(i, b)| {
                        let n = String::from_utf8_lossy(b).into_owned();
                        if i == 0 {
                            n.trim_start_matches('\u{feff}').to_string()
                        } else {
                            n
                        }
                    })
                    .collect();
                key_cols = table
                    .key
                    .iter()
                    .filter_map(|k| names.iter().position(|n| n == k))
                    .collect();
            }
            CsvEvent::Record { record, fields, .. } => {
                if fields.len() != width || key_cols.len() != table.key.len() {
                    return Ok(());
                }
                let mut texts: Vec<&str> = Vec::with_capacity(key_cols.len());
                for &c in &key_cols {
                    match std::str::from_utf8(fields[c]) {
                        Ok(t) => texts.push(t),
                        Err(_) => return Ok(()),
                    }
                }
                f(record, &texts);
            }
        }
        Ok(())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_only_terminators() {
        assert_eq!(trim_terminators(b"\r\na,b\r\n"), b"a,b");
        assert_eq!(trim_terminators(b"\n\n"), b"");
        assert_eq!(trim_terminators(b" a "), b" a ");
    }
}
