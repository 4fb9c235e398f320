//! `tianping audit export|verify`: the audit log's archive of a period (see
//! `tianping_service::audit_archive`). `export` writes the rows of `[from, to)` with their chain
//! hashes to a file (written beside it and renamed, so a failed export leaves no partial archive)
//! under the retention in force (`--audit-retention-days`, `--personal-audit-retention-days` or
//! the server's `TIANPING_*` variables; values below the legal minimum are refused naming the
//! law). `verify` checks an archive offline and exits 1 naming the first line that fails.

use std::io::{BufReader, BufWriter};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use tianping_service::audit_archive::{self, ArchiveError};
use tianping_service::audit_retention::AuditRetention;
use tianping_store::Store;

use crate::output::Lang;

fn say(lang: Lang, zh: String, en: String) {
    eprintln!(
        "{}",
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    );
}

/// Writes the archive of `[from, to)` to `out`.
pub async fn export(
    store: &dyn Store,
    from: &str,
    to: &str,
    out: &Path,
    retention: (Option<u64>, Option<u64>),
    json: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let retention = AuditRetention::new(retention.0, retention.1)?;
    let from = audit_archive::parse_bound("--from", from)?;
    let to = audit_archive::parse_bound("--to", to)?;
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    let header = {
        let mut w = BufWriter::new(tmp.as_file_mut());
        audit_archive::export(store, from, to, retention, &mut w).await?
    };
    tmp.as_file().sync_all()?;
    tmp.persist(out)
        .with_context(|| format!("cannot write {}", out.display()))?;
    if json {
        println!("{}", serde_json::to_string(&header)?);
    } else {
        say(
            lang,
            format!(
                "已归档 {} 行审计记录（序号 {:?}–{:?}，{} 至 {}）到 {}；须保留至 {}",
                header.rows,
                header.first_seq,
                header.last_seq,
                header.from,
                header.to,
                out.display(),
                header.kept_until
            ),
            format!(
                "archived {} audit rows (seq {:?}–{:?}, {} to {}) to {}; keep until {}",
                header.rows,
                header.first_seq,
                header.last_seq,
                header.from,
                header.to,
                out.display(),
                header.kept_until
            ),
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Verifies an archive; exit 1 when it does not verify.
pub fn verify(archive: &Path, json: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    let file = std::fs::File::open(archive)
        .with_context(|| format!("cannot read {}", archive.display()))?;
    match audit_archive::verify(&mut BufReader::new(file)) {
        Ok(header) => {
            if json {
                println!("{}", serde_json::to_string(&header)?);
            } else {
                say(
                    lang,
                    format!(
                        "审计归档校验通过：{} 行，末行哈希 {:?}",
                        header.rows, header.last_row_hash
                    ),
                    format!(
                        "audit archive verifies: {} rows, last row hash {:?}",
                        header.rows, header.last_row_hash
                    ),
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e @ ArchiveError::Invalid { .. }) => {
            eprintln!("{e}");
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e.into()),
    }
}
