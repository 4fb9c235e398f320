//! CSV (RFC 4180: header row, comma, `"` quoting, UTF-8, optional BOM), read with `csv-core` so
//! that each record's bytes are kept exactly as delivered for the quarantine.

use std::io::{self, BufRead};

use csv_core::{ReadRecordResult, Reader};
use tianping_domain::Rule;
use tianping_domain::schema::TableDef;

use super::{
    FileCounts, FileRejection, IssueSink, ReadError, RecordContext, RowSink, read_failure,
};
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
        .validate(lookup, &mut local, &mut ctx.warnings);
    match result {
        Ok(()) => {
            ctx.rows.push(record, &local)?;
            ctx.accepted_with_warnings(record, Some(line))?;
        }
        Err(issue) => ctx.refuse(record, Some(line), issue, raw)?,
    }
    Ok(())
}

/// Reads a CSV stream.
pub fn read(
    mut stream: Box<dyn BufRead>,
    file: &ManifestFile,
    table: &'static TableDef,
    supplier: &str,
    limits: &Limits,
    rows: &mut dyn RowSink,
    issues: &mut dyn IssueSink,
) -> Result<FileCounts, ReadError> {
    let mut ctx = RecordContext::new(file, table, supplier, rows, issues);
    let mut reader = Reader::new();
    let mut out = vec![0u8; 64 * 1024];
    let mut ends = vec![0usize; 64];
    let (mut out_len, mut ends_len) = (0usize, 0usize);
    let mut raw: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut header: Option<Header> = None;
    let mut lines_before: u64 = 0;
    loop {
        let input = stream.fill_buf().map_err(|e| read_failure(&file.path, e))?;
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
                    "{}: the record starting near line {line} exceeds the limit of {} bytes",
                    file.path, limits.record_bytes_max
                ),
                format!(
                    "{}：约第 {line} 行开始的记录超过上限 {} 字节",
                    file.path, limits.record_bytes_max
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
                            "{}: a record near line {} has more than {} fields",
                            file.path,
                            lines_before + 1,
                            limits.columns_max
                        ),
                        format!(
                            "{}：约第 {} 行的记录字段数超过 {}",
                            file.path,
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
                    match &header {
                        None => header = Some(parse_header(&mut ctx, &fields, limits)?),
                        Some(h) => {
                            ctx.counts.records += 1;
                            if ctx.counts.records > limits.rows_per_file_max {
                                return Err(ReadError::Rejected(FileRejection::new(
                                    format!(
                                        "{}: more than rows_per_file_max = {} rows",
                                        file.path, limits.rows_per_file_max
                                    ),
                                    format!(
                                        "{}：行数超过上限 rows_per_file_max={}",
                                        file.path, limits.rows_per_file_max
                                    ),
                                )));
                            }
                            let record = ctx.counts.records;
                            handle_record(&mut ctx, h, record, line, trimmed, &fields)
                                .map_err(ReadError::Internal)?;
                        }
                    }
                }
                raw.clear();
                out_len = 0;
                ends_len = 0;
            }
            ReadRecordResult::End => break,
        }
    }
    if header.is_none() {
        return Err(ReadError::Rejected(FileRejection::new(
            format!("{}: no header row", file.path),
            format!("{}：缺少表头行", file.path),
        )));
    }
    Ok(ctx.counts)
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
