//! `tianping departments load|list`: the department registry. `load` reads the `[[departments]]`
//! section of an installation configuration file (other keys of the file are the server's and are
//! ignored here), validates it whole — an error names the entry and field, e.g.
//! `departments[2].parent` — and stores it, rewriting department names in existing accounts, cases
//! and notices to ids in the same transaction (a value that maps to no department fails it,
//! naming the row). `list` prints the stored registry.

use std::path::Path;
use std::process::ExitCode;

use serde::Deserialize;
use tianping_auth::department::{RawDepartment, Registry};
use tianping_service::departments;
use tianping_store::Store;

use crate::output::Lang;

/// The part of the installation configuration this command reads.
#[derive(Debug, Deserialize)]
struct Installation {
    #[serde(default)]
    departments: Vec<RawDepartment>,
}

/// Loads the registry from `config` into the store.
pub async fn load(
    store: &dyn Store,
    config: &Path,
    json: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(config)
        .map_err(|e| anyhow::anyhow!("{}: {e}", config.display()))?;
    let installation: Installation = match toml::from_str(&text) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("错误 error: {}: {}", config.display(), e.message());
            return Ok(ExitCode::from(2));
        }
    };
    let registry = match Registry::from_raw(&installation.departments) {
        Ok(r) if r.is_empty() => {
            eprintln!(
                "错误 error: {}: 没有 [[departments]] / no [[departments]] section",
                config.display()
            );
            return Ok(ExitCode::from(2));
        }
        Ok(r) => r,
        Err(e) => {
            eprintln!("错误 error: {}: {e}", config.display());
            return Ok(ExitCode::from(2));
        }
    };
    let report = match departments::seed(store, &registry).await {
        Ok(report) => report,
        Err(e) => {
            eprintln!("错误 error: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    if json {
        println!(
            "{}",
            serde_json::json!({
                "inserted": report.inserted, "updated": report.updated,
                "deactivated": report.deactivated, "migrated": report.migrated,
            })
        );
    } else {
        let (ins, upd, deact, moved) = match lang {
            Lang::Zh => ("新增", "更新", "停用", "迁移"),
            Lang::En => ("inserted", "updated", "deactivated", "migrated"),
        };
        eprintln!(
            "{ins} {}  {upd} {}  {deact} {:?}  {moved} {:?}",
            report.inserted, report.updated, report.deactivated, report.migrated
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the stored registry.
pub async fn list(store: &dyn Store, json: bool) -> anyhow::Result<ExitCode> {
    for row in store.departments().await? {
        if json {
            println!("{}", serde_json::to_string(&row)?);
        } else {
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}",
                row.id,
                row.name_zh,
                row.name_en,
                row.region,
                row.parent.as_deref().unwrap_or("-"),
                if row.active { "active" } else { "inactive" }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A department filter as typed (id or Chinese name) → the id; `Err` is the message to print.
pub async fn filter_id(
    store: &dyn Store,
    given: Option<String>,
) -> anyhow::Result<Result<Option<String>, String>> {
    let Some(given) = given else {
        return Ok(Ok(None));
    };
    let registry = departments::load(store).await?;
    Ok(registry
        .resolve(&given)
        .map(|d| Some(d.id.as_str().to_string()))
        .map_err(|e| format!("--department: {e}")))
}
