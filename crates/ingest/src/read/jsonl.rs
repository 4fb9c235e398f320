//! JSON Lines: one JSON object a line; blank lines are not records.

use std::io::{self, BufRead};

use serde_json::Value;
use tianping_domain::Rule;
use tianping_domain::schema::TableDef;

use super::{
    FileCounts, FileRejection, IssueSink, ReadError, RecordContext, RowSink, read_failure,
};
use crate::keys::Duplicates;
use crate::limits::Limits;
use crate::manifest::ManifestFile;
use crate::validate::{RawValue, RowIssue};

/// Outcome of reading one line with a size bound.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// End of the stream.
    Eof,
    /// A line is in the buffer (without its terminator).
    Read,
    /// The line is longer than the bound.
    TooLong,
}

/// Reads one `\n`-terminated line into `buf` without ever holding more than `max` bytes.
pub(crate) fn read_line_bounded(
    stream: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut any = false;
    loop {
        let available = stream.fill_buf()?;
        if available.is_empty() {
            return Ok(if any { Line::Read } else { Line::Eof });
        }
        any = true;
        match available.iter().position(|b| *b == b'\n') {
            Some(i) => {
                if buf.len() + i > max {
                    return Ok(Line::TooLong);
                }
                buf.extend_from_slice(&available[..i]);
                stream.consume(i + 1);
                if buf.last() == Some(&b'\r') {
                    buf.pop();
                }
                return Ok(Line::Read);
            }
            None => {
                let n = available.len();
                if buf.len() + n > max {
                    return Ok(Line::TooLong);
                }
                buf.extend_from_slice(available);
                stream.consume(n);
            }
        }
    }
}

fn handle_line(
    ctx: &mut RecordContext<'_>,
    record: u64,
    line: u64,
    raw: &[u8],
    columns_max: usize,
) -> io::Result<()> {
    let text = match std::str::from_utf8(raw) {
        Ok(text) => text,
        Err(e) => {
            let issue = RowIssue::row(
                Rule::InvalidUtf8,
                format!("invalid byte at offset {} of the line", e.valid_up_to()),
                format!("该行第 {} 字节处无效", e.valid_up_to()),
            );
            return ctx.refuse(record, Some(line), issue, raw);
        }
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            let issue = RowIssue::row(
                Rule::JsonSyntax,
                e.to_string(),
                format!("JSON 解析错误：{e}"),
            );
            return ctx.refuse(record, Some(line), issue, raw);
        }
    };
    let Value::Object(map) = &value else {
        let issue = RowIssue::row(Rule::JsonNotObject, "expected an object", "应为 JSON 对象");
        return ctx.refuse(record, Some(line), issue, raw);
    };
    if map.len() > columns_max {
        let issue = RowIssue::row(
            Rule::FieldCount,
            format!("{} keys, limit columns_max is {columns_max}", map.len()),
            format!("{} 个键，超过上限 columns_max={columns_max}", map.len()),
        );
        return ctx.refuse(record, Some(line), issue, raw);
    }
    let table = ctx.table();
    for key in map.keys() {
        if table.field_index(key).is_none() {
            ctx.note_ignored(key);
        }
    }
    let mut cells = Vec::with_capacity(table.fields.len());
    let lookup = |i: usize| {
        map.get(table.fields[i].name)
            .map_or(RawValue::Absent, RawValue::Json)
    };
    match ctx
        .validator
        .validate(record, lookup, &mut cells, &mut ctx.warnings)
    {
        Ok(()) => {
            ctx.rows.push(record, &cells)?;
            ctx.accepted_with_warnings(record, Some(line))
        }
        Err(issue) => ctx.refuse(record, Some(line), issue, raw),
    }
}

/// Splits a JSON Lines stream into non-blank lines with bounded memory: `f(record, line, bytes)`.
pub(crate) fn for_each_line(
    stream: &mut dyn BufRead,
    path: &str,
    limits: &Limits,
    mut f: impl FnMut(u64, u64, &[u8]) -> Result<(), ReadError>,
) -> Result<u64, ReadError> {
    let mut buf = Vec::with_capacity(64 * 1024);
    let mut line_no: u64 = 0;
    let mut records: u64 = 0;
    loop {
        let outcome = read_line_bounded(stream, &mut buf, limits.record_bytes_max)
            .map_err(|e| read_failure(path, e))?;
        line_no += 1;
        match outcome {
            Line::Eof => return Ok(records),
            Line::TooLong => {
                return Err(ReadError::Rejected(FileRejection::new(
                    format!(
                        "{path}: line {line_no} exceeds the limit of {} bytes",
                        limits.record_bytes_max
                    ),
                    format!(
                        "{path}：第 {line_no} 行超过上限 {} 字节",
                        limits.record_bytes_max
                    ),
                )));
            }
            Line::Read => {
                if buf.iter().all(|b| b.is_ascii_whitespace()) {
                    continue;
                }
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
                f(records, line_no, &buf)?;
            }
        }
    }
}

/// Reads a JSON Lines stream; `duplicates` names the records whose key repeats an earlier one.
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
    let records = for_each_line(&mut *stream, &file.path, limits, |record, line, bytes| {
        handle_line(&mut ctx, record, line, bytes, limits.columns_max).map_err(ReadError::Internal)
    })?;
    ctx.counts.records = records;
    Ok(ctx.counts)
}

/// Key texts of each record, for the duplicate-key pre-pass (JSON strings as their content, other
/// values as their JSON text); lines that do not parse or lack a key field are skipped.
pub(crate) fn for_each_key(
    stream: &mut dyn BufRead,
    path: &str,
    table: &TableDef,
    limits: &Limits,
    mut f: impl FnMut(u64, &[&str]),
) -> Result<(), ReadError> {
    for_each_line(stream, path, limits, |record, _, bytes| {
        let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(bytes) else {
            return Ok(());
        };
        let mut owned: Vec<String> = Vec::with_capacity(table.key.len());
        for k in table.key {
            match map.get(*k) {
                Some(Value::String(s)) => owned.push(s.clone()),
                Some(Value::Null) | None => return Ok(()),
                Some(other) => owned.push(other.to_string()),
            }
        }
        let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
        f(record, &texts);
        Ok(())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_lines() {
        let mut input: &[u8] = b"ab\r\ncde\nfghij";
        let mut buf = Vec::new();
        assert_eq!(
            read_line_bounded(&mut input, &mut buf, 4).unwrap(),
            Line::Read
        );
        assert_eq!(buf, b"ab");
        assert_eq!(
            read_line_bounded(&mut input, &mut buf, 4).unwrap(),
            Line::Read
        );
        assert_eq!(buf, b"cde");
        assert_eq!(
            read_line_bounded(&mut input, &mut buf, 4).unwrap(),
            Line::TooLong
        );
        let mut input: &[u8] = b"";
        assert_eq!(
            read_line_bounded(&mut input, &mut buf, 4).unwrap(),
            Line::Eof
        );
    }
}
