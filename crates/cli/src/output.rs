//! Human and machine output of the CLI: receipts, batch lists, quarantine, SQL results, progress.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Mutex;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use tianping_ingest::{BatchStatus, FileStatus, QuarantinedRow, Receipt, RowWarning};
use tianping_service::Progress;
use tianping_store::BatchRecord;

/// Language of human-readable output.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// 中文（默认）
    Zh,
    /// English
    En,
}

/// A table that wraps to the terminal, or to 160 columns when stderr is not one.
pub fn new_table() -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if table.width().is_none() {
        table.set_width(160);
    }
    table
}

fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn status_text(status: BatchStatus, lang: Lang) -> &'static str {
    match status {
        BatchStatus::Accepted => t(lang, "已接收", "accepted"),
        BatchStatus::Rejected => t(lang, "整批拒收", "rejected"),
        BatchStatus::Duplicate => t(lang, "重复报送（无变化）", "duplicate (no change)"),
        BatchStatus::Conflict => t(lang, "冲突（已拒收）", "conflict (rejected)"),
    }
}

/// A receipt as a readable block with a table of files.
pub fn render_receipt(receipt: &Receipt, lang: Lang, path: &Path) -> String {
    let mut out = String::new();
    let batch = receipt.batch_id.as_deref().unwrap_or("?");
    let supplier = receipt.supplier.as_deref().unwrap_or("?");
    let _ = writeln!(
        out,
        "{} {batch} ({} {supplier}) — {}  [{}]",
        t(lang, "批次", "batch"),
        t(lang, "报送方", "supplier"),
        status_text(receipt.status, lang),
        path.display()
    );
    let _ = writeln!(
        out,
        "  {} {} · {} {} · {} {} · {} {}",
        t(lang, "接收", "accepted"),
        receipt.accepted,
        t(lang, "隔离", "quarantined"),
        receipt.quarantined,
        t(lang, "警告", "warnings"),
        receipt.warnings,
        t(lang, "收到于", "received at"),
        receipt.received_at
    );
    let reason = match lang {
        Lang::Zh => receipt.reason.as_ref(),
        Lang::En => receipt.reason_en.as_ref(),
    };
    if let Some(reason) = reason {
        let _ = writeln!(out, "  {}: {reason}", t(lang, "说明", "note"));
    }
    if !receipt.files.is_empty() {
        let mut table = new_table();
        table.set_header(vec![
            t(lang, "表", "table"),
            t(lang, "文件", "file"),
            t(lang, "状态", "status"),
            t(lang, "清单行数", "rows"),
            t(lang, "接收", "accepted"),
            t(lang, "隔离", "quarantined"),
            t(lang, "警告", "warnings"),
            t(lang, "原因", "reason"),
        ]);
        for f in &receipt.files {
            let status = match f.status {
                FileStatus::Accepted => t(lang, "接收", "accepted"),
                FileStatus::Rejected => t(lang, "拒收", "rejected"),
            };
            let reason = match lang {
                Lang::Zh => f.reason.clone(),
                Lang::En => f.reason_en.clone(),
            };
            table.add_row(vec![
                f.table.clone(),
                f.path.clone(),
                status.to_string(),
                f.rows.to_string(),
                f.accepted.to_string(),
                f.quarantined.to_string(),
                f.warnings.to_string(),
                reason.unwrap_or_default(),
            ]);
        }
        let _ = write!(out, "{table}");
    }
    out
}

/// The list of batches.
pub fn render_batches(batches: &[BatchRecord], lang: Lang) -> String {
    let mut table = new_table();
    table.set_header(vec![
        t(lang, "报送方", "supplier"),
        t(lang, "批次", "batch"),
        t(lang, "状态", "status"),
        t(lang, "接收", "accepted"),
        t(lang, "隔离", "quarantined"),
        t(lang, "警告", "warnings"),
        t(lang, "收到于", "received at"),
    ]);
    for b in batches {
        table.add_row(vec![
            b.supplier.clone(),
            b.batch_id.clone(),
            status_text(b.status, lang).to_string(),
            b.receipt.accepted.to_string(),
            b.receipt.quarantined.to_string(),
            b.receipt.warnings.to_string(),
            b.received_at.clone(),
        ]);
    }
    table.to_string()
}

/// What a quarantined row shows of its raw bytes: nothing when it holds personal data in the
/// clear (only roles allowed to unmask may see it, through the audited API).
fn raw_shown(row: &QuarantinedRow) -> String {
    if row.personal {
        return "[含个人信息，已屏蔽 / personal data, masked]".to_string();
    }
    let text = String::from_utf8_lossy(&row.raw);
    if text.chars().count() > 200 {
        format!("{}…", text.chars().take(200).collect::<String>())
    } else {
        text.into_owned()
    }
}

/// Quarantined rows and warnings as tables.
pub fn render_quarantine(rows: &[QuarantinedRow], warnings: &[RowWarning], lang: Lang) -> String {
    let mut table = new_table();
    table.set_header(vec![
        t(lang, "文件", "file"),
        t(lang, "记录", "record"),
        t(lang, "行", "line"),
        t(lang, "字段", "field"),
        t(lang, "值", "value"),
        t(lang, "规则", "rule"),
        t(lang, "说明", "message"),
        t(lang, "原始内容", "raw"),
    ]);
    for r in rows {
        table.add_row(vec![
            r.file.clone(),
            r.record.to_string(),
            r.line.map(|l| l.to_string()).unwrap_or_default(),
            r.field.clone().unwrap_or_default(),
            r.value.clone().unwrap_or_default(),
            r.rule.clone(),
            match lang {
                Lang::Zh => r.message.clone(),
                Lang::En => r.message_en.clone(),
            },
            raw_shown(r),
        ]);
    }
    let mut out = format!(
        "{} {}\n{table}",
        t(lang, "隔离行", "quarantined rows"),
        rows.len()
    );
    if !warnings.is_empty() {
        let mut w = new_table();
        w.set_header(vec![
            t(lang, "文件", "file"),
            t(lang, "记录", "record"),
            t(lang, "字段", "field"),
            t(lang, "说明", "message"),
        ]);
        for x in warnings {
            w.add_row(vec![
                x.file.clone(),
                x.record.to_string(),
                x.field.clone(),
                match lang {
                    Lang::Zh => x.message.clone(),
                    Lang::En => x.message_en.clone(),
                },
            ]);
        }
        let _ = write!(
            out,
            "\n{} {}\n{w}",
            t(lang, "警告", "warnings"),
            warnings.len()
        );
    }
    out
}

/// A quarantined row as JSON (raw as text when it is UTF-8, else as hex; masked when personal).
pub fn quarantine_json(row: &QuarantinedRow) -> String {
    let mut value = serde_json::json!({
        "file": row.file, "table": row.table, "record": row.record, "line": row.line,
        "field": row.field, "value": row.value, "rule": row.rule,
        "message": row.message, "message_en": row.message_en, "personal": row.personal,
    });
    if let Some(obj) = value.as_object_mut() {
        if row.personal {
            obj.insert("raw_masked".into(), serde_json::Value::Bool(true));
        } else {
            match std::str::from_utf8(&row.raw) {
                Ok(text) => obj.insert("raw".into(), text.into()),
                Err(_) => obj.insert(
                    "raw_hex".into(),
                    row.raw
                        .iter()
                        .map(|b| format!("{b:02x}"))
                        .collect::<String>()
                        .into(),
                ),
            };
        }
    }
    value.to_string()
}

/// Progress bars on stderr when a terminal is attached (no-ops otherwise).
pub struct ProgressBars {
    enabled: bool,
    multi: MultiProgress,
    current: Mutex<Option<ProgressBar>>,
}

impl ProgressBars {
    /// Bars if `enabled`.
    pub fn new(enabled: bool) -> ProgressBars {
        ProgressBars {
            enabled,
            multi: MultiProgress::new(),
            current: Mutex::new(None),
        }
    }

    /// Removes finished bars.
    pub fn clear(&self) {
        let _ = self.multi.clear();
    }
}

impl Progress for ProgressBars {
    fn file_started(&self, path: &str, rows: u64) {
        if !self.enabled {
            return;
        }
        let bar = self.multi.add(ProgressBar::new(rows));
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {msg:30} [{bar:30}] {pos}/{len} {per_sec} {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar.set_message(path.to_string());
        if let Ok(mut current) = self.current.lock() {
            *current = Some(bar);
        }
    }

    fn records(&self, n: u64) {
        if let Ok(current) = self.current.lock()
            && let Some(bar) = current.as_ref()
        {
            bar.inc(n);
        }
    }

    fn file_finished(&self) {
        if let Ok(mut current) = self.current.lock()
            && let Some(bar) = current.take()
        {
            bar.finish();
        }
    }
}

/// Output format of `tianping sql`.
#[cfg(feature = "sql")]
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A table for the terminal.
    Table,
    /// CSV with a header row.
    Csv,
    /// JSON Lines, one object per row.
    Json,
    /// Parquet (needs --out FILE).
    Parquet,
}

/// Why `tianping sql` failed.
#[cfg(feature = "sql")]
pub enum SqlFailure {
    /// Bad SQL, unknown table or column, or bad options.
    User(String),
    /// Our side failed.
    Internal(anyhow::Error),
}

/// Runs a query and writes its result in `format` to `out` (or stdout).
#[cfg(feature = "sql")]
pub async fn run_sql(
    lake: &tianping_query::Lake,
    sql: &str,
    format: Format,
    out: Option<&Path>,
) -> Result<(), SqlFailure> {
    use futures::StreamExt;
    use std::io::Write;
    use tianping_query::datafusion::arrow;

    let to_stdout = out.is_none_or(|p| p.as_os_str() == "-");
    if format == Format::Parquet && to_stdout {
        return Err(SqlFailure::User("--format parquet needs --out FILE".into()));
    }
    let (schema, mut stream) = lake
        .stream(sql)
        .await
        .map_err(|e| SqlFailure::User(e.to_string()))?;
    let sink: Box<dyn Write + Send> = if to_stdout {
        Box::new(std::io::stdout())
    } else {
        let path = out.unwrap_or(Path::new("-"));
        Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .map_err(|e| SqlFailure::User(format!("{}: {e}", path.display())))?,
        ))
    };
    let internal = |e: &dyn std::fmt::Display| SqlFailure::Internal(anyhow::anyhow!("{e}"));
    match format {
        Format::Table => {
            const MAX_ROWS: usize = 10_000;
            let mut batches = Vec::new();
            let mut rows = 0usize;
            let mut truncated = false;
            while let Some(batch) = stream.next().await {
                let batch = batch.map_err(|e| SqlFailure::User(e.to_string()))?;
                if rows + batch.num_rows() > MAX_ROWS {
                    batches.push(batch.slice(0, MAX_ROWS - rows));
                    truncated = true;
                    break;
                }
                rows += batch.num_rows();
                batches.push(batch);
            }
            let mut sink = sink;
            let text = if batches.is_empty() {
                arrow::util::pretty::pretty_format_batches(&[
                    arrow::record_batch::RecordBatch::new_empty(schema),
                ])
            } else {
                arrow::util::pretty::pretty_format_batches(&batches)
            }
            .map_err(|e| internal(&e))?;
            writeln!(sink, "{text}").map_err(|e| internal(&e))?;
            if truncated {
                eprintln!("（仅显示前 {MAX_ROWS} 行；完整结果请用 --format csv --out FILE）");
            }
        }
        Format::Csv => {
            let mut writer = arrow::csv::WriterBuilder::new()
                .with_header(true)
                .build(sink);
            let mut any = false;
            while let Some(batch) = stream.next().await {
                let batch = batch.map_err(|e| SqlFailure::User(e.to_string()))?;
                writer.write(&batch).map_err(|e| internal(&e))?;
                any = true;
            }
            if !any {
                writer
                    .write(&arrow::record_batch::RecordBatch::new_empty(schema))
                    .map_err(|e| internal(&e))?;
            }
        }
        Format::Json => {
            let mut writer = arrow::json::LineDelimitedWriter::new(sink);
            while let Some(batch) = stream.next().await {
                let batch = batch.map_err(|e| SqlFailure::User(e.to_string()))?;
                writer.write(&batch).map_err(|e| internal(&e))?;
            }
            writer.finish().map_err(|e| internal(&e))?;
        }
        Format::Parquet => {
            let mut writer = tianping_query::datafusion::parquet::arrow::ArrowWriter::try_new(
                sink, schema, None,
            )
            .map_err(|e| internal(&e))?;
            while let Some(batch) = stream.next().await {
                let batch = batch.map_err(|e| SqlFailure::User(e.to_string()))?;
                writer.write(&batch).map_err(|e| internal(&e))?;
            }
            writer.close().map_err(|e| internal(&e))?;
        }
    }
    Ok(())
}

/// Writes lines to a file, or to stdout for `-`.
pub fn write_lines(out: &Path, lines: &[String]) -> std::io::Result<()> {
    use std::io::Write;
    let mut sink: Box<dyn Write> = if out.as_os_str() == "-" {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(std::io::BufWriter::new(std::fs::File::create(out)?))
    };
    for line in lines {
        sink.write_all(line.as_bytes())?;
        sink.write_all(b"\n")?;
    }
    sink.flush()
}

/// A detection run's summary.
#[cfg(feature = "sql")]
pub fn render_run(report: &tianping_engine::RunReport, lang: Lang) -> String {
    let mut table = new_table();
    table.set_header(vec![
        t(lang, "检测器", "detector"),
        t(lang, "版本", "version"),
        t(lang, "状态", "status"),
        t(lang, "读取行数", "rows read"),
        t(lang, "返回 Arrow 字节", "Arrow bytes returned"),
        t(lang, "已归约的表", "reduced tables"),
        t(lang, "发现", "findings"),
        t(lang, "扫描 ms", "scan ms"),
        t(lang, "分析 ms", "analysis ms"),
    ]);
    for d in &report.detectors {
        let rows: u64 = d.rows_read.values().sum();
        table.add_row(vec![
            d.id.clone(),
            d.version.to_string(),
            if d.skipped {
                t(lang, "输入未变，跳过", "inputs unchanged, skipped")
            } else {
                t(lang, "已运行", "ran")
            }
            .to_string(),
            rows.to_string(),
            d.bytes_returned.values().sum::<u64>().to_string(),
            d.reduced.join(","),
            d.findings.to_string(),
            d.scan.as_millis().to_string(),
            d.analysis.as_millis().to_string(),
        ]);
    }
    // Each value other than the code's default, with its source (as the run record says).
    let mut params = String::new();
    for (rule, values) in &report.param_values {
        for (name, value) in values {
            let source = match report.param_sources.get(rule).and_then(|m| m.get(name)) {
                Some(tianping_detect::rules::Source::Setting {
                    setting_id,
                    effective_from,
                }) => format!(
                    "{} #{setting_id}，{} {effective_from}",
                    t(lang, "设定", "setting"),
                    t(lang, "生效自", "from")
                ),
                Some(tianping_detect::rules::Source::Config) => {
                    t(lang, "配置文件", "config file").to_string()
                }
                _ => t(lang, "默认", "default").to_string(),
            };
            let _ = writeln!(
                params,
                "{} {rule}.{name} = {value}（{source}）",
                t(lang, "参数", "parameter")
            );
        }
    }
    format!(
        "{} {} · {} {} · {} {} / {} {} / {} {}\n{params}{table}",
        t(lang, "检测截至", "as of"),
        report.run.as_of,
        t(lang, "运行", "run"),
        report.run.run_id,
        t(lang, "新发现", "new"),
        report.summary.new,
        t(lang, "未变", "unchanged"),
        report.summary.unchanged,
        t(lang, "证据已变", "changed"),
        report.summary.changed
    )
}

/// Evaluation scores per rule, with misses and false alarms.
pub fn render_scores(scores: &[tianping_sim::truth::Score], lang: Lang) -> String {
    let mut table = new_table();
    table.set_header(vec![
        t(lang, "规则", "rule"),
        t(lang, "命中", "TP"),
        t(lang, "误报", "FP"),
        t(lang, "漏报", "FN"),
        t(lang, "精确率", "precision"),
        t(lang, "召回率", "recall"),
        "F1",
        t(lang, "漏报与误报", "misses and false alarms"),
    ]);
    for s in scores {
        let mut notes: Vec<String> = s
            .misses
            .iter()
            .map(|m| format!("{}: {}", t(lang, "漏", "miss"), m.id))
            .collect();
        notes.extend(
            s.false_alarms
                .iter()
                .map(|m| format!("{}: {}", t(lang, "误", "false alarm"), m.id)),
        );
        table.add_row(vec![
            s.rule.clone(),
            s.true_positives.to_string(),
            s.false_positives.to_string(),
            s.false_negatives.to_string(),
            format!("{:.3}", s.precision),
            format!("{:.3}", s.recall),
            format!("{:.3}", s.f1),
            notes.join("\n"),
        ]);
    }
    table.to_string()
}
