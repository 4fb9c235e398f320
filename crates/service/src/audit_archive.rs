//! The audit log's archive of a period (`tianping audit export` / `tianping audit verify`): the
//! rows with `from <= at < to`, each with its chain hashes, so a period can be kept apart (and,
//! once past its retention, pruned by a separate procedure) while staying verifiable on its own.
//!
//! The archive is JSON Lines: a header line (`kind`, `version`, the period, the first and last
//! `seq`, the number of rows, the hash that precedes the first row, the last row's hash, the
//! retention in force and the date the period must be kept until), then one line per row as
//! stored (`seq`, the event's fields, `prev_hash`, `row_hash`). [`verify`] recomputes every
//! row's hash from its contents and checks the numbering and links from the header's
//! `prev_hash` to its `last_row_hash`; an edited, removed, inserted or reordered row fails,
//! naming the line. Tying the archive to the live log: its `last_row_hash` is the stored hash of
//! row `last_seq`, which `audit-head` anchors in the evidence log cover.
//!
//! Export refuses a chain that does not verify (archiving it would attest the tampering) and a
//! period whose rows are not consecutive in the chain (the clock went back), naming the rows.

use std::io::{BufRead, Write};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use tianping_store::accounts::AuditRecord;
use tianping_store::{Store, StoreError};

use crate::audit_retention::AuditRetention;

/// The header's `kind`.
pub const ARCHIVE_KIND: &str = "tianping.audit-archive";
/// Rows read per query.
const PAGE: u32 = 1000;

/// The first line of an archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveHeader {
    /// [`ARCHIVE_KIND`].
    pub kind: String,
    /// Format version (1).
    pub version: u32,
    /// Period start (inclusive), as the log stores times.
    pub from: String,
    /// Period end (exclusive).
    pub to: String,
    /// Rows in the archive.
    pub rows: u64,
    /// `seq` of the first row (none when the period is empty).
    pub first_seq: Option<u64>,
    /// `seq` of the last row.
    pub last_seq: Option<u64>,
    /// The hash the first row links to (the row before it, or the genesis hash).
    pub prev_hash: Option<String>,
    /// The last row's hash.
    pub last_row_hash: Option<String>,
    /// The retention in force at export.
    pub retention: AuditRetention,
    /// The earliest day the period could be pruned (period end + the longest retention).
    pub kept_until: String,
}

/// Why an export or a verification failed.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing or reading the archive failed.
    #[error("审计归档读写失败 / audit archive IO failed: {0}")]
    Io(#[from] std::io::Error),
    /// A bad period.
    #[error("期间无效：{0} / invalid period: {1}")]
    Period(String, String),
    /// The live chain is broken.
    #[error(
        "审计日志第 {0} 行的哈希链校验失败，拒绝归档 / audit row {0} does not verify; refusing to archive a broken chain"
    )]
    Broken(u64),
    /// The period's rows are not consecutive in the chain.
    #[error(
        "期间内的审计行不连续：第 {0} 行之后是第 {1} 行（时钟回拨？请扩大期间） / the period's audit rows are not consecutive: row {0} is followed by row {1} (clock went back? widen the period)"
    )]
    NotConsecutive(u64, u64),
    /// The archive does not verify.
    #[error("审计归档第 {line} 行校验失败：{zh} / audit archive line {line} does not verify: {en}")]
    Invalid {
        /// 1-based line of the archive.
        line: u64,
        /// Why, in Chinese.
        zh: String,
        /// Why, in English.
        en: String,
    },
}

/// A time as the audit log stores it (UTC, microseconds, `Z`).
pub fn log_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Writes the archive of `[from, to)` to `out`; returns its header.
pub async fn export(
    store: &dyn Store,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    retention: AuditRetention,
    out: &mut dyn Write,
) -> Result<ArchiveHeader, ArchiveError> {
    if from >= to {
        return Err(ArchiveError::Period(
            format!("起点 {} 不早于终点 {}", log_time(from), log_time(to)),
            format!("from {} is not before to {}", log_time(from), log_time(to)),
        ));
    }
    let report = store.verify_audit_chain().await?;
    if let Some(bad) = report.first_bad_seq {
        return Err(ArchiveError::Broken(bad));
    }
    let (from_text, to_text) = (log_time(from), log_time(to));
    let mut rows: Vec<AuditRecord> = Vec::new();
    let mut after = 0;
    loop {
        let page = store
            .audit_period(&from_text, &to_text, after, PAGE)
            .await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for r in page {
            if let Some(prev) = rows.last()
                && r.seq != prev.seq + 1
            {
                return Err(ArchiveError::NotConsecutive(prev.seq, r.seq));
            }
            rows.push(r);
        }
    }
    let header = ArchiveHeader {
        kind: ARCHIVE_KIND.into(),
        version: 1,
        from: from_text,
        to: to_text,
        rows: rows.len() as u64,
        first_seq: rows.first().map(|r| r.seq),
        last_seq: rows.last().map(|r| r.seq),
        prev_hash: rows.first().map(|r| r.prev_hash.clone()),
        last_row_hash: rows.last().map(|r| r.row_hash.clone()),
        retention,
        kept_until: retention.kept_until(to).to_string(),
    };
    out.write_all(json_line(&header)?.as_bytes())?;
    for r in &rows {
        out.write_all(json_line(r)?.as_bytes())?;
    }
    out.flush()?;
    Ok(header)
}

/// One JSON line of a value.
fn json_line<T: Serialize>(value: &T) -> std::io::Result<String> {
    let mut s = serde_json::to_string(value).map_err(std::io::Error::other)?;
    s.push('\n');
    Ok(s)
}

fn invalid(line: u64, zh: impl Into<String>, en: impl Into<String>) -> ArchiveError {
    ArchiveError::Invalid {
        line,
        zh: zh.into(),
        en: en.into(),
    }
}

/// Verifies an archive read from `input`; returns its header when every row verifies.
pub fn verify(input: &mut dyn BufRead) -> Result<ArchiveHeader, ArchiveError> {
    let mut lines = input.lines();
    let first = lines
        .next()
        .transpose()?
        .ok_or_else(|| invalid(1, "归档为空", "the archive is empty"))?;
    let header: ArchiveHeader = serde_json::from_str(&first).map_err(|e| {
        invalid(
            1,
            format!("文件头无法解析：{e}"),
            format!("header does not parse: {e}"),
        )
    })?;
    if header.kind != ARCHIVE_KIND || header.version != 1 {
        return Err(invalid(
            1,
            format!(
                "不是审计归档（kind {:?}，version {}）",
                header.kind, header.version
            ),
            format!(
                "not an audit archive (kind {:?}, version {})",
                header.kind, header.version
            ),
        ));
    }
    let mut prev = header.prev_hash.clone();
    let mut expected = header.first_seq;
    let mut count = 0u64;
    let mut last: Option<AuditRecord> = None;
    for (i, text) in lines.enumerate() {
        let line = i as u64 + 2;
        let text = text?;
        let r: AuditRecord = serde_json::from_str(&text).map_err(|e| {
            invalid(
                line,
                format!("行无法解析：{e}"),
                format!("row does not parse: {e}"),
            )
        })?;
        if Some(r.seq) != expected {
            return Err(invalid(
                line,
                format!("序号 {} 应为 {:?}", r.seq, expected),
                format!("seq {} where {:?} was expected", r.seq, expected),
            ));
        }
        if Some(&r.prev_hash) != prev.as_ref() {
            return Err(invalid(
                line,
                "与前一行的哈希不衔接",
                "does not link to the previous row's hash",
            ));
        }
        if r.event.at < header.from || r.event.at >= header.to {
            return Err(invalid(
                line,
                format!("时间 {} 不在期间内", r.event.at),
                format!("time {} lies outside the period", r.event.at),
            ));
        }
        if r.event.chain_hash(r.seq, &r.prev_hash) != r.row_hash {
            return Err(invalid(
                line,
                "行内容与其哈希不符",
                "the row's contents do not match its hash",
            ));
        }
        prev = Some(r.row_hash.clone());
        expected = Some(r.seq + 1);
        count += 1;
        last = Some(r);
    }
    let end = count + 2;
    if count != header.rows
        || last.as_ref().map(|r| r.seq) != header.last_seq
        || last.as_ref().map(|r| &r.row_hash) != header.last_row_hash.as_ref()
    {
        return Err(invalid(
            end,
            format!(
                "文件头记载 {} 行，末行哈希 {:?}；实有 {count} 行",
                header.rows, header.last_row_hash
            ),
            format!(
                "the header states {} rows ending in {:?}; the archive holds {count}",
                header.rows, header.last_row_hash
            ),
        ));
    }
    Ok(header)
}

/// Reads a period bound given as RFC 3339 or as a date `YYYY-MM-DD` (Beijing midnight), naming
/// the parameter when it is neither.
pub fn parse_bound(field: &str, text: &str) -> Result<DateTime<Utc>, ArchiveError> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    let beijing = chrono::FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset");
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|t| t.and_local_timezone(beijing).single())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            let shown: String = text.chars().take(80).collect();
            ArchiveError::Period(
                format!("参数 {field} 的值 {shown:?} 应为 RFC 3339 时间或日期 YYYY-MM-DD（北京时间）"),
                format!("parameter {field} = {shown:?}: expected an RFC 3339 time or a date YYYY-MM-DD (Beijing)"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_rfc3339_or_beijing_dates_and_others_are_named() {
        assert_eq!(
            log_time(parse_bound("from", "2026-03-01").unwrap()),
            "2026-02-28T16:00:00.000000Z"
        );
        assert_eq!(
            log_time(parse_bound("to", "2026-03-01T10:00:00+08:00").unwrap()),
            "2026-03-01T02:00:00.000000Z"
        );
        let e = parse_bound("to", "yesterday").unwrap_err().to_string();
        assert!(e.contains("to") && e.contains("yesterday"), "{e}");
    }

    #[test]
    fn an_archive_that_is_not_one_is_refused_at_its_first_line() {
        let e = verify(&mut "".as_bytes()).unwrap_err().to_string();
        assert!(e.contains("line 1"), "{e}");
        let e = verify(&mut "{\"kind\":\"x\"}\n".as_bytes())
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 1"), "{e}");
    }
}
